/**
 * "复制摘要": a short memo paragraph from one validation: the counts, the one total with its
 * parts in the core's words (validation/totals totalLine; 应付 with its split by payer), and the
 * most frequent problems by rule name. Pure.
 *
 * MERGE: the reports helper's src/reports/memo.ts `memoText(...)` replaces `summaryText` at its
 * ONE call site, copySummary() in ./actions.ts.
 */
import { formatMoney } from "../../policy/money";
import { TOTAL_KEYS, totalLine, totalText } from "../../validation/totals";
import type { RegionData } from "../../host/types";
import type { ValidationReport } from "../../validation/types";
import { type UiLang, translate } from "../i18n";
import { ruleTitle } from "./format";

/** The rules with the most findings (errors before warnings on a tie), at most `n`. */
export function topRules(report: ValidationReport, n = 3): Array<{ rule: string; count: number }> {
  const sev = new Map<string, number>();
  for (const f of report.findings) if (!sev.has(f.rule)) sev.set(f.rule, f.severity === "error" ? 0 : f.severity === "warning" ? 1 : 2);
  return Object.entries(report.summary.byRule)
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => (sev.get(a.rule) ?? 2) - (sev.get(b.rule) ?? 2) || b.count - a.count || a.rule.localeCompare(b.rule))
    .slice(0, n);
}

export function summaryText(report: ValidationReport, region: Pick<RegionData, "sheet" | "address">, lang: UiLang): string {
  const s = report.summary;
  const tt = s.totals;
  const head = translate(lang, "vt_sum_head", { sheet: region.sheet, address: region.address, rows: s.rows, errors: s.errors, warnings: s.warnings, infos: s.infos });
  const parts = TOTAL_KEYS.map((k) => {
    const line = totalLine(tt, k, lang);
    if (k !== "payable") return line;
    const split = totalText(lang, "split", { city: formatMoney(tt.payable.city, lang), beneficiary: formatMoney(tt.payable.beneficiary, lang) });
    return `${line}${translate(lang, "vt_sum_part_sep")}${split}`;
  });
  const top = topRules(report);
  const problems = top.length
    ? translate(lang, "vt_sum_top", { list: top.map((r) => translate(lang, "vt_sum_item", { name: ruleTitle(r.rule, lang), n: r.count })).join(translate(lang, "vt_sum_list_sep")) })
    : translate(lang, "vt_sum_none");
  return `${head}${parts.join(translate(lang, "vt_sum_sep"))}${translate(lang, "vt_sum_end")}${problems}`;
}
