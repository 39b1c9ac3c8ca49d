/**
 * The shape of a policy catalogue: the whole reading of the policy as data (docs/policy/READING.md).
 * The rule-kind modules (src/policy/rules/) interpret `Program.rule`; the engine (engine.ts) runs them.
 */

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
 * The award rule. Amounts are in whole 元. Each kind is one module under src/policy/rules/.
 * - fixed: a set amount (定额).
 * - upto: the amount asked, up to a maximum (最高不超过); none asked → the maximum, said in the trace.
 * - rate: base × rate, with an optional threshold on the base (≥), an optional gate on `level`
 *   read as an amount, and a cap. `ceiling`: the clause says "不超过X%" (computed at X%, said so).
 *   `provisional`: the rate is left to the 实施细则 and is a provisional parameter (said so, warned on).
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
      /** "不超过X%": the rate is a ceiling; the engine computes at the ceiling and says so. */
      ceiling?: boolean;
      /** The rate is not in the text (left to the 实施细则): a provisional parameter with a note. */
      provisional?: Text2;
    }
  | { kind: "per_unit"; unit: number; unitLabel: Text2; taskFlag?: Text2 }
  | { kind: "tiered"; tiers: Record<string, number>; zeroLevels: string[] };

/** Where a clause sits in the Policy: part (一…八) and item (its order within the part). */
export interface Citation {
  part: SectionNo | "结尾";
  /** 1-based order of the paragraph within the part; 0 for the closing provisions. */
  item: number;
  /** The item's own heading (or a short description when the paragraph has none). */
  title: string;
  titleEn: string;
}

/**
 * What a one-time award (一次性) is paid once for (READING "One-time, cap period and date"):
 * - enterprise: the key is enterprise + program;
 * - object: enterprise + program + the object named in the 项目名称 column (platform, product, award, project);
 * - operator_year: operator + program + the year of the qualifying event (5G base stations).
 * Absent: not one-time (per project / yearly).
 */
export type OnceFor = "enterprise" | "object" | "operator_year";

/** The period over which a per-enterprise cap (单个企业最高) is summed. */
export type CapPeriod = "policy" | "application_year";

/** A number the text leaves to the 实施细则 (implementing rules): provisional until configured. */
export interface ProvisionalParam {
  key: "rate" | "served_min" | "eligibility";
  note: Text2;
}

export interface Program {
  code: string;
  name: Text2;
  /** Short names users also type (e.g. 智能工厂). */
  aliases?: string[];
  section: SectionNo;
  citation: Citation;
  /** Clause text quoted from the source. */
  clause: string;
  /** What `amount` means, for messages and the trace. */
  amount: AmountUse;
  baseLabel: Text2;
  rule: Rule;
  payer: Payer;
  capScope: CapScope;
  /** Over which period the per-enterprise cap is summed (capScope "enterprise" only). */
  capPeriod?: CapPeriod;
  /** What a one-time award is paid once for; absent when the award is not one-time. */
  onceFor?: OnceFor;
  /** What the object is called (平台, 产品, 奖项, 项目 …), for messages. */
  objectLabel?: Text2;
  /** The qualifying event whose date is tested against the validity window (认定, 竣工（上线） …). */
  event: Text2;
  /** Parameters left to the 实施细则. */
  provisional?: ProvisionalParam[];
  /**
   * Programs that recognise the same object at ascending levels (platforms: provincial <
   * national < cross-industry). A later, higher recognition is a warning (就高补差 is for the 实施细则).
   */
  upgrade?: { group: string; rank: number };
  /** Responsible units as the clause names them. */
  units: string[];
  /** Extra reading notes (READING.md decisions) shown in the catalogue browser. */
  notes?: Text2;
  /** Per-year count limit, citywide (empowerment_demo: 1–2 a year). */
  maxPerYear?: number;
  /** The program needs a count of served enterprises (service_platform). */
  needsServed?: boolean;
}

/** A clause with no money award (listed so the catalogue is complete). */
export interface Measure {
  code: string;
  name: Text2;
  aliases?: string[];
  section: SectionNo | "结尾";
  citation: Citation;
  clause: string;
  units: string[];
}

/**
 * How the Action Plan's indicator is counted from application rows (READING "The Action Plan's
 * targets"): payable rows, by the year of the qualifying event, each object once.
 * - distinct_enterprises: distinct enterprises with a row of the programs;
 * - distinct_objects: distinct enterprise + object (project name; the row when it has none);
 * - scenario_5g: distinct scenario awards whose 场景类别 says 5G; without that column: manual.
 * `lowerBound`: the applications show only part of the figure (shown as "≥").
 * `minAmount`: only rows whose base amount (元) is at least this.
 */
export interface TargetCount {
  how: "distinct_enterprises" | "distinct_objects" | "scenario_5g";
  programs: string[];
  minAmount?: number;
  lowerBound?: boolean;
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
  /** How the figure is counted from applications; absent: 需另行填报 (an input cell). The reports put it in words. */
  count?: TargetCount;
  /** Awards shown beside a manual indicator for reference only (引进 is not 获评). */
  reference?: { programs: string[]; note: Text2 };
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

/**
 * The catalogues a computation may choose from, passed explicitly everywhere (never a global):
 * the one in force on the qualifying event's date is used; `fallback` when no date is given.
 */
export interface PolicySet {
  catalogues: readonly Catalogue[];
  fallback: Catalogue;
}
