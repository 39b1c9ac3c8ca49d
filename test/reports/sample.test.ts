/**
 * The reports on the real sample workbook (examples/applications-sample.xlsx), validated by the
 * real validator, written by the ExcelJS host and read back. Numbers are checked against the
 * core's outcome of every row.
 */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import ExcelJS from "exceljs";
import path from "path";
import { ExcelJsHost } from "../../src/host/exceljs-host";
import { validateTable } from "../../src/validation";
import { CATALOGUE_2021 } from "../../src/policy";
import type { ValidationReport } from "../../src/validation/types";
import { awardsChart, buildReports, counts, pivotSpecs, RESULT_COLUMNS, resultHeader, summaries } from "../../src/reports";

const SAMPLE = path.join(__dirname, "../../examples/applications-sample.xlsx");
const NOW = new Date(2026, 10, 29, 10, 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

let report: ValidationReport;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const region = await new ExcelJsHost(wb).readRegion({ kind: "sheet", name: "申报表" });
  report = validateTable({ values: region.values, firstRow: region.firstRow, firstCol: region.firstCol, sheet: region.sheet }, P);
});

test("every counted row's award is the core's, and city + beneficiary = total", () => {
  const counted = report.rows.filter(counts);
  expect(counted.length).toBeGreaterThan(20);
  for (const r of counted) {
    expect(r.outcome?.ok).toBe(true);
    if (!r.outcome?.ok) continue;
    expect(r.total).toBe(r.outcome.result.total);
    expect(r.city).toBe(r.outcome.result.city);
    expect(r.beneficiary).toBe(r.outcome.result.beneficiary);
    expect((r.city as number) + (r.beneficiary as number)).toBe(r.total);
  }
});

test("summaries add up to the grand total, computed from the core's outcomes", () => {
  const s = summaries(report, CATALOGUE_2021);
  const counted = report.rows.filter(counts);
  // What is paid: min(entitlement, amount asked when given), as the core computed it.
  const coreTotal = sum(counted.map((r) => (r.outcome && r.outcome.ok ? r.outcome.result.payable : NaN)));
  expect(s.grand.total).toBe(coreTotal);
  expect(s.grand.city + s.grand.beneficiary).toBe(s.grand.total);
  expect(sum(s.byProgram.map((p) => p.total))).toBe(s.grand.total);
  expect(sum(s.byJurisdiction.map((p) => p.total))).toBe(s.grand.total);
  expect(sum(s.byJurisdiction.map((p) => p.city))).toBe(s.grand.city);
  expect(s.byJurisdictionYear.grand).toBe(s.grand.total);
  expect(s.included + s.excluded).toBe(report.rows.length);
});

test("written with the ExcelJS host and read back: CZ_Results, the summary and the progress sheets agree", async () => {
  const b = buildReports(report, P, { now: NOW });
  const wb = new ExcelJS.Workbook();
  const host = new ExcelJsHost(wb);
  const res = await host.writeSheet(b.results);
  const sum1 = await host.writeSheet(b.summary);
  const prog = await host.writeSheet(b.progress);
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);

  // CZ_Results: a real table with our headers; its award column sums to the grand total.
  const ws = back.getWorksheet(res.name)!;
  const tables = (ws as unknown as { tables: Record<string, unknown> }).tables;
  expect(Object.keys(tables)).toContain("CZ_Results");
  const header = Number(/^A(\d+):/.exec(res.tableAddress)![1]);
  const headers = RESULT_COLUMNS.map((_, c) => ws.getCell(header, c + 1).value);
  expect(headers).toEqual(RESULT_COLUMNS.map((c) => resultHeader(c.key)));
  const at = (key: (typeof RESULT_COLUMNS)[number]["key"]) => RESULT_COLUMNS.findIndex((c) => c.key === key) + 1;
  let total = 0;
  let city = 0;
  let ben = 0;
  for (let r = header + 1; r < header + 1 + report.rows.length; r++) {
    const v = (c: number) => ws.getCell(r, c).value;
    total += Math.round(((v(at("total")) as number | null) ?? 0) * 100);
    city += Math.round(((v(at("city")) as number | null) ?? 0) * 100);
    ben += Math.round(((v(at("beneficiary")) as number | null) ?? 0) * 100);
    if (typeof v(at("total")) === "number") expect(ws.getCell(r, at("total")).numFmt).toBe("#,##0.00");
  }
  const s = summaries(report, CATALOGUE_2021);
  expect([total, city, ben]).toEqual([s.grand.total, s.grand.city, s.grand.beneficiary]);

  // The chart's range on the written summary sheet holds the jurisdictions and their awards.
  const chart = awardsChart(b.summary, sum1.name);
  const m = /^A(\d+):B(\d+)$/.exec(chart.range)!;
  const sws = back.getWorksheet(sum1.name)!;
  const awards: number[] = [];
  for (let r = Number(m[1]) + 1; r <= Number(m[2]); r++) awards.push(Math.round((sws.getCell(r, 2).value as number) * 100));
  expect(awards).toEqual(s.byJurisdiction.map((j) => j.total));

  // Pivot fields exist as headers of the written table.
  for (const p of pivotSpecs()) for (const f of [...p.rows, ...p.columns, ...p.values.map((v) => v.field)]) expect(headers).toContain(f);

  // Progress sheet: smart factories + workshops per year as counted by hand from the validated rows.
  const pws = back.getWorksheet(prog.name)!;
  const found: Record<string, number> = {};
  pws.eachRow((row) => {
    const name = row.getCell(1).value;
    const year = row.getCell(2).value;
    const actual = row.getCell(5).value;
    if (name === "新建智能工厂、数字化车间" && typeof actual === "number") found[String(year)] = actual;
  });
  for (const y of [2021, 2022, 2023]) {
    // Distinct enterprises of payable rows (READING counting table).
    const want = new Set(report.rows.filter((r) => r.status !== "error" && (r.payable ?? 0) > 0 && r.year === y && (r.programCode === "smart_factory" || r.programCode === "digital_workshop")).map((r) => r.creditCode)).size;
    expect(found[String(y)]).toBe(want);
  }
});
