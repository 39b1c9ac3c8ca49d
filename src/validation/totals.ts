/**
 * The one total of a validated table, with its parts, computed once here and shown in the same
 * words everywhere: the pane, the results sheet, the summaries, the validation report sheet, the
 * CLI's output and the "复制摘要" text.
 *
 *   申报     every data row: what the rows claim (the amount asked; the policy amount when no amount is asked)
 *   应付     rows without errors whose award was computed: the payable amount (READING "what is paid":
 *            min(entitlement, amount asked)), with its split between city and beneficiary finance.
 *            This is the figure for a memo; every summary table and pivot adds up to it.
 *   有误未计 rows held back by at least one error: what they claim, not counted in 应付
 *   需复核   rows in 应付 with at least one warning: their payable amount (a part of 应付, to check by hand)
 */
import { defineMessages, type Lang } from "../i18n";
import { type Fen, formatMoney } from "../policy/money";
import type { RowResult, Totals } from "./types";

export type { TotalPart, Totals } from "./types";

export type TotalKey = keyof Totals;
export const TOTAL_KEYS: readonly TotalKey[] = ["declared", "payable", "heldBack", "review"];

/** What a row claims: the amount asked, or the policy amount when none is asked (null: nothing readable). */
export function claimed(r: Pick<RowResult, "requested" | "total">): Fen {
  return r.requested ?? r.total ?? 0;
}

/** The rows' statuses must be final (validate's report()). */
export function computeTotals(rows: readonly RowResult[]): Totals {
  const t: Totals = {
    declared: { rows: 0, amount: 0 },
    payable: { rows: 0, amount: 0, city: 0, beneficiary: 0 },
    heldBack: { rows: 0, amount: 0 },
    review: { rows: 0, amount: 0 },
  };
  for (const r of rows) {
    t.declared.rows++;
    t.declared.amount += claimed(r);
    if (r.status === "error") {
      t.heldBack.rows++;
      t.heldBack.amount += claimed(r);
    } else if (r.payable !== null) {
      t.payable.rows++;
      t.payable.amount += r.payable;
      t.payable.city += r.payableCity ?? 0;
      t.payable.beneficiary += r.payableBeneficiary ?? 0;
      if (r.status === "review") {
        t.review.rows++;
        t.review.amount += r.payable;
      }
    }
  }
  return t;
}

/** The labels and their one-line explanations: the same words on every surface. */
export const totalText = defineMessages(
  "totals",
  {
    declared: "申报",
    payable: "应付",
    heldBack: "有误未计",
    review: "需复核",
    declared_hint: "全部申报行所报金额（未填申报额的按政策核定额）",
    payable_hint: "无错误且已算出金额的行，按应拨付额（核定额与申报额中的较低者）合计",
    heldBack_hint: "有错误的行，所报金额不计入应付",
    review_hint: "应付中带警告的行，须人工复核（已含在应付内）",
    rows: "{n}行",
    line: "{label}：{amount}（{rows}）",
    split: "其中市财政承担{city}，受益财政承担{beneficiary}",
  },
  {
    declared: "Declared",
    payable: "Payable",
    heldBack: "Held back (errors)",
    review: "To review",
    declared_hint: "Every application row: the amount asked (the policy amount when none is asked)",
    payable_hint: "Rows without errors whose award was computed: the payable amount (entitlement or amount asked, whichever is lower)",
    heldBack_hint: "Rows with errors: what they claim, not counted in Payable",
    review_hint: "Payable rows with warnings, to check by hand (included in Payable)",
    rows: (p) => `${p.n} row${p.n === 1 ? "" : "s"}`,
    line: "{label}: {amount} ({rows})",
    split: "city finance {city}, beneficiary finance {beneficiary}",
  },
);

/** "应付：2671万元（40行）" — one part as a line of text. */
export function totalLine(totals: Totals, key: TotalKey, lang: Lang): string {
  const part = totals[key];
  return totalText(lang, "line", { label: totalText(lang, key), amount: formatMoney(part.amount, lang), rows: totalText(lang, "rows", { n: part.rows }) });
}

/** The totals of several tables (e.g. every sheet of a file) as one. */
export function sumTotals(list: readonly Totals[]): Totals {
  const t = computeTotals([]);
  for (const x of list)
    for (const k of TOTAL_KEYS) {
      t[k].rows += x[k].rows;
      t[k].amount += x[k].amount;
    }
  for (const x of list) {
    t.payable.city += x.payable.city;
    t.payable.beneficiary += x.payable.beneficiary;
  }
  return t;
}
