/**
 * `cz convert IN.xlsx --out OUT.xlsx`: a copy where CZ formulas become native formulas or values,
 * run as a user would (tsx), read back with ExcelJS. The input is never changed.
 */
import * as fs from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { convertFormula } from "../../src/policy/native-formula";
import { SHIPPED_POLICY } from "../../src/policy/shipped";
import { expectCleanFailure, readBack, runCli, sha256, tempDir, writeXlsx } from "./helpers";

let dir: string;
let input: string;
beforeAll(async () => {
  dir = tempDir("cz-conv-");
  input = path.join(dir, "申报.xlsx");
  await writeXlsx(input, [
    {
      name: "计算",
      rows: [
        ["项目", "金额", "等级", "日期", "奖补", "市", "受益", "目录"],
        ["equipment_network", 800000, null, null],
        ["equipment_network", 400000],
        ["smart_factory"],
        [null],
        ["equipment_network", 900000],
        [null],
      ],
      setup: (ws) => {
        const f = (formula: string, result?: unknown, extra: Record<string, unknown> = {}) => ({ formula, ...(result === undefined ? {} : { result }), ...extra }) as unknown as ExcelJS.CellValue;
        ws.getCell("E2").value = f('CZ.SUBSIDY("equipment_network",B2)', 160000);
        ws.getCell("F2").value = f('CZ.SPLIT("smart_factory")', 150000, { shareType: "array", ref: "F2:G2" });
        ws.getCell("G2").value = 150000;
        ws.getCell("E3").value = f('CZ.ELIGIBLE("equipment_network",B3)', false);
        ws.getCell("E4").value = f('CZ.EXPLAIN("smart_factory")', "第二条·省级智能工厂：定额30万元");
        ws.getCell("E5").value = '=CZ.SUBSIDY("smart_factory")'; // text (a quote-prefixed cell in Excel): never converted
        ws.getCell("E6").value = f('CZ.SUBSIDY("equipment_network",B6)'); // no cached result: the native formula does not need one
        ws.getCell("E7").value = f('1+CZ.SUBSIDY("smart_factory")'); // no native form and no value: left, listed
        ws.getCell("H1").value = f("CZ.PROGRAMS()", "代码", { shareType: "array", ref: "H1:I2" });
        ws.getCell("I1").value = "中文名";
        ws.getCell("H2").value = "smart_factory";
        ws.getCell("I2").value = "省级智能工厂";
        ws.getCell("A9").value = f("SUM(B2:B6)", 2100000); // not a CZ formula: untouched
      },
    },
  ]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const native = (f: string) => {
  const r = convertFormula(f, { policy: SHIPPED_POLICY });
  if (!r.ok) throw new Error(f);
  return r.native;
};

test("converts every CZ formula it can, lists all of them, leaves the rest and the input alone", async () => {
  const before = sha256(input);
  const out = path.join(dir, "out.xlsx");
  const r = runCli(["convert", input, "--out", out, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1); // E7 could not be converted
  expect(sha256(input)).toBe(before);
  const j = JSON.parse(r.stdout);
  expect(j.czFormulas).toBe(7);
  expect(j.notConverted.map((l: { cell: string }) => l.cell)).toEqual(["E7"]);
  expect(j.converted.map((l: { cell: string; kind: string }) => `${l.cell}:${l.kind}`).sort()).toEqual(["E2:native", "E3:native", "E4:value", "E6:native", "F2:native", "G2:native", "H1:value"].sort());

  const ws = (await readBack(out)).getWorksheet("计算")!;
  const formula = (a: string) => "=" + ws.getCell(a).formula;
  expect(formula("E2")).toBe(native('=CZ.SUBSIDY("equipment_network",B2)'));
  expect([formula("F2"), formula("G2")]).toEqual(native('=CZ.SPLIT("smart_factory")'));
  expect(formula("E3")).toBe(native('=CZ.ELIGIBLE("equipment_network",B3)'));
  expect(formula("E6")).toBe(native('=CZ.SUBSIDY("equipment_network",B6)'));
  expect(ws.getCell("E4").value).toBe("第二条·省级智能工厂：定额30万元");
  expect(ws.getCell("E5").value).toBe('=CZ.SUBSIDY("smart_factory")'); // still text
  expect(ws.getCell("E7").formula).toBe('1+CZ.SUBSIDY("smart_factory")');
  // CZ.PROGRAMS: its whole block as values.
  expect([ws.getCell("H1").value, ws.getCell("I1").value, ws.getCell("H2").value, ws.getCell("I2").value]).toEqual(["代码", "中文名", "smart_factory", "省级智能工厂"]);
  expect(ws.getCell("A9").formula).toBe("SUM(B2:B6)");
  // No CZ call is left except the one listed.
  const left: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => typeof c.formula === "string" && /CZ\./i.test(c.formula) && left.push(c.address)));
  expect(left).toEqual(["E7"]);
});

test("the text listing (zh) names each cell and what it became", () => {
  const out = path.join(dir, "out-text.xlsx");
  const r = runCli(["convert", input, "--out", out]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("计算!E2");
  expect(r.stdout).toContain("普通公式 =IF(");
  expect(r.stdout).toContain("未转换");
  expect(r.stdout).toMatch(/1 个 CZ 公式未能转换/);
});

test("bad input: exit 2 with one line, nothing written", async () => {
  expectCleanFailure(runCli(["convert", input]), /输出文件/);
  expectCleanFailure(runCli(["convert", "--out", path.join(dir, "x.xlsx")]), /缺少文件/);
  expectCleanFailure(runCli(["convert", input, "--out", input]));
  const notXlsx = path.join(dir, "note.xlsx");
  fs.writeFileSync(notXlsx, "not a workbook");
  const out = path.join(dir, "never.xlsx");
  expectCleanFailure(runCli(["convert", notXlsx, "--out", out]));
  expect(fs.existsSync(out)).toBe(false);
  expectCleanFailure(runCli(["convert", input, "--out", out, "--sheet", "无此表"]), /无此表/);
  expect(fs.existsSync(out)).toBe(false);
});
