/**
 * The validation driver: finds the header, reads each row once (identity fields here; program,
 * amount, level, date and amount asked through calculate()), then runs the check objects —
 * per row (checks/row-checks.ts) and across rows (checks/cross-checks.ts). Pure and linear.
 */
import { colLetters as colName } from "../sheet/a1";
import { calculate, readAsked, type CalcInput } from "../policy/engine";
import { checkCreditCode } from "../policy/credit-code";
import type { PolicySet } from "../policy/types";
import { type CrossCheck, cellText, isEmpty, type RowContext } from "./checks/context";
import { CROSS_CHECKS } from "./checks/cross-checks";
import { ROW_CHECKS } from "./checks/row-checks";
import { CANONICAL_HEADERS, detectHeader, detectMapping, REQUIRED_KEYS, TableError } from "./headers";
import { JurisdictionIndex } from "./jurisdictions";
import { type MsgParams, ruleMessage } from "./messages";
import { type RuleCode, RULE_BY_CODE } from "./rules";
import { computeTotals } from "./totals";
import type { ColumnKey, ColumnMapping, Finding, RowResult, ValidationReport, ValidationSummary } from "./types";

export { WAN_SUSPECT_AWARD_YUAN, WAN_SUSPECT_BELOW_YUAN } from "./checks/row-checks";
export { colLetters as colName } from "../sheet/a1";

export interface ValidateInput {
  /** The block of cell values (header row somewhere in the first rows). */
  values: readonly (readonly unknown[])[];
  /** Excel row number of values[0] (default 1). */
  firstRow?: number;
  /** 0-based sheet column of values[i][0] (default 0). */
  firstCol?: number;
  sheet?: string;
  /** A corrected mapping (indexes are 0-based within values' rows). Replaces the detected one. */
  mapping?: ColumnMapping;
  /** Excel row number of the header row, with a corrected mapping (default: detected, else values[0]). */
  headerRow?: number;
  /**
   * The workbook uses the 1904 date system (RegionData.date1904): a date serial n there is
   * n + 1462 in the 1900 system the core reads. Date cells given as numbers are shifted before
   * calculate(), so date checks, years and the explanation see the right day.
   */
  date1904?: boolean;
}

/** Days between the 1904 and the 1900 date systems' serials (1904-01-01 is 1462 in the 1900 system). */
export const DATE_1904_OFFSET = 1462;

export interface ValidateOptions {
  /** Called every `progressEvery` rows and at the end with (rows done, rows in all). */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /** Keep each row's CalcOutcome in RowResult.outcome (default true). False saves memory on very large tables. */
  keepOutcomes?: boolean;
}

export interface AsyncValidateOptions extends ValidateOptions {
  /** Rows per chunk between yields to the event loop (default 5000). */
  chunkSize?: number;
  signal?: AbortSignal;
}

const TOTAL_RE = /^(?:合计|总计|小计|共计|total|subtotal|sum)(?![a-z])/i;

/** Where the table is and how its columns map. */
function locate(input: ValidateInput, firstRow: number): { mapping: ColumnMapping; headerIndex: number; duplicates: ReturnType<typeof detectMapping>["duplicates"] } {
  if (!input.mapping) {
    const d = detectHeader(input.values, firstRow);
    return { mapping: d.mapping, headerIndex: d.headerIndex, duplicates: d.duplicates };
  }
  let headerIndex = 0;
  if (input.headerRow !== undefined) headerIndex = input.headerRow - firstRow;
  else {
    try {
      headerIndex = detectHeader(input.values, firstRow).headerIndex;
    } catch {
      headerIndex = 0;
    }
  }
  if (headerIndex < 0 || headerIndex >= Math.max(1, input.values.length)) headerIndex = 0;
  if (!input.mapping.program) throw new TableError("no_program_column", { row: firstRow + headerIndex });
  return { mapping: input.mapping, headerIndex, duplicates: [] };
}

function emptyRow(row: number, enterprise: string): RowResult {
  return {
    row, enterprise, creditCode: "", jurisdiction: "", project: "", object: "", scenario: "", programCode: null, programName: "", section: "", catalogueId: null,
    year: null, dateIso: null, requested: null, total: null, city: null, beneficiary: null, payable: null, payableCity: null, payableBeneficiary: null,
    amount: null, status: "pass", findings: [], outcome: null,
  };
}

/** The single pass. Used by validateTable (all at once) and validateTableAsync (in chunks). */
class Validator {
  readonly findings: Finding[] = [];
  readonly rows: RowResult[] = [];
  readonly mapping: ColumnMapping;
  readonly start: number;
  readonly total: number;
  private readonly idx: Partial<Record<ColumnKey, number>> = {};
  private readonly mappedIdx: number[];
  private readonly juris: JurisdictionIndex;
  private readonly cross: Array<{ add(ctx: RowContext): void }>;
  private readonly catalogueIds = new Set<string>();
  private current: RowResult | null = null;
  private readonly keepOutcomes: boolean;
  private readonly input: CalcInput = { program: null };
  summary: ValidationSummary = { rows: 0, errors: 0, warnings: 0, infos: 0, rowsWithErrors: 0, requested: 0, computed: 0, payable: 0, city: 0, beneficiary: 0, byRule: {}, totals: computeTotals([]) };

  constructor(private readonly src: ValidateInput, private readonly policy: PolicySet, options: ValidateOptions = {}, crossChecks: readonly CrossCheck[] = CROSS_CHECKS) {
    this.keepOutcomes = options.keepOutcomes !== false;
    const firstRow = src.firstRow ?? 1;
    const { mapping, headerIndex, duplicates } = locate(src, firstRow);
    this.mapping = mapping;
    for (const [k, b] of Object.entries(mapping) as [ColumnKey, { index: number }][]) if (b) this.idx[k] = b.index;
    this.mappedIdx = Object.values<number>(this.idx);
    this.start = headerIndex + 1;
    this.total = Math.max(0, src.values.length - this.start);
    this.juris = new JurisdictionIndex([...new Set(policy.catalogues.flatMap((c) => c.jurisdictions))]);
    this.cross = crossChecks.map((c) => c.create());
    const headerRow = firstRow + headerIndex;
    for (const k of REQUIRED_KEYS) if (!mapping[k]) this.add(headerRow, k, "mapping.missing_column", { header: CANONICAL_HEADERS[k], key: k });
    for (const d of duplicates) {
      const first = mapping[d.key]!;
      this.add(headerRow, d.key, "mapping.duplicate_column", { header: d.header, first: colName(this.col(first.index)), firstHeader: first.header }, this.col(d.index));
    }
  }

  private col(i: number): number {
    return (this.src.firstCol ?? 0) + i;
  }

  private add(row: number, column: ColumnKey | null, rule: RuleCode, params: MsgParams, col?: number): void {
    const info = RULE_BY_CODE.get(rule)!;
    const f: Finding = { row, column, severity: info.severity, rule, message: ruleMessage(rule, params, "zh"), messageEn: ruleMessage(rule, params, "en") };
    const c = col ?? (column && this.idx[column] !== undefined ? this.col(this.idx[column]) : undefined);
    if (c !== undefined) f.col = c;
    const n = this.findings.push(f) - 1;
    if (this.current && this.current.row === row) this.current.findings.push(n);
  }

  /** Validate data row i (0-based within the data rows). */
  processRow(i: number): void {
    const values = this.src.values[this.start + i];
    if (!values || !this.mappedIdx.some((j) => !isEmpty(values[j]))) return;
    const rowNo = (this.src.firstRow ?? 1) + this.start + i;
    const cell = (k: ColumnKey) => (this.idx[k] === undefined ? undefined : values[this.idx[k]]);
    const enterprise = cellText(cell("enterprise"));
    if (isEmpty(cell("credit_code")) && isEmpty(cell("program"))) {
      const first = enterprise || cellText(values.find((v) => !isEmpty(v)));
      if (TOTAL_RE.test(first.replace(/\s/g, ""))) {
        this.current = emptyRow(rowNo, enterprise);
        this.add(rowNo, null, "row.skipped_total", { text: first.slice(0, 12) });
        this.current = null;
        return;
      }
    }
    const ctx = this.read(rowNo, values, cell, enterprise);
    this.current = ctx.rr;
    this.rows.push(ctx.rr);
    this.summary.rows++;
    for (const check of ROW_CHECKS) check.check(ctx);
    for (const c of this.cross) c.add(ctx);
    this.current = null;
  }

  /** Read the row: identity fields, then calculate() for everything the policy reads. */
  private read(rowNo: number, values: readonly unknown[], cell: (k: ColumnKey) => unknown, enterprise: string): RowContext {
    const rr = emptyRow(rowNo, enterprise);
    const creditRaw = cell("credit_code");
    const credit = isEmpty(creditRaw) ? null : checkCreditCode(creditRaw);
    const jurisRaw = cellText(cell("jurisdiction"));
    const jr = jurisRaw ? this.juris.resolve(jurisRaw) : { name: null };
    rr.creditCode = credit ? credit.code : "";
    rr.jurisdiction = jr.name ?? jurisRaw;
    rr.project = rr.object = cellText(cell("project"));
    rr.scenario = cellText(cell("scenario"));
    const programRaw = cell("program");
    const inp = this.input;
    inp.program = typeof programRaw === "string" ? programRaw.trim() : programRaw;
    inp.amount = cell("amount");
    inp.level = cell("level");
    const date = cell("date");
    inp.date = this.src.date1904 && typeof date === "number" ? date + DATE_1904_OFFSET : date;
    inp.asked = cell("requested");
    inp.amountWan = !!this.mapping.amount?.wan;
    inp.askedWan = !!this.mapping.requested?.wan;
    const outcome = isEmpty(programRaw) ? null : calculate(inp, this.policy);
    if (outcome && this.keepOutcomes) rr.outcome = outcome;
    const program = outcome ? (outcome.ok ? outcome.result.program : outcome.program ?? null) : null;
    const result = outcome && outcome.ok ? outcome.result : null;
    if (program) {
      rr.programCode = program.code;
      rr.programName = program.name.zh;
      rr.section = program.section;
    } else if (!isEmpty(programRaw)) rr.programName = cellText(programRaw);
    const parsed = outcome ? (outcome.ok ? outcome.result.inputs : outcome.inputs) : {};
    if (parsed.date) {
      rr.dateIso = parsed.date;
      rr.year = Number(parsed.date.slice(0, 4));
    }
    if (parsed.amount) rr.amount = parsed.amount.c / 10 ** parsed.amount.s;
    // A row without a program still claims its amount asked (申报 / 有误未计 count it).
    rr.requested = outcome ? parsed.asked ?? null : readAsked(inp) ?? null;
    if (result) this.record(rr, result);
    const findingsBefore = this.findings.length;
    return {
      row: rowNo, values, cell, mapping: this.mapping, policy: this.policy, rr, credit,
      juris: { raw: jurisRaw, name: jr.name, suggestion: jr.suggestion }, flags: { requestedWanSuspect: false },
      program, outcome, result,
      hasError: () => this.findings.slice(findingsBefore).some((f) => f.row === rowNo && f.severity === "error"),
      emit: (code, column, params, col) => this.add(rowNo, column, code, params, col),
    };
  }

  private record(rr: RowResult, r: NonNullable<RowContext["result"]>): void {
    rr.catalogueId = r.catalogue.id;
    this.catalogueIds.add(r.catalogue.id);
    rr.total = r.total;
    rr.city = r.city;
    rr.beneficiary = r.beneficiary;
    rr.payable = r.payable;
    rr.payableCity = r.payableCity;
    rr.payableBeneficiary = r.payableBeneficiary;
  }

  report(): ValidationReport {
    const order = this.findings.map((_, i) => i);
    order.sort((a, b) => this.findings[a].row - this.findings[b].row || a - b);
    const newIndex = new Array<number>(order.length);
    order.forEach((old, i) => (newIndex[old] = i));
    const findings = order.map((i) => this.findings[i]);
    const s = this.summary;
    for (const f of findings) {
      if (f.severity === "error") s.errors++;
      else if (f.severity === "warning") s.warnings++;
      else s.infos++;
      s.byRule[f.rule] = (s.byRule[f.rule] ?? 0) + 1;
    }
    for (const rr of this.rows) {
      rr.findings = rr.findings.map((i) => newIndex[i]).sort((a, b) => a - b);
      const sev = rr.findings.map((n) => findings[n].severity);
      rr.status = sev.includes("error") ? "error" : sev.includes("warning") ? "review" : "pass";
      if (rr.status === "error") s.rowsWithErrors++;
      else if (rr.payable !== null) {
        // The money totals follow the reports' counting rule: rows without errors that computed.
        s.requested += rr.requested ?? 0;
        s.computed += rr.total ?? 0;
        s.payable += rr.payable;
        s.city += rr.payableCity ?? 0;
        s.beneficiary += rr.payableBeneficiary ?? 0;
      }
    }
    s.totals = computeTotals(this.rows);
    const fb = this.policy.fallback;
    return { findings, rows: this.rows, summary: s, mapping: this.mapping, policy: { id: fb.id, title: fb.title.zh }, catalogues: [...this.catalogueIds], sheet: this.src.sheet ?? "" };
  }
}

/**
 * Validate an application table held as values, under a policy set. Throws TableError
 * (headers.ts) when the block has no recognisable header row or no program column.
 */
export function validateTable(input: ValidateInput, policy: PolicySet, options: ValidateOptions = {}): ValidationReport {
  const v = new Validator(input, policy, options);
  const every = Math.max(1, options.progressEvery ?? 5000);
  for (let i = 0; i < v.total; i++) {
    v.processRow(i);
    if (options.onProgress && (i + 1) % every === 0) options.onProgress(i + 1, v.total);
  }
  options.onProgress?.(v.total, v.total);
  return v.report();
}

/** The same, yielding to the event loop between chunks so a pane can repaint its progress bar. */
export async function validateTableAsync(input: ValidateInput, policy: PolicySet, options: AsyncValidateOptions = {}): Promise<ValidationReport> {
  const v = new Validator(input, policy, options);
  const chunk = Math.max(1, options.chunkSize ?? 5000);
  for (let i = 0; i < v.total; i += chunk) {
    if (options.signal?.aborted) throw new Error("aborted");
    const end = Math.min(v.total, i + chunk);
    for (let j = i; j < end; j++) v.processRow(j);
    options.onProgress?.(end, v.total);
    if (end < v.total) await new Promise<void>((r) => setTimeout(r, 0));
  }
  if (v.total === 0) options.onProgress?.(0, 0);
  return v.report();
}
