/** Types shared by the validation core, its front ends and the reports. */
import type { CalcOutcome } from "../policy/engine";
import type { Fen } from "../policy/money";
import type { Severity } from "../sheet/severity";

export type { Severity };

/** Canonical column keys of an application table. */
export type ColumnKey =
  | "enterprise"
  | "credit_code"
  | "jurisdiction"
  | "program"
  | "project"
  | "amount"
  | "level"
  | "date"
  | "requested"
  | "city_share"
  | "local_share"
  | "served"
  | "scenario";

export const COLUMN_KEYS: readonly ColumnKey[] = [
  "enterprise",
  "credit_code",
  "jurisdiction",
  "program",
  "project",
  "amount",
  "level",
  "date",
  "requested",
  "city_share",
  "local_share",
  "served",
  "scenario",
];

/** Where a column key was found: 0-based index within the region, and whether its header says 万元. */
export interface ColumnBinding {
  index: number;
  header: string;
  wan: boolean;
}

export type ColumnMapping = Partial<Record<ColumnKey, ColumnBinding>>;

export interface Finding {
  /** Excel row number. */
  row: number;
  /** The column the finding is about, or null for the whole row. */
  column: ColumnKey | null;
  /** 0-based column index in the sheet (for jumping to the cell), when known. */
  col?: number;
  severity: Severity;
  /** Stable rule code, e.g. "credit_code.check". */
  rule: string;
  /** zh-CN message. */
  message: string;
  /** English message. */
  messageEn: string;
}

export type RowStatus = "pass" | "error" | "review";

/** One application row after validation: what the reports build on. */
export interface RowResult {
  row: number;
  enterprise: string;
  creditCode: string;
  jurisdiction: string;
  project: string;
  /** Program code when it resolved to a money program. */
  programCode: string | null;
  programName: string;
  section: string;
  /** Year of the date, when readable. */
  year: number | null;
  dateIso: string | null;
  /** The object of a one-time award (项目名称 / 平台名称 / 产品名称 / 奖项名称), "" when none. */
  object: string;
  /** 场景类别 (scenario rows), "" when none. */
  scenario: string;
  /** Id of the catalogue the row was computed under. */
  catalogueId: string | null;
  /** Amounts in 分; null when absent or unreadable. requested: the amount asked, null when empty or 0. */
  requested: Fen | null;
  /** The entitlement under the policy, and its split. */
  total: Fen | null;
  city: Fen | null;
  beneficiary: Fen | null;
  /** The payable amount: min(entitlement, amount asked when given), and its split. Every report sums these. */
  payable: Fen | null;
  payableCity: Fen | null;
  payableBeneficiary: Fen | null;
  /** The amount (base) in 元 as a number, when readable. */
  amount: number | null;
  status: RowStatus;
  /** Indexes into ValidationReport.findings. */
  findings: number[];
  outcome: CalcOutcome | null;
}

/** One part of the table's total: how many rows, and their amount in 分. */
export interface TotalPart {
  rows: number;
  amount: Fen;
}

/** The one total with its parts (申报 / 应付 / 有误未计 / 需复核), computed in src/validation/totals.ts. */
export interface Totals {
  declared: TotalPart;
  payable: TotalPart & { city: Fen; beneficiary: Fen };
  heldBack: TotalPart;
  review: TotalPart;
}

export interface ValidationSummary {
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Rows with at least one error. */
  rowsWithErrors: number;
  /** Totals in 分 over the rows that count (no error, computed: the reports' counting rule): requested, entitlement (computed), payable and its split. */
  requested: Fen;
  computed: Fen;
  payable: Fen;
  city: Fen;
  beneficiary: Fen;
  byRule: Record<string, number>;
  /** The one total with its parts (申报 / 应付 / 有误未计 / 需复核): src/validation/totals.ts. Every surface shows these. */
  totals: Totals;
}

export interface ValidationReport {
  findings: Finding[];
  rows: RowResult[];
  summary: ValidationSummary;
  mapping: ColumnMapping;
  /** Catalogue id and title used (the set's fallback; rows record their own catalogueId). */
  policy: { id: string; title: string };
  /** Ids of the catalogues the rows were computed under. */
  catalogues: string[];
  sheet: string;
}
