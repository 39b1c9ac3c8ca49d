#!/usr/bin/env node
/**
 * `npm test` (what CI runs): the type check and ESLint (zero warnings) side by side; jest starts as
 * soon as the type check has passed (ESLint may still be running: its report is printed when it
 * ends). At the end the run's own duration, each step's, and a plain closing line
 * `N passed, N failed` (jest's counts of tests).
 *
 * The type check covers test/ too, so jest runs with CZ_TESTS_TYPECHECKED=1: ts-jest transpiles
 * without checking the same types again (see jest.config.js).
 *
 *   npm test                   everything
 *   npm test -- test/cli       jest arguments are passed through (type check and lint still run)
 *
 * Exit code: 0 only when every step passed. jest does not run when the type check fails.
 */
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const started = Date.now();
const steps = [];
/** Output of steps run with `hold`, printed after jest's (so that it does not land inside jest's). */
const held = [];

function seconds(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** Run a node script; resolves to its exit code (1 when it could not start or was killed). Output is
 * inherited, or collected and printed when it ends (for steps that run side by side), or with
 * `hold` kept for the end. */
function run(label, script, args, { collect = false, hold = false, env = {} } = {}) {
  const t = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: collect ? ["ignore", "pipe", "pipe"] : "inherit", env: { ...process.env, ...env } });
    let out = "";
    if (collect) {
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
    }
    const finish = (code, message) => {
      if (message) out += `${label}: ${message}\n`;
      if (out && !out.endsWith("\n")) out += "\n";
      if (out && hold) held.push(out);
      else if (out) process.stdout.write(out);
      steps.push(`${label} ${code === 0 ? "ok" : "FAILED"} (${seconds(Date.now() - t)})`);
      resolve(code);
    };
    child.on("error", (e) => finish(1, e.message));
    child.on("exit", (code) => finish(code ?? 1));
  });
}

async function main() {
  const jestArgs = process.argv.slice(2);
  // Incremental: a second run with unchanged sources takes seconds (the state lives in node_modules/.cache).
  const tsBuildInfo = path.join(ROOT, "node_modules", ".cache", "cz-subsidy", "tsc.tsbuildinfo");
  // ESLint's cache (by file content) makes a second run on this machine take seconds. A fresh clone,
  // as in CI, has no cache and lints every file. (A type-aware finding caused only by a change in
  // ANOTHER file can be missed by a warm local cache until the file itself changes; CI still sees it.)
  const eslintCache = path.join(ROOT, "node_modules", ".cache", "cz-subsidy", "eslint");
  const linting = run("lint", path.join(path.dirname(require.resolve("eslint/package.json")), "bin", "eslint.js"), ["--max-warnings", "0", "--cache", "--cache-strategy", "content", "--cache-location", eslintCache, "src", "test", "scripts", "bench"], { collect: true, hold: true });
  const typecheck = await run("typecheck", require.resolve("typescript/bin/tsc"), ["--noEmit", "-p", "tsconfig.json", "--incremental", "--tsBuildInfoFile", tsBuildInfo], { collect: true });

  let code = typecheck;
  let counts = null;
  if (typecheck === 0) {
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cz-test-")), "jest.json");
    const jest = await run("jest", require.resolve("jest/bin/jest"), ["--json", "--outputFile", report, ...jestArgs], { env: { CZ_TESTS_TYPECHECKED: "1" } });
    try {
      counts = JSON.parse(fs.readFileSync(report, "utf8"));
    } catch {
      counts = null;
    } finally {
      fs.rmSync(path.dirname(report), { recursive: true, force: true });
    }
    code = code || jest || (counts ? 0 : 1);
  }
  code = (await linting) || code;
  for (const out of held) process.stdout.write(out);

  console.log("");
  for (const s of steps) console.log(s);
  if (counts && Array.isArray(counts.testResults)) {
    // Where the time goes (wall time per file, both workers busy): keep an eye on the 2-minute budget.
    const slow = counts.testResults
      .map((r) => ({ name: path.relative(path.join(ROOT, "test"), r.name), ms: r.endTime - r.startTime }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 6);
    console.log(`slowest test files: ${slow.map((r) => `${r.name} ${seconds(r.ms)}`).join(", ")}`);
  }
  if (process.env.CZ_TEST_REPORT && counts) fs.writeFileSync(process.env.CZ_TEST_REPORT, JSON.stringify(counts));
  if (counts && counts.numRuntimeErrorTestSuites > 0) console.log(`${counts.numRuntimeErrorTestSuites} test file(s) could not run (jest counts none of their tests)`);
  console.log(`npm test took ${seconds(Date.now() - started)}`);
  console.log(counts ? `${counts.numPassedTests} passed, ${counts.numFailedTests} failed` : "0 passed, 0 failed (jest did not run or did not report)");
  process.exit(code);
}

main();
