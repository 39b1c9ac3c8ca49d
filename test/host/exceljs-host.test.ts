/** ExcelJsHost over a real ExcelJS workbook: reading plain values, and writing only new sheets. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ExcelJsHost, HostError, colLetters, internalLink, parseRange, plainValue, uniqueSheetName, uniqueTableName } from "../../src/host/exceljs-host";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cz-host-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Write and read back, so that the host sees what ExcelJS gives for a real file. */
async function roundTrip(wb: ExcelJS.Workbook, name = "t.xlsx"): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back;
}

function sampleBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("申报表");
  ws.getCell("B3").value = "企业名称";
  ws.getCell("C3").value = "计算基数（元）";
  ws.getCell("D3").value = "认定日期";
  ws.getCell("E3").value = "备注";
  ws.getCell("B4").value = { richText: [{ text: "滁州" }, { text: "智造", font: { bold: true } }] };
  ws.getCell("C4").value = { formula: "400000*2", result: 800000 };
  ws.getCell("D4").value = new Date(Date.UTC(2022, 2, 1));
  ws.getCell("E4").value = { text: "官网", hyperlink: "https://example.org/" };
  ws.getCell("B5").value = "乙公司";
  ws.getCell("C5").value = { error: "#N/A" };
  ws.getCell("D5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("E5").value = true;
  // shared formula: master in F4, clone in F5
  ws.getCell("F3").value = "倍数";
  ws.getCell("F4").value = { formula: "C4*2", result: 1600000, shareType: "shared", ref: "F4:F5" } as ExcelJS.CellValue;
  ws.getCell("F5").value = { sharedFormula: "F4", result: 7 };
  ws.mergeCells("B6:C6");
  ws.getCell("B6").value = "合并";
  return wb;
}

describe("plainValue", () => {
  test("converts every ExcelJS value kind to a plain value", () => {
    expect(plainValue(null)).toBeNull();
    expect(plainValue(undefined)).toBeNull();
    expect(plainValue(12.5)).toBe(12.5);
    expect(plainValue("x")).toBe("x");
    expect(plainValue(false)).toBe(false);
    expect(plainValue({ richText: [{ text: "a" }, { text: "b" }] })).toBe("ab");
    expect(plainValue({ formula: "1+1", result: 2 })).toBe(2);
    expect(plainValue({ formula: "A1" })).toBeNull();
    expect(plainValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(plainValue({ sharedFormula: "A1", result: "t" })).toBe("t");
    expect(plainValue({ text: "site", hyperlink: "https://x" })).toBe("site");
    expect(plainValue({ text: { richText: [{ text: "rt" }] }, hyperlink: "https://x" })).toBe("rt");
    expect(plainValue({ error: "#N/A" })).toBe("#N/A");
    const d = new Date(Date.UTC(2022, 0, 2));
    expect(plainValue(d)).toBe(d);
    expect(plainValue(NaN)).toBe("#VALUE!");
  });
});

describe("readRegion", () => {
  test("a sheet's used range, with conversions and merged cells holding a value only in the master", async () => {
    const host = new ExcelJsHost(await roundTrip(sampleBook()));
    const r = await host.readRegion({ kind: "sheet", name: "申报表" });
    expect(r.sheet).toBe("申报表");
    expect(r.address).toBe("B3:F6");
    expect(r.firstRow).toBe(3);
    expect(r.firstCol).toBe(1);
    expect(r.values[0]).toEqual(["企业名称", "计算基数（元）", "认定日期", "备注", "倍数"]);
    expect(r.values[1][0]).toBe("滁州智造");
    expect(r.values[1][1]).toBe(800000);
    expect(r.values[1][2]).toBeInstanceOf(Date);
    expect((r.values[1][2] as Date).toISOString().slice(0, 10)).toBe("2022-03-01");
    expect(r.values[1][3]).toBe("官网");
    expect(r.values[1][4]).toBe(1600000);
    expect(r.values[2]).toEqual(["乙公司", "#N/A", "#DIV/0!", true, 7]);
    expect(r.values[3]).toEqual(["合并", null, null, null, null]);
  });

  test("the first sheet when no name is given; sheet names match case-insensitively", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data").getCell("A1").value = "first";
    wb.addWorksheet("Other").getCell("A1").value = "second";
    const host = new ExcelJsHost(await roundTrip(wb));
    expect((await host.readRegion({ kind: "sheet" })).values).toEqual([["first"]]);
    expect((await host.readRegion({ kind: "sheet", name: "other" })).values).toEqual([["second"]]);
    await expect(host.readRegion({ kind: "sheet", name: "Nope" })).rejects.toBeInstanceOf(HostError);
  });

  test("an empty sheet is an error, not an empty block", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Empty");
    const host = new ExcelJsHost(await roundTrip(wb));
    await expect(host.readRegion({ kind: "sheet" })).rejects.toMatchObject({ code: "empty" });
  });

  test("tables by name, and the selection: the table containing the selected cell, else the used range", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "标题";
    ws.addTable({ name: "Apps", ref: "B3", headerRow: true, columns: [{ name: "企业名称" }, { name: "金额" }], rows: [["甲", 1], ["乙", 2]] });
    const host = new ExcelJsHost(await roundTrip(wb));
    expect(await host.listTables()).toEqual([{ name: "Apps", sheet: "S", address: "B3:C5" }]);
    const t = await host.readRegion({ kind: "table", name: "apps" });
    expect(t).toMatchObject({ sheet: "S", address: "B3:C5", firstRow: 3, firstCol: 1, tableName: "Apps" });
    expect(t.values).toEqual([["企业名称", "金额"], ["甲", 1], ["乙", 2]]);
    await expect(host.readRegion({ kind: "table", name: "Nope" })).rejects.toMatchObject({ code: "no_table" });

    // Default selection is A1 of the first sheet: not in the table → the used range.
    expect((await host.readRegion({ kind: "selection" })).address).toBe("A1:C5");
    await host.selectCell("S", 4, 2);
    expect(host.selected).toEqual({ sheet: "S", row: 4, col: 2 });
    expect((await host.readRegion({ kind: "selection" })).tableName).toBe("Apps");
  });
});

describe("writeSheet", () => {
  test("adds a new sheet with preamble, header, rows, number formats, links, widths, frozen header and a table", async () => {
    const wb = await roundTrip(sampleBook(), "w1.xlsx");
    const host = new ExcelJsHost(wb);
    const out = await host.writeSheet({
      name: "CZ_报告",
      preamble: ["标题", "政策版本：2021"],
      columns: [{ header: "单元格" }, { header: "金额（元）", numFmt: "#,##0.00", width: 16 }, { header: "公式" }],
      rows: [
        [{ text: "C4", link: { sheet: "申报表", cell: "C4" } }, 160000, { formula: "=B5*2", value: 320000 }],
        [{ text: "C5", link: { sheet: "申报表", cell: "C5" } }, 0.5, null],
      ],
      tableName: "CZ_Test",
      freezeHeader: true,
      blocks: [{ title: "汇总", columns: [{ header: "项目" }, { header: "数量" }], rows: [["a", 1]] }],
    });
    expect(out).toEqual({ name: "CZ_报告", tableAddress: "A4:C6" });

    const file = path.join(dir, "w1-out.xlsx");
    await wb.xlsx.writeFile(file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet("CZ_报告")!;
    expect(ws.getCell("A1").value).toBe("标题");
    expect(ws.getCell("A2").value).toBe("政策版本：2021");
    expect(ws.getCell("A3").value).toBeNull();
    expect(ws.getCell("A4").value).toBe("单元格");
    expect(ws.getCell("B4").value).toBe("金额（元）");
    expect(ws.getCell("B5").value).toBe(160000);
    expect(ws.getCell("B5").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C5").value).toMatchObject({ formula: "B5*2", result: 320000 });
    // Internal link: a HYPERLINK formula to the quoted sheet name, with the text as cached result.
    expect(ws.getCell("A5").value).toMatchObject({ formula: `HYPERLINK("#'申报表'!C4","C4")`, result: "C4" });
    expect(ws.getColumn(2).width).toBe(16);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    const tables = (ws as unknown as { getTables(): Array<{ table: { name: string; tableRef: string } }> }).getTables();
    expect(tables.map((t) => [t.table.name, t.table.tableRef])).toEqual([["CZ_Test", "A4:C6"]]);
    // The block sits below the main table, after one blank row.
    expect(ws.getCell("A8").value).toBe("汇总");
    expect(ws.getCell("A9").value).toBe("项目");
    expect(ws.getCell("A10").value).toBe("a");
  });

  test("never touches existing sheets, and gives unique sheet and table names", async () => {
    const wb = await roundTrip(sampleBook(), "w2.xlsx");
    const host = new ExcelJsHost(wb);
    const before = JSON.stringify((await host.readRegion({ kind: "sheet", name: "申报表" })).values);
    const spec = { name: "申报表", columns: [{ header: "x" }], rows: [[1]], tableName: "T" };
    const a = await host.writeSheet(spec);
    const b = await host.writeSheet(spec);
    const c = await host.writeSheet({ ...spec, name: "申报表 (2)" });
    expect([a.name, b.name, c.name]).toEqual(["申报表 (2)", "申报表 (3)", "申报表 (4)"]);
    expect(await host.listSheets()).toEqual(["申报表", "申报表 (2)", "申报表 (3)", "申报表 (4)"]);
    expect((await host.listTables()).map((t) => t.name)).toEqual(["T", "T_2", "T_3"]);
    expect(JSON.stringify((await host.readRegion({ kind: "sheet", name: "申报表" })).values)).toBe(before);
    expect(host.createdSheets).toEqual(["申报表 (2)", "申报表 (3)", "申报表 (4)"]);

    // The file written afterwards still has the original sheet's values.
    const back = await roundTrip(wb, "w2b.xlsx");
    const h2 = new ExcelJsHost(back);
    expect(JSON.stringify((await h2.readRegion({ kind: "sheet", name: "申报表" })).values)).toBe(before);
  });

  test("an empty table still gets a header and one blank row; a sheet name is cleaned to Excel's rules", async () => {
    const wb = new ExcelJS.Workbook();
    const host = new ExcelJsHost(wb);
    const out = await host.writeSheet({ name: "a/b:c*d?[e]" + "x".repeat(40), columns: [{ header: "h" }, { header: "h" }], rows: [], tableName: "1 bad name" });
    expect(out.name).toBe(("a_b_c_d__e_" + "x".repeat(40)).slice(0, 31));
    const back = await roundTrip(wb, "w3.xlsx");
    const tables = await new ExcelJsHost(back).listTables();
    expect(tables).toEqual([{ name: "_1_bad_name", sheet: out.name, address: "A1:B2" }]);
    expect(back.worksheets[0].getCell("B1").value).toBe("h2");
  });

  test("strings Excel would re-read (formula starts, digits, leading ') stay strings and get the text format", async () => {
    const wb = new ExcelJS.Workbook();
    const risky = ["＝1+1", "=", "'abc", "\t=1", "913411001000000409"];
    await new ExcelJsHost(wb).writeSheet({ name: "x", columns: [{ header: "h" }], rows: [...risky.map((s) => [s]), ["普通文本"]] });
    const back = await roundTrip(wb, "w-text.xlsx");
    const ws = back.worksheets[0];
    expect(risky.map((_, i) => ws.getCell(i + 2, 1).value)).toEqual(risky);
    expect(risky.map((_, i) => ws.getCell(i + 2, 1).numFmt)).toEqual(risky.map(() => "@"));
    expect(ws.getCell(risky.length + 2, 1).numFmt).toBeUndefined();
  });

  test("pivot tables are reported as unsupported (ExcelJS 4.4 cannot write them)", () => {
    const host = new ExcelJsHost(new ExcelJS.Workbook());
    expect(host.supportsPivots()).toBe(false);
    expect(host.kind).toBe("exceljs");
  });
});

describe("helpers", () => {
  test("addresses, names and links", () => {
    expect([0, 25, 26, 701, 702].map(colLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    expect(parseRange("$B$2:D9")).toEqual({ top: 2, left: 1, bottom: 9, right: 3 });
    expect(internalLink("Sheet1", "A1")).toBe("#Sheet1!A1");
    expect(internalLink("It's 表", "C5")).toBe("#'It''s 表'!C5");
    expect(uniqueSheetName("Data", ["data", "Data (2)"])).toBe("Data (3)");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe("x".repeat(27) + " (2)");
    expect(uniqueTableName("CZ_Results", ["cz_results"])).toBe("CZ_Results_2");
    expect(uniqueTableName("A1", [])).toBe("_A1");
  });
});
