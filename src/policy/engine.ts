/**
 * The engine: interprets a catalogue's rules for one case. Pure, synchronous, no I/O.
 *
 * Ineligible cases (below a threshold, level too low, outside the validity window) give a
 * total of 0 with the reason in the trace; unreadable input gives a PolicyError.
 */
import { catalogueFor, DEFAULT_CATALOGUE, findEntry, isProgram, suggestProgram, CATALOGUES } from "./catalogues";
import { parseDate } from "./dates";
import { type ErrorCode, type Params, type PolicyError, quoteInput } from "./messages";
import { type Dec, type Fen, decCompareYuan, decToFen, mulRateToFen, splitHalf, yuanToFen, decToNumber, MAX_AMOUNT_YUAN } from "./money";
import { parseAmount } from "./text";
import type { Catalogue, Payer, Program, Rate, Text2 } from "./types";

/** One step of the explanation trace. Amounts are in 分 (Fen) or exact decimals (Dec). */
export type Step =
  | { k: "validity"; date: string; from: string; to: string; inside: boolean }
  | { k: "fixed"; amount: Fen }
  | { k: "upto"; asked: Fen | null; cap: Fen; result: Fen }
  | { k: "threshold"; label: Text2; base: Dec; threshold: Fen; passed: boolean }
  | { k: "gate"; label: Text2; value: Dec | null; min: Fen; passed: boolean | null }
  | { k: "rate"; label: Text2; base: Dec; rate: Rate; raw: Fen; thresholdShown: boolean }
  | { k: "cap"; before: Fen; cap: Fen; capped: boolean; perEnterprise: boolean }
  | { k: "tier"; level: string; amount: Fen; zero: boolean; lowest: string }
  | { k: "per_unit"; count: number; unit: Fen; unitLabel: Text2; result: Fen }
  | { k: "task"; label: Text2; completed: boolean }
  | { k: "split"; payer: Payer; city: Fen; beneficiary: Fen };

export interface CalcResult {
  program: Program;
  catalogue: Catalogue;
  /** The award, in 分. */
  total: Fen;
  city: Fen;
  beneficiary: Fen;
  /** The policy rewards this case (total > 0). */
  eligible: boolean;
  steps: Step[];
  /** The ISO date checked, if one was given. */
  date?: string;
}

export type CalcOutcome = { ok: true; result: CalcResult } | { ok: false; error: PolicyError };

export interface CalcInput {
  program: unknown;
  amount?: unknown;
  level?: unknown;
  date?: unknown;
}

export interface CalcOptions {
  /** The catalogues to choose from by date; the default is every known one. */
  catalogues?: readonly Catalogue[];
  /** The catalogue used when no date is given. */
  catalogue?: Catalogue;
}

const fail = (code: ErrorCode, params: Params = {}): CalcOutcome => ({ ok: false, error: { code, params } });

/** Resolve a program argument to a money program, or an error (unknown / non-money). */
export function resolveProgram(value: unknown, cat: Catalogue = DEFAULT_CATALOGUE): { ok: true; program: Program } | { ok: false; error: PolicyError } {
  if (value === null || value === undefined || value === "" || value === 0) return { ok: false, error: { code: "missing_program", params: {} } };
  if (typeof value !== "string") {
    return { ok: false, error: { code: "unknown_program", params: { input: quoteInput(value) } } };
  }
  const e = findEntry(value, cat);
  if (!e) {
    if (value.trim() === "") return { ok: false, error: { code: "missing_program", params: {} } };
    return { ok: false, error: { code: "unknown_program", params: { input: quoteInput(value), suggestion: suggestProgram(value, cat) } } };
  }
  if (!isProgram(e)) return { ok: false, error: { code: "non_money", params: { name: e.name.zh, nameEn: e.name.en, section: e.section } } };
  return { ok: true, program: e };
}

/** The levels a tiered program accepts, for messages: "3A/4A/5A". */
export function levelList(program: Program): string {
  const r = program.rule;
  if (r.kind === "tiered") return Object.keys(r.tiers).join("/");
  if (r.kind === "per_unit") return "TRUE/FALSE";
  return "";
}

/** Normalise a tier level: 5A, AAAAA, 5A级, 5 → "5A". Returns null when unreadable. */
export function normaliseLevel(value: unknown): string | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 5 ? `${value}A` : null;
  if (typeof value !== "string") return null;
  const t = value.normalize("NFKC").replace(/\s/g, "").toUpperCase().replace(/级$/, "");
  if (/^[1-5]A$/.test(t)) return t;
  if (/^A{1,5}$/.test(t)) return `${t.length}A`;
  if (/^[1-5]$/.test(t)) return `${t}A`;
  return null;
}

const TRUE_WORDS = new Set(["TRUE", "是", "已完成", "完成", "Y", "YES", "1"]);
const FALSE_WORDS = new Set(["FALSE", "否", "未完成", "N", "NO"]);

/** A task flag: true/false, or null when omitted. undefined when unreadable. */
function readTaskFlag(value: unknown): boolean | null | undefined {
  if (value === null || value === undefined || value === "" || value === 0) return null;
  if (typeof value === "boolean") return value;
  if (value === 1) return true;
  if (typeof value === "string") {
    const t = value.normalize("NFKC").trim().toUpperCase();
    if (t === "") return null;
    if (TRUE_WORDS.has(t)) return true;
    if (FALSE_WORDS.has(t)) return false;
  }
  return undefined;
}

function amountError(reason: "negative" | "not_number" | "too_large", input: unknown): CalcOutcome {
  if (reason === "negative") return fail("negative_amount");
  if (reason === "too_large") return fail("too_large");
  return fail("bad_amount", { input: quoteInput(input) });
}

/** Who pays what of an amount: all city (C), all beneficiary (B), or the 1:1 split of READING.md. */
export function splitByPayer(payer: Payer, total: Fen): { city: Fen; beneficiary: Fen } {
  if (payer === "C") return { city: total, beneficiary: 0 };
  if (payer === "B") return { city: 0, beneficiary: total };
  return splitHalf(total);
}

function finish(program: Program, catalogue: Catalogue, total: Fen, steps: Step[], date: string | undefined): CalcOutcome {
  const { city, beneficiary } = splitByPayer(program.payer, total);
  steps.push({ k: "split", payer: program.payer, city, beneficiary });
  return { ok: true, result: { program, catalogue, total, city, beneficiary, eligible: total > 0, steps, date } };
}

/**
 * Compute one case. `input.program` is a code (any case) or name; `amount` a number or
 * amount text; `level` a tier, a task flag or an investment depending on the program;
 * `date` an Excel serial or date text (omitted → no validity check).
 */
export function calculate(input: CalcInput, options: CalcOptions = {}): CalcOutcome {
  const base = options.catalogue ?? DEFAULT_CATALOGUE;
  const resolved = resolveProgram(input.program, base);
  if (!resolved.ok) return { ok: false, error: resolved.error };
  let program = resolved.program;
  let catalogue = base;

  // Date: choose the catalogue in force, or mark the case as outside every window.
  const d = parseDate(input.date);
  if (!d.ok) return fail("bad_date", { input: quoteInput(input.date) });
  let dateIso: string | undefined;
  let outside = false;
  if (!d.omitted) {
    dateIso = d.iso;
    const inForce = catalogueFor(d.iso, options.catalogues ?? CATALOGUES);
    if (inForce && inForce !== catalogue) {
      const again = resolveProgram(input.program, inForce);
      if (again.ok) {
        catalogue = inForce;
        program = again.program;
      } else outside = true;
    } else if (!inForce) outside = true;
  }

  const steps: Step[] = [];
  const rule = program.rule;
  let total: Fen = 0;

  // Read the inputs first: unreadable input is an error even when the date is outside.
  let amount: Dec | null = null;
  if (program.amount !== "none") {
    const a = parseAmount(input.amount);
    if (!a.ok) return amountError(a.reason, input.amount);
    if (a.omitted) {
      if (program.amount === "required") return fail("missing_amount", { label: program.baseLabel.zh, labelEn: program.baseLabel.en });
    } else amount = a.dec;
  }

  let tierLevel: string | null = null;
  let task: boolean | null = null;
  let gateValue: Dec | null = null;
  if (rule.kind === "tiered") {
    const lv = input.level;
    if (lv === null || lv === undefined || lv === "" || lv === 0) return fail("missing_level", { levels: levelList(program) });
    tierLevel = normaliseLevel(lv);
    if (!tierLevel || (!(tierLevel in rule.tiers) && !rule.zeroLevels.includes(tierLevel))) {
      return fail("bad_level", { input: quoteInput(lv), levels: levelList(program) });
    }
  } else if (rule.kind === "per_unit") {
    if (amount && amount.s !== 0) return fail("not_integer_count", { label: program.baseLabel.zh, labelEn: program.baseLabel.en });
    if (amount && decToNumber(amount) * rule.unit > MAX_AMOUNT_YUAN) return fail("too_large");
    if (rule.taskFlag) {
      const t = readTaskFlag(input.level);
      if (t === undefined) return fail("bad_task_flag", { input: quoteInput(input.level) });
      task = t;
    }
  } else if (rule.kind === "rate" && rule.gate) {
    const lv = input.level;
    if (!(lv === 0 || lv === false)) {
      const g = parseAmount(lv);
      if (!g.ok) return amountError(g.reason, lv);
      if (!g.omitted) gateValue = g.dec;
    }
  }

  if (dateIso !== undefined) {
    steps.push({ k: "validity", date: dateIso, from: catalogue.validFrom, to: catalogue.validTo, inside: !outside });
    if (outside) return finish(program, catalogue, 0, steps, dateIso);
  }

  switch (rule.kind) {
    case "fixed":
      total = yuanToFen(rule.amount);
      steps.push({ k: "fixed", amount: total });
      break;
    case "upto": {
      const cap = yuanToFen(rule.cap);
      const asked = amount && amount.c !== 0 ? decToFen(amount) : null;
      total = asked === null ? cap : Math.min(asked, cap);
      steps.push({ k: "upto", asked, cap, result: total });
      break;
    }
    case "tiered": {
      const lvl = tierLevel as string;
      const amt = rule.tiers[lvl];
      const lowest = Object.keys(rule.tiers)[0];
      total = amt === undefined ? 0 : yuanToFen(amt);
      steps.push({ k: "tier", level: lvl, amount: total, zero: amt === undefined, lowest });
      break;
    }
    case "per_unit": {
      if (task === false) {
        steps.push({ k: "task", label: rule.taskFlag as Text2, completed: false });
        total = 0;
        break;
      }
      const count = amount ? decToNumber(amount) : 0;
      const unit = yuanToFen(rule.unit);
      total = count * unit;
      steps.push({ k: "per_unit", count, unit, unitLabel: rule.unitLabel, result: total });
      break;
    }
    case "rate": {
      const b = amount as Dec;
      if (rule.gate) {
        const min = yuanToFen(rule.gate.min);
        const passed = gateValue === null ? null : decCompareYuan(gateValue, rule.gate.min) >= 0;
        steps.push({ k: "gate", label: rule.gate.label, value: gateValue, min, passed });
        if (passed === false) {
          total = 0;
          break;
        }
      }
      if (rule.threshold !== undefined) {
        const passed = decCompareYuan(b, rule.threshold) >= 0;
        steps.push({ k: "threshold", label: program.baseLabel, base: b, threshold: yuanToFen(rule.threshold), passed });
        if (!passed) {
          total = 0;
          break;
        }
      }
      const raw = mulRateToFen(b, rule.rate.num, rule.rate.den);
      steps.push({ k: "rate", label: program.baseLabel, base: b, rate: rule.rate, raw, thresholdShown: rule.threshold !== undefined });
      const cap = yuanToFen(rule.cap);
      total = Math.min(raw, cap);
      steps.push({ k: "cap", before: raw, cap, capped: raw > cap, perEnterprise: program.capScope === "enterprise" });
      break;
    }
  }
  return finish(program, catalogue, total, steps, dateIso);
}

/** The cap or fixed amount of a program, in 分 (for a tiered program: the level's amount, or the top tier). */
export function capOf(program: Program, level: unknown): { ok: true; fen: Fen } | { ok: false; error: PolicyError } {
  const r = program.rule;
  switch (r.kind) {
    case "fixed":
      return { ok: true, fen: yuanToFen(r.amount) };
    case "upto":
    case "rate":
      return { ok: true, fen: yuanToFen(r.cap) };
    case "tiered": {
      if (level === null || level === undefined || level === "" || level === 0) {
        return { ok: true, fen: yuanToFen(Math.max(...Object.values(r.tiers))) };
      }
      const lv = normaliseLevel(level);
      if (!lv || (!(lv in r.tiers) && !r.zeroLevels.includes(lv))) {
        return { ok: false, error: { code: "bad_level", params: { input: quoteInput(level), levels: levelList(program) } } };
      }
      return { ok: true, fen: yuanToFen(r.tiers[lv] ?? 0) };
    }
    case "per_unit":
      return { ok: false, error: { code: "no_cap", params: { name: program.name.zh, nameEn: program.name.en, unit: `${r.unit}元/${r.unitLabel.zh}`, unitEn: r.unitLabel.en } } };
  }
}

/** The rate of a program as a number (0.2), or null when it has none. */
export function rateOf(program: Program): number | null {
  return program.rule.kind === "rate" ? program.rule.rate.num / program.rule.rate.den : null;
}

/** The threshold on the base, in 元, or null. */
export function thresholdOf(program: Program): number | null {
  const r = program.rule;
  if (r.kind === "rate") return r.threshold ?? r.gate?.min ?? null;
  return null;
}
