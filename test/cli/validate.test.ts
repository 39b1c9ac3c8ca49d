/** `cz validate` end to end on generated workbooks: exit codes, --json, --out, and the input left untouched. */
import * as fs from "fs";
import * as path from "path";
import { makeCreditCode } from "../../src/policy";
import { HEADERS, expectCleanFailure, readBack, runCli, sha256, tempDir, writeXlsx } from "./helpers";

const code = (div: string, stem: string) => makeCreditCode(div, stem);
const CLEAN_ROWS = [
  ["滁州甲公司", code("341102", "10000001"), "琅琊区", "smart_factory", "项目A", null, null, "2022-03-01", 300000],
  ["滁州乙公司", code("341103", "10000002"), "南谯区", "equipment_network", "项目B", 800000, null, "2022-05-01", 160000],
  ["滁州丙公司", code("341181", "10000003"), "天长市", "dx_assessment", "项目C", null, "5A", "2023-01-10", 500000],
];
const badCheck = (c: string) => c.slice(0, 17) + (c[17] === "0" ? "1" : "0");
const FAULTY_ROWS = [
  ["滁州甲公司", badCheck(code("341102", "10000001")), "琅琊区", "smart_factory", "项目A", null, null, "2022-03-01", 300000],
  ["滁州乙公司", code("341103", "10000002"), "南谯区", "smart_factry", "项目B", null, null, "2022-05-01", 300000],
  ["滁州丙公司", code("341181", "10000003"), "天长市", "smart_factory", "项目C", null, null, "2023-01-10", 400000],
];

let dir: string;
let clean: string;
let faulty: string;

beforeAll(async () => {
  dir = tempDir("cz-val-");
  clean = await writeXlsx(path.join(dir, "clean.xlsx"), [{ name: "申报表", rows: [HEADERS, ...CLEAN_ROWS] }]);
  faulty = await writeXlsx(path.join(dir, "faulty.xlsx"), [{ name: "申报表", rows: [HEADERS, ...FAULTY_ROWS] }]);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a clean table: exit 0, counts and totals in the human report", () => {
  const r = runCli(["validate", clean]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^校验：clean\.xlsx · 工作表“申报表”（A1:I4）· 申报 3 条/);
  expect(r.stdout).toMatch(/结果：错误 0 · /);
  expect(r.stdout).toMatch(/未发现错误。/);
  // The one total with its parts: # 300,000 + 160,000 + 500,000 = 960,000 declared and payable;
  // smart_factory is 1:1 (150,000 each); equipment_network beneficiary; dx_assessment city.
  expect(r.stdout).toContain("申报：96万元（3行）——");
  expect(r.stdout).toContain("应付：96万元（3行），其中市财政承担65万元，受益财政承担31万元——");
  expect(r.stdout).toContain("有误未计：0元（0行）——");
  expect(r.stdout).toContain("需复核：0元（0行）——");
});

test("a faulty table: exit 1, findings grouped by rule with row numbers and zh messages", () => {
  const r = runCli(["validate", faulty]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/结果：错误 \d+/);
  expect(r.stdout).toMatch(/credit_code\.check · 统一社会信用代码校验位错误（1 处）\n\s+第2行 /);
  expect(r.stdout).toMatch(/program\.unknown · [^\n]*\n\s+第3行 [^\n]*smart_factory/);
  expect(r.stdout).toMatch(/amount\.over_award · [^\n]*\n\s+第4行 /);
});

test("--json prints exactly one JSON object with findings and summary", () => {
  const r = runCli(["validate", faulty, "--json"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe("");
  expect(r.stdout.trim().split("\n")).toHaveLength(1);
  const j = JSON.parse(r.stdout);
  expect(Object.keys(j)).toEqual(["findings", "summary", "sheets", "skipped"]);
  for (const f of j.findings) expect(Object.keys(f)).toEqual(["sheet", "row", "column", "severity", "rule", "message"]);
  const has = (row: number, rule: string) => j.findings.some((f: { row: number; rule: string; severity: string }) => f.row === row && f.rule === rule && f.severity === "error");
  expect(has(2, "credit_code.check")).toBe(true);
  expect(has(3, "program.unknown")).toBe(true);
  expect(has(4, "amount.over_award")).toBe(true);
  expect(j.summary).toMatchObject({ rows: 3, sheets: ["申报表"], policy: "chuzhou-ii-2021" });
  expect(j.sheets).toEqual([expect.objectContaining({ sheet: "申报表", address: "A1:I4", rows: 3 })]);
  expect(j.skipped).toEqual([]);
  expect(j.summary.errors).toBe(j.findings.filter((f: { severity: string }) => f.severity === "error").length);
  expect(typeof j.summary.requested).toBe("number");
  expect(j.findings.find((f: { rule: string }) => f.rule === "program.unknown").message).toMatch(/[\u4e00-\u9fff]/);

  const clean1 = JSON.parse(runCli(["validate", clean, "--json"]).stdout);
  expect(clean1.summary).toMatchObject({ errors: 0, requested: 960000, computed: 960000, city: 650000, beneficiary: 310000 });
  expect(clean1.summary.totals).toEqual({
    declared: { label: "申报", rows: 3, amount: 960000 },
    payable: { label: "应付", rows: 3, amount: 960000, city: 650000, beneficiary: 310000 },
    heldBack: { label: "有误未计", rows: 0, amount: 0 },
    review: { label: "需复核", rows: 0, amount: 0 },
  });
  // The faulty table: every row has an error, so nothing is payable and everything claimed is held back.
  expect(j.summary.totals.payable).toMatchObject({ rows: 0, amount: 0 });
  expect(j.summary.totals.heldBack).toEqual({ label: "有误未计", rows: 3, amount: j.summary.totals.declared.amount });

  const en = JSON.parse(runCli(["validate", faulty, "--json", "--lang", "en"]).stdout);
  expect(en.findings.find((f: { rule: string }) => f.rule === "program.unknown").message).not.toMatch(/[\u4e00-\u9fff]{4}/);
});

test("--out writes a copy with a report sheet; the input is unchanged", async () => {
  const before = sha256(faulty);
  const out = path.join(dir, "report.xlsx");
  const r = runCli(["validate", faulty, "--out", out]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/已写入校验报告：.*report\.xlsx（工作表“CZ校验报告”；原文件未改动）/);
  expect(sha256(faulty)).toBe(before);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

  const wb = await readBack(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["申报表", "CZ校验报告"]);
  // The original sheet's values are carried over as they were.
  const src = wb.getWorksheet("申报表")!;
  expect(src.getCell("D3").value).toBe("smart_factry");
  expect(src.getCell("I4").value).toBe(400000);
  const ws = wb.getWorksheet("CZ校验报告")!;
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => texts.push(typeof c.value === "object" && c.value && "formula" in c.value ? `=${c.value.formula}` : String(c.value))));
  const all = texts.join("\n");
  expect(all).toMatch(/政策版本：滁州市支持工业互联网发展若干政策（2021）（chuzhou-ii-2021）/);
  expect(all).toMatch(/校验时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  // A link to the credit code cell of row 2 (column B) and to the program cell of row 3 (column D).
  expect(all).toContain(`=HYPERLINK("#'申报表'!B2","申报表!B2")`);
  expect(all).toContain(`=HYPERLINK("#'申报表'!D3","申报表!D3")`);
  // Memo-ready: the rule's name, the enterprise and project of the row, the code only in the last column, the totals.
  const rowOf = (needle: string) => {
    let found: unknown[] = [];
    ws.eachRow((row) => {
      const v = row.values as unknown[];
      if (v.some((c) => typeof c === "object" && c !== null && "formula" in c && String((c as { formula: string }).formula).includes(needle))) found = v.slice(1);
    });
    return found;
  };
  expect(rowOf("!B2\"")).toEqual(["错误", "信用代码校验位错误", expect.anything(), 2, "统一社会信用代码", "滁州甲公司", "项目A", expect.stringContaining("校验位"), "credit_code.check"]);
  expect(all).toMatch(/有误未计：[^\n]*（3行）——/);
  expect(all).toContain("按问题统计");

  // A second run refuses the existing --out (exit 2) unless --force; the input is never the output.
  expectCleanFailure(runCli(["validate", faulty, "--out", out]), /输出文件已存在：.*report\.xlsx；如确需覆盖，请加 --force/);
  const again = runCli(["validate", faulty, "--out", out, "--json", "--force"]);
  expect(again.code).toBe(1);
  expect(() => JSON.parse(again.stdout)).not.toThrow();
  expect(sha256(faulty)).toBe(before);
});

test("--findings-out writes the findings to a new workbook, one row each; never the same file as --out", async () => {
  const before = sha256(faulty);
  const out = path.join(dir, "findings.xlsx");
  const r = runCli(["validate", faulty, "--findings-out", out]);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe("");
  expect(sha256(faulty)).toBe(before);
  const n = JSON.parse(runCli(["validate", faulty, "--json"]).stdout).findings.length;
  expect(r.stdout).toContain(`已导出问题清单：${out}（${n} 条）`);
  const wb = await readBack(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["问题清单"]);
  const ws = wb.worksheets[0];
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["严重程度", "问题", "单元格", "企业名称", "项目名称", "说明", "规则代码"]);
  expect(ws.rowCount).toBe(1 + n);
  const rows = [];
  for (let i = 2; i <= ws.rowCount; i++) rows.push((ws.getRow(i).values as unknown[]).slice(1));
  expect(rows).toContainEqual(["错误", "信用代码校验位错误", "申报表!B2", "滁州甲公司", "项目A", expect.stringContaining("校验位"), "credit_code.check"]);
  // Refused before anything is written: the same file twice, or an existing file without --force.
  const both = path.join(dir, "both.xlsx");
  expectCleanFailure(runCli(["validate", faulty, "--out", both, "--findings-out", both]), /--out 与 --findings-out 不能是同一个文件/);
  expect(fs.existsSync(both)).toBe(false);
  expectCleanFailure(runCli(["validate", faulty, "--findings-out", out]), /输出文件已存在/);
});

test("a merged title above the header is fine; an instructions sheet before the table is skipped", async () => {
  const f = await writeXlsx(path.join(dir, "titled.xlsx"), [
    { name: "填表说明", rows: [["请按模板填写"], ["金额单位：元"]] },
    { name: "申报表", rows: [["滁州市工业互联网奖补申报汇总表"], HEADERS, ...CLEAN_ROWS], merges: ["A1:I1"] },
  ]);
  const r = runCli(["validate", f, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.summary).toMatchObject({ sheets: ["申报表"], rows: 3, errors: 0 });
  expect(j.skipped).toEqual([{ sheet: "填表说明", reason: "no_header" }]);
  // Asking for the instructions sheet by name gives a clear no-header failure.
  expectCleanFailure(runCli(["validate", f, "--sheet", "填表说明"]), /工作表“填表说明”：.*未找到表头/);
});

test("merged header cells that hide the column names: exit 2 naming the merged cells, no output file", async () => {
  const f = await writeXlsx(path.join(dir, "merged-header.xlsx"), [
    { name: "申报表", rows: [["企业信息", null, null, "申报信息", null], ["名称", "编号", "说明", "类别说明", "金额说明"], ["甲", "x", "y", "z", 1]], merges: ["A1:C1", "D1:E1"] },
  ]);
  const out = path.join(dir, "merged-out.xlsx");
  const r = runCli(["validate", f, "--out", out]);
  expectCleanFailure(r, /表头含合并单元格（A1:C1、D1:E1）/);
  expect(fs.existsSync(out)).toBe(false);
});

test("formula error cells: in data they are findings (exit 1); a header of errors is unusable (exit 2)", async () => {
  const rows = [HEADERS, ...CLEAN_ROWS.map((r) => [...r])];
  rows[2][5] = { formula: "1/0", result: { error: "#DIV/0!" } } as unknown as number; // equipment_network's base
  const f = await writeXlsx(path.join(dir, "errors.xlsx"), [{ name: "申报表", rows }]);
  const r = runCli(["validate", f, "--json"]);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout);
  const hit = j.findings.find((x: { row: number; column: string }) => x.row === 3 && x.column === "amount");
  expect(hit).toBeDefined();
  expect(hit.severity).toBe("error");
  expect(hit.message).toContain("#DIV/0!");

  const errHead = HEADERS.map(() => ({ formula: "#REF!", result: { error: "#REF!" } }));
  const g = await writeXlsx(path.join(dir, "error-header.xlsx"), [{ name: "申报表", rows: [errHead, ...CLEAN_ROWS] }]);
  expectCleanFailure(runCli(["validate", g]), /工作表“申报表”：.*未找到表头/);
});
