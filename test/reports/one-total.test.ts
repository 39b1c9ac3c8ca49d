/**
 * The one total with its parts (申报 / 应付 / 有误未计 / 需复核) on the shipped sample: the results
 * sheet, the summary sheet, the validation report sheet, the memo text and the CLI's text and JSON
 * output (`validate`, `report`) all show the same four figures as report.summary.totals. The
 * figures are read back from each surface's words (amounts parsed from 元 / 万元 / 亿元 text), not
 * compared as strings, so a surface that printed another figure in the same words would fail.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import { ExcelJsHost } from "../../src/host/exceljs-host";
import type { CellSpec, RegionData, SheetSpec } from "../../src/host/types";
import { validateTable } from "../../src/validation";
import type { Totals, ValidationReport } from "../../src/validation/types";
import { buildReports, memoText, resultHeader, validationReportSheet } from "../../src/reports";
import { runCli, tempDir } from "../cli/helpers";

const SAMPLE = path.join(__dirname, "../../examples/applications-sample.xlsx");
const NOW = new Date(2026, 10, 29, 10, 0);

let report: ValidationReport;
let region: RegionData;
let totals: Totals;
let dir: string;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  region = await new ExcelJsHost(wb).readRegion({ kind: "sheet", name: "申报表" });
  report = validateTable({ values: region.values, firstRow: region.firstRow, firstCol: region.firstCol, sheet: region.sheet }, P);
  totals = report.summary.totals;
  dir = tempDir("cz-total-");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** "2,883,333.33元" / "96万元" / "1.2亿元" / "CNY 160,000" → 分. */
function fenOf(text: string): number {
  const m = /^(?:CNY )?(-?[\d,]+(?:\.\d+)?)(亿元|万元|元)?$/.exec(text.trim());
  if (!m) throw new Error(`not an amount: ${text}`);
  const [int, frac = ""] = m[1].replace(/,/g, "").split(".");
  const unit = m[2] === "亿元" ? 1e10 : m[2] === "万元" ? 1e6 : 100;
  return Math.round((Number(int + frac) * unit) / 10 ** frac.length);
}

interface Parsed {
  declared: { rows: number; amount: number };
  payable: { rows: number; amount: number; city: number; beneficiary: number };
  heldBack: { rows: number; amount: number };
  review: { rows: number; amount: number };
}

/** The four parts as a surface shows them in words (zh): "应付：96万元（3行），其中市财政承担65万元，受益财政承担31万元——…". */
function partIn(text: string, label: string): { rows: number; amount: number } {
  const m = new RegExp(`(?:^|\\n|\\s|。|；)${label}：([^（\\n]+)（(\\d+)行）`).exec(text);
  if (!m) throw new Error(`no ${label} line in:\n${text}`);
  return { rows: Number(m[2]), amount: fenOf(m[1]) };
}

function partsIn(text: string): Parsed {
  const part = (label: string) => partIn(text, label);
  const split = /应付：[^\n]*?其中市财政承担([^，\n]+)，受益财政承担([^—\n。]+)(?:——|。|\n|$)/.exec(text);
  if (!split) throw new Error(`no split of 应付 in:\n${text}`);
  return { declared: part("申报"), payable: { ...part("应付"), city: fenOf(split[1]), beneficiary: fenOf(split[2]) }, heldBack: part("有误未计"), review: part("需复核") };
}

const expected = (): Parsed => ({
  declared: { ...totals.declared },
  payable: { ...totals.payable },
  heldBack: { ...totals.heldBack },
  review: { ...totals.review },
});

const preambleOf = (s: SheetSpec) => (s.preamble ?? []).join("\n");
const cents = (v: CellSpec | number) => (typeof v === "number" ? Math.round(v * 100) : null);

test("the sample has every part (something payable, held back and to review), and the split adds up", () => {
  expect(totals.payable.amount).toBeGreaterThan(0);
  expect(totals.heldBack.rows).toBeGreaterThan(0);
  expect(totals.review.rows).toBeGreaterThan(0);
  expect(totals.payable.city + totals.payable.beneficiary).toBe(totals.payable.amount);
  expect(totals.declared.rows).toBe(report.rows.length);
});

test("results sheet, summary sheet, validation report sheet and memo show the same four figures", () => {
  const b = buildReports(report, P, { now: NOW });
  const check = validationReportSheet([{ sheet: region.sheet, address: region.address, firstCol: region.firstCol, report }], "zh", { now: NOW });
  for (const s of [b.results, b.summary, check]) expect(partsIn(preambleOf(s))).toEqual(expected());
  // The memo names 应付 with its split, 有误未计 and 需复核 (not 申报).
  const memo = memoText(report, "zh");
  expect(partsIn("申报：0元（0行）\n" + memo)).toEqual({ ...expected(), declared: { rows: 0, amount: 0 } });
  expect(partIn(memo, "有误未计")).toEqual(totals.heldBack);

  // The validation report's totals block holds the same figures as numbers.
  const block = check.blocks!.at(-1)!;
  const row = (label: string) => block.rows.find((r) => r[0] === label)!;
  for (const [label, key] of [["申报", "declared"], ["应付", "payable"], ["有误未计", "heldBack"], ["需复核", "review"]] as const) {
    expect(row(label)[1]).toBe(totals[key].rows);
    expect(cents(row(label)[2])).toBe(totals[key].amount);
  }
  expect(cents(row("其中：市财政承担")[2])).toBe(totals.payable.city);
  expect(cents(row("其中：受益财政承担")[2])).toBe(totals.payable.beneficiary);

  // 应付 is what the results table's payable column (the one the pivots sum) and the summary's 合计 add up to.
  const i = b.results.columns.findIndex((c) => c.header === resultHeader("total"));
  expect(b.results.rows.reduce((a, r) => a + (cents(r[i]) ?? 0), 0)).toBe(totals.payable.amount);
  expect(cents(b.summary.rows.at(-1)![4])).toBe(totals.payable.amount);
});

test("the CLI's validate and report, text and JSON, show the same four figures", () => {
  const yuanParts = (j: { declared: { rows: number; amount: number }; payable: { rows: number; amount: number; city: number; beneficiary: number }; heldBack: { rows: number; amount: number }; review: { rows: number; amount: number } }): Parsed => ({
    declared: { rows: j.declared.rows, amount: Math.round(j.declared.amount * 100) },
    payable: { rows: j.payable.rows, amount: Math.round(j.payable.amount * 100), city: Math.round(j.payable.city * 100), beneficiary: Math.round(j.payable.beneficiary * 100) },
    heldBack: { rows: j.heldBack.rows, amount: Math.round(j.heldBack.amount * 100) },
    review: { rows: j.review.rows, amount: Math.round(j.review.amount * 100) },
  });
  const text = runCli(["validate", SAMPLE]);
  expect(text.code).toBe(1);
  expect(partsIn(text.stdout)).toEqual(expected());
  const json = JSON.parse(runCli(["validate", SAMPLE, "--json"]).stdout);
  expect(yuanParts(json.summary.totals)).toEqual(expected());
  expect(yuanParts(json.sheets[0].totals)).toEqual(expected());

  const out = path.join(dir, "r.xlsx");
  const rep = runCli(["report", SAMPLE, "--out", out]);
  expect(rep.code).toBe(0);
  expect(partsIn(rep.stdout)).toEqual(expected());
  const repJson = JSON.parse(runCli(["report", SAMPLE, "--out", path.join(dir, "r2.xlsx"), "--json"]).stdout);
  expect(yuanParts(repJson.summary.totals)).toEqual(expected());
});
