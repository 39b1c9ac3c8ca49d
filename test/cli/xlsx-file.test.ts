/** The CLI's file reading: both read paths (full load and streaming) give the same plain values. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { CliError } from "../../src/cli/messages";
import { LIMITS, inspectXlsx, openBook, pickSheet, samePath } from "../../src/cli/xlsx-file";
import { tempDir } from "./helpers";

let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir("cz-read-");
  file = path.join(dir, "mixed.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").getCell("A1").value = "填表说明";
  const ws = wb.addWorksheet("申报表");
  ws.getCell("B2").value = "企业名称";
  ws.getCell("C2").value = "计算基数（元）";
  ws.getCell("D2").value = "认定日期";
  ws.getCell("E2").value = "备注";
  ws.getCell("B3").value = { richText: [{ text: "滁州" }, { text: "甲", font: { bold: true } }] };
  ws.getCell("C3").value = { formula: "400000*2", result: 800000 };
  ws.getCell("D3").value = new Date(Date.UTC(2022, 2, 1));
  ws.getCell("D3").numFmt = "yyyy-mm-dd";
  ws.getCell("E3").value = true;
  ws.getCell("B5").value = "乙";
  ws.getCell("C5").value = 12.5;
  ws.getCell("D5").value = "2023-01-02";
  ws.getCell("E5").value = { formula: "\"a\"&\"b\"", result: "ab" };
  ws.mergeCells("B6:C6");
  ws.getCell("B6").value = "合并";
  await wb.xlsx.writeFile(file);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test("full load and streaming read the same block and values", async () => {
  const insp = inspectXlsx(file);
  expect(insp.entries.map((e) => e.name)).toContain("xl/workbook.xml");
  const full = await openBook(file, insp, { forceMode: "full" });
  const stream = await openBook(file, insp, { forceMode: "stream" });
  expect(full.sheetNames).toEqual(["说明", "申报表"]);
  expect(stream.sheetNames).toEqual(["说明", "申报表"]);
  const a = (await full.readSheet("申报表")).region;
  const b = (await stream.readSheet("申报表")).region;
  expect(a.address).toBe("B2:E6");
  expect(b.address).toBe(a.address);
  expect(b.firstRow).toBe(2);
  expect(b.firstCol).toBe(1);
  const norm = (v: unknown[][]) => JSON.stringify(v);
  expect(norm(b.values)).toBe(norm(a.values));
  expect(a.values[1][0]).toBe("滁州甲");
  expect(a.values[1][1]).toBe(800000);
  expect((a.values[1][2] as Date).toISOString().slice(0, 10)).toBe("2022-03-01");
  expect(a.values[2]).toEqual([null, null, null, null]);
  expect(a.values[4]).toEqual(["合并", null, null, null]);
  // The full load also knows about merged cells near the top.
  expect((await full.readSheet("申报表")).mergedNearTop).toEqual(["B6:C6"]);
});

test("the first sheet by default; unknown names are a CliError listing the sheets", async () => {
  const book = await openBook(file, inspectXlsx(file), { forceMode: "stream" });
  expect((await book.readSheet()).region.values).toEqual([["填表说明"]]);
  expect(() => pickSheet(book.sheetNames, "nope")).toThrow(CliError);
  expect(pickSheet(book.sheetNames, " 申报表 ")).toBe("申报表");
});

test("samePath sees through ./ and relative spellings", () => {
  expect(samePath(file, path.join(dir, ".", "mixed.xlsx"))).toBe(true);
  expect(samePath(file, path.relative(process.cwd(), file))).toBe(true);
  expect(samePath(file, path.join(dir, "other.xlsx"))).toBe(false);
});

test("a sheet beyond the cell budget stops the streaming read with a clear error", async () => {
  const saved = LIMITS.maxCells;
  LIMITS.maxCells = 5;
  try {
    const book = await openBook(file, inspectXlsx(file), { forceMode: "stream" });
    await expect(book.readSheet("申报表")).rejects.toMatchObject({ key: "too_many_cells" });
  } finally {
    LIMITS.maxCells = saved;
  }
});

test("streaming keeps Chinese text intact across zip chunk boundaries (inline and shared strings)", async () => {
  // Enough multi-byte text that the sheet XML spans many inflate chunks; ExcelJS 4.4's own
  // streaming SAX adapter used to cut characters in half there (see src/cli/exceljs-node.ts).
  const names = ["南谯区", "琅琊区", "中新苏滁高新区", "全椒县", "天长市"];
  for (const shared of [false, true]) {
    const big = path.join(dir, `big-${shared}.xlsx`);
    const wbw = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big, useSharedStrings: shared });
    const ws = wbw.addWorksheet("申报表");
    ws.addRow(["企业名称", "所属地区"]).commit();
    for (let i = 0; i < 20000; i++) ws.addRow([`滁州测试企业${i}有限公司`, names[i % names.length]]).commit();
    ws.commit();
    await wbw.commit();
    // In a real Node process, as the CLI runs (the fix hooks Node's module cache, which jest replaces).
    const r = spawnSync(process.execPath, [require.resolve("tsx/cli"), path.join(__dirname, "fixtures/read-stream.ts"), big, "申报表"], { encoding: "utf8", maxBuffer: 1 << 28 });
    expect(r.stderr).toBe("");
    const values = JSON.parse(r.stdout) as unknown[][];
    expect(values).toHaveLength(20001);
    const bad = values.slice(1).filter((r, i) => r[0] !== `滁州测试企业${i}有限公司` || r[1] !== names[i % names.length]);
    expect(bad).toEqual([]);
  }
});
