/**
 * The shell's reducers and pure helpers: pane state (where it runs, the browser file, unsaved
 * output), the feedback strip (no stacking, re-rendered in the current language), the reports
 * tab's state, and the theme choice from Excel's Office theme.
 */
import { feedbackReducer, initialFeedback, MAX_PROBLEMS, noticeSignature, type FeedbackState } from "../../src/taskpane/app/feedback";
import { initialShell, shellReducer } from "../../src/taskpane/app/pane-state";
import { initialReports, reportsReducer } from "../../src/taskpane/reports/reports-state";
import { luminance, themeFromOffice } from "../../src/taskpane/app/theme";
import { type Notice, noticeText } from "../../src/taskpane/context";
import type { WorkbookHost } from "../../src/host/types";

const host = { kind: "exceljs" } as unknown as WorkbookHost;
const file = { name: "申报.xlsx", save: async () => new Blob([]) };

describe("pane state", () => {
  test("browser mode, a file opened, output added, downloaded", () => {
    let s = initialShell("zh");
    expect(s.mode).toBe("detecting");
    s = shellReducer(s, { type: "detected", d: { mode: "browser", host: null } });
    expect(s).toMatchObject({ mode: "browser", functions: false, tab: "catalogue" });
    // Nothing to lose before a file is open.
    expect(shellReducer(s, { type: "dirty" }).dirty).toBe(false);
    s = shellReducer(s, { type: "opening", on: true });
    s = shellReducer(s, { type: "opened", host, file });
    expect(s).toMatchObject({ host, browserFile: file, opening: false, tab: "validation", opened: 1, dirty: false });
    s = shellReducer(s, { type: "dirty" });
    expect(s.dirty).toBe(true);
    s = shellReducer(s, { type: "saved" });
    expect(s.dirty).toBe(false);
  });

  test("opening another file drops the last validation", () => {
    let s = shellReducer(initialShell("zh"), { type: "detected", d: { mode: "browser", host: null } });
    s = shellReducer(s, { type: "opened", host, file });
    s = shellReducer(s, { type: "validated", v: { region: {} as never, report: {} as never } });
    expect(s.lastValidation).not.toBeNull();
    s = shellReducer(s, { type: "opened", host, file: { ...file, name: "b.xlsx" } });
    expect(s.lastValidation).toBeNull();
    expect(s.opened).toBe(2);
  });

  test("Excel reporting late replaces browser mode and its file; language from Excel", () => {
    let s = shellReducer(initialShell("zh"), { type: "detected", d: { mode: "browser", host: null } });
    s = shellReducer(s, { type: "opened", host, file });
    s = shellReducer(s, { type: "dirty" });
    const office = { kind: "office" } as unknown as WorkbookHost;
    s = shellReducer(s, { type: "detected", d: { mode: "office", host: office, displayLanguage: "en-GB" } });
    expect(s).toMatchObject({ mode: "office", host: office, browserFile: null, dirty: false, lang: "en", tab: "catalogue", functions: true });
    expect(shellReducer(s, { type: "detected", d: { mode: "office", host: office, functions: false } }).functions).toBe(false);
  });
});

describe("feedback strip", () => {
  const notify = (s: FeedbackState, n: Notice) => feedbackReducer(s, { type: "notify", notice: n, sig: noticeSignature(n, noticeText(n, "zh")) });
  const err = (code: string) => ({ intent: "error" as const, error: Object.assign(new Error(code), { name: "HostError", code }) });

  test("identical errors do not stack: one entry, counted", () => {
    let s = initialFeedback;
    s = notify(s, err("file_xls"));
    s = notify(s, err("file_xls"));
    s = notify(s, err("file_xls"));
    expect(s.entries).toHaveLength(1);
    expect(s.entries[0].count).toBe(3);
    s = notify(s, err("file_not_xlsx"));
    expect(s.entries.map((e) => e.count)).toEqual([3, 1]);
  });

  test("a success replaces the previous success but keeps the errors; at most MAX_PROBLEMS errors", () => {
    let s = initialFeedback;
    s = notify(s, { intent: "success", key: "file_loaded", params: { name: "a" } });
    s = notify(s, err("file_xls"));
    s = notify(s, { intent: "success", key: "file_loaded", params: { name: "b" } });
    expect(s.entries.map((e) => [e.notice.intent, e.notice.params?.name ?? ""])).toEqual([
      ["error", ""],
      ["success", "b"],
    ]);
    for (const code of ["file_empty", "file_damaged", "file_encrypted", "file_not_xlsx"]) s = notify(s, err(code));
    expect(s.entries.filter((e) => e.notice.intent === "error")).toHaveLength(MAX_PROBLEMS);
    // The oldest errors went first.
    expect(s.entries.map((e) => (e.notice.error as { code?: string } | undefined)?.code ?? e.notice.intent)).toEqual(["success", "file_damaged", "file_encrypted", "file_not_xlsx"]);
    s = feedbackReducer(s, { type: "dismiss", id: s.entries[1].id });
    expect(s.entries.filter((e) => e.notice.intent === "error")).toHaveLength(MAX_PROBLEMS - 1);
    expect(feedbackReducer(s, { type: "clear" }).entries).toEqual([]);
  });

  test("a notice is stored as key + params and renders in the language asked (after a switch)", () => {
    const n: Notice = { intent: "success", key: "results_written", params: { name: "结果表", table: "CZ_Results" }, more: [{ key: "reports_download_hint" }] };
    expect(noticeText(n, "zh")).toBe("已生成结果表“结果表”（表格 CZ_Results），并已选中。请点击上方“下载工作簿”获取含新增工作表的文件。");
    expect(noticeText(n, "en")).toBe('Built results table "结果表" (table CZ_Results) and selected it Use "Download workbook" above to get the file with the new sheets.');
    expect(noticeText(err("file_xls"), "zh")).toBe("这是旧版 .xls 文件，无法直接读取。请在 Excel 或 WPS 中另存为 .xlsx 后再打开。");
    expect(noticeText(err("file_xls"), "en")).toMatch(/^This is an old \.xls file/);
  });
});

describe("reports tab state", () => {
  test("busy, written sheets in order, the pivot note kept until replaced, reset", () => {
    let s = reportsReducer(initialReports, { type: "start", busy: "results" });
    expect(s.busy).toBe("results");
    s = reportsReducer(s, { type: "written", names: ["结果表"] });
    s = reportsReducer(s, { type: "end" });
    s = reportsReducer(s, { type: "written", names: ["汇总表"], note: "不支持数据透视表" });
    s = reportsReducer(s, { type: "written", names: ["行动计划进度"] });
    expect(s).toEqual({ busy: "", written: ["结果表", "汇总表", "行动计划进度"], note: "不支持数据透视表" });
    expect(reportsReducer(s, { type: "written", names: [], note: null }).note).toBeNull();
    expect(reportsReducer(s, { type: "reset" })).toEqual(initialReports);
  });
});

describe("theme", () => {
  test("Excel's body background decides light or dark; nothing readable → no opinion", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1);
    expect(luminance("000000")).toBe(0);
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "#E6E6E6" })).toBe("light"); // Office "colorful"/"white"
    expect(themeFromOffice({ bodyBackgroundColor: "#262626" })).toBe("dark"); // Office "black"
    expect(themeFromOffice({ bodyBackgroundColor: "#666666" })).toBe("dark"); // Office "dark gray"
    expect(themeFromOffice({ bodyBackgroundColor: "" })).toBeNull();
    expect(themeFromOffice(undefined)).toBeNull();
  });
});
