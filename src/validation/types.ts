/** Types shared by the validation core, its front ends and the reports. */
import type { CalcOutcome } from "../policy/engine";
import type { Fen } from "../policy/money";

export type Severity = "error" | "warning" | "info";

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
  | "served";

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
  /** Amounts in 分; null when absent or unreadable. */
  requested: Fen | null;
  total: Fen | null;
  city: Fen | null;
  beneficiary: Fen | null;
  /** The amount (base) in 元 as a number, when readable. */
  amount: number | null;
  status: RowStatus;
  /** Indexes into ValidationReport.findings. */
  findings: number[];
  outcome: CalcOutcome | null;
}

export interface ValidationSummary {
  rows: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Rows with at least one error. */
  rowsWithErrors: number;
  /** Totals in 分 over rows that computed. */
  requested: Fen;
  computed: Fen;
  city: Fen;
  beneficiary: Fen;
  byRule: Record<string, number>;
}

export interface ValidationReport {
  findings: Finding[];
  rows: RowResult[];
  summary: ValidationSummary;
  mapping: ColumnMapping;
  /** Catalogue id and title used. */
  policy: { id: string; title: string };
  sheet: string;
}
