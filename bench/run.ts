/**
 * npm run bench: every benchmark, printed as tables and written to bench/results.json.
 * Ratios are measured within the same run, since the machines are noisy.
 */
import { execSync } from "child_process";
import fs from "fs";
import path from "path";
import { benchBundles } from "./bundles";
import { benchFunctions } from "./functions";
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

async function main() {
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
  table("d. Bundles (minified / gzipped bytes)", [
    ...Object.entries(bundles.files).map(([f, s]) => [f, `${s.min_bytes} / ${s.gzip_bytes}`] as [string, string]),
    ["functions.js ≤ 60 KB minified", bundles.functions_min_bytes <= 60 * 1024 ? "yes" : "NO"],
    ["functions.js pulls in React / ExcelJS", `${bundles.functions_has_react} / ${bundles.functions_has_exceljs}`],
    ["first paint scripts", bundles.first_paint_scripts.join(", ")],
    ["first paint waits for ExcelJS", String(bundles.first_paint_waits_for_exceljs)],
  ]);

  const results = {
    measured_at: new Date().toISOString(),
    machine: { cpus: require("os").cpus().length, node: process.version },
    functions,
    validation: { ms_100k: validation.ms_100k, scaling_100k_over_10k: validation.scaling_100k_over_10k, core: validation.core, cli: validation.cli },
    syncs,
    office_requests: requests,
    bundles,
  };
  fs.writeFileSync(path.join(__dirname, "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log("\nwritten bench/results.json");
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
