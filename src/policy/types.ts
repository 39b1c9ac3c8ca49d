/** The shape of a policy catalogue: rules as data. The engine (engine.ts) interprets them. */

export type Payer = "C" | "B" | "1:1";
export type CapScope = "project" | "enterprise";
export type SectionNo = "一" | "二" | "三" | "四" | "五" | "六" | "七" | "八";

/** A bilingual text. */
export interface Text2 {
  zh: string;
  en: string;
}

/** A rational rate num/den, e.g. 20% = {num: 20, den: 100}. */
export interface Rate {
  num: number;
  den: number;
}

/** How the `amount` argument is used. */
export type AmountUse = "none" | "optional" | "required";

/**
 * The award rule. Amounts are in whole 元.
 * - fixed: a set amount (定额).
 * - upto: the amount asked, up to a maximum; no amount asked → the maximum (最高不超过).
 * - rate: base × rate, with an optional threshold on the base (≥) and a cap.
 * - per_unit: count × unit amount; a task flag in `level` may zero it.
 * - tiered: an amount for each recognised level; lower levels get 0.
 */
export type Rule =
  | { kind: "fixed"; amount: number }
  | { kind: "upto"; cap: number }
  | {
      kind: "rate";
      rate: Rate;
      cap: number;
      threshold?: number;
      /** A condition on `level` read as an amount: level ≥ gate.min, else 0 (e.g. completed investment). */
      gate?: { min: number; label: Text2 };
    }
  | { kind: "per_unit"; unit: number; unitLabel: Text2; taskFlag?: Text2 }
  | { kind: "tiered"; tiers: Record<string, number>; zeroLevels: string[] };

export interface Program {
  code: string;
  name: Text2;
  /** Short names users also type (e.g. 智能工厂). */
  aliases?: string[];
  section: SectionNo;
  /** Clause text quoted from the source. */
  clause: string;
  /** What `amount` means, for messages and the trace. */
  amount: AmountUse;
  baseLabel: Text2;
  rule: Rule;
  payer: Payer;
  capScope: CapScope;
  oneTime: boolean;
  /** Responsible units as the clause names them. */
  units: string[];
  /** Extra reading notes (READING.md decisions) shown in the catalogue browser. */
  notes?: Text2;
  /** Per-year count limit (empowerment_demo: 1–2 a year). */
  maxPerYear?: number;
  /** The program needs a count of served enterprises (service_platform). */
  needsServed?: boolean;
}

/** A clause with no money award (listed so the catalogue is complete). */
export interface Measure {
  code: string;
  name: Text2;
  aliases?: string[];
  section: SectionNo;
  clause: string;
  units: string[];
}

/** An Action-Plan indicator. */
export interface Target {
  code: string;
  name: Text2;
  unit: Text2;
  /** Yearly targets; a missing year means the plan sets none for it. */
  years: Record<number, number>;
  /** Upper end when the plan gives a range (1–2). */
  upper?: number;
  /** "at least" (以上) vs "about" (左右) vs exact. */
  qualifier: "at_least" | "about" | "exact" | "range";
  /** Ratio targets (20%, 30%) are shares, not counts. */
  ratio?: boolean;
  /** How the application table measures it: rows of these programs (optionally with amount ≥ minAmount). */
  measure?: { programs: string[]; minAmount?: number };
  source: string;
}

export interface Catalogue {
  id: string;
  title: Text2;
  /** The document's short reference. */
  reference: string;
  issued: string; // ISO date
  validFrom: string; // ISO date, inclusive
  validTo: string; // ISO date, inclusive
  programs: Program[];
  measures: Measure[];
  targets: Target[];
  /** The ten beneficiary jurisdictions (受益财政). */
  jurisdictions: string[];
}
