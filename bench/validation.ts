/**
 * Benchmark b: validation of 1k, 10k and 100k generated rows, through the core and through
 * the CLI on generated .xlsx files. Time and peak memory; scaling ratio 100k / 10k.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { validateTable } from "../src/validation";
import { generateRows, writeXlsx } from "./generate";
import { SHIPPED_POLICY } from "../src/policy/shipped";

const ROOT = path.join(__dirname, "..");
// The built CLI (rebuilt first when older than its sources).
const CLI: string = require("../scripts/build-cli.js").ensureCli();

function coreOnce(values: unknown[][]): { ms: number; findings: number } {
  const t0 = process.hrtime.bigint();
  const r = validateTable({ values, firstRow: 1, sheet: "申报表" }, SHIPPED_POLICY, { keepOutcomes: false });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, findings: r.findings.length };
}

export async function benchValidation(sizes = [1000, 10000, 100000]) {
  const core: Record<number, { ms: number; findings: number; heap_mb: number }> = {};
  for (const n of sizes) {
    const values = generateRows(n);
    coreOnce(values); // warm-up
    let best = Infinity;
    let findings = 0;
    for (let r = 0; r < 3; r++) {
      const x = coreOnce(values);
      best = Math.min(best, x.ms);
      findings = x.findings;
    }
    core[n] = { ms: best, findings, heap_mb: Math.round(process.memoryUsage().heapUsed / 1048576) };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cz-bench-"));
  const cli: Record<number, { ms: number; peak_rss_mb: number; exit: number | null }> = {};
  try {
    for (const n of sizes) {
      const file = path.join(dir, `apps-${n}.xlsx`);
      await writeXlsx(file, generateRows(n));
      const t0 = process.hrtime.bigint();
      const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
      const cmd = [process.execPath, CLI, "validate", file, "--json"];
      const res = timeBin ? spawnSync(timeBin, ["-f", "%M", ...cmd], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 }) : spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const kb = timeBin ? Number(res.stderr.trim().split("\n").pop()) : NaN;
      cli[n] = { ms, peak_rss_mb: Math.round(kb / 1024), exit: res.status };
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const s10 = core[10000]?.ms;
  const s100 = core[100000]?.ms;
  return {
    core,
    cli,
    ms_100k: s100,
    scaling_100k_over_10k: s100 && s10 ? s100 / s10 : null,
    cli_ms_100k: cli[100000]?.ms,
    cli_peak_rss_mb_100k: cli[100000]?.peak_rss_mb,
  };
}
