/**
 * The committed sample workbook: every deliberate fault (examples/sample-faults.json) is found,
 * and no other row gets an error or a warning. Read with ExcelJS, as the CLI reads it.
 */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { checkCreditCode, CHUZHOU_DIVISIONS, CATALOGUE_2021 as DEFAULT_CATALOGUE } from "../../src/policy";
import { validateTable, validateTableAsync } from "../../src/validation/validate";
import type { ValidationReport } from "../../src/validation/types";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "examples", "applications-sample.xlsx");
const FAULTS = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "sample-faults.json"), "utf8")) as {
  sheet: string;
  headerRow: number;
  dataRows: { first: number; last: number };
  faults: Array<{ row: number; rule: string; column: string | null }>;
};

/** An ExcelJS cell value as a plain value (what the hosts hand to the core). */
function plain(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== "object") return v;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("result" in v) return plain((v as ExcelJS.CellFormulaValue).result);
  if ("text" in v) return (v).text;
  if ("error" in v) return (v).error;
  return null;
}

let values: unknown[][] = [];
let report: ValidationReport;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.getWorksheet(FAULTS.sheet)!;
  expect(ws).toBeDefined();
  values = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const out: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) out.push(plain(row.getCell(c).value));
    values.push(out);
  }
  report = validateTable({ values, firstRow: 1, firstCol: 0, sheet: FAULTS.sheet }, P);
});

const key = (row: number, rule: string, column: string | null) => `${row} ${rule} ${column}`;

test("the sample is realistic: ≥ 30 rows, most programs, all ten jurisdictions, 2022–2024, valid codes", () => {
  const rows = report.rows;
  expect(rows.length).toBeGreaterThanOrEqual(30);
  expect(rows.length).toBe(FAULTS.dataRows.last - FAULTS.dataRows.first + 1);
  const programs = new Set(rows.map((r) => r.programCode).filter(Boolean));
  expect(programs.size).toBeGreaterThanOrEqual(DEFAULT_CATALOGUE.programs.length - 2);
  expect(new Set(rows.map((r) => r.jurisdiction))).toEqual(new Set(DEFAULT_CATALOGUE.jurisdictions));
  const faultRows = new Set(FAULTS.faults.map((f) => f.row));
  for (const r of rows) {
    if (faultRows.has(r.row)) continue;
    expect(r.year === null ? 0 : r.year).toBeGreaterThanOrEqual(2022);
    expect(r.year).toBeLessThanOrEqual(2024);
    const cc = checkCreditCode(r.creditCode);
    expect(cc.ok).toBe(true);
    // The division is the row's jurisdiction, or the city code 341100.
    if (cc.division !== "341100") expect(CHUZHOU_DIVISIONS[cc.division!]).toBe(r.jurisdiction);
  }
  expect(FAULTS.faults.length).toBeGreaterThanOrEqual(6);
  expect(new Set(FAULTS.faults.map((f) => f.row)).size).toBeGreaterThanOrEqual(6);
  expect(new Set(FAULTS.faults.map((f) => f.row)).size).toBeLessThanOrEqual(20);
});

test("the header is found below the title row", () => {
  expect(values[0][0]).toMatch(/申报/);
  expect(report.findings.some((f) => f.row <= FAULTS.headerRow)).toBe(false);
});

test("every deliberate fault is found", () => {
  const found = new Set(report.findings.map((f) => key(f.row, f.rule, f.column)));
  const missed = FAULTS.faults.filter((f) => !found.has(key(f.row, f.rule, f.column)));
  expect(missed).toEqual([]);
});

test("no clean row gets an error or a warning; nothing unexpected anywhere", () => {
  const expected = new Set(FAULTS.faults.map((f) => key(f.row, f.rule, f.column)));
  const unexpected = report.findings.filter((f) => f.severity !== "info" && !expected.has(key(f.row, f.rule, f.column)));
  expect(unexpected).toEqual([]);
  const faultRows = new Set(FAULTS.faults.map((f) => f.row));
  for (const r of report.rows) if (!faultRows.has(r.row)) expect(r.status).toBe("pass");
});

test("totals: city + beneficiary = payable, to the 分; payable = min(entitlement, asked)", () => {
  const s = report.summary;
  expect(s.city + s.beneficiary).toBe(s.payable);
  const counted = report.rows.filter((r) => r.status !== "error" && r.payable !== null);
  expect(s.computed).toBe(counted.reduce((a, r) => a + (r.total ?? 0), 0));
  expect(s.payable).toBe(counted.reduce((a, r) => a + (r.payable ?? 0), 0));
  for (const r of report.rows) if (r.total !== null) expect(r.payable).toBe(r.requested !== null && r.requested < r.total ? r.requested : r.total);
  expect(s.rowsWithErrors).toBe(new Set(report.findings.filter((f) => f.severity === "error").map((f) => f.row)).size);
});

test("the async variant gives the same report and reports progress", async () => {
  const seen: Array<[number, number]> = [];
  const again = await validateTableAsync({ values, firstRow: 1, sheet: FAULTS.sheet }, P, { chunkSize: 10, onProgress: (d, t) => seen.push([d, t]) });
  expect(again.findings).toEqual(report.findings);
  expect(again.summary).toEqual(report.summary);
  expect(seen.length).toBeGreaterThanOrEqual(4);
  expect(seen[seen.length - 1][0]).toBe(seen[seen.length - 1][1]);
  for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);
});
