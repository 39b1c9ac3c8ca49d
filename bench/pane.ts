/**
 * The pane at 20,000 rows in real headless Chromium (browser mode, the built dist/): opening the
 * file, the first validation, writing the validation report and downloading the workbook. It runs
 * the E2E test that npm test runs at 5,000 rows (test/e2e/validation.e2e.test.ts) with
 * CZ_PANE_ROWS=20000, and reads the timings it prints. Also the first paint while office.js's CDN
 * hangs (test/e2e/shell.e2e.test.ts).
 */
import { spawnSync } from "child_process";
import path from "path";

const ROOT = path.join(__dirname, "..");

export interface PaneBench {
  rows: number;
  open_ms: number;
  first_validation_ms: number;
  write_report_ms: number;
  download_ms: number;
  download_mb: number;
  first_paint_ms: number | null;
  usable_ms: number | null;
}

function jest(file: string, name: string, env: Record<string, string>): string {
  const r = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), file, "-t", name], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${file} failed:\n${r.stdout}\n${r.stderr}`);
  return `${r.stdout}\n${r.stderr}`;
}

export function benchPane(rows = 20_000): PaneBench {
  const out = jest("test/e2e/validation.e2e.test.ts", "rows: every row validated", { CZ_PANE_ROWS: String(rows) });
  const m = /PANE_TIMINGS (\d+) rows: open (\d+) ms, first validation (\d+) ms, write report (\d+) ms, download (\d+) ms \(([\d.]+) MB\)/.exec(out);
  if (!m) throw new Error(`no timings in the E2E output:\n${out.slice(-2000)}`);
  const paint = /tabs after (\d+) ms, browser mode usable \(file button \+ catalogue\) after (\d+) ms/.exec(jest("test/e2e/shell.e2e.test.ts", "CDN hangs", {}));
  return {
    rows: Number(m[1]),
    open_ms: Number(m[2]),
    first_validation_ms: Number(m[3]),
    write_report_ms: Number(m[4]),
    download_ms: Number(m[5]),
    download_mb: Number(m[6]),
    first_paint_ms: paint ? Number(paint[1]) : null,
    usable_ms: paint ? Number(paint[2]) : null,
  };
}
