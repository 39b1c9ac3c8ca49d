/**
 * The one total with its parts (申报 / 应付 / 有误未计 / 需复核, src/validation/totals.ts) as the
 * report sheets and the CLI show it: the same lines of text in the results sheet, the summary
 * sheet, the validation report sheet and the CLI's text output; the same figures as a table block
 * and as JSON. Pure.
 */
import { defineMessages, type Lang } from "../i18n";
import { fenToYuan, formatMoney } from "../policy/money";
import type { ColumnSpec, SheetSpec } from "../host/types";
import { TOTAL_KEYS, totalLine, totalText, type TotalKey } from "../validation/totals";
import type { Totals } from "../validation/types";
import { COUNT_FMT, YUAN_FMT, yuan, type Row } from "./common";

export const totalsBlockText = defineMessages(
  "reports.totals",
  {
    with_split: "{line}，{split}",
    with_hint: "{line}——{hint}",
    block_title: "合计（申报 / 应付 / 有误未计 / 需复核）",
    col_part: "合计项",
    col_rows: "行数",
    col_amount: "金额（元）",
    col_note: "说明",
    city: "其中：市财政承担",
    beneficiary: "其中：受益财政承担",
  },
  {
    with_split: "{line}; {split}",
    with_hint: "{line} — {hint}",
    block_title: "Totals (declared / payable / held back / to review)",
    col_part: "Total",
    col_rows: "Rows",
    col_amount: "Amount (CNY)",
    col_note: "Note",
    city: "of which city finance",
    beneficiary: "of which beneficiary finance",
  },
);
const msg = totalsBlockText;

/** One part as a line without its hint; 应付 carries its split between city and beneficiary finance. */
export function totalsPartLine(totals: Totals, key: TotalKey, lang: Lang): string {
  const line = totalLine(totals, key, lang);
  if (key !== "payable") return line;
  const split = totalText(lang, "split", { city: formatMoney(totals.payable.city, lang), beneficiary: formatMoney(totals.payable.beneficiary, lang) });
  return msg(lang, "with_split", { line, split });
}

/**
 * The four lines every surface shows, in the order 申报, 应付, 有误未计, 需复核:
 * "应付：2,883,333.33元（5行），其中市财政承担…，受益财政承担…——无错误且已算出金额的行，…".
 */
export function totalsLines(totals: Totals, lang: Lang): string[] {
  return TOTAL_KEYS.map((k) => msg(lang, "with_hint", { line: totalsPartLine(totals, k, lang), hint: totalText(lang, `${k}_hint`) }));
}

/** The totals as a table block (numbers in 元, rows as counts): one row a part, 应付's split below it. */
export function totalsBlock(totals: Totals, lang: Lang, tableName?: string): NonNullable<SheetSpec["blocks"]>[number] {
  const columns: ColumnSpec[] = [
    { header: msg(lang, "col_part"), width: 22 },
    { header: msg(lang, "col_rows"), numFmt: COUNT_FMT, width: 8 },
    { header: msg(lang, "col_amount"), numFmt: YUAN_FMT, width: 18 },
    { header: msg(lang, "col_note"), width: 60 },
  ];
  const rows: Row[] = [];
  for (const k of TOTAL_KEYS) {
    rows.push([totalText(lang, k), totals[k].rows, yuan(totals[k].amount), totalText(lang, `${k}_hint`)]);
    if (k === "payable") {
      rows.push([msg(lang, "city"), null, yuan(totals.payable.city), ""]);
      rows.push([msg(lang, "beneficiary"), null, yuan(totals.payable.beneficiary), ""]);
    }
  }
  return { title: msg(lang, "block_title"), columns, rows, ...(tableName ? { tableName } : {}) };
}

/** The totals for JSON output: amounts in 元 (numbers), with the label of each part in `lang`. */
export function totalsJson(totals: Totals, lang: Lang) {
  const part = (k: TotalKey) => ({ label: totalText(lang, k), rows: totals[k].rows, amount: fenToYuan(totals[k].amount) });
  return {
    declared: part("declared"),
    payable: { ...part("payable"), city: fenToYuan(totals.payable.city), beneficiary: fenToYuan(totals.payable.beneficiary) },
    heldBack: part("heldBack"),
    review: part("review"),
  };
}
