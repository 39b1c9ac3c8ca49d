/**
 * Native-formula export: the same award as the core, written with Excel's own functions only
 * (IF, AND, OR, NOT, MIN, ROUND, INT, ISNUMBER, TRIM, SUBSTITUTE, DATE, NA), so a workbook
 * computes the same numbers in WPS or Office 2016/2019 where `CZ.*` shows #NAME?.
 *
 * Shape of every generated formula:
 *   =IF(<input unreadable>,NA(), IF(AND(<conditions>), <award>, 0))
 * - unreadable input (the core's error cases) → #N/A (every error kind becomes #N/A);
 * - conditions: threshold (≥), gate, task flag, validity window (on INT(date));
 * - award: MIN(ROUND(amount*rate,2),cap), MIN(ROUND(amount,2),cap), a constant, or a tier choice.
 * Literal arguments are read by the core when the formula is generated (text amounts such as
 * "80万", "5A", ISO dates); with no cell reference at all the formula is the core's constant.
 *
 * Rounding: ROUND(amount*30%,2). Excel keeps 15 significant digits and its ROUND works on that
 * decimal value (ROUND(1000000.05*30%,2) = ROUND(300000.015,2) = 300000.02, like the core),
 * so the native result equals the core's whenever amount × rate has at most 15 significant
 * digits — always for amounts in whole 分 below 10^12 元. For amounts with many more decimals
 * (≥ 8 places), a half-分 tie may come out 1 分 apart.
 *
 * Differences, all "error instead of a number", never another number: a cell holding a text
 * amount ("80万"), a text date ("2022-03-01"), full-width or tab-padded text gives #N/A where the
 * core would read it. Kept small: it is bundled into functions.js.
 */
import { defineMessages } from "../i18n";
import { parseDate } from "./dates";
import { calculate, resolveInSet } from "./engine";
import { errorMessage, type PolicyError, quoteInput } from "./messages";
import { splitHalf, type Fen } from "./money";
import { LIT, ruleModule, type NativeArg, type NativeParts } from "./rules";
import { yuanText } from "./rules/native-kit";
import type { Catalogue, PolicySet, Program, Text2 } from "./types";

export type NativePart = "total" | "city" | "beneficiary";
export type NativeOutcome = { ok: true; formula: string } | { ok: false; error: PolicyError };

/** An A1 cell reference, optionally sheet-qualified: C2, $C$2, Sheet1!C2, 'My sheet'!$C2. */
const REF = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}$/;

type Arg = NativeArg;

function toArg(v: unknown): Arg {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string" && REF.test(v.trim())) return { ref: v.trim() };
  return { lit: v };
}

const isRef = (a: Arg): a is { ref: string } => a !== null && "ref" in a;
const litOf = (a: Arg): unknown => (a === null ? null : "lit" in a ? a.lit : null);

const dateLit = (iso: string) => `DATE(${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})`;

/** A set of one catalogue (the native formula of one catalogue's rules). */
const only = (cat: Catalogue): PolicySet => ({ catalogues: [cat], fallback: cat });

/** The rule as formula parts for one catalogue's program, with at least one input given as a reference. */
function build(program: Program, cat: Catalogue, amount: Arg, level: Arg): { ok: true; parts: NativeParts } | { ok: false; error: PolicyError } {
  const A = isRef(amount) ? amount.ref : null;
  const L = isRef(level) ? level.ref : null;
  const constant = (a: unknown, l: unknown) => {
    const r = calculate({ program: program.code, amount: a === LIT ? litOf(amount) : a, level: l === LIT ? litOf(level) : l }, only(cat));
    return r.ok ? { ok: true as const, fen: r.result.total } : { ok: false as const, error: r.error };
  };
  return ruleModule(program.rule).native(program, program.rule, A, L, constant);
}

function assemble(p: NativeParts): string {
  const conds = p.conds.includes("FALSE") ? ["FALSE"] : p.conds;
  let body = conds.length === 0 ? p.award : conds[0] === "FALSE" ? "0" : `IF(${conds.length === 1 ? conds[0] : `AND(${conds.join(",")})`},${p.award},0)`;
  for (let i = p.checks.length - 1; i >= 0; i--) body = `IF(${p.checks[i]},NA(),${body})`;
  return body;
}

/** Is the date cell readable as the core reads a date serial? (else #N/A) */
function dateReadable(d: string): string {
  return `AND(NOT(ISLOGICAL(${d})),ISNUMBER(${d}),${d}>=1,${d}<2958466,INT(${d})<>60)`;
}

/** The award expression (without "=") and whether it depends on any cell. */
function totalExpression(programArg: unknown, amount: Arg, level: Arg, date: Arg, set: PolicySet): { ok: true; expr: string; constFen: Fen | null; payer: Program["payer"] } | { ok: false; error: PolicyError } {
  const res = resolveInSet(programArg, set);
  if (!res.ok) return res;
  const p = res.program;
  const m = ruleModule(p.rule);
  const usesAmount = p.amount !== "none";
  const usesLevel = m.usesLevel(p.rule);
  const refUsed = (usesAmount && isRef(amount)) || (usesLevel && isRef(level)) || isRef(date);
  if (!refUsed) {
    const out = calculate({ program: p.code, amount: litOf(amount), level: litOf(level), date: litOf(date) }, set);
    if (!out.ok) return out;
    return { ok: true, expr: yuanText(out.result.total), constFen: out.result.total, payer: p.payer };
  }
  const one = (cat: Catalogue): { ok: true; expr: string; payer: Program["payer"] } | { ok: false; error: PolicyError } | null => {
    const again = resolveInSet(p.code, only(cat));
    if (!again.ok) return null;
    const built = build(again.program, cat, usesAmount ? amount : null, usesLevel ? level : null);
    if (!built.ok) return built;
    return { ok: true, expr: assemble(built.parts), payer: again.program.payer };
  };
  if (isRef(date)) {
    // One branch per catalogue that has the program, chosen by the date's window; outside all → 0.
    const d = date.ref;
    const fb = one(set.fallback);
    if (fb && !fb.ok) return fb;
    // Outside every window: 0, but an unreadable input is still an error (as in the core).
    let chain = fb ? `0*${paren(fb.expr)}` : "0";
    for (const cat of set.catalogues) {
      const b = cat === set.fallback ? fb : one(cat);
      if (b && !b.ok) return b;
      if (!b) continue;
      chain = `IF(AND(INT(${d})>=${dateLit(cat.validFrom)},INT(${d})<=${dateLit(cat.validTo)}),${b.expr},${chain})`;
    }
    if (!fb) return { ok: false, error: { code: "unknown_program", params: { input: quoteInput(programArg) } } };
    const expr = `IF(${emptyDate(d)},${fb.expr},IF(${dateReadable(d)},${chain},NA()))`;
    return { ok: true, expr, constFen: null, payer: fb.payer };
  }
  const cat = set.fallback;
  if (date !== null) {
    const dp = parseDate(date.lit);
    if (!dp.ok) return { ok: false, error: { code: "bad_date", params: { input: quoteInput(date.lit) } } };
    if (!dp.omitted) {
      const inForce = set.catalogues.filter((c) => dp.iso >= c.validFrom && dp.iso <= c.validTo).pop();
      const b = inForce ? one(inForce) : null;
      if (!b) {
        // Outside every window (or the program is not in the catalogue then): 0, unless an input is unreadable.
        const fb = one(set.fallback);
        if (fb && !fb.ok) return fb;
        return { ok: true, expr: fb ? `0*${paren(fb.expr)}` : "0", constFen: null, payer: p.payer };
      }
      if (!b.ok) return b;
      return { ok: true, expr: b.expr, constFen: null, payer: b.payer };
    }
  }
  const b = one(cat);
  if (!b) return { ok: false, error: { code: "unknown_program", params: { input: quoteInput(programArg) } } };
  if (!b.ok) return b;
  return { ok: true, expr: b.expr, constFen: null, payer: b.payer };
}

/** An empty date cell (or 0 from an empty cell on desktop): no validity check, the fallback catalogue. */
const emptyDate = (d: string) => `AND(NOT(ISLOGICAL(${d})),OR(${d}="",${d}=0))`;

/** Wrap as a multiplicand/operand when it is not a plain call or number. */
const paren = (e: string) => (/^[A-Z]+\(.*\)$|^[\d.]+$/.test(e) ? e : `(${e})`);

function partExpression(total: string, constFen: Fen | null, payer: Program["payer"], part: NativePart): string {
  if (part === "total") return total;
  if (constFen !== null) {
    if (payer === "1:1") {
      const s = splitHalf(constFen);
      return yuanText(part === "city" ? s.city : s.beneficiary);
    }
    return (payer === "C") === (part === "city") ? total : "0";
  }
  const t = paren(total);
  if (payer === "1:1") return part === "city" ? `ROUND(${t}/2,2)` : `ROUND(${t}-ROUND(${t}/2,2),2)`;
  // The other side pays 0, but an unreadable input is still an error there.
  return (payer === "C") === (part === "city") ? total : `0*${t}`;
}

/** The inputs of a native formula: cell references as text ("C2", "$C$2", "Sheet1!C2"), literal values, or null (omitted). */
export interface NativeRequest {
  program: unknown;
  amount?: unknown;
  level?: unknown;
  date?: unknown;
  part?: NativePart;
}

/**
 * The native Excel formula for one case under a policy set: `=…` computing what CZ.SUBSIDY
 * (part "total") or the city / beneficiary share of CZ.SPLIT computes. With a date reference,
 * the formula picks the catalogue in force by the date's window, as the engine does. Errors the
 * core reports for literal inputs (unknown program, bad amount, …) come back as `{ok:false}`.
 */
export function nativeFormulaFor(set: PolicySet, req: NativeRequest): NativeOutcome {
  const t = totalExpression(req.program, toArg(req.amount), toArg(req.level), toArg(req.date), set);
  if (!t.ok) return t;
  return { ok: true, formula: "=" + partExpression(t.expr, t.constFen, t.payer, req.part ?? "total") };
}

/**
 * The same with positional arguments (the long-standing public signature); the policy set comes
 * last and is required: pass SHIPPED_POLICY (shipped.ts) for the add-in's own catalogues.
 */
export function nativeFormula(program: unknown, amountRef: unknown, levelRef: unknown, dateRef: unknown, part: NativePart, set: PolicySet): NativeOutcome {
  return nativeFormulaFor(set, { program, amount: amountRef, level: levelRef, date: dateRef, part });
}

// ---------------------------------------------------------------------------------------------
// Converting a CZ.* cell formula.

export type ConvertReason =
  | "not_cz" // not a single CZ.* call
  | "unsupported_function" // a CZ function with no native equivalent here
  | "complex_argument" // nested expressions, ranges, names, operators
  | "too_many_arguments"
  | "program_reference" // the program is a cell reference and no value was supplied
  | "policy_error"; // the core rejects a literal argument

export type ConvertResult =
  /** CZ.SUBSIDY → the award; CZ.ELIGIBLE → TRUE/FALSE. One formula for the same cell. */
  | { ok: true; fn: "SUBSIDY" | "ELIGIBLE"; native: string }
  /**
   * CZ.SPLIT spills a 1×2 row. Its native form is two formulas: native[0] (city share) for the
   * formula's own cell and native[1] (beneficiary share) for the cell to its right, where the
   * spill showed it. (Array constants cannot hold references, and HSTACK is not in Excel 2016.)
   */
  | { ok: true; fn: "SPLIT"; native: [string, string] }
  | { ok: false; reason: ConvertReason; message: Text2; error?: PolicyError };

/** Why a formula cannot be converted (the result carries both languages, for the pane and the CLI). */
const reasonText = /* @__PURE__ */ defineMessages<ConvertReason>(
  "convert-reasons",
  {
    not_cz: "不是单个 CZ 函数公式",
    unsupported_function: "此 CZ 函数没有对应的普通公式（仅支持 SUBSIDY、SPLIT、ELIGIBLE），可转换为数值",
    complex_argument: "参数含嵌套公式、区域或运算，无法转换，可转换为数值",
    too_many_arguments: "参数过多",
    program_reference: "项目类别引用了单元格，转换需要该单元格的值",
    policy_error: "参数有误",
  },
  {
    not_cz: "Not a single CZ function call",
    unsupported_function: "No native equivalent for this CZ function (only SUBSIDY, SPLIT, ELIGIBLE); convert it to values instead",
    complex_argument: "An argument is a nested expression, range or operation; convert to values instead",
    too_many_arguments: "Too many arguments",
    program_reference: "The program is a cell reference; its value is needed to convert",
    policy_error: "An argument is invalid",
  },
);

function fail(reason: ConvertReason, error?: PolicyError): ConvertResult {
  if (error) return { ok: false, reason, error, message: { zh: errorMessage(error, "zh"), en: errorMessage(error, "en") } };
  return { ok: false, reason, message: { zh: reasonText("zh", reason), en: reasonText("en", reason) } };
}

type Token = { ref: string } | { lit: unknown } | null;

/** Split "a, b, , c" at top-level commas; each piece must be a simple argument. */
function parseArgs(text: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  const n = text.length;
  const skip = () => {
    while (i < n && /\s/.test(text[i])) i++;
  };
  for (;;) {
    skip();
    let tok: Token;
    if (i >= n || text[i] === ",") tok = null;
    else if (text[i] === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= n) return null;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i++];
      }
      tok = { lit: s };
    } else {
      const m = /^[^,]+/.exec(text.slice(i));
      const raw = (m ? m[0] : "").trim();
      i += m ? m[0].length : 0;
      if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?%?$/i.test(raw)) {
        const pct = raw.endsWith("%");
        const v = Number(pct ? raw.slice(0, -1) : raw);
        tok = { lit: pct ? v / 100 : v };
      } else if (/^(TRUE|FALSE)$/i.test(raw)) tok = { lit: raw.toUpperCase() === "TRUE" };
      else if (REF.test(raw)) tok = { ref: raw };
      else return null;
    }
    out.push(tok);
    skip();
    if (i >= n) return out;
    if (text[i] !== ",") return null;
    i++;
  }
}

export interface ConvertOptions {
  /** The policy set the conversion computes under (required in practice: the adapters pass theirs). */
  policy: PolicySet;
  /** The value of a cell, for a program given as a reference (the conversion then fixes that program). */
  cellValue?(ref: string): unknown;
}

/**
 * Convert a cell formula such as `=CZ.SUBSIDY("equipment_network",C2,,D2)` or
 * `=CZ.SPLIT("smart_factory")` into native formulas (see ConvertResult). Arguments may be
 * references, strings, numbers, TRUE/FALSE or empty; anything else is refused with a reason.
 */
export function convertFormula(formulaText: string, options: ConvertOptions): ConvertResult {
  const m = /^\s*=?\s*@?(?:_xldudf_|_xll\.)?CZ[._]([A-Z]+)\s*\(([\s\S]*)\)\s*$/i.exec(formulaText);
  if (!m) return fail("not_cz");
  const fn = m[1].toUpperCase();
  if (fn !== "SUBSIDY" && fn !== "SPLIT" && fn !== "ELIGIBLE") return fail("unsupported_function");
  if (/[()]/.test(m[2].replace(/"(?:[^"]|"")*"/g, '""'))) return fail("complex_argument");
  const args = parseArgs(m[2]);
  if (!args) return fail("complex_argument");
  if (args.length > 4) return fail("too_many_arguments");
  let program: unknown = litOf(args[0] ?? null);
  if (isRef(args[0] ?? null)) {
    if (!options.cellValue) return fail("program_reference");
    program = options.cellValue((args[0] as { ref: string }).ref);
  }
  const t = totalExpression(program, args[1] ?? null, args[2] ?? null, args[3] ?? null, options.policy);
  if (!t.ok) return fail("policy_error", t.error);
  if (fn === "SPLIT") {
    return { ok: true, fn, native: ["=" + partExpression(t.expr, t.constFen, t.payer, "city"), "=" + partExpression(t.expr, t.constFen, t.payer, "beneficiary")] };
  }
  if (fn === "ELIGIBLE") {
    return { ok: true, fn, native: t.constFen !== null ? (t.constFen > 0 ? "=TRUE" : "=FALSE") : `=${paren(t.expr)}>0` };
  }
  return { ok: true, fn: "SUBSIDY", native: "=" + t.expr };
}
