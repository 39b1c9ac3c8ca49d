/**
 * What a rule-kind module provides. One module per kind (fixed.ts, upto.ts, rate.ts,
 * per-unit.ts, tiered.ts) owns everything about its kind: reading its inputs, computing and
 * capping, its explanation steps in zh and en, its rule description, its native-formula text
 * and the row checks specific to it. Adding a kind means one module here plus catalogue data.
 */
import type { Lang, PolicyError } from "../messages";
import type { Dec, Fen } from "../money";
import type { Program, Rule, Text2 } from "../types";

/** One step of the explanation trace. Amounts are in 分 (Fen) or exact decimals (Dec). */
export type Step =
  // common (engine)
  | { k: "validity"; date: string; from: string; to: string; inside: boolean; event: Text2 }
  | { k: "split"; payer: Program["payer"]; city: Fen; beneficiary: Fen }
  | { k: "payable"; asked: Fen; entitlement: Fen; payable: Fen }
  // fixed
  | { k: "fixed"; amount: Fen }
  // upto
  | { k: "upto"; asked: Fen | null; cap: Fen; result: Fen }
  // rate
  | { k: "threshold"; label: Text2; base: Dec; threshold: Fen; passed: boolean }
  | { k: "gate"; label: Text2; value: Dec | null; min: Fen; passed: boolean | null }
  | { k: "rate"; label: Text2; base: Dec; num: number; den: number; raw: Fen; thresholdShown: boolean; ceiling: boolean; provisional: Text2 | null }
  | { k: "cap"; before: Fen; cap: Fen; capped: boolean; perEnterprise: boolean }
  // tiered
  | { k: "tier"; level: string; amount: Fen; zero: boolean; lowest: string }
  // per_unit
  | { k: "per_unit"; count: number; unit: Fen; unitLabel: Text2; result: Fen }
  | { k: "task"; label: Text2; completed: boolean | null };

/**
 * Facts about a computed case that validation turns into warnings (never silent gaps):
 * cap_assumed (up-to with no amount asked), provisional_rate, task_unconfirmed (5G flag empty),
 * gate_unchecked (completed investment not given), ceiling_rate ("不超过X%" computed at X%).
 */
export type CalcNote = "cap_assumed" | "provisional_rate" | "task_unconfirmed" | "gate_unchecked" | "ceiling_rate";

/** An input error, with the field it is about. */
export type FieldError = PolicyError & { field: "amount" | "level" };

export interface Computed {
  total: Fen;
  steps: Step[];
  notes: CalcNote[];
}

/** A native-formula argument: a cell reference, a literal value, or omitted. */
export type NativeArg = { ref: string } | { lit: unknown } | null;

/** The parts of a native formula: checks (→ error value), conditions for an award, the award. */
export interface NativeParts {
  checks: string[];
  conds: string[];
  award: string;
}

export type NativeBuilt = { ok: true; parts: NativeParts } | { ok: false; error: PolicyError };

/** Stands for "the literal the user gave for this input" in a ConstantFn call. */
export const LIT: unique symbol = Symbol("literal");

/** The core's own answer for literal inputs (used when an input is a literal, not a reference). */
export type ConstantFn = (amount: unknown, level: unknown) => { ok: true; fen: Fen } | { ok: false; error: PolicyError };

export interface RuleModule<R extends Rule, P> {
  kind: R["kind"];
  /** Does the rule read `level` (a tier, a task flag, a gate amount)? */
  usesLevel(rule: R): boolean;
  /** Read the inputs (the amount is read by the engine per Program.amount and passed in). */
  parse(program: Program, rule: R, amount: Dec | null, level: unknown): { ok: true; parsed: P } | { ok: false; errors: FieldError[] };
  compute(program: Program, rule: R, amount: Dec | null, parsed: P): Computed;
  /** The cap or fixed amount, in 分 (a tiered rule: the level's amount or the top tier). */
  cap(program: Program, rule: R, level: unknown): { ok: true; fen: Fen } | { ok: false; error: PolicyError };
  rate(rule: R): number | null;
  threshold(rule: R): number | null;
  /** "投资≥50万元，按20%，最高200万元" */
  describe(program: Program, rule: R, lang: Lang): string;
  /** Render one of this kind's steps; null when the step is not this kind's. */
  step(s: Step, lang: Lang): string | null;
  /** Native-formula parts with at least one input given as a reference (A/L are refs or null). */
  native(program: Program, rule: R, A: string | null, L: string | null, constant: ConstantFn): NativeBuilt;
}

export const isEmptyArg = (v: unknown): boolean => v === null || v === undefined || v === "" || v === 0;
