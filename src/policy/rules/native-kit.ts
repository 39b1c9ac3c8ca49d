/**
 * Shared pieces of native-formula text. Guards follow the add-in exactly: a TRUE/FALSE cell is
 * tested with ISLOGICAL before anything else (LibreOffice treats ISNUMBER(FALSE) as TRUE and
 * FALSE=0 as TRUE; Excel does neither), text is never turned into a number natively (the add-in
 * reads "80万"; a native formula gives #N/A instead — an error, never another number).
 */
import type { Fen } from "../money";
import { type ConstantFn, LIT, type NativeBuilt, type NativeParts } from "./kind";

export const MAX = "1E12"; // MAX_AMOUNT_YUAN: the core refuses anything bigger

/**
 * A number cell the core reads as an amount, 0 ≤ x ≤ 1E12. Callers test ISLOGICAL first
 * (LibreOffice's ISNUMBER(FALSE) is TRUE).
 */
export const validNumber = (a: string) => `AND(ISNUMBER(${a}),${a}>=0,${a}<=${MAX})`;

/** A required amount the core accepts: a number, 0 < x ≤ 1E12 (empty or 0 is amount_empty). Callers test ISLOGICAL first. */
export const requiredNumber = (a: string) => `AND(ISNUMBER(${a}),${a}>0,${a}<=${MAX})`;

/** Empty, or 0 (an empty cell on desktop Excel arrives as 0). Callers test ISLOGICAL first. */
export const emptyOrZero = (a: string) => `OR(${a}="",${a}=0)`;

export const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
export const arr = (xs: string[]) => `{${xs.map(q).join(",")}}`;

/** An amount in 分 as a formula literal: 30000002 → "300000.02". */
export function yuanText(fen: Fen): string {
  const y = Math.floor(fen / 100);
  const f = fen % 100;
  return f === 0 ? String(y) : `${y}.${String(f).padStart(2, "0")}`;
}

export function rateText(num: number, den: number): string {
  return (num * 100) % den === 0 ? `${(num * 100) / den}%` : `${num}/${den}`;
}

/**
 * The native parts of a rule that reads an amount and, optionally, a level (a task flag, a gate).
 * A literal amount or level (no cell: A or L is null) is answered by the core itself through
 * `constant`: a literal amount becomes the award; a literal level that makes the award 0 becomes the
 * condition FALSE. A cell is turned into formula text by the rule's own `amount` / `level`. Checks and
 * conditions come amount first, then level.
 */
export function amountAndLevel(
  A: string | null,
  L: string | null,
  constant: ConstantFn,
  amount: (A: string) => NativeParts,
  level: ((L: string) => Pick<NativeParts, "checks" | "conds">) | null,
): NativeBuilt {
  const parts: NativeParts = { checks: [], conds: [], award: "" };
  if (A === null) {
    const c = constant(LIT, null);
    if (!c.ok) return c;
    parts.award = yuanText(c.fen);
  } else {
    const a = amount(A);
    parts.checks.push(...a.checks);
    parts.conds.push(...a.conds);
    parts.award = a.award;
  }
  if (level && L !== null) {
    const l = level(L);
    parts.checks.push(...l.checks);
    parts.conds.push(...l.conds);
  } else if (level) {
    const c = constant(1, LIT);
    if (!c.ok) return c;
    if (c.fen === 0) parts.conds.push("FALSE");
  }
  return { ok: true, parts };
}
