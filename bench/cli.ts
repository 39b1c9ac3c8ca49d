/**
 * Benchmark e: the built CLI (dist/cli/cz-subsidy.js), as issue 12 asks.
 *  - start-up: `cz-subsidy calc smart_factory` against bare `node -e 0`, median of 21 runs each
 *    (interleaved), target ≤ 3×;
 *  - 30,000 and 300,000 generated rows (bench/generate.ts; files cached in bench/out/), each of
 *    `validate --json`, `validate --out` and `report --out` under --max-old-space-size=2048:
 *    wall time and peak RSS (GNU time), targets peak ≤ 1.5 GB, time(300k)/time(30k) ≤ 13,
 *    `--out` ≤ 2.5 × `--json`.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { generateRows, writeXlsx } from "./generate";

const ROOT = path.join(__dirname, "..");
const OUT = path.join(__dirname, "out");
const { ensureCli } = require("../scripts/build-cli.js") as { ensureCli: () => string };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function wall(cmd: string, args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "ignore" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function benchStartup(cli: string, runs = 21) {
  const node: number[] = [];
  const cz: number[] = [];
  wall(process.execPath, [cli, "calc", "smart_factory"]); // warm the file cache
  for (let i = 0; i < runs; i++) {
    node.push(wall(process.execPath, ["-e", "0"]));
    cz.push(wall(process.execPath, [cli, "calc", "smart_factory"]));
  }
  const n = median(node);
  const c = median(cz);
  return { node_ms: n, cli_ms: c, ratio: c / n, runs };
}

export interface CliRun {
  ms: number;
  peak_rss_mb: number | null;
  exit: number | null;
}

function timed(args: string[]): CliRun {
  const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  const cmd = [process.execPath, "--max-old-space-size=2048", ...args];
  const t0 = process.hrtime.bigint();
  const r = timeBin
    ? spawnSync(timeBin, ["-f", "%M", ...cmd], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const kb = timeBin ? Number(r.stderr.trim().split("\n").pop()) : NaN;
  return { ms, peak_rss_mb: Number.isFinite(kb) ? Math.round(kb / 1024) : null, exit: r.status };
}

export async function benchCli(sizes = [30000, 300000]) {
  const cli = ensureCli();
  const startup = benchStartup(cli);
  fs.mkdirSync(OUT, { recursive: true });
  const runs: Record<number, Record<"validate_json" | "validate_out" | "report_out", CliRun>> = {};
  for (const n of sizes) {
    const file = path.join(OUT, `apps-${n}.xlsx`);
    if (!fs.existsSync(file)) await writeXlsx(file, generateRows(n));
    const outV = path.join(OUT, `checked-${n}.xlsx`);
    const outR = path.join(OUT, `report-${n}.xlsx`);
    runs[n] = {
      validate_json: timed([cli, "validate", file, "--json", "--quiet"]),
      validate_out: timed([cli, "validate", file, "--out", outV, "--force", "--quiet"]),
      report_out: timed([cli, "report", file, "--out", outR, "--force", "--quiet"]),
    };
    fs.rmSync(outV, { force: true });
    fs.rmSync(outR, { force: true });
  }
  const [small, big] = [sizes[0], sizes[sizes.length - 1]];
  const scale = (k: "validate_json" | "validate_out" | "report_out") => runs[big][k].ms / runs[small][k].ms;
  const peaks = Object.values(runs).flatMap((r) => Object.values(r).map((x) => x.peak_rss_mb ?? 0));
  return {
    startup,
    runs,
    sizes: { small, big },
    scaling: { validate_json: scale("validate_json"), validate_out: scale("validate_out"), report_out: scale("report_out") },
    out_over_json: { validate_out: runs[big].validate_out.ms / runs[big].validate_json.ms, report_out: runs[big].report_out.ms / runs[big].validate_json.ms },
    peak_rss_mb_max: Math.max(...peaks),
    all_exit_ok: Object.values(runs).every((r) => r.validate_json.exit === 0 && r.validate_out.exit === 0 && r.report_out.exit === 0),
  };
}
