#!/usr/bin/env node
/**
 * `npm test` (what CI runs): the type check, then jest; at the end the run's own duration and a
 * plain closing line `N passed, N failed` (jest's counts of tests).
 *
 *   npm test                   everything
 *   npm test -- test/cli       jest arguments are passed through (the type check still runs)
 *
 * Exit code: 0 only when every step passed.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const started = Date.now();

function seconds(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** Run a node script with inherited output; its exit code (1 when it could not start or was killed). */
function run(label, script, args) {
  const t = Date.now();
  const r = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: "inherit" });
  if (r.error) console.error(`${label}: ${r.error.message}`);
  const code = r.status ?? 1;
  steps.push(`${label} ${code === 0 ? "ok" : "FAILED"} (${seconds(Date.now() - t)})`);
  return code;
}

const steps = [];
const jestArgs = process.argv.slice(2);
// Incremental: a second run with unchanged sources takes seconds (the state lives in node_modules/.cache).
const tsBuildInfo = path.join(ROOT, "node_modules", ".cache", "cz-subsidy", "tsc.tsbuildinfo");
let code = run("typecheck", require.resolve("typescript/bin/tsc"), ["--noEmit", "-p", "tsconfig.json", "--incremental", "--tsBuildInfoFile", tsBuildInfo]);

let counts = null;
if (code === 0) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cz-test-")), "jest.json");
  code = run("jest", require.resolve("jest/bin/jest"), ["--json", "--outputFile", report, ...jestArgs]);
  try {
    counts = JSON.parse(fs.readFileSync(report, "utf8"));
  } catch {
    counts = null;
  } finally {
    fs.rmSync(path.dirname(report), { recursive: true, force: true });
  }
}

console.log("");
for (const s of steps) console.log(s);
if (counts && counts.numRuntimeErrorTestSuites > 0) console.log(`${counts.numRuntimeErrorTestSuites} test file(s) could not run (jest counts none of their tests)`);
if (code === 0 && !counts) code = 1;
console.log(`npm test took ${seconds(Date.now() - started)}`);
console.log(counts ? `${counts.numPassedTests} passed, ${counts.numFailedTests} failed` : "0 passed, 0 failed (jest did not report)");
process.exit(code);
