/**
 * npm run bench: every benchmark, printed as tables and written to bench/results.json.
 * Ratios are measured within the same run, since the machines are noisy.
 */
import { execSync } from "child_process";
import fs from "fs";
import path from "path";
import { benchBundles } from "./bundles";
import { benchCli } from "./cli";
import { benchFunctions } from "./functions";
import { benchPane, type PaneBench } from "./pane";
import { measureOfficeRequests } from "./office-requests";
import { benchSyncs } from "./syncs";
import { benchValidation } from "./validation";

const ROOT = path.join(__dirname, "..");

function table(title: string, rows: Array<[string, string | number, string?]>) {
  console.log(`\n## ${title}`);
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v, target] of rows) console.log(`  ${k.padEnd(w)}  ${String(v).padStart(14)}${target ? `   (${target})` : ""}`);
}
const r2 = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? "n/a" : Math.round(x * 100) / 100);

type CliResults = Awaited<ReturnType<typeof benchCli>>;

function cliTable(cli: CliResults) {
  const s = cli.startup;
  const k = (n: number) => `${n / 1000}k`;
  const { small, big } = cli.sizes;
  const run = (n: number, key: "validate_json" | "validate_out" | "report_out") => {
    const r = cli.runs[n][key];
    return `${(r.ms / 1000).toFixed(1)} s, peak ${r.peak_rss_mb} MB, exit ${r.exit}`;
  };
  table("e. CLI (built dist/cli/cz-subsidy.js; files: --max-old-space-size=2048)", [
    ["start-up: calc smart_factory / node -e 0 (median)", `${r2(s.cli_ms)} / ${r2(s.node_ms)} ms`],
    ["start-up ratio", r2(s.ratio), "target ≤ 3"],
    ...[small, big].flatMap((n) => [
      [`validate --json, ${k(n)} rows`, run(n, "validate_json")] as [string, string],
      [`validate --out,  ${k(n)} rows`, run(n, "validate_out")] as [string, string],
      [`report --out,    ${k(n)} rows`, run(n, "report_out")] as [string, string],
    ]),
    [`time ${k(big)} / ${k(small)}: validate --json`, r2(cli.scaling.validate_json), "target ≤ 13"],
    [`time ${k(big)} / ${k(small)}: validate --out`, r2(cli.scaling.validate_out), "target ≤ 13"],
    [`time ${k(big)} / ${k(small)}: report --out`, r2(cli.scaling.report_out), "target ≤ 13"],
    [`validate --out / --json at ${k(big)}`, r2(cli.out_over_json.validate_out), "target ≤ 2.5"],
    [`report --out / validate --json at ${k(big)}`, r2(cli.out_over_json.report_out), "target ≤ 2.5"],
    ["peak RSS, largest", `${cli.peak_rss_mb_max} MB`, "target ≤ 1536 MB"],
    ["every run finished (exit 0)", String(cli.all_exit_ok)],
  ]);
}


function paneTable(p: PaneBench) {
  table(`f. The pane in headless Chromium (browser mode), ${p.rows.toLocaleString("en")} generated rows`, [
    ["open the .xlsx", `${p.open_ms} ms`],
    ["first validation (click → results)", `${p.first_validation_ms} ms`],
    ["write the validation report sheet", `${p.write_report_ms} ms`],
    ["download the workbook", `${p.download_ms} ms (${p.download_mb} MB)`],
    ["first paint / usable while office.js's CDN hangs 20 s", `${p.first_paint_ms ?? "n/a"} / ${p.usable_ms ?? "n/a"} ms`, "usable ≤ 3000 ms"],
  ]);
}

function bundleTable(bundles: ReturnType<typeof benchBundles>) {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const { initial_pane: first, first_paint_from_dist: paint, lazy_chunks: lazy } = bundles;
  table("d. Bundles (minified / gzipped bytes)", [
    ...Object.entries(bundles.files).map(([f, s]) => [f, `${s.min_bytes} / ${s.gzip_bytes}`] as [string, string]),
    [`initial pane chunk ${first.file}, gzipped / minified`, `${kb(first.gzip_bytes)} / ${kb(first.min_bytes)}`, `target ≤ ${kb(first.target_gzip_bytes)} gzipped: ${first.within_target ? "met" : "NOT MET"}`],
    [`first paint from dist/ (${paint.files.join(" + ")}), gzipped / minified`, `${kb(paint.gzip_bytes)} / ${kb(paint.min_bytes)}`],
    [`lazy chunks (${lazy.files.length}: ${lazy.files.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, "")).join(", ")}), gzipped / minified`, `${kb(lazy.gzip_bytes)} / ${kb(lazy.min_bytes)}`],
    ["functions.js ≤ 60 KB minified", bundles.functions_min_bytes <= 60 * 1024 ? "yes" : "NO"],
    ["functions.js pulls in React / ExcelJS", `${bundles.functions_has_react} / ${bundles.functions_has_exceljs}`],
    ["first paint scripts", bundles.first_paint_scripts.join(", ")],
    ["first paint waits for ExcelJS", String(bundles.first_paint_waits_for_exceljs)],
  ]);
}

async function main() {
  // `npm run bench -- cli`: only the CLI benchmark (e), merged into bench/results.json.
  if (process.argv.includes("cli")) {
    const cli = await benchCli();
    cliTable(cli);
    const file = path.join(__dirname, "results.json");
    const prev = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
    fs.writeFileSync(file, JSON.stringify({ ...prev, cli: { measured_at: new Date().toISOString(), ...cli } }, null, 2) + "\n");
    console.log("\nwritten bench/results.json (cli)");
    return;
  }
  // `npm run bench -- pane`: only the pane in Chromium at 20,000 rows (about a minute).
  if (process.argv.includes("pane")) {
    paneTable(benchPane());
    return;
  }
  // `npm run bench -- bundles`: only the bundle sizes of the built dist/ (seconds, no CPU-heavy runs).
  if (process.argv.includes("bundles")) {
    bundleTable(benchBundles());
    return;
  }
  if (!fs.existsSync(path.join(ROOT, "dist", "functions.js"))) {
    console.log("dist/ is missing: building first (npm run build) …");
    execSync("npm run build", { cwd: ROOT, stdio: "inherit" });
  }
  const functions = benchFunctions();
  table("a. CZ.SUBSIDY through dist/functions.js vs inline JS (1,000,000 calls)", [
    ["calls per second", functions.calls_per_s.toLocaleString("en"), "target ≥ 1,000,000"],
    ["ratio vs inline arithmetic", r2(functions.ratio_vs_inline), "target ≤ 3"],
    ["functions ms / inline ms", `${r2(functions.functions_ms)} / ${r2(functions.inline_ms)}`],
  ]);

  const validation = await benchValidation();
  table("b. Validation (core: best of 3; CLI: one run incl. start-up and reading the .xlsx)", [
    ...Object.entries(validation.core).map(([n, v]) => [`core ${n} rows`, `${r2(v.ms)} ms`] as [string, string]),
    ["core scaling 100k / 10k", r2(validation.scaling_100k_over_10k), "target ≤ 12"],
    ["core 100k rows", `${r2(validation.ms_100k)} ms`, "target ≤ 1000 ms"],
    ...Object.entries(validation.cli).map(([n, v]) => [`CLI ${n} rows`, `${r2(v.ms)} ms, peak ${v.peak_rss_mb} MB, exit ${v.exit}`] as [string, string]),
  ]);

  const syncs = await benchSyncs();
  table("c. Office.js context.sync calls (real office.js serializer, fake Excel)", Object.entries(syncs).map(([k, v]) => [k, v] as [string, number]));

  const requests = await measureOfficeRequests(100_000, { formulas: 50_000 });
  table("e. Largest Office.js request per operation (real office.js serializer; Excel on the web refuses > 5 MB)", [
    ...Object.entries(requests).map(
      ([op, f]) => [op, `${f.max_request_bytes.toLocaleString("en")} B`, `response ${f.max_response_bytes.toLocaleString("en")} B, ${f.requests} requests${f.failed ? `, ${f.failed} REFUSED` : ""}`] as [string, string, string],
    ),
  ]);

  const bundles = benchBundles();
  bundleTable(bundles);

  const cli = await benchCli();
  cliTable(cli);

  const pane = benchPane();
  paneTable(pane);

  const results = {
    measured_at: new Date().toISOString(),
    machine: { cpus: require("os").cpus().length, node: process.version },
    functions,
    validation: { ms_100k: validation.ms_100k, scaling_100k_over_10k: validation.scaling_100k_over_10k, core: validation.core, cli: validation.cli },
    syncs,
    office_requests: requests,
    bundles,
    cli,
    pane,
  };
  fs.writeFileSync(path.join(__dirname, "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log("\nwritten bench/results.json");
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
