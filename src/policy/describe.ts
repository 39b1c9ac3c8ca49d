/** Plain-language descriptions of rules, the catalogue as a table, and Action-Plan targets. */
import { catalogueAt, findTarget, suggestTarget } from "./catalogues";
import { citeShort } from "./cite";
import { payerText } from "./explain";
import { defineMessages, type Lang } from "../i18n";
import { type PolicyError, quoteInput } from "./messages";
import { ruleModule } from "./rules";
import type { Catalogue, PolicySet, Program, Target } from "./types";

/** "投资≥50万元，按20%，最高200万元" (the rule-kind module's own description). */
export function describeRule(p: Program, lang: Lang = "zh"): string {
  return ruleModule(p.rule).describe(p, p.rule, lang);
}

/** Cap (or fixed / top-tier amount) in 元, or "" when the rule has none. */
function capCell(p: Program): number | string {
  const c = ruleModule(p.rule).cap(p, p.rule, null);
  return c.ok ? c.fen / 100 : "";
}

/** CZ.PROGRAMS()'s header row and the non-money measures' rule cell. */
const text = defineMessages(
  "program-table",
  { code: "代码", name: "中文名", clause: "条款", rule: "规则", rate: "比例", cap: "上限", threshold: "门槛", payer: "承担", nonMoney: "非资金支持措施" },
  { code: "code", name: "name", clause: "clause", rule: "rule", rate: "rate", cap: "cap", threshold: "threshold", payer: "paid by", nonMoney: "non-money measure" },
);
const HEADER_KEYS = ["code", "name", "clause", "rule", "rate", "cap", "threshold", "payer"] as const;

/** The header row of CZ.PROGRAMS() in a language. */
export function programTableHeader(lang: Lang): string[] {
  return HEADER_KEYS.map((k) => text(lang, k));
}

/** The catalogue as rows for CZ.PROGRAMS(): a header row, the money programs, then the non-money measures. */
export function programTable(cat: Catalogue, lang: Lang = "zh"): (string | number)[][] {
  const rows: (string | number)[][] = [programTableHeader(lang)];
  for (const p of cat.programs) {
    const m = ruleModule(p.rule);
    rows.push([
      p.code,
      p.name[lang],
      citeShort(p.citation, lang),
      describeRule(p, lang),
      m.rate(p.rule) ?? "",
      capCell(p),
      m.threshold(p.rule) ?? "",
      payerText(p.payer, lang),
    ]);
  }
  for (const m of cat.measures) {
    rows.push([m.code, m.name[lang], citeShort(m.citation, lang), text(lang, "nonMoney"), "", "", "", ""]);
  }
  return rows;
}

export function planYears(t: Target): number[] {
  return Object.keys(t.years).map(Number).sort();
}

type TargetOutcome = { ok: true; value: number; target: Target } | { ok: false; error: PolicyError };

/**
 * An Action-Plan target of the catalogue in force on `date` (omitted: the set's fallback).
 * Without a year: the yearly value when it is the same every year, else an error asking for the
 * year. Ranges (1–2) give their lower end.
 */
export function targetValue(indicator: unknown, year: unknown, set: PolicySet, date: unknown = null): TargetOutcome {
  const cat = catalogueAt(set, date);
  if (cat === "bad") return { ok: false, error: { code: "bad_date", params: { input: quoteInput(date) } } };
  if (cat === null) return { ok: false, error: { code: "no_catalogue", params: { input: quoteInput(date) } } };
  return targetIn(indicator, year, cat);
}

export function targetIn(indicator: unknown, year: unknown, cat: Catalogue): TargetOutcome {
  if (indicator === null || indicator === undefined || indicator === "" || indicator === 0) return { ok: false, error: { code: "missing_indicator", params: {} } };
  if (typeof indicator !== "string") return { ok: false, error: { code: "unknown_indicator", params: { input: quoteInput(indicator) } } };
  const t = findTarget(indicator, cat);
  if (!t) return { ok: false, error: { code: "unknown_indicator", params: { input: quoteInput(indicator), suggestion: suggestTarget(indicator, cat) } } };
  const years = planYears(t);
  const yearsText = years.join("、");
  if (year === null || year === undefined || year === "" || year === 0) {
    const planYearCount = new Set(cat.targets.flatMap((x) => Object.keys(x.years))).size;
    const values = new Set(Object.values(t.years));
    if (values.size === 1 && years.length === planYearCount) return { ok: true, value: [...values][0], target: t };
    return { ok: false, error: { code: "year_required", params: { name: t.name.zh, years: yearsText } } };
  }
  let y: number;
  if (typeof year === "number") y = year;
  else if (typeof year === "string" && /^\s*\d{4}\s*年?\s*$/.test(year.normalize("NFKC"))) y = parseInt(year.normalize("NFKC"), 10);
  else return { ok: false, error: { code: "bad_year", params: { input: quoteInput(year) } } };
  if (!Number.isInteger(y) || y < 1900 || y > 9999) return { ok: false, error: { code: "bad_year", params: { input: quoteInput(year) } } };
  const v = t.years[y];
  if (v === undefined) return { ok: false, error: { code: "year_not_in_plan", params: { name: t.name.zh, year: y, years: yearsText } } };
  return { ok: true, value: v, target: t };
}
