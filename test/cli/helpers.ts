/** Running the BUILT CLI as a user would (node dist/cli/cz-subsidy.js), and making .xlsx fixtures in a temp folder. */
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

export const ROOT = path.resolve(__dirname, "../..");
/** The bundle `npm run build` makes; rebuilt here (esbuild, well under a second) when older than its sources. */
export const CLI: string = require(path.join(ROOT, "scripts", "build-cli.js")).ensureCli();

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a spawned CLI: this process's, with the locale pinned to zh-CN (the CLI's
 * language follows LC_ALL / LC_MESSAGES / LANG, and CI may run with LANG=en_US.UTF-8 or C.UTF-8),
 * then `extra` on top (a test of the locale sets its own LANG / LC_ALL).
 */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "", FORCE_COLOR: "0", LANG: "zh_CN.UTF-8" };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return { ...env, ...extra };
}

export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    env: cliEnv(opts.env),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A bad-input failure as the brief defines it: exit 2, one line on stderr, no stack frames. */
export function expectCleanFailure(r: CliRun, pattern?: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/Error:|node:internal|\.ts:\d+/);
  if (pattern) expect(r.stderr).toMatch(pattern);
}

export function tempDir(prefix = "cz-cli-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

export const HEADERS = ["企业名称", "统一社会信用代码", "所属地区", "项目类别", "项目名称", "计算基数（元）", "认定等级/条件", "认定日期", "申报金额（元）"];

export async function writeXlsx(file: string, sheets: Array<{ name: string; rows: unknown[][]; merges?: string[]; setup?: (ws: ExcelJS.Worksheet) => void }>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    s.setup?.(ws);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

export async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Patch the declared uncompressed size of one zip entry (central directory), leaving the data as is. */
export function patchDeclaredSize(file: string, entryName: string, size: number): void {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) {
    eocd = i;
    break;
  }
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    if (name === entryName) buf.writeUInt32LE(size, p + 24);
    p += 46 + nameLen + extraLen + commentLen;
  }
  fs.writeFileSync(file, buf);
}
