/** Helpers for the validation tests: build a table with the canonical headers, run it, look at findings. */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import { makeCreditCode } from "../../src/policy";
import { CANONICAL_HEADERS } from "../../src/validation/headers";
import { validateTable, type ValidateInput } from "../../src/validation/validate";
import { COLUMN_KEYS, type ColumnKey, type Finding, type ValidationReport } from "../../src/validation/types";

export type RowSpec = Partial<Record<ColumnKey, unknown>>;

let stem = 0;
/** A valid credit code registered in a division. */
export function code(division = "341103"): string {
  stem++;
  return makeCreditCode(division, `MA2T${String(stem).padStart(4, "0")}`);
}

/** A clean smart_factory row in 南谯区 (300,000 元, 1:1). */
export function okRow(extra: RowSpec = {}): RowSpec {
  return {
    enterprise: "滁州测试科技有限公司",
    credit_code: code("341103"),
    jurisdiction: "南谯区",
    program: "smart_factory",
    date: "2022-05-01",
    requested: 300000,
    ...extra,
  };
}

/** Values with the canonical header row (row 1) and one row per spec (rows 2, 3, …). */
export function table(rows: RowSpec[], keys: readonly ColumnKey[] = COLUMN_KEYS): unknown[][] {
  return [keys.map((k) => CANONICAL_HEADERS[k]), ...rows.map((r) => keys.map((k) => (r[k] === undefined ? null : r[k])))];
}

export function run(rows: RowSpec[], input: Partial<ValidateInput> = {}): ValidationReport {
  return validateTable({ values: table(rows), firstRow: 1, firstCol: 0, sheet: "T", ...input }, P);
}

export function at(report: ValidationReport, row: number): Finding[] {
  return report.findings.filter((f) => f.row === row);
}

export function rulesAt(report: ValidationReport, row: number): string[] {
  return at(report, row).map((f) => f.rule);
}

/** Excel row of the i-th spec row (0-based) in table(). */
export const rowOf = (i: number) => i + 2;
