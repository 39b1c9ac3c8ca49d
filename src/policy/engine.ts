/**
 * The engine: runs the rule-kind modules (rules/) over a catalogue chosen by date. Pure,
 * synchronous, no I/O. calculate() is the one place that reads formula and row inputs: the
 * validation core consumes its parsed result (CalcResult.inputs, errors with their field) and
 * never reads the same inputs again.
 *
 * Ineligible cases (below a threshold, level too low, outside the validity window) give a
 * total of 0 with the reason in the trace; unreadable input gives a PolicyError.
 *
 * Entitlement vs payable: `total` is what the policy grants; `payable` is the entitlement, or
 * the amount asked when that is given (> 0) and lower (READING "what is paid"). CZ.SUBSIDY
 * returns the entitlement; the pane, results table, pivots, summaries and progress use payable.
 */
import { catalogueFor, findEntry, isProgram, suggestProgram } from "./catalogues";
import { parseDate } from "./dates";
import { citeText } from "./cite";
import { type PolicyError, quoteInput } from "./messages";
import { type Dec, type Fen, decShift, decToFen, splitHalf } from "./money";
import { type CalcNote, type FieldError, ruleModule, type Step } from "./rules";
import { parseAmount } from "./text";
import type { Catalogue, Payer, PolicySet, Program } from "./types";

export type { Step, CalcNote } from "./rules";

/** What calculate() read from its inputs. */
export interface ParsedInputs {
  /** The base amount (元), null when omitted / not used. */
  amount: Dec | null;
  /** The ISO day of the date argument, null when omitted. */
  date: string | null;
  /** The amount asked (分); null when not given, empty or 0. */
  asked: Fen | null;
}

export interface CalcResult {
  program: Program;
  catalogue: Catalogue;
  /** The entitlement, in 分. */
  total: Fen;
  city: Fen;
  beneficiary: Fen;
  /** The policy rewards this case (total > 0). */
  eligible: boolean;
  /** Outside every catalogue's validity window (total 0). */
  outside: boolean;
  /** The payable amount: min(entitlement, amount asked when given), and its split. */
  payable: Fen;
  payableCity: Fen;
  payableBeneficiary: Fen;
  steps: Step[];
  notes: CalcNote[];
  inputs: ParsedInputs;
  /** The ISO date checked, if one was given. */
  date?: string;
}

export type CalcOutcome =
  | { ok: true; result: CalcResult }
  | { ok: false; error: PolicyError; errors: PolicyError[]; program?: Program; catalogue?: Catalogue; inputs: Partial<ParsedInputs> };

export interface CalcInput {
  program: unknown;
  amount?: unknown;
  level?: unknown;
  date?: unknown;
  /** The amount asked or approved (a table's 申报金额); empty or 0 = not given. */
  asked?: unknown;
  /** The amount cell is in 万元 (a table column headed …（万元）): plain numbers are scaled by 10^4. */
  amountWan?: boolean;
  askedWan?: boolean;
}

/** Resolve a program argument to a money program of a catalogue, or an error (unknown / non-money). */
export function resolveProgram(value: unknown, cat: Catalogue): { ok: true; program: Program } | { ok: false; error: PolicyError } {
  const field = "program" as const;
  if (value === null || value === undefined || value === "" || value === 0) return { ok: false, error: { code: "missing_program", params: {}, field } };
  if (typeof value !== "string") return { ok: false, error: { code: "unknown_program", params: { input: quoteInput(value) }, field } };
  const e = findEntry(value, cat);
  if (!e) {
    if (value.trim() === "") return { ok: false, error: { code: "missing_program", params: {}, field } };
    return { ok: false, error: { code: "unknown_program", params: { input: quoteInput(value), suggestion: suggestProgram(value, cat) }, field } };
  }
  if (!isProgram(e)) {
    return { ok: false, error: { code: "non_money", params: { name: e.name.zh, nameEn: e.name.en, section: e.section, cite: citeText(e.citation, "zh"), citeEn: citeText(e.citation, "en") }, field } };
  }
  return { ok: true, program: e };
}

/** Resolve a program in the set: by name in the fallback catalogue, then the same code in any other. */
export function resolveInSet(value: unknown, set: PolicySet): { ok: true; program: Program } | { ok: false; error: PolicyError } {
  const r = resolveProgram(value, set.fallback);
  if (r.ok || r.error.code !== "unknown_program") return r;
  for (let i = set.catalogues.length - 1; i >= 0; i--) {
    const c = set.catalogues[i];
    if (c === set.fallback) continue;
    const again = resolveProgram(value, c);
    if (again.ok || again.error.code === "non_money") return again;
  }
  return r;
}

/** The levels a program accepts, for messages: "3A/4A/5A". */
export function levelList(program: Program): string {
  const r = program.rule;
  if (r.kind === "tiered") return Object.keys(r.tiers).join("/");
  if (r.kind === "per_unit") return "TRUE/FALSE";
  return "";
}

/** Who pays what of an amount: all city (C), all beneficiary (B), or the 1:1 split of READING.md. */
export function splitByPayer(payer: Payer, total: Fen): { city: Fen; beneficiary: Fen } {
  if (payer === "C") return { city: total, beneficiary: 0 };
  if (payer === "B") return { city: 0, beneficiary: total };
  return splitHalf(total);
}

/** Read a money argument in 元 (optionally a 万元 cell). */
function readMoney(value: unknown, wan: boolean | undefined): ReturnType<typeof parseAmount> {
  const a = parseAmount(value);
  if (!wan || !a.ok || a.omitted) return a;
  if (typeof value === "string" && /[万亿元]/.test(value)) return a;
  return { ok: true, dec: decShift(a.dec, 4) };
}

function amountError(reason: "negative" | "not_number" | "too_large", input: unknown, field: "amount" | "level"): FieldError {
  if (reason === "negative") return { code: "negative_amount", params: {}, field };
  if (reason === "too_large") return { code: "too_large", params: {}, field };
  return { code: "bad_amount", params: { input: quoteInput(input) }, field };
}

/** The amount argument per Program.amount: required (empty or 0 → amount_empty), optional, or unused. */
function readBase(program: Program, value: unknown, wan: boolean | undefined): { ok: true; dec: Dec | null } | { ok: false; error: FieldError } {
  if (program.amount === "none") return { ok: true, dec: null };
  const a = readMoney(value, wan && program.rule.kind !== "per_unit");
  if (!a.ok) return { ok: false, error: amountError(a.reason, value, "amount") };
  const dec = a.omitted ? null : a.dec;
  if (program.amount === "required" && (dec === null || dec.c === 0)) {
    return { ok: false, error: { code: "amount_empty", params: { label: program.baseLabel.zh, labelEn: program.baseLabel.en }, field: "amount" } };
  }
  return { ok: true, dec };
}

/**
 * Compute one case under the policy set. `input.program` is a code (any case) or name; `amount`
 * a number or amount text; `level` a tier, a task flag or an investment depending on the
 * program; `date` the qualifying event's date, an Excel serial or date text (omitted → the
 * fallback catalogue, no validity check); `asked` the amount asked (table rows).
 */
export function calculate(input: CalcInput, set: PolicySet): CalcOutcome {
  const resolved = resolveInSet(input.program, set);
  if (!resolved.ok) {
    // The amount asked is still read, so that a table's 申报 and 有误未计 totals count what the row claims.
    const asked = readAsked(input);
    return { ok: false, error: resolved.error, errors: [resolved.error], inputs: asked === undefined ? {} : { asked } };
  }
  let program = resolved.program;
  let catalogue = set.fallback.programs.includes(program) ? set.fallback : set.catalogues.find((c) => c.programs.includes(program)) ?? set.fallback;
  const errors: PolicyError[] = [];
  const inputs: Partial<ParsedInputs> = {};

  // The date chooses the catalogue in force; a program missing from it is outside the policy.
  const d = parseDate(input.date);
  let outside = false;
  if (!d.ok) errors.push({ code: "bad_date", params: { input: quoteInput(input.date) }, field: "date" });
  else if (!d.omitted) {
    inputs.date = d.iso;
    const inForce = catalogueFor(d.iso, set.catalogues);
    const again = inForce ? (inForce === catalogue ? { ok: true as const, program } : resolveProgram(program.code, inForce)) : null;
    if (inForce && again && again.ok) {
      catalogue = inForce;
      program = again.program;
    } else outside = true;
  } else inputs.date = null;

  // Read every input (so that several problems show at once), even when the date is outside.
  const base = readBase(program, input.amount, input.amountWan);
  let amount: Dec | null = null;
  if (!base.ok) errors.push(base.error);
  else amount = inputs.amount = base.dec;
  const mod = ruleModule(program.rule);
  const parsed = mod.parse(program, program.rule, amount, input.level);
  if (!parsed.ok) {
    // A count that is not a whole number is about the amount; keep one error per field.
    for (const e of parsed.errors) if (!errors.some((x) => x.field === e.field)) errors.push(e);
  }
  const askedRead = readMoney(input.asked, input.askedWan);
  if (!askedRead.ok) errors.push({ code: "bad_asked", params: { input: quoteInput(input.asked) }, field: "asked" });
  else inputs.asked = askedRead.omitted || askedRead.dec.c === 0 ? null : decToFen(askedRead.dec);

  if (errors.length || !parsed.ok) {
    const all = errors.length ? errors : (parsed as { errors: PolicyError[] }).errors;
    return { ok: false, error: all[0], errors: all, program, catalogue, inputs };
  }

  const steps: Step[] = [];
  let total: Fen = 0;
  let notes: CalcNote[] = [];
  if (inputs.date) steps.push({ k: "validity", date: inputs.date, from: catalogue.validFrom, to: catalogue.validTo, inside: !outside, event: program.event });
  if (!outside) {
    const c = mod.compute(program, program.rule, amount, parsed.parsed);
    total = c.total;
    steps.push(...c.steps);
    notes = c.notes;
  }
  const { city, beneficiary } = splitByPayer(program.payer, total);
  steps.push({ k: "split", payer: program.payer, city, beneficiary });
  const asked = inputs.asked ?? null;
  const payable = asked !== null && asked < total ? asked : total;
  if (asked !== null && asked < total) steps.push({ k: "payable", asked, entitlement: total, payable });
  const ps = payable === total ? { city, beneficiary } : splitByPayer(program.payer, payable);
  const full: ParsedInputs = { amount, date: inputs.date ?? null, asked };
  return {
    ok: true,
    result: {
      program,
      catalogue,
      total,
      city,
      beneficiary,
      eligible: total > 0,
      outside,
      payable,
      payableCity: ps.city,
      payableBeneficiary: ps.beneficiary,
      steps,
      notes,
      inputs: full,
      date: inputs.date ?? undefined,
    },
  };
}

/** The cap or fixed amount of a program, in 分 (for a tiered program: the level's amount, or the top tier). */
export function capOf(program: Program, level: unknown): { ok: true; fen: Fen } | { ok: false; error: PolicyError } {
  return ruleModule(program.rule).cap(program, program.rule, level);
}

/** The rate of a program as a number (0.2), or null when it has none. */
export function rateOf(program: Program): number | null {
  return ruleModule(program.rule).rate(program.rule);
}

/** The threshold on the base (or the gate), in 元, or null. */
export function thresholdOf(program: Program): number | null {
  return ruleModule(program.rule).threshold(program.rule);
}

/** The amount asked in 分 (null: not given, empty or 0; undefined: unreadable). Needs no program. */
export function readAsked(input: Pick<CalcInput, "asked" | "askedWan">): Fen | null | undefined {
  const r = readMoney(input.asked, input.askedWan);
  if (!r.ok) return undefined;
  return r.omitted || r.dec.c === 0 ? null : decToFen(r.dec);
}

/** The payable amount of an entitlement given an amount asked (null / 0 = not given). */
export function payableOf(entitlement: Fen, asked: Fen | null): Fen {
  return asked !== null && asked > 0 && asked < entitlement ? asked : entitlement;
}
