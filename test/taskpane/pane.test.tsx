/** @jest-environment jsdom */
/**
 * The pane in jsdom with a fake WorkbookHost: catalogue search and 插入公式, browser-mode banner,
 * validation results (counts, groups, filters, click → selectCell), report sheet, language switch.
 */
import { SHIPPED_POLICY } from "../../src/policy/shipped";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, type Detected } from "../../src/taskpane/App";
import type { RegionData, RegionSource, SheetSpec, WorkbookHost } from "../../src/host/types";
import type { ValidationReport } from "../../src/validation/types";
import { STRINGS } from "../../src/taskpane/i18n";
import { buildReportSheet } from "../../src/taskpane/report-sheet";

const REGION: RegionData = {
  sheet: "申报表",
  address: "A1:I4",
  firstRow: 1,
  firstCol: 0,
  values: [
    ["企业名称", "统一社会信用代码", "所属地区", "项目类别", "计算基数（元）", "认定等级/条件", "认定日期", "申报金额（元）", "项目名称"],
    ["甲公司", "91341100MA2N000000", "琅琊区", "smart_factory", null, null, 44800, 300000, null],
    ["乙公司", "bad", "外地", "equipment_network", 800000, null, 44800, 200000, null],
    ["丙公司", "91341100MA2N000000", "南谯区", "xyz", null, null, 44800, 100, null],
  ],
};

const REPORT: ValidationReport = {
  findings: [
    { row: 3, column: "credit_code", severity: "error", rule: "credit_code.format", message: "信用代码格式错误", messageEn: "Bad credit code" },
    { row: 3, column: "jurisdiction", col: 2, severity: "error", rule: "jurisdiction.unknown", message: "地区不在十个之列", messageEn: "Unknown jurisdiction" },
    { row: 3, column: "requested", severity: "info", rule: "requested.below", message: "申报低于核定", messageEn: "Below computed" },
    { row: 4, column: "program", severity: "error", rule: "program.unknown", message: "未知项目“xyz”", messageEn: "Unknown program xyz" },
    { row: 4, column: "date", severity: "warning", rule: "date.missing", message: "缺少日期", messageEn: "Missing date" },
  ],
  rows: [],
  summary: { rows: 3, errors: 3, warnings: 1, infos: 1, rowsWithErrors: 2, requested: 60_010_000, computed: 46_000_000, payable: 46_000_000, city: 15_000_000, beneficiary: 31_000_000, byRule: { "credit_code.format": 1, "jurisdiction.unknown": 1, "requested.below": 1, "program.unknown": 1, "date.missing": 1 },
    totals: { declared: { rows: 3, amount: 60_010_000 }, payable: { rows: 1, amount: 46_000_000, city: 15_000_000, beneficiary: 31_000_000 }, heldBack: { rows: 2, amount: 14_010_000 }, review: { rows: 0, amount: 0 } },
  },
  mapping: { enterprise: { index: 0, header: "企业名称", wan: false }, credit_code: { index: 1, header: "统一社会信用代码", wan: false }, program: { index: 3, header: "项目类别", wan: false }, requested: { index: 7, header: "申报金额（元）", wan: false }, date: { index: 6, header: "认定日期", wan: false } },
  catalogues: ["chuzhou-ii-2021"],
  policy: { id: "chuzhou-ii-2021", title: "滁州市支持工业互联网发展若干政策（2021）" },
  sheet: "申报表",
};

jest.mock("../../src/taskpane/validation/run", () => ({
  ...jest.requireActual("../../src/taskpane/validation/run"),
  runValidation: async (_r: unknown, _m: unknown, _h: number, onProgress: (d: number, t: number) => void) => {
    onProgress(3, 3);
    return (globalThis as any).__REPORT__;
  },
}));

class FakeHost implements WorkbookHost {
  readonly kind: "office" | "exceljs";
  calls: string[] = [];
  written: SheetSpec[] = [];
  constructor(kind: "office" | "exceljs") {
    this.kind = kind;
  }
  async listTables() {
    return [];
  }
  async listSheets() {
    return ["申报表", "说明"];
  }
  async readRegion(s: RegionSource) {
    this.calls.push(`read ${JSON.stringify(s)}`);
    return REGION;
  }
  async selectCell(sheet: string, row: number, col: number) {
    this.calls.push(`select ${sheet} ${row} ${col}`);
  }
  async writeSheet(spec: SheetSpec) {
    this.written.push(spec);
    return { name: spec.name, tableAddress: "A7:F12" };
  }
  async insertFormula(f: string) {
    this.calls.push(`insert ${f}`);
    return { sheet: "Sheet1", address: "B2" };
  }
}

beforeAll(() => {
  (globalThis as any).__REPORT__ = REPORT;
  // jsdom has no ResizeObserver; Fluent's MessageBar uses one for reflow.
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const zh = STRINGS.zh;

function renderPane(d: Detected, lang?: "zh" | "en") {
  return render(<App detect={() => Promise.resolve(d)} initialLang={lang} policy={SHIPPED_POLICY} />);
}

test("catalogue: search by Chinese name, shows rule and clause; 插入公式 writes only on click", async () => {
  const host = new FakeHost("office");
  renderPane({ mode: "office", host });
  await waitFor(() => expect(screen.queryByText(zh.mode_detecting)).toBeNull());
  expect(host.calls).toEqual([]);
  fireEvent.change(screen.getByPlaceholderText(zh.search_placeholder), { target: { value: "智能工厂" } });
  const card = await screen.findByTestId("program-smart_factory");
  expect(within(card).getByTestId("rule").textContent).toBe("定额30万元");
  expect(card.textContent).toContain("市财政、受益财政1:1");
  expect(screen.queryByTestId("program-equipment_network")).toBeNull();
  expect(host.calls).toEqual([]); // searching writes nothing
  fireEvent.click(within(card).getByText(zh.insert_formula));
  await waitFor(() => expect(host.calls).toEqual(['insert =CZ.SUBSIDY("smart_factory")']));
  expect((await screen.findByTestId("success-bar")).textContent).toContain("Sheet1!B2");
});

test("catalogue: search by code is case-insensitive", async () => {
  renderPane({ mode: "office", host: new FakeHost("office") });
  fireEvent.change(screen.getByPlaceholderText(zh.search_placeholder), { target: { value: "EQUIPMENT_NET" } });
  expect(await screen.findByTestId("program-equipment_network")).toBeTruthy();
  expect(screen.getByText("共 1 项")).toBeTruthy();
});

test("browser mode: banner and file input, no host yet", async () => {
  renderPane({ mode: "browser", host: null });
  expect(await screen.findByTestId("browser-banner")).toBeTruthy();
  expect(screen.getByText(zh.browser_banner_title)).toBeTruthy();
  expect(screen.getByTestId("file-input").getAttribute("accept")).toContain(".xlsx");
});

test("English switch and displayLanguage", async () => {
  renderPane({ mode: "browser", host: null, displayLanguage: "en-US" });
  expect(await screen.findByText(STRINGS.en.browser_banner_title)).toBeTruthy();
  fireEvent.click(screen.getByTestId("lang-switch"));
  expect(await screen.findByText(zh.browser_banner_title)).toBeTruthy();
});

test("validation: counts, totals, grouped findings, filters, click selects the cell, report sheet", async () => {
  const host = new FakeHost("office");
  renderPane({ mode: "office", host });
  await waitFor(() => expect(screen.queryByText(zh.mode_detecting)).toBeNull());
  fireEvent.click(screen.getByTestId("tab-validation"));
  await act(async () => {
    fireEvent.click(screen.getByTestId("run-validation"));
  });
  await screen.findByTestId("results");
  expect(host.calls[0]).toBe('read {"kind":"selection"}');
  expect(screen.getByTestId("count-error").textContent).toBe("错误 3");
  expect(screen.getByTestId("count-warning").textContent).toBe("警告 1");
  expect(screen.getByTestId("count-info").textContent).toBe("提示 1");
  // The one total with its parts, from report.summary.totals, in the core's words; 分 → 元 with separators.
  expect(screen.getByTestId("total-declared").textContent).toContain("申报600,100 元3行");
  expect(screen.getByTestId("total-payable-amount").textContent).toBe("460,000 元");
  expect(screen.getByTestId("total-payable-split").textContent).toBe("其中市财政承担150,000 元，受益财政承担310,000 元");
  expect(screen.getByTestId("total-heldBack-amount").textContent).toBe("140,100 元");
  expect(screen.getByTestId("total-review-amount").textContent).toBe("0 元");
  expect(screen.getByTestId("totals").textContent).not.toContain("核定金额");
  // 万元 view: exact digits.
  fireEvent.click(screen.getByTestId("unit-wan"));
  expect(screen.getByTestId("total-payable-amount").textContent).toBe("46.00 万元");
  fireEvent.click(screen.getByTestId("unit-wan"));
  // Live region announces the counts; focus moved into the findings list.
  expect(screen.getByTestId("validation-live").textContent).toBe("校验完成：共 3 行；错误 3 条，警告 1 条，提示 1 条；应付 46万元。");
  await waitFor(() => expect(document.activeElement?.getAttribute("role")).toBe("option"));
  // Grouped by rule, errors first.
  const groups = screen.getAllByTestId(/^group-/).map((g) => g.getAttribute("data-testid"));
  expect(groups.slice(0, 3).sort()).toEqual(["group-credit_code.format", "group-jurisdiction.unknown", "group-program.unknown"]);
  expect(groups.slice(3)).toEqual(["group-date.missing", "group-requested.below"]);
  // Filter by severity.
  fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "warning" } });
  expect(screen.getAllByTestId("finding").map((b) => b.getAttribute("data-rule"))).toEqual(["date.missing"]);
  fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "" } });
  fireEvent.change(screen.getByTestId("filter-rule"), { target: { value: "program.unknown" } });
  const only = screen.getAllByTestId("finding");
  expect(only).toHaveLength(1);
  expect(only[0].textContent).toBe("第 4 行 · 项目类别：未知项目“xyz”");
  // Click → selectCell at the mapped column (program is column D = index 3).
  await act(async () => {
    fireEvent.click(only[0]);
  });
  expect(host.calls).toContain("select 申报表 4 3");
  expect(screen.getByTestId("selected-cell").textContent).toBe("已定位到 申报表!D4");
  expect(only[0].getAttribute("aria-selected")).toBe("true");
  // A filter that hides every finding says so.
  fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "warning" } });
  expect(screen.getByTestId("no-findings").textContent).toBe("当前筛选下没有问题，共 5 条已隐藏");
  fireEvent.change(screen.getByTestId("filter-severity"), { target: { value: "" } });
  // Write report → a new sheet spec with links.
  await act(async () => {
    fireEvent.click(screen.getByTestId("write-report"));
  });
  expect(host.written).toHaveLength(1);
  expect(host.written[0].name).toBe("校验报告");
  expect(host.written[0].rows[0][2]).toEqual({ text: "申报表!B3", link: { sheet: "申报表", cell: "B3" } });
  expect((await screen.findByTestId("notice-actions")).textContent).toBe("已写入工作表“校验报告”");
});

test("errors are shown to the user, not swallowed", async () => {
  const host = new FakeHost("office");
  host.readRegion = async () => {
    throw Object.assign(new Error("empty_region"), { name: "HostError", code: "empty_region" });
  };
  renderPane({ mode: "office", host });
  await waitFor(() => expect(screen.queryByText(zh.mode_detecting)).toBeNull());
  fireEvent.click(screen.getByTestId("tab-validation"));
  await act(async () => {
    fireEvent.click(screen.getByTestId("read-table"));
  });
  // Inline, next to the buttons.
  expect((await screen.findByTestId("notice-source")).textContent).toContain(zh.host_empty_region);
});

test("report sheet: ranked findings, links, policy version and time", () => {
  const spec = buildReportSheet(REPORT, REGION, "zh", new Date(2024, 0, 2, 3, 4, 5));
  expect(spec.preamble!.slice(0, 5)).toEqual([
    "申报表校验报告",
    "数据来源：申报表!A1:I4",
    "政策版本：滁州市支持工业互联网发展若干政策（2021）（chuzhou-ii-2021）",
    "校验时间：2024-01-02 03:04:05",
    "结果：共 3 行；错误 3，警告 1，提示 1；有错误的申报 2 行",
  ]);
  expect(spec.preamble!.slice(5).map((l) => l.split("——")[0])).toEqual(["申报：60.01万元（3行）", "应付：46万元（1行），其中市财政承担15万元，受益财政承担31万元", "有误未计：14.01万元（2行）", "需复核：0元（0行）"]);
  expect(spec.rows.map((r) => r.at(-1))).toEqual(["credit_code.format", "jurisdiction.unknown", "program.unknown", "date.missing", "requested.below"]);
  expect(spec.rows.map((r) => r[1])).toEqual(["信用代码格式错误", "所属地区不在十个之列", "未知项目类别", "缺少认定/完成日期", "requested.below"]);
  expect(spec.rows[1][2]).toEqual({ text: "申报表!C3", link: { sheet: "申报表", cell: "C3" } });
  expect(spec.rows[3][2]).toEqual({ text: "申报表!G4", link: { sheet: "申报表", cell: "G4" } });
});

test("in Excel, the pane says so when the CZ functions did not load (functions.js never ran), and not otherwise", async () => {
  const G = globalThis as { __CZ_FUNCTIONS_LOADED__?: boolean };
  const saved = G.__CZ_FUNCTIONS_LOADED__;
  try {
    delete G.__CZ_FUNCTIONS_LOADED__;
    const first = renderPane({ mode: "office", host: new FakeHost("office") });
    expect((await screen.findByTestId("functions-unavailable")).textContent).toBe(zh.functions_unavailable);
    first.unmount();
    G.__CZ_FUNCTIONS_LOADED__ = true;
    renderPane({ mode: "office", host: new FakeHost("office") });
    await waitFor(() => expect(screen.queryByText(zh.mode_detecting)).toBeNull());
    expect(screen.queryByTestId("functions-unavailable")).toBeNull();
  } finally {
    G.__CZ_FUNCTIONS_LOADED__ = saved;
  }
});
