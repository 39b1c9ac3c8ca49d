/** Amounts and rule names as the tab shows them. Pure. */
import { formatFen } from "../../policy/money";
import type { Fen } from "../../policy/money";
import { RULE_BY_CODE, type RuleCode } from "../../validation/rules";
import { ruleName } from "../../validation/rule-names";
import { UNCACHED_RULE, uncachedText } from "../../validation/uncached";
import type { UiLang } from "../i18n";

/**
 * An amount in 分 as 万元 digits, exact: at least two decimals, more only when needed
 * (26,710,000元 → "2,671.00"; 12,345.67元 → "1.234567"). Money is never rounded away.
 */
export function wanDigits(fen: Fen): string {
  const neg = fen < 0;
  const a = Math.abs(fen);
  const whole = Math.floor(a / 1e6);
  let frac = String(a % 1e6).padStart(6, "0");
  while (frac.length > 2 && frac.endsWith("0")) frac = frac.slice(0, -1);
  return `${neg ? "-" : ""}${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/** The amount's digits in the chosen unit: "26,710,000" (元) or "2,671.00" (万元). */
export function unitDigits(fen: Fen, unit: "yuan" | "wan"): string {
  return unit === "wan" ? wanDigits(fen) : formatFen(fen);
}

/** A rule's short name for people (validation/rule-names), the code only when it has none. */
export function ruleTitle(code: string, lang: UiLang): string {
  if (code === UNCACHED_RULE) return uncachedText(lang, "meaning");
  return RULE_BY_CODE.has(code as RuleCode) ? ruleName(lang, code as RuleCode) : code;
}
