/**
 * The validation report sheet (the pane's 写入校验报告, the CLI's `validate --out`) and the
 * findings export (问题清单, one row a finding, for a new workbook): pure SheetSpecs, written by
 * any host. Memo-ready: rule names in words (the code only in a last, narrow column), the
 * enterprise and project of each finding, the one total with its parts, counts by rule name.
 */
import { defineMessages, type Lang } from "../i18n";
import type { CellSpec, ColumnSpec, SheetSpec } from "../host/types";
import { cellAddress } from "../sheet/a1";
import { SEVERITY_ORDER } from "../sheet/severity";
import { ruleName } from "../validation/rule-names";
import { fieldName, findingSentence } from "../validation/messages";
import type { RuleCode } from "../validation/rules";
import type { ColumnKey, Finding, RowResult, Severity, ValidationReport } from "../validation/types";
import { sumTotals } from "../validation/totals";
import { COUNT_FMT, stamp, type Row } from "./common";
import { totalsBlock, totalsLines } from "./totals-block";

export const validationSheetText = defineMessages(
  "reports.validation",
  {
    sheet_name: "校验报告",
    findings_sheet_name: "问题清单",
    title: "申报表校验报告",
    source: "数据来源：{sources}",
    source_file: "数据来源：{file} · {sources}",
    skipped: "未校验的工作表：{list}",
    skipped_item: "“{sheet}”（{reason}）",
    hidden: "隐藏",
    empty: "空白",
    no_header: "无表头",
    policy: "政策版本：{title}（{id}）",
    time: "校验时间：{time}",
    counts: "结果：共 {rows} 行；错误 {errors}，警告 {warnings}，提示 {infos}；有错误的申报 {rowsWithErrors} 行",
    error: "错误",
    warning: "警告",
    info: "提示",
    whole_row: "整行",
    col_severity: "严重程度",
    col_problem: "问题",
    col_cell: "单元格",
    col_row: "行号",
    col_column: "列",
    col_enterprise: "企业名称",
    col_project: "项目名称",
    col_message: "说明",
    col_code: "规则代码",
    col_count: "数量",
    by_rule: "按问题统计",
    formula_uncached: "公式未计算",
    sep: "、",
  },
  {
    sheet_name: "Validation report",
    findings_sheet_name: "Findings",
    title: "Application table validation report",
    source: "Source: {sources}",
    source_file: "Source: {file} · {sources}",
    skipped: "Sheets not checked: {list}",
    skipped_item: "\"{sheet}\" ({reason})",
    hidden: "hidden",
    empty: "empty",
    no_header: "no header",
    policy: "Policy version: {title} ({id})",
    time: "Checked: {time}",
    counts: "Result: {rows} rows; {errors} errors, {warnings} warnings, {infos} notes; {rowsWithErrors} applications with errors",
    error: "Error",
    warning: "Warning",
    info: "Note",
    whole_row: "whole row",
    col_severity: "Severity",
    col_problem: "Problem",
    col_cell: "Cell",
    col_row: "Row",
    col_column: "Column",
    col_enterprise: "Enterprise",
    col_project: "Project",
    col_message: "Message",
    col_code: "Rule code",
    col_count: "Count",
    by_rule: "Count by problem",
    formula_uncached: "Formula not calculated",
    sep: ", ",
  },
);
const msg = validationSheetText;

export { SEVERITY_ORDER };

/** A severity in words: 错误 / 警告 / 提示. */
export const severityText = (sev: Severity, lang: Lang): string => msg(lang, sev);

/** Names of codes that are not validation rules of the core (the CLI's reader adds formula.uncached). */
const OTHER_RULES: Readonly<Record<string, "formula_uncached">> = { "formula.uncached": "formula_uncached" };

/** A rule's short name for people (信用代码校验位错误); an unnamed code stays as it is. */
export function ruleLabel(code: string, lang: Lang): string {
  const other = OTHER_RULES[code];
  return other ? msg(lang, other) : ruleName(lang, code as RuleCode);
}

/** Findings ranked: errors first, then by row, then by rule code. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.row - b.row || a.rule.localeCompare(b.rule));
}

/** The sheet column (0-based) a finding points at: its own, the mapped column, else the first column of the table. */
export function findingCol(f: Finding, report: Pick<ValidationReport, "mapping">, region: { firstCol: number }): number {
  if (typeof f.col === "number") return f.col;
  if (f.column) {
    const b = report.mapping[f.column];
    if (b) return region.firstCol + b.index;
  }
  return region.firstCol;
}

/** One checked table as the report needs it: where it is, and its validation. */
export interface CheckedSource {
  sheet: string;
  /** A1 address of the checked block, e.g. "A1:I50". */
  address: string;
  /** 0-based column of the block's first column. */
  firstCol: number;
  report: ValidationReport;
}

export type SkippedSheet = { sheet: string; reason: "hidden" | "empty" | "no_header" };

/** One finding with what a reader needs beside it: where, which enterprise and project. */
export interface FindingLine {
  finding: Finding;
  sheet: string;
  /** "C12". */
  cell: string;
  enterprise: string;
  project: string;
  /** The column in words (the user's header when mapped). */
  column: string;
}

/** Every finding of every source, ranked within its source, with its cell, column, enterprise and project. */
export function findingLines(sources: readonly CheckedSource[], lang: Lang = "zh"): FindingLine[] {
  const out: FindingLine[] = [];
  for (const s of sources) {
    const byRow = new Map<number, RowResult>();
    for (const r of s.report.rows) byRow.set(r.row, r);
    for (const f of rankFindings(s.report.findings)) {
      const r = byRow.get(f.row);
      out.push({ finding: f, sheet: s.sheet, cell: cellAddress(f.row, findingCol(f, s.report, s)), enterprise: r?.enterprise ?? "", project: r?.project ?? "", column: columnText(f.column, s.report, lang) });
    }
  }
  return out;
}

/** Findings counted by rule, errors first, then the most frequent. */
export function countByRule(findings: Iterable<Finding>): Array<{ rule: string; severity: Severity; count: number }> {
  const m = new Map<string, { rule: string; severity: Severity; count: number }>();
  for (const f of findings) {
    const e = m.get(f.rule);
    if (e) e.count++;
    else m.set(f.rule, { rule: f.rule, severity: f.severity, count: 1 });
  }
  return [...m.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule));
}


/** The column a finding is about: the header as the user's table spells it, else its name; "整行" for the whole row. */
function columnText(column: ColumnKey | null, report: Pick<ValidationReport, "mapping">, lang: Lang): string {
  if (!column) return msg(lang, "whole_row");
  return report.mapping[column]?.header || fieldName(lang, column);
}

export interface ValidationSheetOptions {
  now?: Date;
  /** The file's name, shown in the source line (the CLI). */
  fileName?: string;
  /** Sheets the CLI did not check, listed in the preamble. */
  skipped?: readonly SkippedSheet[];
  /** The wanted sheet name (default 校验报告 / Validation report). */
  name?: string;
}

/** The counts of several validations added up: rows, findings by severity, rows with errors. */
export function summedCounts(reports: readonly Pick<ValidationReport, "summary">[]): { rows: number; errors: number; warnings: number; infos: number; rowsWithErrors: number } {
  const c = { rows: 0, errors: 0, warnings: 0, infos: 0, rowsWithErrors: 0 };
  for (const r of reports) for (const k of Object.keys(c) as Array<keyof typeof c>) c[k] += r.summary[k];
  return c;
}

/** "未校验的工作表：“旧表”（隐藏）、“说明”（无表头）" — the sheets a multi-sheet check left out. */
export function skippedLine(skipped: readonly SkippedSheet[], lang: Lang): string {
  return msg(lang, "skipped", { list: skipped.map((x) => msg(lang, "skipped_item", { sheet: x.sheet, reason: msg(lang, x.reason) })).join(msg(lang, "sep")) });
}

/**
 * The validation report sheet: preamble (title, source, skipped sheets, policy version, time,
 * counts, the four total lines), the findings table (CZ_Findings) ranked by severity with a link
 * to each cell, then the counts by problem (when there are findings) and the totals block.
 */
export function validationReportSheet(sources: readonly CheckedSource[], lang: Lang = "zh", options: ValidationSheetOptions = {}): SheetSpec {
  if (!sources.length) throw new Error("validationReportSheet: no checked source");
  const now = options.now ?? new Date();
  const sep = msg(lang, "sep");
  const where = sources.map((s) => `${s.sheet}!${s.address}`).join(sep);
  const c = summedCounts(sources.map((s) => s.report));
  const totals = sumTotals(sources.map((s) => s.report.summary.totals));
  const policy = sources[0].report.policy;
  const skipped = options.skipped ?? [];

  const rows: Row[] = findingLines(sources, lang).map((x) => {
    const f = x.finding;
    return [
      severityText(f.severity, lang),
      ruleLabel(f.rule, lang),
      { text: `${x.sheet}!${x.cell}`, link: { sheet: x.sheet, cell: x.cell } },
      f.row,
      x.column,
      x.enterprise,
      x.project,
      findingSentence(f, lang),
      f.rule,
    ];
  });
  const ruleRows: Row[] = countByRule(sources.flatMap((s) => s.report.findings)).map((e) => [ruleLabel(e.rule, lang), severityText(e.severity, lang), e.count, e.rule]);
  const columns = findingColumns(["col_severity", "col_problem", "col_cell", "col_row", "col_column", "col_enterprise", "col_project", "col_message", "col_code"], lang);
  return {
    name: options.name ?? msg(lang, "sheet_name"),
    preamble: [
      msg(lang, "title"),
      options.fileName ? msg(lang, "source_file", { file: options.fileName, sources: where }) : msg(lang, "source", { sources: where }),
      ...(skipped.length ? [skippedLine(skipped, lang)] : []),
      msg(lang, "policy", { title: policy.title, id: policy.id }),
      msg(lang, "time", { time: stamp(now, true) }),
      msg(lang, "counts", c),
      ...totalsLines(totals, lang),
    ],
    columns,
    rows,
    tableName: "CZ_Findings",
    freezeHeader: true,
    blocks: [
      // Counts by problem (none on a clean table), then the totals.
      ...(ruleRows.length
        ? [{ title: msg(lang, "by_rule"), columns: [{ header: msg(lang, "col_problem") }, { header: msg(lang, "col_severity") }, { header: msg(lang, "col_count"), numFmt: COUNT_FMT }, { header: msg(lang, "col_code") }], rows: ruleRows }]
        : []),
      totalsBlock(totals, lang),
    ],
  };
}

/** The columns of a list of findings (report sheet, findings export), with their widths. */
const FINDING_COLUMN_WIDTH = { col_severity: 8, col_problem: 24, col_cell: 14, col_row: 6, col_column: 14, col_enterprise: 24, col_project: 20, col_message: 70, col_code: 10 } as const;
function findingColumns(keys: ReadonlyArray<keyof typeof FINDING_COLUMN_WIDTH>, lang: Lang): ColumnSpec[] {
  return keys.map((k) => ({ header: msg(lang, k), width: FINDING_COLUMN_WIDTH[k] }));
}

/**
 * The findings export (问题清单) for a new workbook: one row a finding — severity, problem,
 * sheet!cell (text for a new workbook; with `links`, a link to the cell when the sheet is written
 * into the same workbook as the source), enterprise, project, message —
 * as one table (CZ_FindingList) from A1, ready to filter. The rule code is the last column.
 */
export function findingsExportSheet(sources: readonly CheckedSource[], lang: Lang = "zh", options: { name?: string; links?: boolean } = {}): SheetSpec {
  const rows: CellSpec[][] = findingLines(sources, lang).map((x) => [
    severityText(x.finding.severity, lang),
    ruleLabel(x.finding.rule, lang),
    options.links ? { text: `${x.sheet}!${x.cell}`, link: { sheet: x.sheet, cell: x.cell } } : `${x.sheet}!${x.cell}`,
    x.enterprise,
    x.project,
    findingSentence(x.finding, lang),
    x.finding.rule,
  ]);
  return {
    name: options.name ?? msg(lang, "findings_sheet_name"),
    columns: findingColumns(["col_severity", "col_problem", "col_cell", "col_enterprise", "col_project", "col_message", "col_code"], lang),
    rows,
    tableName: "CZ_FindingList",
    freezeHeader: true,
  };
}
