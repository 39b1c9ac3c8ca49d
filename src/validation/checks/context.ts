/**
 * What every check sees of one row: the cells, the identity fields read once, and the outcome
 * of calculate() — the one reading of the program, amount, level, date and amount asked.
 */
import type { CalcOutcome, CalcResult } from "../../policy/engine";
import type { CreditCodeResult } from "../../policy/credit-code";
import type { PolicySet, Program } from "../../policy/types";
import type { MsgParams } from "../messages";
import type { RuleCode } from "../rules";
import type { ColumnKey, ColumnMapping, RowResult } from "../types";

export interface RowContext {
  row: number;
  values: readonly unknown[];
  cell(key: ColumnKey): unknown;
  mapping: ColumnMapping;
  policy: PolicySet;
  rr: RowResult;
  credit: CreditCodeResult | null;
  /** The 所属地区 cell as typed, and the jurisdiction it resolved to (null: not one of the ten). */
  juris: { raw: string; name: string | null; suggestion?: string };
  /** Facts one check leaves for a later one. */
  flags: { requestedWanSuspect: boolean };
  /** The resolved money program (also when its inputs are unreadable), or null. */
  program: Program | null;
  outcome: CalcOutcome | null;
  /** The computed result, when every input was readable. */
  result: CalcResult | null;
  /** Has the row an error finding so far? (cross-row checks skip such rows where the reading says so) */
  hasError(): boolean;
  emit(code: RuleCode, column: ColumnKey | null, params: MsgParams, col?: number): void;
}

/** A per-row check: looks at one row and emits findings of its codes. */
export interface RowCheck {
  id: string;
  codes: readonly RuleCode[];
  check(ctx: RowContext): void;
}

/** A cross-row check: sees the rows in order (state across rows) and emits findings on the current row. */
export interface CrossCheck {
  id: string;
  codes: readonly RuleCode[];
  /** A fresh instance per validation run. */
  create(): { add(ctx: RowContext): void };
}

export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString().slice(0, 10) : "";
  return String(v);
}

export function quote(v: unknown): string {
  const s = cellText(v);
  return s.length > 24 ? s.slice(0, 24) + "…" : s;
}
