/** `cz report` on the shipped sample, read back with ExcelJS; and the sample's deliberate faults through `validate --json`. */
import * as fs from "fs";
import * as path from "path";
import { expectCleanFailure, readBack, ROOT, runCli, sha256, tempDir } from "./helpers";

const SAMPLE = path.join(ROOT, "examples", "applications-sample.xlsx");
const FAULTS = path.join(ROOT, "examples", "sample-faults.json");
const haveSample = fs.existsSync(SAMPLE);
const maybe = haveSample ? test : test.skip;

let dir: string;
beforeAll(() => {
  dir = tempDir("cz-rep-");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

maybe("report writes results, summary and progress sheets; the numbers add up to the 分", async () => {
  const before = sha256(SAMPLE);
  const out = path.join(dir, "report.xlsx");
  const r = runCli(["report", SAMPLE, "--out", out, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(sha256(SAMPLE)).toBe(before);
  const j = JSON.parse(r.stdout);
  expect(j.pivots).toBe("tables");
  expect(j.sheets).toEqual(["结果表", "汇总表", "行动计划进度"]);
  const cents = (x: number) => Math.round(x * 100);
  const sum = (xs: Array<{ total: number }>) => xs.reduce((a, b) => a + cents(b.total), 0);
  expect(sum(j.summary.byProgram)).toBe(cents(j.summary.grand.total));
  expect(sum(j.summary.byJurisdiction)).toBe(cents(j.summary.grand.total));
  expect(cents(j.summary.grand.city) + cents(j.summary.grand.beneficiary)).toBe(cents(j.summary.grand.total));

  const wb = await readBack(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["结果表", "汇总表", "行动计划进度"]);
  const ws = wb.getWorksheet("结果表")!;
  const tables = (ws as unknown as { getTables(): Array<{ table: { name: string; tableRef: string } }> }).getTables();
  expect(tables.map((t) => t.table.name)).toEqual(["CZ_Results"]);
  const ref = tables[0].table.tableRef; // e.g. A7:M53
  const [, top, bottom] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(ref)!.map(Number) as unknown as [string, number, number];
  expect(bottom - top).toBe(j.summary.rows);
  const header = (ws.getRow(top).values as unknown[]).slice(1);
  const ci = (h: string) => header.indexOf(h) + 1;
  let total = 0;
  for (let r2 = top + 1; r2 <= bottom; r2++) {
    const row = ws.getRow(r2);
    const t = row.getCell(ci("应拨付奖补（元）")).value;
    const c = row.getCell(ci("市财政承担（元）")).value;
    const b = row.getCell(ci("受益财政承担（元）")).value;
    if (typeof t === "number") {
      expect(cents(c as number) + cents(b as number)).toBe(cents(t));
      total += cents(t);
    }
  }
  // Rows with errors leave their amount cells empty, so the table's award column adds up to the grand total.
  expect(total).toBe(cents(j.summary.grand.total));
  expect(ws.getRow(top + 1).getCell(ci("应拨付奖补（元）")).numFmt).toBe("#,##0.00");
});

maybe("report prints the summaries and where the file went; refuses to overwrite its input", () => {
  const out = path.join(dir, "report2.xlsx");
  const r = runCli(["report", SAMPLE, "--out", out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/按项目汇总（元）/);
  expect(r.stdout).toMatch(/按地区汇总（元）/);
  expect(r.stdout).toMatch(/命令行不写入真正的数据透视表/);
  expect(r.stdout).toContain(`已写入报表：${out}`);
  expect(fs.existsSync(out)).toBe(true);
  expectCleanFailure(runCli(["report", SAMPLE, "--out", SAMPLE]), /输出文件不能与输入文件相同/);
  expectCleanFailure(runCli(["report", SAMPLE]), /缺少输出文件/);
});

maybe("validate --json on the sample finds every deliberate fault and no error on a clean row", () => {
  const faults: { faults: Array<{ row: number; rule: string }>; dataRows: { first: number; last: number } } = JSON.parse(fs.readFileSync(FAULTS, "utf8"));
  const r = runCli(["validate", SAMPLE, "--json"]);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout);
  for (const f of faults.faults) {
    expect(j.findings).toEqual(expect.arrayContaining([expect.objectContaining({ row: f.row, rule: f.rule })]));
  }
  const faultRows = new Set(faults.faults.map((f) => f.row));
  const errorRows = new Set(j.findings.filter((f: { severity: string }) => f.severity === "error").map((f: { row: number }) => f.row));
  for (const row of errorRows) expect(faultRows.has(row as number)).toBe(true);
});
