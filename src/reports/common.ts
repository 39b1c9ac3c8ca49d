/** Shared pieces of the report builders: labels, money cells, the counting rule, sheet layout. Pure. */
import { defineMessages, type Lang } from "../i18n";
import type { Fen } from "../policy/money";
import type { CellSpec, ColumnSpec, SheetSpec } from "../host/types";
import type { RowResult, RowStatus, ValidationReport } from "../validation/types";

export type { Lang };

/** Number format for amounts in 元. */
export const YUAN_FMT = "#,##0.00";
export const PCT_FMT = "0%";
export const COUNT_FMT = "0";

/** 分 → a cell value in 元 (the closest double to the exact 2-decimal amount); null stays empty. */
export const yuan = (fen: Fen | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);

/** Words shared by several report sheets. */
export const commonText = defineMessages(
  "reports.common",
  {
    pass: "通过",
    error: "有误",
    review: "需复核",
    counting_rule:
      "计入汇总：无错误（通过或需复核）且已算出金额的申报行，按应拨付额（核定额与申报额中的较低者；申报额为空或为0时为核定额）及其分担求和；有误的行不计入，其金额栏留空（计算结果见结果表“校验意见”）。金额按分精确求和后换算为元。",
    policy_line: "政策版本：{title}（{id}）",
    time_line: "生成时间：{time}",
    part: "政策第{numeral}部分",
    list_sep: "、",
  },
  {
    pass: "Passed",
    error: "Has errors",
    review: "Needs review",
    counting_rule:
      "Counted: rows without errors (passed or needing review) whose amounts were computed, summing the payable amount (the entitlement, or the amount asked when lower; the entitlement when the amount asked is empty or 0) and its split; rows with errors are left out and their amount cells are empty (the computed figure is in the findings column). Sums are exact in 分, then shown in 元.",
    policy_line: "Policy: {title} ({id})",
    time_line: "Generated: {time}",
    part: "Policy part {n}",
    list_sep: ", ",
  },
);

/** A row status in words: 通过 / 有误 / 需复核. */
export const statusText = (status: RowStatus, lang: Lang): string => commonText(lang, status);

/** The counting rule of every summary, in words. */
export const countingRuleText = (lang: Lang): string => commonText(lang, "counting_rule");

/**
 * The counting rule shared by the results table's amount columns, every summary table, the
 * PivotTables and the progress counts: a row counts when it has no error (通过 or 需复核) and
 * the core computed it. What is summed is the payable amount (READING "what is paid": the
 * entitlement, or the amount asked when that is lower) and its split. Rows with errors are
 * listed in the results table with empty amount cells (the computed figure, if any, is quoted in
 * 校验意见), so that sums over CZ_Results and the summary tables agree to the 分.
 */
export function counts(r: RowResult): boolean {
  return r.status !== "error" && r.payable !== null;
}

const PART_NO = "一二三四五六七八";

/** "政策第二部分" from a part numeral (the Policy has parts and items, no 第X条); other text unchanged. */
export function sectionText(section: string, lang: Lang): string {
  const s = section.trim();
  const n = PART_NO.indexOf(s) + 1;
  if (s.length === 1 && n > 0) return commonText(lang, "part", { numeral: s, n });
  return s;
}

/** ISO-like local time "2026-11-29 12:30" for preambles ("2026-11-29 12:30:05" with seconds). */
export function stamp(now: Date, seconds = false): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const s = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`;
  return seconds ? `${s}:${p(now.getSeconds())}` : s;
}

export function policyLine(report: Pick<ValidationReport, "policy">, lang: Lang): string {
  return commonText(lang, "policy_line", { title: report.policy.title, id: report.policy.id });
}

export function timeLine(now: Date, lang: Lang): string {
  return commonText(lang, "time_line", { time: stamp(now) });
}

export const col = (header: string, numFmt?: string, width?: number): ColumnSpec => ({ header, ...(numFmt ? { numFmt } : {}), ...(width ? { width } : {}) });

/** Where each block of a SheetSpec lands (1-based Excel rows), in the hosts' layout:
 * preamble lines from row 1, one blank row, the main header and rows, then for each extra block
 * one blank row, its title row, its header and rows. (Blocks here are never empty.) */
export interface BlockPlace {
  titleRow: number | null;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  columns: number;
}

export function sheetLayout(spec: Pick<SheetSpec, "preamble" | "columns" | "rows" | "blocks">): BlockPlace[] {
  const out: BlockPlace[] = [];
  let row = spec.preamble?.length ? spec.preamble.length + 2 : 1;
  out.push({ titleRow: null, headerRow: row, firstDataRow: row + 1, lastDataRow: row + spec.rows.length, columns: spec.columns.length });
  row += 1 + spec.rows.length;
  for (const b of spec.blocks ?? []) {
    row += 1;
    const titleRow = row;
    row += 1;
    out.push({ titleRow, headerRow: row, firstDataRow: row + 1, lastDataRow: row + b.rows.length, columns: b.columns.length });
    row += 1 + b.rows.length;
  }
  return out;
}

export { colLetters as colLetter } from "../sheet/a1";

export type Row = CellSpec[];
