#!/usr/bin/env node
/**
 * Bundle the CLI (src/cli/index.ts and everything it imports from src/) into one file,
 * dist/cli/cz-subsidy.js, with esbuild. ExcelJS stays external (a runtime dependency, loaded from
 * node_modules, and only by the commands that read or write files: the file commands are
 * dynamic imports, which esbuild keeps lazy inside the bundle).
 *
 * Run by `npm run build` (after webpack, whose clean step keeps dist/cli/), on its own by
 * `npm run build:cli`, and by `prepare` after `npm ci` / `npm install` (so `npx cz-subsidy` works
 * right after installing; with --if-possible it only notes a missing esbuild, as after an install
 * without dev dependencies). The CLI tests call ensureCli() when the bundle is older than its sources.
 * The file is written to a temporary name and renamed, so a reader never sees half a bundle.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "dist", "cli", "cz-subsidy.js");
/** What the bundle is built from (for freshness checks). */
const INPUTS = ["src/cli", "src/policy", "src/validation", "src/reports", "src/host", "scripts/build-cli.js", "package.json"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

function isFresh() {
  if (!fs.existsSync(OUT)) return false;
  const built = fs.statSync(OUT).mtimeMs;
  return INPUTS.every((p) => newestMtime(path.join(ROOT, p)) <= built);
}

function buildCli() {
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    entryPoints: [path.join(ROOT, "src", "cli", "index.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["exceljs", "exceljs/*"],
    minify: false,
    legalComments: "none",
    banner: { js: "#!/usr/bin/env node" },
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  const tmp = `${OUT}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, code, { mode: 0o755 });
  fs.renameSync(tmp, OUT);
  return OUT;
}

function ensureCli() {
  if (!isFresh()) buildCli();
  return OUT;
}

if (require.main === module) {
  if (process.argv.includes("--if-possible")) {
    try {
      require.resolve("esbuild");
    } catch {
      console.log("esbuild is not installed (dev dependency): the CLI bundle was not built; run npm run build later.");
      process.exit(0);
    }
  }
  try {
    const out = buildCli();
    console.log(`CLI bundle: ${path.relative(ROOT, out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
  } catch (e) {
    console.error(e && e.message ? e.message : e);
    process.exit(1);
  }
}

module.exports = { buildCli, ensureCli, isFresh, OUT };
