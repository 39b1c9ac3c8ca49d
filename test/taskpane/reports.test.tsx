/** @jest-environment jsdom */
/**
 * The 报表 tab in jsdom with a fake WorkbookHost that records every call under the real
 * WorkbookHost method names. Validation is the real one (src/validation through the pane's
 * adapter): the tab offers to run it when none has run.
 */
import { SHIPPED_POLICY } from "../../src/policy/shipped";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
// The tabs are lazy chunks in the pane: load (and compile) them before the tests, so the first
// test does not spend its waitFor time in ts-jest.
import "../../src/taskpane/catalogue/CatalogueTab";
import "../../src/taskpane/ValidationTab";
import "../../src/taskpane/reports/ReportsTab";
import "../../src/taskpane/reports/ConvertPanel";
import type { CellBlockWrite, ChartSpec, PivotSpec, RegionData, RegionSource, SheetSpec, TableInfo, WorkbookHost, WrittenSheet } from "../../src/host/types";
import type { BrowserFile } from "../../src/taskpane/context";
import { STRINGS } from "../../src/taskpane/i18n";
import { makeCreditCode, isoToSerial } from "../../src/policy";
import { pivotPlan, progress } from "../../src/reports";

const zh = STRINGS.zh;
const HEADER = ["企业名称", "统一社会信用代码", "所属地区", "项目类别", "计算基数（元）", "认定等级/条件", "认定日期", "申报金额（元）"];
const REGION: RegionData = {
  sheet: "申报表",
  address: "A1:H4",
  firstRow: 1,
  firstCol: 0,
  values: [
    HEADER,
    ["甲公司", makeCreditCode("341102", "MA2N0001"), "琅琊区", "smart_factory", null, null, isoToSerial("2022-05-01"), 300000],
    ["乙公司", makeCreditCode("341103", "MA2N0002"), "南谯区", "equipment_network", 2000000, null, isoToSerial("2023-03-01"), 400000],
    ["丙公司", "bad", "来安县", "smart_factory", null, null, isoToSerial("2023-04-01"), 300000],
  ],
};

type Call = [string, ...unknown[]];

class FakeHost implements WorkbookHost {
  calls: Call[] = [];
  sheets = ["申报表"];
  tables: TableInfo[] = [];
  formulaBlock: Awaited<ReturnType<NonNullable<WorkbookHost["readFormulas"]>>> | null = null;
  constructor(
    readonly kind: "office" | "exceljs",
    private readonly pivots: boolean,
  ) {}
  /** The calls with a given method name. */
  of(name: string): Call[] {
    return this.calls.filter((c) => c[0] === name);
  }
  async listTables() {
    this.calls.push(["listTables"]);
    return this.tables;
  }
  async listSheets() {
    this.calls.push(["listSheets"]);
    return [...this.sheets];
  }
  async readRegion(s: RegionSource) {
    this.calls.push(["readRegion", s]);
    return REGION;
  }
  async selectCell(sheet: string, row: number, col: number) {
    this.calls.push(["selectCell", sheet, row, col]);
  }
  /** Like the real hosts: a taken name gets " (2)". */
  async writeSheet(spec: SheetSpec): Promise<WrittenSheet> {
    this.calls.push(["writeSheet", spec]);
    let name = spec.name;
    for (let i = 2; this.sheets.includes(name); i++) name = `${spec.name} (${i})`;
    this.sheets.push(name);
    if (spec.tableName) this.tables.push({ name: spec.tableName, sheet: name, address: "A7:M10" });
    return { name, tableAddress: "A7:M10" };
  }
  supportsPivots() {
    return this.pivots;
  }
  async addPivots(sheet: string, pivots: PivotSpec[], chart?: ChartSpec) {
    this.calls.push(["addPivots", sheet, pivots, chart]);
    this.sheets.push(sheet);
  }
  async readFormulas(source: Parameters<NonNullable<WorkbookHost["readFormulas"]>>[0]) {
    this.calls.push(["readFormulas", source]);
    if (!this.formulaBlock) throw new Error("no block");
    return this.formulaBlock;
  }
  async writeFormulas(sheet: string, writes: CellBlockWrite[]) {
    this.calls.push(["writeFormulas", sheet, writes]);
    return writes.reduce((n, w) => n + w.values.flat().filter((v) => v !== null).length, 0);
  }
}

beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

async function openReports(host: WorkbookHost | null, mode: "office" | "browser" = "office") {
  render(<App policy={SHIPPED_POLICY} detect={() => Promise.resolve({ mode, host })} />);
  await waitFor(() => expect(screen.queryByText(zh.mode_detecting)).toBeNull());
  fireEvent.click(screen.getByTestId("tab-reports"));
  // The tab and its conversion panel are lazy chunks.
  await waitFor(() => expect(screen.queryByTestId("convert-panel") ?? screen.queryByTestId("reports-no-host")).toBeTruthy());
}

/** Reports tab, with the validation run from the tab's own "立即校验". */
async function validated(host: FakeHost) {
  await openReports(host);
  expect(screen.getByTestId("reports-need-validation").textContent).toContain(zh.reports_need_validation);
  expect(screen.queryByTestId("build-results")).toBeNull();
  await act(async () => {
    fireEvent.click(screen.getByTestId("reports-validate"));
  });
  await screen.findByTestId("reports-source");
}

const written = (host: FakeHost) => host.of("writeSheet").map((c) => c[1] as SheetSpec);

test("no workbook: says so; no validation yet: offers to run it, which validates the selection", async () => {
  await openReports(null, "browser");
  expect(screen.getByTestId("reports-no-host").textContent).toBe(zh.reports_no_host);
  const host = new FakeHost("office", true);
  render(<App policy={SHIPPED_POLICY} detect={() => Promise.resolve({ mode: "office", host })} />);
  await waitFor(() => expect(screen.getAllByTestId("tab-reports").length).toBe(2));
  fireEvent.click(screen.getAllByTestId("tab-reports")[1]);
  await screen.findByTestId("reports-validate");
  await act(async () => {
    fireEvent.click(screen.getByTestId("reports-validate"));
  });
  expect(await screen.findByTestId("reports-source")).toBeTruthy();
  expect(host.of("readRegion")).toEqual([["readRegion", { kind: "selection" }]]);
  expect(screen.getByTestId("reports-source").textContent).toBe("基于最近一次校验：申报表!A1:H4，3 行（错误 1，警告 0）");
  expect(host.of("writeSheet")).toEqual([]); // validating writes nothing
});

test("生成结果表: a new sheet with a unique CZ_Results table, the written name shown and selected", async () => {
  const host = new FakeHost("office", true);
  host.sheets.push("结果表"); // the host will rename
  host.tables.push({ name: "CZ_Results", sheet: "结果表", address: "A7:M9" });
  await validated(host);
  await act(async () => {
    fireEvent.click(screen.getByTestId("build-results"));
  });
  const [spec] = written(host);
  expect(spec.name).toBe("结果表");
  expect(spec.tableName).toBe("CZ_Results_2");
  expect(spec.rows).toHaveLength(3);
  expect(spec.rows.map((r) => r[0])).toEqual(["甲公司", "乙公司", "丙公司"]);
  // Award columns (核定额, after 项目类别 and 项目名称): 300,000 and 400,000 元 counted; the row with errors has none.
  expect(spec.rows.map((r) => r[9])).toEqual([300000, 400000, null]);
  expect(host.of("selectCell")).toEqual([["selectCell", "结果表 (2)", 7, 0]]);
  expect((await screen.findByTestId("success-bar")).textContent).toContain("已生成结果表“结果表 (2)”（表格 CZ_Results_2），并已选中");
  expect(screen.getByTestId("written-sheets").textContent).toBe("结果表 (2)");
});

test("生成透视报表 with ExcelApi 1.8: results + summary sheets, then PivotTables over the names the host used", async () => {
  const host = new FakeHost("office", true);
  host.sheets.push("汇总表"); // → 汇总表 (2)
  await validated(host);
  await act(async () => {
    fireEvent.click(screen.getByTestId("build-pivots"));
  });
  expect(written(host).map((s) => s.name)).toEqual(["结果表", "汇总表"]);
  const [, sheet, pivots, chart] = host.of("addPivots")[0] as [string, string, PivotSpec[], ChartSpec];
  expect(sheet).toBe("透视报表");
  expect(pivots.map((p) => p.sourceTable)).toEqual(["CZ_Results", "CZ_Results"]);
  expect(pivots[0].rows).toEqual(["项目类别"]);
  expect(pivots[1]).toMatchObject({ rows: ["所属地区"], columns: ["年度"], values: [{ field: "应拨付奖补（元）", summary: "sum" }] });
  expect(chart.sheet).toBe("汇总表 (2)");
  expect(chart.type).toBe("bar");
  // The order: both sheets exist before the pivots are added.
  expect(host.calls.map((c) => c[0]).filter((n) => n === "writeSheet" || n === "addPivots")).toEqual(["writeSheet", "writeSheet", "addPivots"]);
  expect((await screen.findByTestId("success-bar")).textContent).toContain("数据透视表和图表在“透视报表”");
  expect(screen.queryByTestId("pivot-note")).toBeNull();
});

test("生成透视报表 without ExcelApi 1.8: only the summary sheet of plain tables, and the plan's note in the pane", async () => {
  const host = new FakeHost("office", false);
  await validated(host);
  await act(async () => {
    fireEvent.click(screen.getByTestId("build-pivots"));
  });
  expect(host.of("addPivots")).toEqual([]);
  const specs = written(host);
  expect(specs.map((s) => s.name)).toEqual(["汇总表"]);
  expect(specs[0].tableName).toBe("CZ_Sum_Program");
  // The grand total of the summary is the two counted awards: 700,000 元.
  expect(specs[0].rows[specs[0].rows.length - 1]).toEqual(["合计", "", 2, 700000, 700000]);
  expect(screen.getByTestId("pivot-note").textContent).toBe(pivotPlan(host).note.zh);
  expect(screen.getByTestId("success-bar").textContent).toContain("已生成汇总表“汇总表”");
});

test("progress panel: target vs actual with bars, 需另行填报 listed; the button writes the progress sheet", async () => {
  const host = new FakeHost("office", true);
  await validated(host);
  const panel = screen.getByTestId("progress-panel");
  const ind = within(panel).getAllByTestId("progress-indicator");
  const expected = progress({ rows: [], mapping: {} }, SHIPPED_POLICY).measured; // same indicators and years, whatever the counts
  expect(ind.map((e) => `${e.getAttribute("data-code")}:${e.getAttribute("data-year")}`)).toEqual(expected.map((p) => `${p.code}:${p.year}`));
  expect(within(panel).getAllByRole("progressbar")).toHaveLength(expected.length);
  // 甲公司's smart factory in 2022 counts (丙公司's row has an error and does not).
  const sf2022 = ind.find((e) => e.getAttribute("data-year") === "2022" && /智能工厂/.test(e.textContent ?? ""))!;
  expect(sf2022.textContent).toMatch(/：1 \/ 30\d*%当年可拨付的/); // the counting rule is shown under each indicator
  expect(within(sf2022).getByTestId("progress-pct").textContent).toBe("3%");
  const sf2023 = ind.find((e) => e.getAttribute("data-year") === "2023" && /智能工厂/.test(e.textContent ?? ""))!;
  expect(within(sf2023).getByTestId("progress-pct").textContent).toBe("0%");
  const separate = screen.getByTestId("progress-separate");
  expect(separate.textContent).toContain(zh.progress_separate);
  expect(separate.textContent).toMatch(/工业机器人/);
  await act(async () => {
    fireEvent.click(screen.getByTestId("build-progress"));
  });
  const [spec] = written(host);
  expect(spec.name).toBe("行动计划进度");
  expect(spec.tableName).toBe("CZ_Progress");
  expect(spec.blocks?.[0].tableName).toBe("CZ_ProgressInput");
  expect(screen.getByTestId("success-bar").textContent).toContain("已生成进度表“行动计划进度”");
});

const FORMULAS = {
  sheet: "计算",
  address: "A1:D3",
  firstRow: 1,
  firstCol: 0,
  formulas: [
    ["基数", "奖补", "合计", "备注"],
    [2000000, '=CZ.SUBSIDY("equipment_network",A2)', "=SUM(B2:B3)", "x"],
    [800000, '=CZ.SUBSIDY("no_such",A3)', "=B3*2", "y"],
  ],
  values: [
    ["基数", "奖补", "合计", "备注"],
    [2000000, 400000, 400000, "x"],
    [800000, "#N/A", "#N/A", "y"],
  ],
};

test("转换为普通公式: preview first, nothing written until confirmed; cancel writes nothing; confirm writes only the previewed cells", async () => {
  const host = new FakeHost("office", true);
  host.formulaBlock = FORMULAS;
  await openReports(host); // conversion does not need a validation
  await act(async () => {
    fireEvent.click(screen.getByTestId("convert-scan"));
  });
  expect(host.of("readFormulas")).toEqual([["readFormulas", { kind: "selection" }]]);
  const rows = () => screen.getAllByTestId("convert-item");
  expect(rows().map((r) => [r.getAttribute("data-address"), r.getAttribute("data-ok")])).toEqual([
    ["B2", "1"],
    ["B3", "0"],
  ]);
  expect(rows()[0].textContent).toContain('=CZ.SUBSIDY("equipment_network",A2)');
  expect(rows()[0].textContent).toMatch(/MIN\(ROUND\(/);
  expect(rows()[1].textContent).toContain("无法转换：");
  expect(screen.getByText("将修改 1 个单元格（其余单元格不会改动）：")).toBeTruthy();
  expect(host.of("writeFormulas")).toEqual([]); // previewing writes nothing

  // Values instead: the preview follows the choice, still without writing.
  fireEvent.click(screen.getByLabelText(zh.convert_mode_value));
  expect(rows()[0].textContent).toContain("400000");
  expect(rows()[1].textContent).toContain("#N/A");
  expect(host.of("writeFormulas")).toEqual([]);

  fireEvent.click(screen.getByTestId("convert-cancel"));
  expect(screen.queryByTestId("convert-preview")).toBeNull();
  expect(host.of("writeFormulas")).toEqual([]);

  // Scan again, confirm: exactly B2, as a value.
  await act(async () => {
    fireEvent.click(screen.getByTestId("convert-scan"));
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId("convert-confirm"));
  });
  expect(host.of("writeFormulas")).toEqual([["writeFormulas", "计算", [{ row: 2, col: 1, values: [[400000]] }]]]);
  expect(screen.getByTestId("success-bar").textContent).toContain("已修改 1 个单元格");
  expect(screen.queryByTestId("convert-preview")).toBeNull();
});

test("转换为普通公式 in formula mode writes the native formula", async () => {
  const host = new FakeHost("office", true);
  host.formulaBlock = FORMULAS;
  await openReports(host);
  await act(async () => {
    fireEvent.click(screen.getByTestId("convert-scan"));
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId("convert-confirm"));
  });
  const [[, sheet, writes]] = host.of("writeFormulas") as Array<[string, string, CellBlockWrite[]]>;
  expect(sheet).toBe("计算");
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatchObject({ row: 2, col: 1 });
  expect(writes[0].values).toHaveLength(1);
  expect(writes[0].values[0][0]).toMatch(/^=.*MIN\(ROUND\(A2\*/);
});

test("a host without readFormulas: conversion is disabled with an explanation", async () => {
  const host = new FakeHost("office", true);
  (host as { readFormulas?: unknown }).readFormulas = undefined;
  await openReports(host);
  expect(screen.getByTestId("convert-unavailable").textContent).toBe(zh.convert_unavailable);
  expect(screen.queryByTestId("convert-scan")).toBeNull();
});

test("browser mode: after a report is written the download offers the updated workbook", async () => {
  const host = new FakeHost("exceljs", false);
  const saved: string[] = [];
  const file: BrowserFile = { name: "申报.xlsx", save: async () => (saved.push("save"), new Blob(["x"])) };
  (URL as any).createObjectURL = () => "blob:x";
  (URL as any).revokeObjectURL = () => undefined;
  render(<App policy={SHIPPED_POLICY} detect={() => Promise.resolve({ mode: "browser", host: null })} open={async () => ({ host, file })} />);
  await screen.findByTestId("browser-banner");
  await act(async () => {
    const f = new File(["x"], "申报.xlsx");
    // jsdom's File has no arrayBuffer(); the injected open() ignores the bytes anyway.
    Object.defineProperty(f, "arrayBuffer", { value: async () => new ArrayBuffer(1) });
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [f] } });
  });
  await waitFor(() => expect(screen.getByTestId("file-name").textContent).toContain("申报.xlsx"));
  expect(screen.queryByTestId("download")).toBeNull();
  fireEvent.click(screen.getByTestId("tab-reports"));
  await screen.findByTestId("reports-validate");
  await act(async () => {
    fireEvent.click(screen.getByTestId("reports-validate"));
  });
  expect(host.of("readRegion")).toEqual([["readRegion", { kind: "sheet" }]]);
  // Validation runs in chunks that yield to the browser: wait for the buttons it enables.
  const build = await screen.findByTestId("build-results");
  await act(async () => {
    fireEvent.click(build);
  });
  expect(screen.getByTestId("success-bar").textContent).toContain(zh.reports_download_hint);
  await act(async () => {
    fireEvent.click(screen.getByTestId("download"));
  });
  expect(saved).toEqual(["save"]);
});

test("errors are shown in the error bar, not swallowed", async () => {
  const host = new FakeHost("office", true);
  await validated(host);
  host.writeSheet = async () => {
    throw new Error("GeneralException: 工作簿受保护");
  };
  await act(async () => {
    fireEvent.click(screen.getByTestId("build-progress"));
  });
  expect((await screen.findByTestId("error-bar")).textContent).toContain("GeneralException: 工作簿受保护");
});

test("English labels", async () => {
  const host = new FakeHost("office", true);
  render(<App policy={SHIPPED_POLICY} detect={() => Promise.resolve({ mode: "office", host, displayLanguage: "en-US" })} />);
  await waitFor(() => expect(screen.getByTestId("tab-reports").textContent).toContain(STRINGS.en.tab_reports));
  fireEvent.click(screen.getByTestId("tab-reports"));
  expect((await screen.findByTestId("reports-need-validation")).textContent).toContain(STRINGS.en.reports_need_validation);
  expect(await screen.findByText(STRINGS.en.convert_title)).toBeTruthy();
});
