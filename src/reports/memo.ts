/**
 * 复制摘要: a short paragraph for a memo, in zh or en — rows checked, counts by severity, the one
 * total with its parts (应付 with its split by payer and, when short, by jurisdiction; 有误未计;
 * 需复核), the top problems by rule name with counts, and the policy version. Exact money
 * (formatMoney); the same words as every other surface (src/validation/totals.ts). Pure.
 */
import { defineMessages, type Lang } from "../i18n";
import { type Fen, formatMoney } from "../policy/money";
import { sumTotals, totalLine } from "../validation/totals";
import type { ValidationReport } from "../validation/types";
import { counts } from "./common";
import { totalsPartLine } from "./totals-block";
import { countByRule, ruleLabel, summedCounts } from "./validation-sheet";

export const memoMessages = defineMessages(
  "reports.memo",
  {
    checked: "经校验，{sheets}共{rows}行申报：错误{errors}处、警告{warnings}处、提示{infos}处，有错误的申报{rowsWithErrors}行。",
    checked_one: "“{sheet}”",
    sheets_sep: "、",
    payable: "{line}。",
    by_jurisdiction: "按地区：{list}。",
    jurisdiction_item: "{name}{amount}",
    others: "其余{n}个地区{amount}",
    no_jurisdiction: "（未填地区）",
    rest: "{heldBack}；{review}。",
    problems: "主要问题：{list}。",
    problem_item: "{name}{n}处",
    no_problems: "未发现错误或警告。",
    policy: "政策版本：{title}（{id}）。",
    sep: "、",
    space: "",
  },
  {
    checked: "{sheets}: {rows} application rows checked; {errors} errors, {warnings} warnings, {infos} notes; {rowsWithErrors} rows with errors.",
    checked_one: "\"{sheet}\"",
    sheets_sep: ", ",
    payable: "{line}.",
    by_jurisdiction: "By jurisdiction: {list}.",
    jurisdiction_item: "{name} {amount}",
    others: "{n} other jurisdictions {amount}",
    no_jurisdiction: "(no jurisdiction)",
    rest: "{heldBack}; {review}.",
    problems: "Main problems: {list}.",
    problem_item: "{name} ({n})",
    no_problems: "No errors or warnings found.",
    policy: "Policy version: {title} ({id}).",
    sep: ", ",
    space: " ",
  },
);
const msg = memoMessages;

export interface MemoOptions {
  /** How many problems to name (default 3). */
  topProblems?: number;
  /** Jurisdictions listed one by one (default 3); more are summed as "其余N个地区". */
  jurisdictions?: number;
}

/** Payable amount by jurisdiction over the rows that count, largest first (ties by name). */
export function payableByJurisdiction(reports: readonly Pick<ValidationReport, "rows">[]): Array<{ jurisdiction: string; amount: Fen }> {
  const m = new Map<string, Fen>();
  for (const rep of reports)
    for (const r of rep.rows) {
      if (!counts(r)) continue;
      const k = r.jurisdiction.trim();
      m.set(k, (m.get(k) ?? 0) + (r.payable ?? 0));
    }
  return [...m.entries()].map(([jurisdiction, amount]) => ({ jurisdiction, amount })).sort((a, b) => b.amount - a.amount || a.jurisdiction.localeCompare(b.jurisdiction, "zh"));
}

/**
 * The memo paragraph for one or several validated tables (several: every sheet of a file, their
 * totals added part by part). Sentences are joined without line breaks, ready to paste.
 */
export function memoText(input: ValidationReport | readonly ValidationReport[], lang: Lang = "zh", options: MemoOptions = {}): string {
  const reports: readonly ValidationReport[] = Array.isArray(input) ? input : [input as ValidationReport];
  if (!reports.length) return "";
  const c = summedCounts(reports);
  const totals = sumTotals(reports.map((r) => r.summary.totals));
  const money = (fen: Fen) => formatMoney(fen, lang);
  const sheets = reports.map((r) => msg(lang, "checked_one", { sheet: r.sheet })).join(msg(lang, "sheets_sep"));
  const out: string[] = [msg(lang, "checked", { sheets, ...c }), msg(lang, "payable", { line: totalsPartLine(totals, "payable", lang) })];

  const byJur = payableByJurisdiction(reports).filter((j) => j.amount > 0);
  const shown = options.jurisdictions ?? 3;
  if (byJur.length > 1) {
    // All of them when at most one more than `shown`; else the largest and the rest summed.
    const head = byJur.length <= shown + 1 ? byJur : byJur.slice(0, shown);
    const items = head.map((j) => msg(lang, "jurisdiction_item", { name: j.jurisdiction || msg(lang, "no_jurisdiction"), amount: money(j.amount) }));
    const rest = byJur.slice(head.length);
    if (rest.length) items.push(msg(lang, "others", { n: rest.length, amount: money(rest.reduce((a, j) => a + j.amount, 0)) }));
    out.push(msg(lang, "by_jurisdiction", { list: items.join(msg(lang, "sep")) }));
  }
  out.push(msg(lang, "rest", { heldBack: totalLine(totals, "heldBack", lang), review: totalLine(totals, "review", lang) }));

  const problems = countByRule(reports.flatMap((r) => r.findings).filter((f) => f.severity !== "info")).slice(0, options.topProblems ?? 3);
  out.push(problems.length ? msg(lang, "problems", { list: problems.map((p) => msg(lang, "problem_item", { name: ruleLabel(p.rule, lang), n: p.count })).join(msg(lang, "sep")) }) : msg(lang, "no_problems"));
  out.push(msg(lang, "policy", { title: reports[0].policy.title, id: reports[0].policy.id }));
  return out.join(msg(lang, "space"));
}
