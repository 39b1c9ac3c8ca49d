/** Plain-language descriptions of rules, the catalogue as a table, and Action-Plan targets. */
import { DEFAULT_CATALOGUE, findTarget, suggestTarget } from "./catalogues";
import { payerText } from "./explain";
import { type Lang, type PolicyError, quoteInput } from "./messages";
import { formatFenEn, formatFenZh, formatRate } from "./money";
import type { Catalogue, Program, Target } from "./types";

const zhY = (yuan: number) => formatFenZh(Math.round(yuan * 100));
const enY = (yuan: number) => formatFenEn(Math.round(yuan * 100));

/** "投资≥50万元，按20%，最高200万元" */
export function describeRule(p: Program, lang: Lang = "zh"): string {
  const r = p.rule;
  const y = lang === "zh" ? zhY : enY;
  if (lang === "zh") {
    switch (r.kind) {
      case "fixed":
        return `定额${y(r.amount)}`;
      case "upto":
        return `最高不超过${y(r.cap)}`;
      case "tiered":
        return Object.entries(r.tiers).map(([k, v]) => `${k}级${y(v)}`).join("、") + `；${r.zeroLevels.join("、")}级不奖补`;
      case "per_unit":
        return `${y(r.unit)}/${r.unitLabel.zh}` + (r.taskFlag ? `；未${r.taskFlag.zh}不奖补` : "");
      case "rate": {
        const parts: string[] = [];
        if (r.gate) parts.push(`${r.gate.label.zh}≥${y(r.gate.min)}`);
        if (r.threshold !== undefined) parts.push(`${p.baseLabel.zh}≥${y(r.threshold)}`);
        parts.push(`按${p.baseLabel.zh}的${formatRate(r.rate.num, r.rate.den)}`);
        parts.push(`${p.capScope === "enterprise" ? "单个企业" : "单个项目"}最高${y(r.cap)}`);
        return parts.join("，");
      }
    }
  }
  switch (r.kind) {
    case "fixed":
      return `fixed ${y(r.amount)}`;
    case "upto":
      return `up to ${y(r.cap)}`;
    case "tiered":
      return Object.entries(r.tiers).map(([k, v]) => `${k}: ${y(v)}`).join(", ") + `; ${r.zeroLevels.join(", ")}: none`;
    case "per_unit":
      return `${y(r.unit)} per ${r.unitLabel.en}` + (r.taskFlag ? `; none unless ${r.taskFlag.en}` : "");
    case "rate": {
      const parts: string[] = [];
      if (r.gate) parts.push(`${r.gate.label.en} ≥ ${y(r.gate.min)}`);
      if (r.threshold !== undefined) parts.push(`${p.baseLabel.en} ≥ ${y(r.threshold)}`);
      parts.push(`${formatRate(r.rate.num, r.rate.den)} of ${p.baseLabel.en}`);
      parts.push(`cap ${y(r.cap)} per ${p.capScope}`);
      return parts.join(", ");
    }
  }
}

/** Cap (or fixed / top-tier amount) in 元, or "" when the rule has none. */
function capCell(p: Program): number | string {
  const r = p.rule;
  if (r.kind === "fixed") return r.amount;
  if (r.kind === "upto" || r.kind === "rate") return r.cap;
  if (r.kind === "tiered") return Math.max(...Object.values(r.tiers));
  return "";
}

export const PROGRAM_TABLE_HEADER = {
  zh: ["代码", "中文名", "条款", "规则", "比例", "上限", "门槛", "承担"],
  en: ["code", "name", "clause", "rule", "rate", "cap", "threshold", "paid by"],
};

/** The catalogue as rows for CZ.PROGRAMS(): a header row, the money programs, then the non-money measures. */
export function programTable(cat: Catalogue = DEFAULT_CATALOGUE, lang: Lang = "zh"): (string | number)[][] {
  const rows: (string | number)[][] = [PROGRAM_TABLE_HEADER[lang]];
  for (const p of cat.programs) {
    const r = p.rule;
    rows.push([
      p.code,
      lang === "zh" ? p.name.zh : p.name.en,
      lang === "zh" ? `第${p.section}条` : `Section ${p.section}`,
      describeRule(p, lang),
      r.kind === "rate" ? r.rate.num / r.rate.den : "",
      capCell(p),
      r.kind === "rate" ? (r.threshold ?? r.gate?.min ?? "") : "",
      payerText(p.payer, lang),
    ]);
  }
  for (const m of cat.measures) {
    rows.push([m.code, lang === "zh" ? m.name.zh : m.name.en, lang === "zh" ? `第${m.section}条` : `Section ${m.section}`, lang === "zh" ? "非资金支持措施" : "non-money measure", "", "", "", ""]);
  }
  return rows;
}

export function planYears(t: Target): number[] {
  return Object.keys(t.years).map(Number).sort();
}

/**
 * An Action-Plan target. Without a year: the yearly value when it is the same every year,
 * else an error asking for the year. Ranges (1–2) give their lower end.
 */
export function targetValue(indicator: unknown, year: unknown, cat: Catalogue = DEFAULT_CATALOGUE): { ok: true; value: number; target: Target } | { ok: false; error: PolicyError } {
  if (indicator === null || indicator === undefined || indicator === "" || indicator === 0) return { ok: false, error: { code: "missing_indicator", params: {} } };
  if (typeof indicator !== "string") return { ok: false, error: { code: "unknown_indicator", params: { input: quoteInput(indicator) } } };
  const t = findTarget(indicator, cat);
  if (!t) return { ok: false, error: { code: "unknown_indicator", params: { input: quoteInput(indicator), suggestion: suggestTarget(indicator, cat) } } };
  const years = planYears(t);
  const yearsText = years.join("、");
  if (year === null || year === undefined || year === "" || year === 0) {
    // Only a target set for every plan year with one value needs no year.
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
