import { CATALOGUE_2021 } from "../../src/policy";
/**
 * OfficeHost.addPivots against office-addin-mock: the PivotTables' source table and place, their
 * row / column / data hierarchies (with the summary function), the chart over the summary
 * sheet's range, the sheet they go on, and the sync count. Plus the ExcelApi 1.8 fallback.
 */
// office-addin-mock only needs the OfficeApp enum from office-addin-manifest (see office-host.test.ts).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { OfficeMockObject } from "office-addin-mock";
import { OfficeHost } from "../../src/host/office-host";
import { PIVOT_NAMES, awardsChart, pivotPlan, pivotSpecs, summarySheet } from "../../src/reports";
import { buildReport, SAMPLE } from "../reports/fixtures";

interface Recorded {
  syncs: number;
  added: string[];
  pivots: Array<{ sheet: string; name: string; source: unknown; dest: string; rows: string[]; columns: string[]; data: Array<{ field: string; summarizeBy?: string }> }>;
  charts: Array<{ sheet: string; type: string; source: string; seriesBy: string; title?: string; position?: [string, string] }>;
  activated: string[];
  unknownFields: string[];
}

/**
 * A workbook whose sheets have the Office.js members addPivots uses: worksheets.load/items/add/
 * getItem, pivotTables.add, hierarchies.getItem, row/column/dataHierarchies.add, charts.add,
 * chart.title.text, chart.setPosition, getRange, activate. Hierarchy names are checked against
 * the source table's headers, as Excel does (getItem throws for an unknown field).
 */
function mockWorkbook(sheetNames: string[], tableHeaders: Record<string, string[]>) {
  const rec: Recorded = { syncs: 0, added: [], pivots: [], charts: [], activated: [], unknownFields: [] };
  let loaded = false;
  const sheet = (name: string) => ({
    name,
    getRange: (address: string) => ({ address: `${name}!${address}` }),
    activate: () => rec.activated.push(name),
    pivotTables: {
      add: (ptName: string, source: unknown, dest: { address: string }) => {
        const headers = typeof source === "string" ? tableHeaders[source] : undefined;
        if (!headers) throw new Error(`InvalidArgument: source ${String(source)}`);
        const p = { sheet: name, name: ptName, source, dest: dest.address, rows: [] as string[], columns: [] as string[], data: [] as Array<{ field: string; summarizeBy?: string }> };
        rec.pivots.push(p);
        return {
          hierarchies: {
            getItem: (f: string) => {
              if (!headers.includes(f)) {
                rec.unknownFields.push(f);
                throw new Error(`ItemNotFound: ${f}`);
              }
              return { name: f };
            },
          },
          rowHierarchies: { add: (h: { name: string }) => p.rows.push(h.name) },
          columnHierarchies: { add: (h: { name: string }) => p.columns.push(h.name) },
          dataHierarchies: {
            add: (h: { name: string }) => {
              const dh: { field: string; summarizeBy?: string } = { field: h.name };
              p.data.push(dh);
              return dh;
            },
          },
        };
      },
    },
    charts: {
      add: (type: string, src: { address: string }, seriesBy: string) => {
        const c: Recorded["charts"][number] = { sheet: name, type, source: src.address, seriesBy };
        rec.charts.push(c);
        return {
          title: {
            set text(v: string) {
              c.title = v;
            },
          },
          setPosition: (a: string, b: string) => (c.position = [a, b]),
        };
      },
    },
  });
  const sheets = new Map(sheetNames.map((n) => [n, sheet(n)]));
  const mock = new OfficeMockObject({
    context: { workbook: {} },
    run: async function (callback: (ctx: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  }) as unknown as { context: { workbook: Record<string, unknown>; sync: () => Promise<void> }; run: (cb: unknown) => Promise<unknown> };
  mock.context.workbook.worksheets = {
    load: (p: string) => {
      expect(p).toBe("items/name");
      return undefined;
    },
    get items() {
      if (!loaded) throw new Error("PropertyNotLoaded: items");
      return [...sheets.values()].map((s) => ({ name: s.name }));
    },
    add: (n: string) => {
      rec.added.push(n);
      const s = sheet(n);
      sheets.set(n, s);
      return s;
    },
    getItem: (n: string) => {
      const s = sheets.get(n);
      if (!s) throw new Error(`ItemNotFound: ${n}`);
      return s;
    },
  };
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    rec.syncs++;
    loaded = true;
    await sync();
  };
  (global as any).Excel = {
    run: (cb: unknown) => mock.run(cb),
    AggregationFunction: { sum: "Sum", count: "Count" },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
  };
  return rec;
}

afterEach(() => {
  delete (global as any).Excel;
  delete (global as any).Office;
});

const report = buildReport(SAMPLE);
const RESULTS_HEADERS = ["企业名称", "统一社会信用代码", "所属地区", "项目代码", "项目名称", "条款", "年度", "申报金额（元）", "核定额（元）", "应拨付奖补（元）", "市财政承担（元）", "受益财政承担（元）", "状态", "校验意见"];

describe("OfficeHost.addPivots", () => {
  test("two PivotTables over the (renamed) results table with their hierarchies, and the awards chart, in two syncs", async () => {
    const rec = mockWorkbook(["申报表", "结果表", "汇总表 (2)"], { CZ_Results_2: RESULTS_HEADERS });
    const summary = summarySheet(report, CATALOGUE_2021, "zh");
    const chart = awardsChart(summary, "汇总表 (2)", "zh");
    await new OfficeHost().addPivots("透视报表", pivotSpecs("zh", "CZ_Results_2"), chart);

    expect(rec.added).toEqual(["透视报表"]);
    expect(rec.unknownFields).toEqual([]);
    expect(rec.pivots).toEqual([
      {
        sheet: "透视报表",
        name: PIVOT_NAMES.programSource,
        source: "CZ_Results_2",
        dest: "透视报表!A3",
        rows: ["项目名称"],
        columns: [],
        data: [
          { field: "市财政承担（元）", summarizeBy: "Sum" },
          { field: "受益财政承担（元）", summarizeBy: "Sum" },
          { field: "应拨付奖补（元）", summarizeBy: "Sum" },
        ],
      },
      {
        sheet: "透视报表",
        name: PIVOT_NAMES.jurisdictionYear,
        source: "CZ_Results_2",
        // side by side: the first uses A–D (1 row field + 3 values), then 2 blank columns
        dest: "透视报表!G3",
        rows: ["所属地区"],
        columns: ["年度"],
        data: [{ field: "应拨付奖补（元）", summarizeBy: "Sum" }],
      },
    ]);
    // The chart sits on the pivot sheet; its data is the summary sheet's by-jurisdiction block.
    expect(chart.range).toMatch(/^A\d+:B\d+$/);
    expect(rec.charts).toEqual([
      { sheet: "透视报表", type: "BarClustered", source: `汇总表 (2)!${chart.range}`, seriesBy: "Columns", title: "各地区应拨付奖补（元）", position: ["A30", "I50"] },
    ]);
    expect(rec.activated).toEqual(["透视报表"]);
    expect(rec.syncs).toBe(2);
  });

  test("a sheet it did not create is never written: a new uniquely named sheet is added instead", async () => {
    const rec = mockWorkbook(["申报表", "透视报表"], { CZ_Results: RESULTS_HEADERS });
    await new OfficeHost().addPivots("透视报表", pivotSpecs("zh"));
    expect(rec.added).toEqual(["透视报表 (2)"]);
    expect(rec.pivots.map((p) => p.sheet)).toEqual(["透视报表 (2)", "透视报表 (2)"]);
    expect(rec.charts).toEqual([]);
  });

  test("English field names follow the English results headers", () => {
    const specs = pivotSpecs("en", "CZ_Results");
    expect(specs[0].rows).toEqual(["Program"]);
    expect(specs[1].columns).toEqual(["Year"]);
  });
});

describe("pivot fallback", () => {
  test("ExcelApi 1.8 unsupported: pivotPlan chooses plain tables, with a note", () => {
    const asked: string[] = [];
    (global as any).Office = { context: { requirements: { isSetSupported: (s: string, v: string) => (asked.push(`${s} ${v}`), false) } } };
    const plan = pivotPlan(new OfficeHost());
    expect(asked).toEqual(["ExcelApi 1.8"]);
    expect(plan.mode).toBe("tables");
    expect(plan.note.zh).toContain("不支持数据透视表");
  });

  test("ExcelApi 1.8 supported: PivotTables; outside Office (no Office global): tables", () => {
    (global as any).Office = { context: { requirements: { isSetSupported: () => true } } };
    expect(pivotPlan(new OfficeHost()).mode).toBe("pivot");
    delete (global as any).Office;
    expect(pivotPlan(new OfficeHost()).mode).toBe("tables");
  });
});
