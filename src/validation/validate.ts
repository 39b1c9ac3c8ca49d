/**
 * The validation core: one pass over the rows of an application table, pure and linear.
 * Every award is computed by the policy core's calculate(); this file only compares.
 */
import {
  type CalcOutcome,
  type CalcResult,
  calculate,
  capOf,
  levelList,
  normaliseLevel,
  resolveProgram,
  splitByPayer,
} from "../policy/engine";
import { DEFAULT_CATALOGUE, suggestProgram, programByCode } from "../policy/catalogues";
import { checkCreditCode, CHUZHOU_DIVISIONS } from "../policy/credit-code";
import { parseDate } from "../policy/dates";

/** Days between the 1904 and the 1900 date systems' serials (1904-01-01 is 1462 in the 1900 system). */
export const DATE_1904_OFFSET = 1462;
import { explain, payerText } from "../policy/explain";
import { type Dec, type Fen, decShift, decToFen, decToNumber, decToString } from "../policy/money";
import { type AmountParse, editDistance, parseAmount } from "../policy/text";
import type { Program } from "../policy/types";
import { CANONICAL_HEADERS, detectHeader, detectMapping, REQUIRED_KEYS, TableError } from "./headers";
import { FIELD_NAMES, type MsgParams, ruleMessage } from "./messages";
import { type RuleCode, RULE_BY_CODE } from "./rules";
import type { ColumnKey, ColumnMapping, Finding, RowResult, ValidationReport, ValidationSummary } from "./types";
import { colLetters as colName } from "../host/a1";

export interface ValidateInput {
  /** The block of cell values (header row somewhere in the first rows). */
  values: readonly (readonly unknown[])[];
  /** Excel row number of values[0] (default 1). */
  firstRow?: number;
  /** 0-based sheet column of values[i][0] (default 0). */
  firstCol?: number;
  sheet?: string;
  /**
   * The workbook uses the 1904 date system (RegionData.date1904): a date serial n there is
   * n + 1462 in the 1900 system the core reads. Date cells given as numbers are shifted before
   * parsing, so checks, years and explanations see the right day.
   */
  date1904?: boolean;
  /** A corrected mapping (indexes are 0-based within values' rows). Replaces the detected one. */
  mapping?: ColumnMapping;
  /** Excel row number of the header row, with a corrected mapping (default: detected, else values[0]). */
  headerRow?: number;
}

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

/** Amounts below this many 元 are suspicious where the clause's thresholds and caps are in 万元. */
export const WAN_SUSPECT_BELOW_YUAN = 10000;
/** A requested amount below 1 万元 is suspicious when the award is at least this (元). */
export const WAN_SUSPECT_AWARD_YUAN = 100000;

const ROW_REQUIRED: readonly ColumnKey[] = ["enterprise", "credit_code", "jurisdiction", "program"];
const TOTAL_RE = /^(?:合计|总计|小计|共计|total|subtotal|sum)(?![a-z])/i;

// ---------------------------------------------------------------------------------------------
// Small readers

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString().slice(0, 10) : "";
  return String(v);
}

function quote(v: unknown): string {
  const s = cellText(v);
  return s.length > 24 ? s.slice(0, 24) + "…" : s;
}

/** Read a money cell in 元; a 万元 column scales plain numbers by 10^4 (text with its own unit is kept). */
function readMoney(v: unknown, wan: boolean): AmountParse {
  const a = parseAmount(typeof v === "boolean" ? String(v) : v instanceof Date ? "?" : v);
  if (!wan || !a.ok || a.omitted) return a;
  if (typeof v === "string" && /[万亿元]/.test(v)) return a;
  return { ok: true, dec: decShift(a.dec, 4) };
}

function nameKey(s: string): string {
  return s.normalize("NFKC").replace(/[\s\u3000]/g, "").toLowerCase();
}

// Jurisdictions: the ten, plus a few spellings people use.
const JURIS_ALIASES: Record<string, string> = {
  经开区: "滁州经开区",
  滁州经济技术开发区: "滁州经开区",
  经济技术开发区: "滁州经开区",
  苏滁: "中新苏滁高新区",
  中新苏滁: "中新苏滁高新区",
  苏滁高新区: "中新苏滁高新区",
  苏滁现代产业园: "中新苏滁高新区",
  中新苏滁高新技术产业开发区: "中新苏滁高新区",
  中新苏滁现代产业园: "中新苏滁高新区",
};

class JurisdictionIndex {
  private readonly exact = new Map<string, string>();
  private readonly cache = new Map<string, { name: string | null; suggestion?: string }>();
  constructor(private readonly names: readonly string[]) {
    for (const n of names) this.exact.set(nameKey(n), n);
    for (const [a, n] of Object.entries(JURIS_ALIASES)) if (names.includes(n)) this.exact.set(nameKey(a), n);
  }
  resolve(text: string): { name: string | null; suggestion?: string } {
    const hit = this.cache.get(text);
    if (hit) return hit;
    let k = nameKey(text).replace(/^(?:安徽省)?(?:滁州市)?/, "");
    if (k === "") k = nameKey(text);
    const name = this.exact.get(k) ?? null;
    let suggestion: string | undefined;
    if (!name) {
      let best = Infinity;
      for (const n of this.names) {
        const nk = nameKey(n);
        let d = editDistance(k, nk);
        if (nk.includes(k) || k.includes(nk)) d = Math.min(d, 1);
        if (d < best) {
          best = d;
          suggestion = n;
        }
      }
      if (best > 2) suggestion = undefined;
    }
    const r = { name, suggestion };
    if (this.cache.size < 4096) this.cache.set(text, r);
    return r;
  }
}

// ---------------------------------------------------------------------------------------------

interface CapGroup {
  sum: Fen;
  rows: number[];
}

/** The stateful single pass. Used by validateTable (all at once) and validateTableAsync (in chunks). */
class Validator {
  readonly findings: Finding[] = [];
  readonly rows: RowResult[] = [];
  readonly mapping: ColumnMapping;
  readonly start: number; // index of the first data row in values
  readonly total: number; // number of candidate data rows
  private readonly values: readonly (readonly unknown[])[];
  private readonly firstRow: number;
  private readonly firstCol: number;
  private readonly sheet: string;
  private readonly juris = new JurisdictionIndex(DEFAULT_CATALOGUE.jurisdictions);
  private readonly programCache = new Map<string, ReturnType<typeof resolveProgram>>();
  private readonly suggestionCache = new Map<string, string | undefined>();
  private readonly oneTime = new Map<string, number>();
  private readonly names = new Map<string, { row: number; name: string; key: string }>();
  private readonly capGroups = new Map<string, CapGroup>();
  private readonly perYear = new Map<string, number[]>();
  private readonly idx: Partial<Record<ColumnKey, number>> = {};
  private readonly mappedIdx: number[];
  private current: RowResult | null = null;
  summary: ValidationSummary = {
    rows: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    rowsWithErrors: 0,
    requested: 0,
    computed: 0,
    city: 0,
    beneficiary: 0,
    byRule: {},
  };

  private readonly keepOutcomes: boolean;

  constructor(input: ValidateInput, options: ValidateOptions = {}) {
    this.keepOutcomes = options.keepOutcomes !== false;
    this.values = input.values;
    this.firstRow = input.firstRow ?? 1;
    this.firstCol = input.firstCol ?? 0;
    this.sheet = input.sheet ?? "";
    this.date1904 = input.date1904 === true;
    let headerIndex: number;
    let duplicates: ReturnType<typeof detectMapping>["duplicates"] = [];
    if (input.mapping) {
      this.mapping = input.mapping;
      if (input.headerRow !== undefined) headerIndex = input.headerRow - this.firstRow;
      else {
        try {
          headerIndex = detectHeader(input.values, this.firstRow).headerIndex;
        } catch {
          headerIndex = 0;
        }
      }
      if (headerIndex < 0 || headerIndex >= Math.max(1, input.values.length)) headerIndex = 0;
      if (!this.mapping.program) throw new TableError("no_program_column", { row: this.firstRow + headerIndex });
    } else {
      const d = detectHeader(input.values, this.firstRow);
      headerIndex = d.headerIndex;
      this.mapping = d.mapping;
      duplicates = d.duplicates;
    }
    for (const [k, b] of Object.entries(this.mapping) as [ColumnKey, { index: number }][]) if (b) this.idx[k] = b.index;
    this.mappedIdx = Object.values(this.idx) as number[];
    this.start = headerIndex + 1;
    this.total = Math.max(0, input.values.length - this.start);

    const headerRow = this.firstRow + headerIndex;
    for (const k of REQUIRED_KEYS) {
      if (!this.mapping[k]) this.add(headerRow, k, "mapping.missing_column", { header: CANONICAL_HEADERS[k], key: k });
    }
    for (const d of duplicates) {
      const first = this.mapping[d.key]!;
      this.add(headerRow, d.key, "mapping.duplicate_column", { header: d.header, first: colName(this.firstCol + first.index), firstHeader: first.header }, this.firstCol + d.index);
    }
  }

  private add(row: number, column: ColumnKey | null, rule: RuleCode, params: MsgParams, col?: number): void {
    const info = RULE_BY_CODE.get(rule)!;
    const f: Finding = {
      row,
      column,
      severity: info.severity,
      rule,
      message: ruleMessage(rule, params, "zh"),
      messageEn: ruleMessage(rule, params, "en"),
    };
    const c = col ?? (column && this.idx[column] !== undefined ? this.firstCol + (this.idx[column] as number) : undefined);
    if (c !== undefined) f.col = c;
    const n = this.findings.push(f) - 1;
    // Every finding is raised while its row is the current one (header findings have no row result).
    if (this.current && this.current.row === row) this.current.findings.push(n);
  }

  private cell(row: readonly unknown[], key: ColumnKey): unknown {
    const i = this.idx[key];
    return i === undefined ? undefined : row[i];
  }

  private program(v: unknown): ReturnType<typeof resolveProgram> {
    if (typeof v !== "string") return resolveProgram(v);
    let r = this.programCache.get(v);
    if (!r) {
      r = resolveProgram(v);
      if (this.programCache.size < 4096) this.programCache.set(v, r);
    }
    return r;
  }

  /** 1904 date system: number dates are shifted by DATE_1904_OFFSET days. */
  private readonly date1904: boolean;
  private readonly dateCache = new Map<unknown, ReturnType<typeof parseDate>>();
  private date(v: unknown): ReturnType<typeof parseDate> {
    if (typeof v !== "number" && typeof v !== "string") return parseDate(v);
    let d = this.dateCache.get(v);
    if (!d) {
      d = parseDate(v);
      if (this.dateCache.size < 8192) this.dateCache.set(v, d);
    }
    return d;
  }

  /** Validate data row i (0-based within the data rows). */
  processRow(i: number): void {
    const values = this.values[this.start + i];
    if (!values) return;
    const rowNo = this.firstRow + this.start + i;
    // Skip blank rows.
    let any = false;
    for (const j of this.mappedIdx) {
      if (!isEmpty(values[j])) {
        any = true;
        break;
      }
    }
    if (!any) return;

    const enterprise = cellText(this.cell(values, "enterprise"));
    const creditRaw = this.cell(values, "credit_code");
    const programRaw = this.cell(values, "program");

    // Totals rows: "合计" in the name (or first) column with no credit code and no program.
    if (isEmpty(creditRaw) && isEmpty(programRaw)) {
      const first = enterprise || cellText(values.find((v) => !isEmpty(v)));
      if (TOTAL_RE.test(first.replace(/\s/g, ""))) {
        const rr = this.newRow(rowNo, enterprise, "", "", cellText(this.cell(values, "project")));
        this.current = rr;
        this.add(rowNo, null, "row.skipped_total", { text: first.slice(0, 12) });
        this.current = null;
        this.rows.pop();
        return;
      }
    }

    const juriRaw = cellText(this.cell(values, "jurisdiction"));
    const jr = juriRaw ? this.juris.resolve(juriRaw) : { name: null };
    const credit = isEmpty(creditRaw) ? null : checkCreditCode(creditRaw);
    const rr = this.newRow(rowNo, enterprise, credit ? credit.code : "", jr.name ?? juriRaw, cellText(this.cell(values, "project")));
    this.current = rr;
    this.summary.rows++;

    // Required fields.
    for (const k of ROW_REQUIRED) {
      if (this.idx[k] !== undefined && isEmpty(this.cell(values, k))) this.add(rowNo, k, "required.missing", { field: FIELD_NAMES[k].zh, fieldEn: FIELD_NAMES[k].en });
    }

    // Credit code.
    if (credit && !credit.ok) {
      if (credit.problem === "length" || credit.problem === "chars") {
        this.add(rowNo, "credit_code", "credit_code.format", { input: quote(creditRaw), len: credit.code.length });
      } else if (credit.problem === "check") {
        this.add(rowNo, "credit_code", "credit_code.check", { expected: credit.expected, actual: credit.code[17] });
      } else if (credit.problem === "org_check") {
        this.add(rowNo, "credit_code", "credit_code.org_check", {});
      }
    }
    // Jurisdiction.
    if (juriRaw && !jr.name) this.add(rowNo, "jurisdiction", "jurisdiction.unknown", { input: quote(juriRaw), suggestion: jr.suggestion });
    if (credit && credit.division && jr.name && (credit.ok || credit.problem === "org_check")) {
      const area = CHUZHOU_DIVISIONS[credit.division];
      if (area && area !== jr.name) {
        this.add(rowNo, "credit_code", "credit_code.division_mismatch", { area, division: credit.division, jurisdiction: jr.name });
      }
    }
    // One credit code, one name.
    if (credit && credit.code && enterprise) {
      const key = nameKey(enterprise);
      const seen = this.names.get(credit.code);
      if (!seen) this.names.set(credit.code, { row: rowNo, name: enterprise, key });
      else if (seen.key !== key) this.add(rowNo, "enterprise", "cross.name_mismatch", { first: seen.row, name: seen.name });
    }

    // Program.
    if (!isEmpty(programRaw)) {
      const pr = this.program(typeof programRaw === "string" ? programRaw.trim() : programRaw);
      if (!pr.ok) {
        if (pr.error.code === "non_money") {
          const p = pr.error.params;
          this.add(rowNo, "program", "program.non_money", { name: p.name, nameEn: p.nameEn, section: p.section });
        } else {
          const text = cellText(programRaw);
          let s = this.suggestionCache.get(text);
          if (!this.suggestionCache.has(text)) {
            s = suggestProgram(text);
            if (this.suggestionCache.size < 4096) this.suggestionCache.set(text, s);
          }
          const sp = s ? programByCode(s) : undefined;
          this.add(rowNo, "program", "program.unknown", { input: quote(programRaw), suggestion: s, suggestionName: sp?.name.zh ?? s });
        }
        rr.programName = cellText(programRaw);
      } else {
        this.checkProgramRow(rr, values, pr.program, credit?.code ?? "");
      }
    }

    this.current = null;
  }

  private newRow(row: number, enterprise: string, creditCode: string, jurisdiction: string, project: string): RowResult {
    const rr: RowResult = {
      row,
      enterprise,
      creditCode,
      jurisdiction,
      project,
      programCode: null,
      programName: "",
      section: "",
      year: null,
      dateIso: null,
      requested: null,
      total: null,
      city: null,
      beneficiary: null,
      amount: null,
      status: "pass",
      findings: [],
      outcome: null,
    };
    this.rows.push(rr);
    return rr;
  }

  private checkProgramRow(rr: RowResult, values: readonly unknown[], program: Program, creditCode: string): void {
    const rowNo = rr.row;
    rr.programCode = program.code;
    rr.programName = program.name.zh;
    rr.section = program.section;
    const rule = program.rule;

    // Inputs read independently so that several problems show at once.
    let bad = false;
    const amountRaw = this.cell(values, "amount");
    const amountWan = !!this.mapping.amount?.wan && rule.kind !== "per_unit";
    let amountDec: Dec | null = null;
    let amountArg: unknown = undefined;
    if (program.amount !== "none") {
      const a = readMoney(amountRaw, amountWan);
      if (!a.ok) {
        bad = true;
        const code: RuleCode = a.reason === "negative" ? "amount.negative" : a.reason === "too_large" ? "amount.too_large" : "amount.not_number";
        this.add(rowNo, "amount", code, { input: quote(amountRaw) });
      } else if (a.omitted) {
        if (program.amount === "required") {
          bad = true;
          this.add(rowNo, "amount", "amount.missing", { label: program.baseLabel.zh, labelEn: program.baseLabel.en });
        }
      } else {
        amountDec = a.dec;
        rr.amount = decToNumber(a.dec);
        // The raw cell when it is read as is (exactly what the user typed); the exact decimal text when scaled from 万元.
        amountArg = amountWan || typeof amountRaw === "boolean" ? decToString(a.dec) : amountRaw;
      }
    }
    const levelRaw = this.cell(values, "level");
    if (rule.kind === "tiered") {
      if (isEmpty(levelRaw) || levelRaw === 0) {
        bad = true;
        this.add(rowNo, "level", "level.missing", { levels: levelList(program) });
      } else {
        const lv = normaliseLevel(typeof levelRaw === "string" ? levelRaw : levelRaw);
        if (!lv || (!(lv in rule.tiers) && !rule.zeroLevels.includes(lv))) {
          bad = true;
          this.add(rowNo, "level", "level.unknown", { input: quote(levelRaw), levels: levelList(program) });
        }
      }
    } else if (rule.kind === "rate" && rule.gate && !isEmpty(levelRaw) && levelRaw !== false) {
      const g = parseAmount(levelRaw);
      if (!g.ok) {
        bad = true;
        this.add(rowNo, "level", "level.investment", { input: quote(levelRaw) });
      }
    }
    const cellDate = this.cell(values, "date");
    const dateRaw = this.date1904 && typeof cellDate === "number" ? cellDate + DATE_1904_OFFSET : cellDate;
    const d = this.date(dateRaw);
    if (!d.ok) {
      bad = true;
      this.add(rowNo, "date", "date.unreadable", { input: quote(dateRaw) });
    } else if (!d.omitted) {
      rr.dateIso = d.iso;
      rr.year = Number(d.iso.slice(0, 4));
    }

    const reqRaw = this.cell(values, "requested");
    const req = readMoney(reqRaw, !!this.mapping.requested?.wan);
    let requested: Fen | null = null;
    if (!req.ok) this.add(rowNo, "requested", "requested.not_number", { input: quote(reqRaw) });
    else if (!req.omitted) requested = decToFen(req.dec);
    else if (this.idx.requested !== undefined) this.add(rowNo, "requested", "requested.missing", {});
    rr.requested = requested;

    this.checkServed(rr, program, this.cell(values, "served"));

    if (bad) return;

    const outcome: CalcOutcome = calculate({
      program: program.code,
      amount: amountArg,
      level: levelRaw,
      date: dateRaw,
    });
    if (this.keepOutcomes) rr.outcome = outcome;
    if (!outcome.ok) {
      const map: Partial<Record<string, RuleCode>> = {
        missing_amount: "amount.missing",
        not_integer_count: "amount.not_integer",
        too_large: "amount.too_large",
        bad_task_flag: "level.task_flag",
        missing_level: "level.missing",
        bad_level: "level.unknown",
        bad_amount: "level.investment",
        negative_amount: "level.investment",
        bad_date: "date.unreadable",
      };
      const code = map[outcome.error.code] ?? "amount.not_number";
      const column = RULE_BY_CODE.get(code)!.column;
      this.add(rowNo, column, code, {
        input: quote(column === "level" ? levelRaw : column === "date" ? dateRaw : amountRaw),
        label: program.baseLabel.zh,
        labelEn: program.baseLabel.en,
        levels: levelList(program),
      });
      return;
    }
    this.checkAward(rr, values, program, outcome.result, requested, creditCode, dateRaw, levelRaw, amountDec, amountWan);
  }

  private checkServed(rr: RowResult, program: Program, served: unknown): void {
    if (!program.needsServed) return;
    if (isEmpty(served)) {
      this.add(rr.row, "served", "served.missing", {});
      return;
    }
    const a = parseAmount(typeof served === "string" ? served.replace(/家$/, "") : served);
    if (!a.ok || a.omitted || a.dec.s !== 0) this.add(rr.row, "served", "served.invalid", { input: quote(served) });
  }

  private checkAward(
    rr: RowResult,
    values: readonly unknown[],
    program: Program,
    res: CalcResult,
    requested: Fen | null,
    creditCode: string,
    dateRaw: unknown,
    levelRaw: unknown,
    amountDec: Dec | null,
    amountWan: boolean,
  ): void {
    const rowNo = rr.row;
    const rule = program.rule;
    rr.total = res.total;
    rr.city = res.city;
    rr.beneficiary = res.beneficiary;
    this.summary.computed += res.total;
    this.summary.city += res.city;
    this.summary.beneficiary += res.beneficiary;
    if (requested !== null) this.summary.requested += requested;

    // Date.
    let outside = false;
    for (const s of res.steps) {
      if (s.k === "validity" && !s.inside) {
        outside = true;
        this.add(rowNo, "date", "date.outside", { date: s.date, from: s.from, to: s.to });
      }
    }
    if (isEmpty(dateRaw) || dateRaw === 0) this.add(rowNo, "date", "date.missing", {});

    // Conditions held in the level column.
    if ((rule.kind === "per_unit" && rule.taskFlag) || (rule.kind === "rate" && rule.gate)) {
      if (isEmpty(levelRaw) || levelRaw === 0) {
        const label = rule.kind === "per_unit" ? rule.taskFlag! : rule.kind === "rate" ? rule.gate!.label : { zh: "", en: "" };
        this.add(rowNo, "level", "level.condition_missing", { label: label.zh, labelEn: label.en });
      } else if (rule.kind === "rate" && rule.gate) {
        const g = parseAmount(levelRaw);
        if (g.ok && !g.omitted && g.dec.c > 0 && decToNumber(g.dec) < WAN_SUSPECT_BELOW_YUAN) {
          this.add(rowNo, "level", "amount.wan_suspect", wanParams(rule.gate.label, g.dec));
        }
      }
    }

    // 万元 typed into a 元 column: the base of a rate or up-to program below 1 万元.
    if (!amountWan && amountDec && amountDec.c > 0 && (rule.kind === "rate" || rule.kind === "upto") && decToNumber(amountDec) < WAN_SUSPECT_BELOW_YUAN) {
      this.add(rowNo, "amount", "amount.wan_suspect", wanParams(program.baseLabel, amountDec));
    }
    let requestedWan = false;
    if (
      requested !== null &&
      requested > 0 &&
      !this.mapping.requested?.wan &&
      requested < WAN_SUSPECT_BELOW_YUAN * 100 &&
      res.total >= WAN_SUSPECT_AWARD_YUAN * 100
    ) {
      requestedWan = true;
      this.add(rowNo, "requested", "amount.wan_suspect", wanParams({ zh: "申报金额", en: "Requested amount" }, { c: requested, s: 2 }));
    }

    // Requested vs computed.
    if (!outside && requested !== null) {
      if (res.total === 0 && requested > 0) {
        this.add(rowNo, "requested", "award.ineligible", { requested, trace: explain(res, "zh"), traceEn: explain(res, "en") });
      } else if (requested > res.total) {
        this.add(rowNo, "requested", "amount.over_award", { requested, computed: res.total });
      } else if (requested < res.total && !requestedWan) {
        this.add(rowNo, "requested", "amount.under_award", { requested, computed: res.total });
      }
    }

    // Declared shares against the split of what is payable.
    const payable: Fen = requested !== null && requested <= res.total ? requested : res.total;
    const cityRaw = this.cell(values, "city_share");
    const localRaw = this.cell(values, "local_share");
    if (!outside && res.total > 0 && !(isEmpty(cityRaw) && isEmpty(localRaw))) {
      const { city, beneficiary: local } = splitByPayer(program.payer, payable);
      for (const [k, expected] of [
        ["city_share", city],
        ["local_share", local],
      ] as const) {
        const raw = k === "city_share" ? cityRaw : localRaw;
        if (isEmpty(raw)) continue;
        const a = readMoney(raw, !!this.mapping[k]?.wan);
        if (!a.ok) {
          this.add(rowNo, k, "share.not_number", { field: FIELD_NAMES[k].zh, fieldEn: FIELD_NAMES[k].en, input: quote(raw) });
          continue;
        }
        const declared = a.omitted ? 0 : decToFen(a.dec);
        if (declared !== expected) {
          this.add(rowNo, k, "share.mismatch", {
            field: FIELD_NAMES[k].zh,
            fieldEn: FIELD_NAMES[k].en,
            expected,
            declared,
            payer: payerText(program.payer, "zh"),
            payerEn: payerText(program.payer, "en"),
          });
        }
      }
    }

    // Across rows.
    // Rows outside the validity window get no award under this policy: they neither count nor collide.
    if (!creditCode || outside) return;
    if (program.oneTime) {
      const key = program.code + "|" + creditCode;
      const first = this.oneTime.get(key);
      if (first === undefined) this.oneTime.set(key, rowNo);
      else this.add(rowNo, "program", "cross.duplicate_one_time", { first, name: program.name.zh, nameEn: program.name.en });
    }
    const yearText = rr.year === null ? "" : String(rr.year);
    if (program.capScope === "enterprise") {
      const cap = capOf(program, levelRaw);
      if (cap.ok) {
        const key = program.code + "|" + creditCode + "|" + yearText;
        let g = this.capGroups.get(key);
        if (!g) {
          g = { sum: 0, rows: [] };
          this.capGroups.set(key, g);
        }
        const before = g.sum;
        g.sum += payable;
        g.rows.push(rowNo);
        if (g.sum > cap.fen && payable > 0) {
          this.add(rowNo, "requested", "cross.enterprise_cap", {
            year: yearText || "（日期未填）",
            name: program.name.zh,
            nameEn: program.name.en,
            sum: g.sum,
            cap: cap.fen,
            rows: g.rows.join("、"),
            allowed: Math.max(0, cap.fen - before),
          });
        }
      }
    }
    if (program.maxPerYear !== undefined && rr.year !== null) {
      const key = program.code + "|" + yearText;
      let list = this.perYear.get(key);
      if (!list) {
        list = [];
        this.perYear.set(key, list);
      }
      list.push(rowNo);
      if (list.length > program.maxPerYear) {
        this.add(rowNo, "program", "cross.demo_per_year", { year: yearText, max: program.maxPerYear, rows: list.slice(0, program.maxPerYear).join("、") });
      }
    }
  }

  report(): ValidationReport {
    // Order findings by row (stable), and re-point the row results at them.
    const order = this.findings.map((f, i) => i);
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
      this.finishRowWith(rr, findings);
      if (rr.status === "error") s.rowsWithErrors++;
    }
    return {
      findings,
      rows: this.rows,
      summary: s,
      mapping: this.mapping,
      policy: { id: DEFAULT_CATALOGUE.id, title: DEFAULT_CATALOGUE.title.zh },
      sheet: this.sheet,
    };
  }

  private finishRowWith(rr: RowResult, findings: Finding[]): void {
    let err = false;
    let warn = false;
    for (const n of rr.findings) {
      const sev = findings[n].severity;
      if (sev === "error") err = true;
      else if (sev === "warning") warn = true;
    }
    rr.status = err ? "error" : warn ? "review" : "pass";
  }
}

function wanParams(label: { zh: string; en: string }, d: Dec): MsgParams {
  return { field: label.zh, fieldEn: label.en, value: decToString(d), asWan: decToString(decShift(d, 4)) };
}

export { colLetters as colName } from "../host/a1";

/**
 * Validate an application table held as values. Throws TableError (headers.ts) when the block
 * has no recognisable header row or no program column.
 */
export function validateTable(input: ValidateInput, options: ValidateOptions = {}): ValidationReport {
  const v = new Validator(input, options);
  const every = Math.max(1, options.progressEvery ?? 5000);
  for (let i = 0; i < v.total; i++) {
    v.processRow(i);
    if (options.onProgress && (i + 1) % every === 0) options.onProgress(i + 1, v.total);
  }
  options.onProgress?.(v.total, v.total);
  return v.report();
}

/** The same, yielding to the event loop between chunks so a pane can repaint its progress bar. */
export async function validateTableAsync(input: ValidateInput, options: AsyncValidateOptions = {}): Promise<ValidationReport> {
  const v = new Validator(input, options);
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
