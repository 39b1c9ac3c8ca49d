/**
 * OfficeHost through the REAL office.js request serializer (test/support/office-wire.ts): every
 * assertion on a request is on the JSON text office.js would hand to Excel, and every assertion
 * on the result is on what the fake Excel stored after interpreting that request the way Excel
 * does (strings in non-text cells parsed as typed, shared table/defined-name namespace, …).
 */
import { HostError, OfficeHost, cellAddress, colLetters, layoutSheet, rangeAddress, sheetOf, stripSheet, uniqueSheetName } from "../../src/host/office-host";
import type { SheetSpec } from "../../src/host/types";
import { needsTextFormat } from "../../src/host/cell-text";
import { errorText } from "../../src/taskpane/context";
import { FakeExcel, connectOfficeJs, rangeSets, typeInto, type WireRecord } from "../support/office-wire";

const HEADER = ["企业名称", "统一社会信用代码", "所属地区", "项目类别", "项目名称", "计算基数（元）", "认定等级/条件", "认定日期", "申报金额（元）"];
const table = (n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => [`企业${i}`, "91341100MA2N0000XX", "琅琊区", "smart_factory", "", "", "", 44800, 300000])];

let undo: (() => void) | null = null;
function excel(opts: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const fake = new FakeExcel(opts);
  undo = connectOfficeJs(fake);
  return fake;
}
afterEach(() => {
  undo?.();
  undo = null;
});

/** Index of the first action setting `prop` on `address` in a request, or -1. */
function actionAt(rec: WireRecord, prop: string, address: string): number {
  return rangeSets(rec, prop).find((s) => s.address === address)?.actionIndex ?? -1;
}

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

describe("the fake Excel parses strings the way the issue reports Excel does", () => {
  test("General cells: digits lose precision, a quote prefix is swallowed, = makes a formula, a lone = fails", () => {
    expect(typeInto("913411001000000409", undefined, false).v).toBe(913411001000000000);
    expect(typeInto("30", undefined, false).v).toBe(30);
    expect(typeInto("'abc", undefined, false).v).toBe("abc");
    expect(typeInto("＝1+1", undefined, false).f).toBe("=1+1");
    expect(() => typeInto("=", undefined, false)).toThrow();
    expect(typeInto("913411001000000409", "@", false).v).toBe("913411001000000409");
  });
});

describe("readRegion", () => {
  test("selection without a table: the surrounding region; date system probed in the same request", async () => {
    const fake = excel();
    const ws = fake.addSheet("申报表", table(30));
    fake.active = { sheet: ws, row: 5, col: 2 };
    const r = await new OfficeHost().readRegion({ kind: "selection" });
    expect(r.sheet).toBe("申报表");
    expect(r.address).toBe("A1:I31");
    expect(r.firstRow).toBe(1);
    expect(r.firstCol).toBe(0);
    expect(r.values.length).toBe(31);
    expect(r.values[0]).toEqual(HEADER);
    expect(r.values[1][4]).toBeNull(); // "" → null
    expect(r.tableName).toBeUndefined();
    expect(r.date1904).toBeUndefined();
    expect(fake.syncs.length).toBe(3); // locate + date probe, size, values
    expect(fake.syncs[0].body.ObjectPaths).toEqual(expect.objectContaining({}));
    expect(Object.values(fake.syncs[0].body.ObjectPaths).some((p) => p.Name === "Date")).toBe(true);
  });

  test("selection inside an Excel table: the table's range and name", async () => {
    const fake = excel();
    const ws = fake.addSheet("申报表", table(10), 3, 1);
    fake.addTable("申报表格", ws, "B3:J13");
    fake.active = { sheet: ws, row: 6, col: 3 };
    const r = await new OfficeHost().readRegion({ kind: "selection" });
    expect(r.tableName).toBe("申报表格");
    expect(r.address).toBe("B3:J13");
    expect(r.firstRow).toBe(3);
    expect(r.firstCol).toBe(1);
    expect(r.values[1][0]).toBe("企业0");
  });

  test("a named table; a sheet's used range; nothing is written", async () => {
    const fake = excel();
    const ws = fake.addSheet("申报表", table(10));
    fake.addTable("申报表格", ws, "A1:I11");
    const host = new OfficeHost();
    expect((await host.readRegion({ kind: "table", name: "申报表格" })).values.length).toBe(11);
    expect((await host.readRegion({ kind: "sheet", name: "申报表" })).address).toBe("A1:I11");
    expect(fake.records.flatMap((r) => r.body.Actions.filter((a) => a.ActionType === 4))).toEqual([]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["申报表"]);
  });

  test("an empty sheet is a HostError", async () => {
    const fake = excel();
    fake.addSheet("空");
    await expect(new OfficeHost().readRegion({ kind: "sheet", name: "空" })).rejects.toMatchObject({ name: "HostError", code: "empty_sheet" });
  });

  test("1904 date system: detected through workbook.functions.date(2000,1,1) and reported with the values", async () => {
    const fake = excel({ date1904: true });
    fake.addSheet("申报表", table(2));
    const r = await new OfficeHost().readRegion({ kind: "sheet" });
    expect(r.date1904).toBe(true);
    expect(r.values[1][7]).toBe(44800); // the raw serial; readers of date columns convert (validation does)
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell in one request", async () => {
    const fake = excel();
    fake.addSheet("申报表", table(5));
    await new OfficeHost().selectCell("申报表", 7, 2);
    expect(fake.selected).toEqual(["activate 申报表", "申报表!C7"]);
    expect(fake.syncs.length).toBe(1);
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

  test("a new uniquely named sheet with values, formats, links, table and freeze, in two requests", async () => {
    const fake = excel();
    fake.addSheet("申报表", table(5));
    const w = await new OfficeHost().writeSheet(spec(3));
    expect(w).toEqual({ name: "申报表 (2)", tableAddress: "A4:C7", tableNames: { CZ_Report: "CZ_Report" } });
    expect(fake.read("申报表 (2)", "A4:C7")).toEqual([
      ["规则", "单元格", "金额"],
      ["credit_code.check", "申报表!B2", 0],
      ["credit_code.check", "申报表!B3", 1.5],
      ["credit_code.check", "申报表!B4", 3],
    ]);
    const ws = fake.sheet("申报表 (2)")!;
    expect(ws.cell(5, 1)?.f).toBe(`=HYPERLINK("#'申报表'!B2","申报表!B2")`);
    expect(ws.cell(5, 2)?.fmt).toBe("#,##0.00");
    expect(ws.cell(5, 0)?.fmt).toBe("@");
    expect(ws.frozenRows).toBe(4);
    expect(fake.tables.map((t) => [t.name, t.sheet.name, t.headers])).toEqual([["CZ_Report", "申报表 (2)", ["规则", "单元格", "金额"]]]);
    expect(fake.syncs.length).toBe(2); // names (sheets, tables, defined names), then everything
  });

  test("a table name taken by a table or by a defined name gets a suffix, and the host says which name it used", async () => {
    const fake = excel();
    const ws = fake.addSheet("申报表", table(1));
    fake.addTable("cz_report", ws, "A1:I2");
    fake.names.push("CZ_Report_2");
    const w = await new OfficeHost().writeSheet(spec(3));
    expect(w.tableNames).toEqual({ CZ_Report: "CZ_Report_3" });
    expect(fake.tables.map((t) => t.name)).toEqual(["cz_report", "CZ_Report_3"]);
  });

  test("the realistic failure: a defined name CZ_Results no longer breaks the results sheet", async () => {
    const fake = excel();
    fake.names.push("CZ_Results");
    const w = await new OfficeHost().writeSheet({ name: "结果表", columns: [{ header: "a" }], rows: [["x"]], tableName: "CZ_Results" });
    expect(w.tableNames).toEqual({ CZ_Results: "CZ_Results_2" });
    expect(fake.records.every((r) => !r.failed)).toBe(true);
  });

  test("all or nothing: a failed request deletes the new sheet and says in Chinese what failed", async () => {
    const fake = excel();
    fake.addSheet("申报表", table(1));
    // Small budget: several requests; the third one fails.
    fake.failRequest = (i) => (i === 3 ? "GeneralException" : null);
    const err = await new OfficeHost({ requestBudget: 20_000 }).writeSheet(spec(2000)).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe("write_failed");
    expect(err.params.sheet).toBe("申报表 (2)");
    expect(err.params.step).toMatch(/^A\d+:C\d+$/);
    expect(fake.sheets.map((s) => s.name)).toEqual(["申报表"]);
    expect(fake.tables).toEqual([]);
    const zh = errorText(err, "zh");
    expect(zh).toContain("写入工作表“申报表 (2)”失败");
    expect(zh).toContain("已删除未写完的工作表");
    expect(zh).toContain("GeneralException");
  });

  test("a request refused whole (nothing added) is reported without a leftover", async () => {
    const fake = excel();
    fake.failRequest = (i) => (i === 1 ? "InvalidArgument" : null);
    const err = await new OfficeHost().writeSheet(spec(3)).catch((e) => e);
    expect(err.code).toBe("write_failed");
    expect(fake.sheets).toEqual([]);
  });
});

describe("text stays text", () => {
  const texts = ["913411001000000409", "30", "2024", "2024-03-01", "0012", "TRUE", "50%", "1,234"];

  test("every string cell gets the format @ in the same request, before its value; Excel keeps it exactly", async () => {
    const fake = excel();
    await new OfficeHost().writeSheet({
      name: "结果表",
      preamble: ["2024"],
      columns: [{ header: "统一社会信用代码" }, { header: "2024" }, { header: "年度", numFmt: "0" }, { header: "金额", numFmt: "#,##0.00" }],
      rows: texts.map((t, i) => [t, `名称${t}`, 2024, i * 10]),
      blocks: [{ title: "30", columns: [{ header: "目标" }], rows: [["30"]] }],
    });
    const rec = fake.syncs[1];
    // Data rows A4:D11: one NumberFormat action then one Values action for the same range.
    const fmt = rangeSets(rec, "NumberFormat").find((s) => s.address === "A4:D11")!;
    const val = rangeSets(rec, "Values").find((s) => s.address === "A4:D11")!;
    expect(fmt.actionIndex).toBeLessThan(val.actionIndex);
    expect((fmt.value as string[][]).every((r) => r[0] === "@" && r[1] === "@" && r[2] === "0" && r[3] === "#,##0.00")).toBe(true);
    // Header, preamble and block title / rows: format before values too.
    for (const a of ["A3:D3", "A1", "A13", "A14", "A15"]) expect(actionAt(rec, "NumberFormat", a)).toBeGreaterThanOrEqual(0);
    for (const a of ["A3:D3", "A1", "A13", "A14", "A15"]) expect(actionAt(rec, "NumberFormat", a)).toBeLessThan(actionAt(rec, "Values", a));
    // What Excel stored: the strings, unchanged; numbers stay numbers.
    const stored = fake.read("结果表", "A4:C11");
    expect(stored.map((r) => r[0])).toEqual(texts);
    expect(stored.every((r) => r[2] === 2024)).toBe(true);
    expect(fake.read("结果表", "A1:B3")).toEqual([["2024", ""], ["", ""], ["统一社会信用代码", "2024"]]);
    expect(fake.read("结果表", "A13:A15")).toEqual([["30"], ["目标"], ["30"]]);
  });

  test("without the text format the same request would lose the credit code (the fake is not a yes-man)", async () => {
    const fake = excel();
    fake.addSheet("x");
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("x").getRange("A1").values = [["913411001000000409"]];
      await ctx.sync();
    });
    expect(fake.read("x", "A1")).toEqual([[913411001000000000]]);
  });
});

describe("the injection guard", () => {
  test("needsTextFormat: NFKC before the check; formula starts after spaces/tabs, lone =, leading ', values Excel would convert", () => {
    for (const s of ["=1", "=", "＝1", "＋1", "－1", "＠A1", " =1", "\t=1", "\u3000=1", "\n=1", "'x", "30", "913411001000000409", "１２", "50%", "1,234", "TRUE", "2024-03-01", "2024年3月"]) {
      expect({ s, risky: needsTextFormat(s) }).toEqual({ s, risky: true });
    }
    for (const s of ["", "滁州某公司", "a=b", "琅琊区", "smart_factory", "[错误] 校验位"]) expect({ s, risky: needsTextFormat(s) }).toEqual({ s, risky: false });
  });

  const risky = ["=cmd|' /C calc'!A0", "=", "＝1+1", "＋SUM(A1)", "－1+2", "＠A1", "+1", "-2", "@SUM(1)", "'公司名", "''双引号", " =1+1", "\t=1+1", "\u3000＝1"];

  test("formula-like text (NFKC, lone =, leading ' space tab) is written as literal text in a @ cell", async () => {
    const fake = excel();
    await new OfficeHost().writeSheet({ name: "x", columns: [{ header: "h" }], rows: [...risky.map((s) => [s]), [{ formula: "SUM(1,2)" }]] });
    const rec = fake.syncs[1];
    const last = risky.length + 2;
    const fmt = rangeSets(rec, "NumberFormat").find((s) => s.address === `A2:A${last}`)!;
    const val = rangeSets(rec, "Values").find((s) => s.address === `A2:A${last}`)!;
    expect(fmt.actionIndex).toBeLessThan(val.actionIndex);
    expect(fmt.value).toEqual([...risky.map(() => ["@"]), ["General"]]);
    expect(val.value).toEqual([...risky.map((s) => [s]), ["=SUM(1,2)"]]);
    const ws = fake.sheet("x")!;
    expect(fake.read("x", `A2:A${last - 1}`).map((r) => r[0])).toEqual(risky);
    expect(risky.every((_, i) => ws.cell(2 + i, 0)?.f === undefined)).toBe(true);
    expect(ws.cell(last, 0)?.f).toBe("=SUM(1,2)"); // a formula the host was asked to write stays one
  });

  test("hyperlink display text is a string literal inside HYPERLINK, never parsed", async () => {
    const fake = excel();
    fake.addSheet("申报表");
    const bad = ['=1+1"),cmd("x', "＝HYPERLINK(1)", "'x", "=", "a".repeat(300)];
    await new OfficeHost().writeSheet({ name: "x", columns: [{ header: "h" }], rows: bad.map((text) => [{ text, link: { sheet: "It's", cell: "B2" } }]) });
    const ws = fake.sheet("x")!;
    expect(fake.read("x", "A2:A6").map((r) => r[0])).toEqual(bad);
    expect(ws.cell(2, 0)?.f).toBe(`=HYPERLINK("#'It''s'!B2","=1+1""),cmd(""x")`);
    expect(ws.cell(6, 0)?.f).toBeUndefined(); // too long for a literal: plain text, no link
    expect(ws.cell(6, 0)?.fmt).toBe("@");
    expect(rangeSets(fake.syncs[1], "Hyperlink")).toEqual([]);
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

describe("older Excel (the pane-only manifest: Office 2016/2019 volume, Office Online Server)", () => {
  // The fake Excel refuses a call above its ExcelApi version (ApiNotFound), as an older Excel
  // does, so these runs prove that no version-gated call is made where the fallback applies.
  test.each(["1.1", "1.4", "1.7", "1.8"])("ExcelApi %s: read the selection, write a sheet with a table, roll back a failure", async (version) => {
    const fake = excel({ excelApi: version });
    const ws = fake.addSheet("申报表", table(5));
    fake.active = { sheet: ws, row: 2, col: 1 };
    const host = new OfficeHost();
    const r = await host.readRegion({ kind: "selection" });
    expect(r.address).toBe("A1:I6");
    expect(r.values[1][0]).toBe("企业0");
    const w = await host.writeSheet({ name: "结果表", columns: [{ header: "代码", width: 20 }], rows: [["913411001000000409"]], tableName: "CZ_Results", freezeHeader: true });
    expect(fake.read(w.name, "A2")).toEqual([["913411001000000409"]]);
    expect(fake.tables.map((t) => t.name)).toEqual(["CZ_Results"]);
    expect(fake.sheet(w.name)!.frozenRows).toBe(Number(version.split(".")[1]) >= 7 ? 1 : 0);
    const before = fake.records.length;
    fake.failRequest = (i) => (i === before + 1 ? "GeneralException" : null);
    const err = await host.writeSheet({ name: "第二张", columns: [{ header: "a" }], rows: [["x"]] }).catch((e) => e);
    expect(err).toMatchObject({ name: "HostError", code: "write_failed" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["申报表", "结果表"]);
    expect(fake.records.filter((rec) => rec.failed && !/injected/.test(rec.failed))).toEqual([]);
    // The gate is real: a call above the version is refused.
    if (version !== "1.8") {
      await expect(Excel.run(async (ctx) => (ctx.workbook.getActiveCell().getTables().load("items"), ctx.sync()))).rejects.toMatchObject({ code: "ApiNotFound" });
    }
  });
});

describe("the API sets in manifest.xml are the ones the code needs", () => {
  test("with exactly the declared ExcelApi version, every Office host operation works (pivots included)", async () => {
    const xml = require("fs").readFileSync(require("path").join(__dirname, "..", "..", "manifest.xml"), "utf8") as string;
    const declared = /<Set Name="ExcelApi" MinVersion="([\d.]+)"/.exec(xml)![1];
    expect(declared).toBe("1.9");
    const fake = excel({ excelApi: declared });
    const ws = fake.addSheet("申报表", table(5));
    fake.addTable("申报表格", ws, "A1:I6");
    fake.active = { sheet: ws, row: 3, col: 2 };
    const host = new OfficeHost();
    expect(host.supportsPivots()).toBe(true);
    expect((await host.readRegion({ kind: "selection" })).tableName).toBe("申报表格");
    expect(await host.listTables()).toEqual([{ name: "申报表格", sheet: "申报表", address: "A1:I6" }]);
    const w = await host.writeSheet({ name: "结果表", columns: [{ header: "项目名称" }, { header: "金额", numFmt: "#,##0.00" }], rows: [["智能工厂", 300000]], tableName: "CZ_Results", freezeHeader: true });
    await host.addPivots("透视报表", [{ name: "CZ_Pivot", sourceTable: w.tableNames!.CZ_Results, rows: ["项目名称"], columns: [], values: [{ field: "金额", summary: "sum" }] }]);
    await host.selectCell("申报表", 2, 0);
    await host.insertFormula('=CZ.SUBSIDY("smart_factory")');
    expect(fake.records.filter((r) => r.failed)).toEqual([]);
    // One version lower, the selection read (Range.getTables, 1.9) would be refused without the fallback.
    const older = new FakeExcel({ excelApi: "1.8" });
    expect(older.isSetSupported("ExcelApi", "1.9")).toBe(false);
  });
});
