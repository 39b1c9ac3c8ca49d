#!/usr/bin/env node
/**
 * npm run demo — works on a bare Linux machine after `npm ci` (no Excel, no network); runs the built CLI:
 *  1. the formulas' results for a sample set of cases, through the CLI (`cz calc --json`);
 *  2. validation of examples/applications-sample.xlsx (exit code 1 = faults found, as intended);
 *  3. the report command into a temporary folder.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
// The built CLI (dist/cli/cz-subsidy.js); built here first if it is missing or older than its sources.
const CLI = require("./build-cli").ensureCli();
const SAMPLE = path.join(ROOT, "examples", "applications-sample.xlsx");

function cz(args) {
  // The demo is in Chinese whatever the terminal's locale (the CLI follows LC_ALL / LC_MESSAGES / LANG).
  const env = { ...process.env, LANG: "zh_CN.UTF-8" };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// East Asian wide characters take two columns in a terminal.
function width(s) {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s, n, right) => (right ? " ".repeat(Math.max(0, n - width(s))) + s : s + " ".repeat(Math.max(0, n - width(s))));
const money = (x) => x.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

function heading(text) {
  console.log("\n" + text);
  console.log("=".repeat(Math.min(width(text), 78)));
}

// program, amount, level, date: as typed into =CZ.SUBSIDY(...)
const CASES = [
  ["smart_factory"],
  ["equipment_network", "800000"],
  ["equipment_network", "400000"],
  ["dx_assessment", "", "5A"],
  ["ic_industrialization", "8000000", "15000000"],
  ["platform_cross_industry"],
  ["cloud_service", "80万"],
  ["identifier_node", "1000000.05"],
  ["service_platform", "6000000"],
  ["base_station_5g", "120", "TRUE"],
  ["empowerment_demo", "30000000"],
  ["security_grading", "400000"],
  ["scenario_national", "", "", "2023-06-30"],
  ["smart_factory", "", "", "2025-01-01"],
];

function formulaText(c) {
  const args = c.map((a, i) => (a === "" ? "" : i === 0 || (/[^\d.]/.test(a) && !/^(TRUE|FALSE)$/.test(a)) ? `"${a}"` : a));
  while (args.length && args[args.length - 1] === "") args.pop();
  return `=CZ.SUBSIDY(${args.join(", ")})`;
}

function part1() {
  heading("1. 公式结果（通过 CLI：npm run cz -- calc … --json）");
  const rows = [];
  for (const c of CASES) {
    const argv = ["calc", ...c.map((a) => (a === "" ? "-" : a)), "--json"];
    const r = cz(argv);
    if (r.code !== 0) {
      rows.push([formulaText(c), "错误", "", "", r.stderr.trim()]);
      continue;
    }
    const j = JSON.parse(r.stdout);
    rows.push([formulaText(c), money(j.total), money(j.city), money(j.beneficiary), j.explanation]);
  }
  const head = ["公式", "结果（元）", "市财政", "受益财政", "说明"];
  const w = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (r) => r.map((x, i) => (i === 4 ? x : pad(x, w[i], i >= 1 && i <= 3))).join("  ");
  console.log(line(head));
  console.log(w.map((n, i) => "-".repeat(i === 4 ? 40 : n)).join("  "));
  for (const r of rows) console.log(line(r));
  const bad = cz(["calc", "smart_factry"]);
  console.log(`\n错误输入示例：npm run cz -- calc smart_factry → 退出码 ${bad.code}，${bad.stderr.trim()}`);
}

function part2() {
  heading("2. 校验示例申报表（examples/applications-sample.xlsx）");
  if (!fs.existsSync(SAMPLE)) {
    console.log("（示例文件尚不存在，跳过）");
    return;
  }
  const r = cz(["validate", SAMPLE]);
  process.stdout.write(r.stdout);
  if (r.stderr.trim()) console.log(r.stderr.trim());
  const meaning = { 0: "未发现错误", 1: "发现错误（示例中故意设置了若干错误，这是预期结果）", 2: "输入无法使用" };
  console.log(`\n退出码 ${r.code}：${meaning[r.code] ?? "?"}`);
  return r.code;
}

function part3() {
  heading("3. 生成报表（npm run cz -- report … --out …）");
  if (!fs.existsSync(SAMPLE)) {
    console.log("（示例文件尚不存在，跳过）");
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cz-demo-"));
  const out = path.join(dir, "cz-report.xlsx");
  const r = cz(["report", SAMPLE, "--out", out]);
  process.stdout.write(r.stdout);
  if (r.code !== 0 || !fs.existsSync(out)) console.log(`\n报表未生成（退出码 ${r.code}）：${r.stderr.trim()}`);
  return r.code;
}

function main() {
  console.log("滁州工业互联网奖补 · 演示（Chuzhou industrial-internet subsidy demo）");
  part1();
  const v = part2();
  const rep = part3();
  // Exit 1 from validation is the expected outcome on the sample; only a broken run fails the demo.
  if (v === 2 || (rep !== undefined && rep !== 0)) process.exitCode = 1;
}

main();
