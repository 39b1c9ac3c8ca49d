/**
 * OfficeHost against office-addin-mock. The mock objects carry the real Office.js names the
 * host calls (getActiveCell, getTables, getSurroundingRegion, worksheets.add, …); Excel.run
 * returns the callback's result (the README's mock does not). context.sync is counted.
 */
// office-addin-mock only needs the OfficeApp enum from office-addin-manifest, whose ESM-only
// dependencies (nested under @microsoft/app-manifest) escape jest's transformIgnorePatterns.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { OfficeHost, cellAddress, colLetters, layoutSheet, rangeAddress, sheetOf, stripSheet, uniqueSheetName } from "../../src/host/office-host";
import type { SheetSpec } from "../../src/host/types";
import { HEADER, mockExcel } from "../support/office-mock";

afterEach(() => {
  delete (global as any).Excel;
});

describe("A1 helpers", () => {
  test("column letters and addresses", () => {
    expect([0, 25, 26, 27, 701, 702].map(colLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(cellAddress(7, 1)).toBe("B7");
    expect(rangeAddress(3, 0, 10, 4)).toBe("A3:D12");
    expect(stripSheet("'My sheet'!A1:B2")).toBe("A1:B2");
    expect(sheetOf("'It''s'!A1")).toBe("It's");
    expect(sheetOf("申报表!A1")).toBe("申报表");
  });
  test("unique sheet names compare case-insensitively and stay within 31 characters", () => {
    expect(uniqueSheetName("Report", ["report"])).toBe("Report (2)");
    expect(uniqueSheetName("校验报告", ["校验报告", "校验报告 (2)"])).toBe("校验报告 (3)");
    expect(uniqueSheetName("a/b:c", [])).toBe("a_b_c");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)]).length).toBe(31);
  });
});

describe("readRegion", () => {
  test("selection without a table: the surrounding region, in two syncs", async () => {
    const { rec } = mockExcel(30);
    const r = await new OfficeHost().readRegion({ kind: "selection" });
    expect(r.sheet).toBe("申报表");
    expect(r.address).toBe("A1:I31");
    expect(r.firstRow).toBe(1);
    expect(r.firstCol).toBe(0);
    expect(r.values.length).toBe(31);
    expect(r.values[0]).toEqual(HEADER);
    expect(r.values[1][4]).toBeNull(); // "" → null
    expect(r.tableName).toBeUndefined();
    expect(rec.syncs).toBe(2);
  });

  test("selection inside an Excel table: the table's range and name", async () => {
    mockExcel(10, { tableAtCell: true });
    const r = await new OfficeHost().readRegion({ kind: "selection" });
    expect(r.tableName).toBe("申报表格");
    expect(r.address).toBe("B3:J13");
    expect(r.firstRow).toBe(3);
    expect(r.firstCol).toBe(1);
  });

  test("a named table is read in one sync", async () => {
    const { rec } = mockExcel(10);
    const r = await new OfficeHost().readRegion({ kind: "table", name: "申报表格" });
    expect(r.tableName).toBe("申报表格");
    expect(rec.syncs).toBe(1);
  });

  test.each([100, 100_000])("the same small number of syncs for %i rows, and no write to the user's ranges", async (n) => {
    const { rec, region, values } = mockExcel(n);
    const before = JSON.stringify(values);
    const keysBefore = Object.keys(region).sort();
    const r = await new OfficeHost().readRegion({ kind: "selection" });
    expect(r.values.length).toBe(n + 1);
    expect(rec.syncs).toBe(2);
    // Nothing written: no sheet added, no property set, no selection, values untouched.
    expect(rec.added).toEqual([]);
    expect(rec.sets).toEqual([]);
    expect(rec.selected).toEqual([]);
    expect(JSON.stringify(region.values)).toBe(before);
    expect(Object.keys(region).sort()).toEqual(keysBefore);
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const { rec } = mockExcel(5);
    await new OfficeHost().selectCell("申报表", 7, 2);
    expect(rec.selected).toEqual(["activate 申报表", "申报表!C7"]);
    expect(rec.syncs).toBe(1);
  });
});

describe("writeSheet", () => {
  const spec = (rows: number): SheetSpec => ({
    name: "申报表",
    preamble: ["标题", "政策版本"],
    columns: [{ header: "规则" }, { header: "单元格" }, { header: "金额", numFmt: "#,##0.00" }],
    rows: Array.from({ length: rows }, (_, i) => ["credit_code.check", { text: `申报表!B${i + 2}`, link: { sheet: "申报表", cell: `B${i + 2}` } }, i * 1.5]),
    tableName: "CZ_Report",
    freezeHeader: true,
  });

  test("layout: preamble, a blank row, header, rows; blocks below", () => {
    const l = layoutSheet({ ...spec(3), blocks: [{ title: "汇总", columns: [{ header: "a" }], rows: [[1], [2]] }] });
    expect(l.preamble.map((p) => p.row)).toEqual([1, 2]);
    expect(l.blocks[0].headerRow).toBe(4);
    expect(l.blocks[1].title).toEqual({ row: 9, text: "汇总" });
    expect(l.blocks[1].headerRow).toBe(10);
  });

  test("adds a new uniquely named sheet, writes values, formats, links, table and freeze", async () => {
    const { rec } = mockExcel(5, { sheets: ["申报表"] });
    const w = await new OfficeHost().writeSheet(spec(3));
    expect(rec.added).toEqual(["申报表 (2)"]);
    expect(w).toEqual({ name: "申报表 (2)", tableAddress: "A4:C7", tableNames: { CZ_Report: "CZ_Report" } });
    const set = (target: string, prop: string) => rec.sets.find((s) => s.target === target && s.prop === prop)?.value;
    expect(set("申报表 (2)!A5:C7", "values")).toEqual([
      ["credit_code.check", "申报表!B2", 0],
      ["credit_code.check", "申报表!B3", 1.5],
      ["credit_code.check", "申报表!B4", 3],
    ]);
    expect(set("申报表 (2)!A5:C7", "numberFormat")).toEqual(Array(3).fill(["General", "General", "#,##0.00"]));
    expect(set("申报表 (2)!B5", "hyperlink")).toEqual({ documentReference: "'申报表'!B2", textToDisplay: "申报表!B2" });
    expect(set("申报表 (2)!A4:C4", "values")).toEqual([["规则", "单元格", "金额"]]);
    expect(rec.sets.find((s) => s.prop === "tables.add")?.value).toEqual(["A4:C7", true]);
    expect(rec.sets.find((s) => s.prop === "name")?.value).toBe("CZ_Report");
    expect(rec.sets.find((s) => s.prop === "freezeRows")?.value).toBe(4);
    expect(rec.syncs).toBe(2); // sheet names, then everything in one request
  });

  test("a table name already in the workbook gets a suffix, and the host says which name it used", async () => {
    const { rec } = mockExcel(1, { tables: ["申报表格", "cz_report", "CZ_Report_2"] });
    const w = await new OfficeHost().writeSheet(spec(3));
    expect(rec.sets.find((s) => s.prop === "name")?.value).toBe("CZ_Report_3");
    expect(w.tableNames).toEqual({ CZ_Report: "CZ_Report_3" });
    expect(rec.syncs).toBe(2);
  });

  test("text that looks like a formula is written as text", async () => {
    const { rec } = mockExcel(1);
    await new OfficeHost().writeSheet({ name: "x", columns: [{ header: "h" }], rows: [["=cmd|' /C calc'!A0"], [{ formula: "SUM(1,2)" }]] });
    const v = rec.sets.find((s) => s.prop === "values" && s.target.endsWith("A2:A3"))?.value as unknown[][];
    expect(v).toEqual([["'=cmd|' /C calc'!A0"], ["=SUM(1,2)"]]);
  });

  test("100,000 rows: every request stays under 5 MB", async () => {
    const { rec } = mockExcel(1);
    await new OfficeHost().writeSheet(spec(100_000));
    expect(rec.syncs).toBeGreaterThan(2);
    expect(Math.max(...rec.requestBytes)).toBeLessThan(5_000_000);
    // every data row was written exactly once
    const written = rec.sets.filter((s) => s.prop === "values" && /!A\d+:C\d+$/.test(s.target) && !s.target.endsWith("A4:C4"));
    expect(written.reduce((n, s) => n + (s.value as unknown[]).length, 0)).toBe(100_000);
    expect(written.every((s) => (s.value as unknown[]).length <= 5000)).toBe(true);
  });
});

describe("Office-only capabilities", () => {
  test("supportsPivots follows isSetSupported('ExcelApi', '1.8')", () => {
    const seen: string[] = [];
    (global as any).Office = { context: { requirements: { isSetSupported: (s: string, v: string) => (seen.push(`${s} ${v}`), v === "1.8") } } };
    expect(new OfficeHost().supportsPivots()).toBe(true);
    expect(seen).toEqual(["ExcelApi 1.8"]);
    (global as any).Office = { context: { requirements: { isSetSupported: () => false } } };
    expect(new OfficeHost().supportsPivots()).toBe(false);
    delete (global as any).Office;
    expect(new OfficeHost().supportsPivots()).toBe(false);
  });

  test("outside Excel every call fails with a HostError the pane can translate", async () => {
    await expect(new OfficeHost().listSheets()).rejects.toMatchObject({ name: "HostError", code: "not_in_excel" });
  });
});
