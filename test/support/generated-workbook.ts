/**
 * Large generated application workbooks (bench/generate.ts) built once and kept in
 * node_modules/.cache/cz-subsidy/fixtures, keyed by the row count and a hash of the code that makes
 * them: a later run (or another jest worker) reuses the file instead of generating tens of
 * thousands of rows again. Tests only read these files.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { generateRows, writeXlsx } from "../../bench/generate";

const ROOT = path.resolve(__dirname, "../..");
const DIR = path.join(ROOT, "node_modules", ".cache", "cz-subsidy", "fixtures");
/** What the rows depend on: the generator, the catalogue it reads and the credit codes it makes. */
const INPUTS = ["bench/generate.ts", "src/policy/catalogue-2021.ts", "src/policy/credit-code.ts"];

function inputsHash(): string {
  const h = crypto.createHash("sha256");
  for (const f of INPUTS) {
    const p = path.join(ROOT, f);
    h.update(f).update(fs.existsSync(p) ? fs.readFileSync(p) : "");
  }
  return h.digest("hex").slice(0, 16);
}

/** The path of a workbook of `rows` generated application rows (plus the header) on sheet 申报表. */
export async function generatedWorkbook(rows: number): Promise<string> {
  const file = path.join(DIR, `applications-${rows}-${inputsHash()}.xlsx`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(DIR, { recursive: true });
  // Written under a private name and renamed: a parallel worker never sees half a file.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeXlsx(tmp, generateRows(rows));
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return file;
}
