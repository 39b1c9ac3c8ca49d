/**
 * OfficeHost.addPivots through the real office.js serializer (test/support/office-wire.ts): the
 * PivotTables' source (the table object, not its name), place, row / column / data hierarchies
 * with summary function and number format, the chart over the summary sheet's range, the sheet
 * they go on, unique names so the report runs twice, rollback on failure. Plus the ExcelApi 1.8
 * fallback.
 */
import { OfficeHost, uniqueSheetName } from "../../src/host/office-host";
import { CATALOGUE_2021 } from "../../src/policy";
import { PIVOT_NAMES, awardsChart, pivotPlan, pivotSpecs, resultsSheet, summarySheet } from "../../src/reports";
import { buildReport, SAMPLE } from "../reports/fixtures";
import { FakeExcel, connectOfficeJs } from "../support/office-wire";

let undo: (() => void) | null = null;
afterEach(() => {
  undo?.();
  undo = null;
  delete (global as any).Office;
});

const report = buildReport(SAMPLE);

/** A workbook as the pane leaves it before the pivots: the user's sheet, the results and summary sheets written by the host. */
async function workbookWithResults(host: OfficeHost, fake: FakeExcel) {
  fake.addSheet("申报表", [["企业名称"], ["甲"]]);
  const results = resultsSheet(report, "zh");
  const r = await host.writeSheet(results);
  const summary = summarySheet(report, CATALOGUE_2021, "zh");
  const s = await host.writeSheet(summary);
  return { results, r, summary, s };
}

describe("OfficeHost.addPivots", () => {
  test("two PivotTables over the results table object, number formats on the data fields, and the awards chart", async () => {
    const fake = new FakeExcel();
    undo = connectOfficeJs(fake);
    const host = new OfficeHost();
    const { r, summary, s } = await workbookWithResults(host, fake);
    const table = r.tableNames!.CZ_Results;
    const chart = awardsChart(summary, s.name, "zh");
    const before = fake.syncs.length;
    await host.addPivots("透视报表", pivotSpecs("zh", table), chart);
    expect(fake.syncs.length - before).toBe(2);
    expect(fake.sheets.map((x) => x.name)).toContain("透视报表");
    expect(fake.pivots.map((p) => ({ sheet: p.sheet.name, name: p.name, source: p.source, rows: p.rows, columns: p.columns, data: p.data }))).toEqual([
      {
        sheet: "透视报表",
        name: PIVOT_NAMES.programSource,
        source: { kind: "table", name: table },
        rows: ["项目类别"],
        columns: [],
        data: [
          { field: "市财政承担（元）", summarizeBy: "Sum", numberFormat: "#,##0.00" },
          { field: "受益财政承担（元）", summarizeBy: "Sum", numberFormat: "#,##0.00" },
          { field: "应拨付奖补（元）", summarizeBy: "Sum", numberFormat: "#,##0.00" },
        ],
      },
      {
        sheet: "透视报表",
        name: PIVOT_NAMES.jurisdictionYear,
        source: { kind: "table", name: table },
        rows: ["所属地区"],
        columns: ["年度"],
        data: [{ field: "应拨付奖补（元）", summarizeBy: "Sum", numberFormat: "#,##0.00" }],
      },
    ]);
    // The destinations: side by side, the first uses A–D (1 row field + 3 values), then 2 blank columns.
    const dests = fake.syncs.at(-1)!.body;
    const adds = Object.values(dests.ObjectPaths).filter((p) => p.Name === "Add" && (p.ArgumentInfo?.Arguments ?? []).length === 3 && typeof p.ArgumentInfo!.Arguments![0] === "string" && String(p.ArgumentInfo!.Arguments![0]).startsWith("CZ_Pivot"));
    const dest = (p: (typeof adds)[number]) => String(dests.ObjectPaths[String(p.ArgumentInfo!.Arguments![2])].ArgumentInfo!.Arguments![0]);
    expect(adds.map(dest)).toEqual(["A3", "G3"]);
    // The source argument is an object reference (the table), not a string.
    expect(adds.every((p) => (p.ArgumentInfo!.ReferencedObjectPathIds ?? [])[1] > 0)).toBe(true);
    expect(chart.range).toMatch(/^A\d+:B\d+$/);
    expect(fake.charts.map((c) => ({ sheet: c.sheet.name, type: c.type, source: c.source, title: c.title, position: c.position }))).toEqual([
      { sheet: "透视报表", type: "BarClustered", source: `${s.name}!${chart.range}`, title: "各地区应拨付奖补（元）", position: ["A30", "I50"] },
    ]);
  });

  test("running the report twice in one workbook works: new tables, new sheet, new pivot names", async () => {
    const fake = new FakeExcel();
    undo = connectOfficeJs(fake);
    const host = new OfficeHost();
    const one = await workbookWithResults(host, fake);
    await host.addPivots("透视报表", pivotSpecs("zh", one.r.tableNames!.CZ_Results));
    // Second run, as the pane does it (ReportsTab.buildPivots): a fresh results sheet (table renamed by the host), a fresh pivot sheet name.
    const r2 = await host.writeSheet(resultsSheet(report, "zh"));
    expect(r2.tableNames).toEqual({ CZ_Results: "CZ_Results_2" });
    await host.addPivots(uniqueSheetName("透视报表", await host.listSheets()), pivotSpecs("zh", r2.tableNames!.CZ_Results));
    expect(fake.pivots.map((p) => [p.sheet.name, p.name, p.source.name])).toEqual([
      ["透视报表", PIVOT_NAMES.programSource, "CZ_Results"],
      ["透视报表", PIVOT_NAMES.jurisdictionYear, "CZ_Results"],
      ["透视报表 (2)", `${PIVOT_NAMES.programSource}_2`, "CZ_Results_2"],
      ["透视报表 (2)", `${PIVOT_NAMES.jurisdictionYear}_2`, "CZ_Results_2"],
    ]);
    expect(fake.records.filter((r) => r.failed)).toEqual([]);
  });

  test("a sheet it did not create is never written: a new uniquely named sheet is added instead", async () => {
    const fake = new FakeExcel();
    undo = connectOfficeJs(fake);
    const host = new OfficeHost();
    const { r } = await workbookWithResults(host, fake);
    fake.addSheet("透视报表", [["用户的数据"]]);
    await host.addPivots("透视报表", pivotSpecs("zh", r.tableNames!.CZ_Results));
    expect(fake.pivots.map((p) => p.sheet.name)).toEqual(["透视报表 (2)", "透视报表 (2)"]);
    expect(fake.read("透视报表", "A1")).toEqual([["用户的数据"]]);
    expect(fake.charts).toEqual([]);
  });

  test("all or nothing: an unknown field fails the request, the new pivot sheet is removed, the error says why", async () => {
    const fake = new FakeExcel();
    undo = connectOfficeJs(fake);
    const host = new OfficeHost();
    const { r } = await workbookWithResults(host, fake);
    const specs = pivotSpecs("zh", r.tableNames!.CZ_Results);
    specs[1].rows = ["不存在的列"];
    const err = await host.addPivots("透视报表", specs).catch((e) => e);
    expect(err).toMatchObject({ name: "HostError", code: "write_failed" });
    expect(err.params.detail).toContain("ItemNotFound");
    expect(fake.sheets.map((x) => x.name)).not.toContain("透视报表");
    expect(fake.pivots).toEqual([]);
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
