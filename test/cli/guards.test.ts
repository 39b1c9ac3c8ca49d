/**
 * Issue 12's guards, each with a crafted file, through the built CLI as a user runs it:
 * a stray far cell, an uncached formula, hidden and several year sheets, a 40,000-character
 * name, an existing --out file, the input as output, and SIGINT / SIGTERM during a write.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { makeCreditCode } from "../../src/policy";
import { generatedWorkbook } from "../support/generated-workbook";
import { CLI, HEADERS, cliEnv, expectCleanFailure, readBack, runCli, sha256, tempDir, writeXlsx } from "./helpers";

const code = (div: string, stem: string) => makeCreditCode(div, stem);
const CLEAN = [
  ["滁州甲公司", code("341102", "10000001"), "琅琊区", "smart_factory", "项目A", null, null, "2022-03-01", 300000],
  ["滁州乙公司", code("341103", "10000002"), "南谯区", "equipment_network", "项目B", 800000, null, "2022-05-01", 160000],
  ["滁州丙公司", code("341181", "10000003"), "天长市", "dx_assessment", "项目C", null, "5A", "2023-01-10", 500000],
];
const badCheck = (c: string) => c.slice(0, 17) + (c[17] === "0" ? "1" : "0");

let dir: string;
beforeAll(() => {
  dir = tempDir("cz-guard-");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Peak RSS in MB of a CLI run (GNU time), or null where /usr/bin/time is missing. */
function peakMb(args: string[]): { code: number | null; mb: number | null; stdout: string } {
  if (!fs.existsSync("/usr/bin/time")) {
    const r = runCli(args);
    return { code: r.code, mb: null, stdout: r.stdout };
  }
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, CLI, ...args], { encoding: "utf8", maxBuffer: 1 << 26, env: cliEnv() });
  return { code: r.status, mb: Number(r.stderr.trim().split("\n").pop()) / 1024, stdout: r.stdout };
}

test("a stray cell at XFD1048576 costs nothing: the table is checked as usual", async () => {
  const f = await writeXlsx(path.join(dir, "stray.xlsx"), [{ name: "申报表", rows: [HEADERS, ...CLEAN], setup: (ws) => (ws.getCell("XFD1048576").value = "x") }]);
  expect(fs.statSync(f).size).toBeLessThan(20000);
  const r = peakMb(["validate", f, "--json"]);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(j.sheets[0]).toMatchObject({ sheet: "申报表", address: "A1:XFD1048576", rows: 3, errors: 0 });
  // Before issue 12 this took about 4 GB; a small table costs well under 300 MB.
  if (r.mb !== null) expect(r.mb).toBeLessThan(300);
  // --out and report work on it too.
  const out = path.join(dir, "stray-out.xlsx");
  expect(runCli(["validate", f, "--out", out]).code).toBe(0);
  expect((await readBack(out)).worksheets.map((w) => w.name)).toEqual(["申报表", "CZ校验报告"]);
});

test("a formula without a cached value is an error on its row, never empty, and the report does not pay it", async () => {
  // platform_national is an up-to award: an empty amount means "pay the cap" (200万元).
  const rows = [HEADERS, ...CLEAN, ["滁州丁公司", code("341122", "10000004"), "来安县", "platform_national", "项目D", { formula: "SUM(Z1:Z9)" }, null, "2022-06-01", 2000000]];
  const f = await writeXlsx(path.join(dir, "uncached.xlsx"), [{ name: "申报表", rows }]);
  const r = runCli(["validate", f, "--json"]);
  expect(r.code).toBe(1);
  const j = JSON.parse(r.stdout);
  const own = j.findings.filter((x: { row: number }) => x.row === 5);
  expect(own).toEqual([expect.objectContaining({ sheet: "申报表", row: 5, column: "amount", severity: "error", rule: "formula.uncached" })]);
  expect(own[0].message).toMatch(/^公式未计算，请在 Excel 中重新计算并保存（计算基数（元），F5：=SUM\(Z1:Z9\)）$/);
  expect(j.summary).toMatchObject({ errors: 1, rowsWithErrors: 1, byRule: { "formula.uncached": 1 } });
  // Not paid: the report counts the three clean rows only.
  const out = path.join(dir, "uncached-report.xlsx");
  const rep = runCli(["report", f, "--out", out, "--json"]);
  expect(rep.code).toBe(0);
  const s = JSON.parse(rep.stdout).summary;
  expect(s).toMatchObject({ included: 3, excluded: 1 });
  expect(s.grand.total).toBe(960000);
  const text = runCli(["validate", f]).stdout;
  expect(text).toMatch(/formula\.uncached · 公式未计算/);
});

test("every visible sheet with a header is checked, hidden sheets are skipped and listed, the exit code covers all", async () => {
  const faulty = [["滁州甲公司", badCheck(code("341102", "10000001")), "琅琊区", "smart_factory", "项目A", null, null, "2023-03-01", 300000]];
  const f = await writeXlsx(path.join(dir, "years.xlsx"), [
    { name: "旧表", rows: [HEADERS, ...faulty], setup: (ws) => (ws.state = "hidden") },
    { name: "2022年", rows: [HEADERS, ...CLEAN] },
    { name: "说明", rows: [["填表说明"]] },
    { name: "2023年", rows: [HEADERS, ...faulty] },
  ]);
  const r = runCli(["validate", f, "--json"]);
  expect(r.code).toBe(1); // the error is on the second year sheet
  const j = JSON.parse(r.stdout);
  expect(j.summary.sheets).toEqual(["2022年", "2023年"]);
  expect(j.skipped).toEqual([
    { sheet: "旧表", reason: "hidden" },
    { sheet: "说明", reason: "no_header" },
  ]);
  expect(j.sheets.map((s: { sheet: string; errors: number }) => [s.sheet, s.errors])).toEqual([
    ["2022年", 0],
    ["2023年", 1],
  ]);
  expect(j.findings.filter((x: { severity: string }) => x.severity === "error").map((x: { sheet: string; row: number; rule: string }) => [x.sheet, x.row, x.rule])).toEqual([["2023年", 2, "credit_code.check"]]);
  expect(j.summary.rows).toBe(4);

  const text = runCli(["validate", f]).stdout;
  expect(text).toMatch(/工作表“2022年”/);
  expect(text).toMatch(/工作表“2023年”/);
  expect(text).toMatch(/共校验 2 个工作表：错误 1/);
  expect(text).toMatch(/未校验的工作表：“旧表”（隐藏）、“说明”（无表头）/);

  // --sheet picks one, even the hidden one; a clean visible sheet alone exits 0.
  expect(runCli(["validate", f, "--sheet", "2022年"]).code).toBe(0);
  expect(runCli(["validate", f, "--sheet", "旧表"]).code).toBe(1);
  const g = await writeXlsx(path.join(dir, "hidden-faulty.xlsx"), [
    { name: "旧表", rows: [HEADERS, ...faulty], setup: (ws) => (ws.state = "hidden") },
    { name: "申报表", rows: [HEADERS, ...CLEAN] },
  ]);
  const h = JSON.parse(runCli(["validate", g, "--json"]).stdout);
  expect(h.summary.sheets).toEqual(["申报表"]);
  expect(runCli(["validate", g]).code).toBe(0);

  // --out: one report sheet with the findings of both year sheets, each linked to its own sheet.
  const out = path.join(dir, "years-out.xlsx");
  expect(runCli(["validate", f, "--out", out]).code).toBe(1);
  const wb = await readBack(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["旧表", "2022年", "说明", "2023年", "CZ校验报告"]);
  expect(wb.getWorksheet("旧表")!.state).toBe("hidden");
  const cells: string[] = [];
  wb.getWorksheet("CZ校验报告")!.eachRow((row) => row.eachCell((c) => cells.push(typeof c.value === "object" && c.value && "formula" in c.value ? `=${c.value.formula}` : String(c.value))));
  expect(cells).toContain(`=HYPERLINK("#'2023年'!B2","2023年!B2")`);
  expect(cells.join("\n")).toMatch(/未校验的工作表：“旧表”（隐藏）、“说明”（无表头）/);

  // report counts both visible year sheets; its results table names each row's sheet.
  const repOut = path.join(dir, "years-report.xlsx");
  const rep = JSON.parse(runCli(["report", f, "--out", repOut, "--json"]).stdout);
  expect(rep.summary.rows).toBe(4);
  expect(rep.summary.grand.total).toBe(960000);
  const results = (await readBack(repOut)).getWorksheet("结果表")!;
  const firstCol: unknown[] = [];
  results.eachRow((row) => firstCol.push(row.getCell(1).value));
  expect(firstCol.slice(-5)).toEqual(["工作表", "2022年", "2022年", "2022年", "2023年"]);

  // Only hidden sheets: exit 2 with a clear line.
  const only = await writeXlsx(path.join(dir, "all-hidden.xlsx"), [{ name: "表", rows: [HEADERS, ...CLEAN], setup: (ws) => (ws.state = "hidden") }]);
  expectCleanFailure(runCli(["validate", only]), /没有可见的工作表.*--sheet/);
});

test("no written cell exceeds 32,767 characters; the JSON keeps the full text", async () => {
  const long = "滁" + "州".repeat(39998) + "司"; // 40,000 characters
  const c = code("341102", "10000009");
  const f = await writeXlsx(path.join(dir, "long.xlsx"), [
    {
      name: "申报表",
      rows: [HEADERS, [long, c, "琅琊区", "smart_factory", "项目A", null, null, "2022-03-01", 300000], ["滁州短名公司", c, "琅琊区", "equipment_network", "项目B", 800000, null, "2022-05-01", 160000]],
    },
  ]);
  // The second row's name differs from the first: the warning quotes the first (40,000-character) name.
  const j = JSON.parse(runCli(["validate", f, "--json"]).stdout);
  const w = j.findings.find((x: { rule: string }) => x.rule === "cross.name_mismatch");
  expect(w.message).toContain(long);

  const out = path.join(dir, "long-out.xlsx");
  runCli(["validate", f, "--out", out]);
  const rep = path.join(dir, "long-report.xlsx");
  expect(runCli(["report", f, "--out", rep]).code).toBe(0);
  for (const file of [out, rep]) {
    const wb = await readBack(file);
    let longest = 0;
    let cut = 0;
    for (const ws of wb.worksheets) {
      if (ws.name === "申报表") continue; // the user's own sheet, copied byte for byte
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = typeof cell.value === "string" ? cell.value : "";
          longest = Math.max(longest, v.length);
          if (v.endsWith("…（截断）")) cut++;
        }),
      );
    }
    expect(longest).toBe(32767);
    expect(cut).toBeGreaterThan(0);
  }
});

test("an existing --out is refused unless --force; the input can never be the output", async () => {
  const f = await writeXlsx(path.join(dir, "in.xlsx"), [{ name: "申报表", rows: [HEADERS, ...CLEAN] }]);
  const before = sha256(f);
  const out = path.join(dir, "exists.xlsx");
  fs.writeFileSync(out, "keep me");
  for (const cmd of ["validate", "report"]) {
    expectCleanFailure(runCli([cmd, f, "--out", out]), /输出文件已存在/);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
  }
  expect(runCli(["report", f, "--out", out, "--force"]).code).toBe(0);
  expect((await readBack(out)).worksheets.map((w) => w.name)).toEqual(["结果表", "汇总表", "行动计划进度"]);
  // The input as output, however it is spelled, with or without --force: refused.
  const link = path.join(dir, "link.xlsx");
  fs.symlinkSync(f, link);
  const hard = path.join(dir, "hard.xlsx");
  fs.linkSync(f, hard);
  for (const o of [f, path.join(dir, ".", "in.xlsx"), link, hard]) {
    for (const cmd of ["validate", "report"]) expectCleanFailure(runCli([cmd, f, "--out", o, "--force"]), /输出文件不能与输入文件相同/);
  }
  expect(sha256(f)).toBe(before);
  expect(fs.readdirSync(dir).filter((x) => x.endsWith(".tmp"))).toEqual([]);
});

describe("signals during a write", () => {
  let big: string;
  beforeAll(async () => {
    big = await generatedWorkbook(20000);
  }, 120000);

  for (const [sig, exit] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    test(`${sig} while the report is written: exit ${exit}, no temporary file left, no output`, async () => {
      const outDir = fs.mkdtempSync(path.join(dir, `sig-${sig}-`));
      const tmpDir = fs.mkdtempSync(path.join(dir, `tmp-${sig}-`));
      const out = path.join(outDir, "report.xlsx");
      const child = spawn(process.execPath, [CLI, "report", big, "--out", out, "--quiet"], { env: cliEnv({ TMPDIR: tmpDir }), stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
      // Wait until the temporary output file exists (the write has begun), then signal.
      let sent = false;
      for (let i = 0; i < 3000 && child.exitCode === null; i++) {
        if (fs.readdirSync(outDir).some((x) => x.endsWith(".tmp"))) {
          child.kill(sig);
          sent = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      const codeOut = await exited;
      expect(sent).toBe(true);
      expect(codeOut).toBe(exit);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect({ out: fs.readdirSync(outDir), tmp: fs.readdirSync(tmpDir) }).toEqual({ out: [], tmp: [] });
      // ExcelJS's own temp files went into the run's private folder, removed as a whole.
      expect(fs.readdirSync(tmpDir)).toEqual([]);
    }, 120000);
  }
});

test("--help for each command, in zh and en, with examples", () => {
  for (const cmd of ["calc", "programs", "validate", "report", "convert"]) {
    const zh = runCli([cmd, "--help"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(new RegExp(`^用法：cz-subsidy ${cmd}`));
    expect(zh.stdout).toMatch(/示例：\n {2}cz-subsidy /);
    const en = runCli(["help", cmd, "--lang", "en"]);
    expect(en.stdout).toMatch(new RegExp(`^Usage: cz-subsidy ${cmd}`));
    expect(en.stdout).toMatch(/Examples:\n {2}cz-subsidy /);
  }
});

test("the progress line: none when stderr is not a terminal; on a terminal for runs over a second, unless --quiet", async () => {
  const big = await generatedWorkbook(40000);
  const piped = runCli(["validate", big, "--json"]);
  expect(piped.stderr).toBe("");
  if (!fs.existsSync("/usr/bin/script")) return;
  // util-linux `script` gives the CLI a pseudo-terminal; its stdout is redirected to a file.
  const run = (extra: string) => {
    const outFile = path.join(dir, `tty-out-${extra || "plain"}.json`);
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} validate ${JSON.stringify(big)} --json ${extra} > ${JSON.stringify(outFile)}`;
    const r = spawnSync("/usr/bin/script", ["-qec", cmd, "/dev/null"], { encoding: "utf8", env: cliEnv() });
    return { terminal: r.stdout, json: fs.readFileSync(outFile, "utf8") };
  };
  const shown = run("");
  expect(shown.terminal).toMatch(/(读取|校验)“申报表”：[\d,]+ /);
  expect(() => JSON.parse(shown.json)).not.toThrow(); // stdout stays pure JSON
  expect(run("--quiet").terminal).not.toMatch(/读取|校验/);
}, 120000);

test("full load and streaming read a stray-cell sheet sparsely and stop beyond the cell limit", async () => {
  const { LIMITS, inspectXlsx, openBook } = await import("../../src/cli/xlsx-file");
  const f = await writeXlsx(path.join(dir, "stray2.xlsx"), [{ name: "申报表", rows: [HEADERS, ...CLEAN], setup: (ws) => (ws.getCell("XFD1048576").value = 1) }]);
  for (const mode of ["full", "stream"] as const) {
    const read = await (await openBook(f, inspectXlsx(f), { forceMode: mode })).readSheet("申报表");
    expect(read.region.address).toBe("A1:XFD1048576");
    expect(read.cells).toBe(HEADERS.length + 7 + 8 + 8 + 1); // header, the three rows, the stray cell
    expect(read.region.values.length).toBe(1048576);
    expect(Object.keys(read.region.values).length).toBe(5); // only rows with values exist
    const saved = LIMITS.maxCells;
    LIMITS.maxCells = 10;
    try {
      await expect((await openBook(f, inspectXlsx(f), { forceMode: mode })).readSheet("申报表")).rejects.toMatchObject({ key: "too_many_cells" });
    } finally {
      LIMITS.maxCells = saved;
    }
  }
});

test("validate --out copies every part of the user's file unchanged and styles only its own sheet", async () => {
  const { inspectXlsx } = await import("../../src/cli/xlsx-file");
  const sample = path.join(__dirname, "../../examples/applications-sample.xlsx");
  const out = path.join(dir, "copy-check.xlsx");
  expect(runCli(["validate", sample, "--out", out]).code).toBe(1);
  const src = inspectXlsx(sample).entries;
  const dst = new Map(inspectXlsx(out).entries.map((e) => [e.name, e]));
  const edited = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);
  for (const e of src) {
    const d = dst.get(e.name);
    expect(d).toBeDefined();
    if (!edited.has(e.name)) expect([e.name, d!.crc, d!.compressed, d!.uncompressed]).toEqual([e.name, e.crc, e.compressed, e.uncompressed]);
  }
  const wb = await readBack(out);
  const ws = wb.getWorksheet("CZ校验报告")!;
  let totalFmt: string | undefined;
  let linkUnderlined = false;
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.value === "应付") totalFmt = row.getCell(c.col + 2).numFmt; // the totals block: 合计项 | 行数 | 金额（元）
      if (c.value && typeof c.value === "object" && "formula" in c.value && /^HYPERLINK/.test(String(c.value.formula))) linkUnderlined ||= !!c.font?.underline;
    }),
  );
  expect(totalFmt).toBe("#,##0.00");
  expect(linkUnderlined).toBe(true);
  // The user's own sheet keeps its formats (the styles it refers to are still at their indexes).
  const orig = await readBack(sample);
  const a = orig.worksheets[0].getCell("A1");
  const b = wb.getWorksheet(orig.worksheets[0].name)!.getCell("A1");
  expect([b.value, b.numFmt, b.font]).toEqual([a.value, a.numFmt, a.font]);
});
