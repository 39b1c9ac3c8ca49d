/** 结果表: one row per application, plain values and a link to the source row, Excel table CZ_Results. */
import { defineMessages, type Lang } from "../i18n";
import { formatFen } from "../policy/money";
import type { CellSpec, SheetSpec } from "../host/types";
import { cellAddress } from "../sheet/a1";
import type { Finding, RowResult, ValidationReport } from "../validation/types";
import { findingSentence } from "../validation/messages";
import { col, COUNT_FMT, counts, countingRuleText, policyLine, type Row, sectionText, statusText, timeLine, YUAN_FMT, yuan } from "./common";
import { totalsLines } from "./totals-block";
import { SEVERITY_ORDER, severityText } from "./validation-sheet";

export const RESULTS_TABLE = "CZ_Results";

/** Column keys of CZ_Results, in order, with their widths (headers: resultHeader; pivots refer to these headers). */
export const RESULT_COLUMNS = [
  { key: "enterprise", width: 28 },
  { key: "creditCode", width: 22 },
  { key: "jurisdiction", width: 14 },
  { key: "programCode", width: 22 },
  { key: "programName", width: 34 },
  { key: "project", width: 28 },
  { key: "section", width: 16 },
  { key: "year", width: 8, numFmt: COUNT_FMT },
  { key: "requested", width: 16, numFmt: YUAN_FMT },
  { key: "entitlement", width: 16, numFmt: YUAN_FMT },
  { key: "total", width: 16, numFmt: YUAN_FMT },
  { key: "city", width: 16, numFmt: YUAN_FMT },
  { key: "beneficiary", width: 18, numFmt: YUAN_FMT },
  { key: "status", width: 8 },
  { key: "findings", width: 60 },
  { key: "source", width: 14 },
] as const;

export type ResultColumnKey = (typeof RESULT_COLUMNS)[number]["key"];

export const resultsText = defineMessages(
  "reports.results",
  {
    sheet_name: "结果表",
    title: "滁州市工业互联网奖补申报结果表",
    source_line: "来源：{sheet}，共{rows}行（通过{pass}、需复核{review}、有误{error}）",
    not_counted: "按规则计算为{amount}元，因有误未计入应拨付额",
    findings_sep: "；",
    enterprise: "企业名称",
    creditCode: "统一社会信用代码",
    jurisdiction: "所属地区",
    programCode: "项目代码",
    programName: "项目类别",
    project: "项目名称",
    section: "条款",
    year: "年度",
    requested: "申报金额（元）",
    entitlement: "核定额（元）",
    total: "应拨付奖补（元）",
    city: "市财政承担（元）",
    beneficiary: "受益财政承担（元）",
    status: "状态",
    findings: "校验意见",
    source: "来源行",
  },
  {
    sheet_name: "Results",
    title: "Chuzhou industrial internet subsidies: results",
    source_line: "Source: {sheet}, {rows} rows ({pass} passed, {review} to review, {error} with errors)",
    not_counted: "computed CNY {amount}, not counted because of errors",
    findings_sep: "; ",
    enterprise: "Enterprise",
    creditCode: "Credit code",
    jurisdiction: "Jurisdiction",
    programCode: "Program code",
    programName: "Program",
    project: "Project",
    section: "Clause",
    year: "Year",
    requested: "Requested (CNY)",
    entitlement: "Entitlement (CNY)",
    total: "Payable (CNY)",
    city: "City share (CNY)",
    beneficiary: "Beneficiary share (CNY)",
    status: "Status",
    findings: "Findings",
    source: "Source row",
  },
);
const msg = resultsText;

/** The results sheet's name: 结果表 / Results. */
export const resultsSheetName = (lang: Lang): string => msg(lang, "sheet_name");

export function resultHeader(key: ResultColumnKey, lang: Lang = "zh"): string {
  return msg(lang, key);
}

const MAX_FINDINGS_TEXT = 1000;

/** The row's findings as one line: "[错误] …；[警告] …", errors first. */
export function findingsText(r: RowResult, findings: readonly Finding[], lang: Lang = "zh"): string {
  const own = r.findings.map((i) => findings[i]).filter((f): f is Finding => !!f);
  own.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const parts = own.map((f) => `[${severityText(f.severity, lang)}] ${findingSentence(f, lang)}`);
  if (r.status === "error" && r.total !== null) parts.push(msg(lang, "not_counted", { amount: formatFen(r.total) }));
  const text = parts.join(msg(lang, "findings_sep"));
  return text.length > MAX_FINDINGS_TEXT ? text.slice(0, MAX_FINDINGS_TEXT - 1) + "…" : text;
}

/** Where a row came from: its sheet and the cell to point at (the enterprise cell of its row). */
export interface RowSource {
  sheet: string;
  cell: string;
}

/** The source-row cell: "申报表!A12", a link to it when the source sheet is in the same workbook. */
export function sourceCell(src: RowSource, link: boolean): CellSpec {
  const text = `${src.sheet}!${src.cell}`;
  return link ? { text, link: { sheet: src.sheet, cell: src.cell } } : text;
}

/** One CZ_Results row. The award columns are empty for rows that do not count (see COUNTING_RULE). */
export function resultRow(r: RowResult, findings: readonly Finding[], lang: Lang = "zh", source: CellSpec = null): Row {
  const inSums = counts(r);
  return [
    r.enterprise,
    r.creditCode,
    r.jurisdiction,
    r.programCode ?? "",
    r.programName,
    r.project,
    sectionText(r.section, lang),
    r.year,
    yuan(r.requested),
    inSums ? yuan(r.total) : null,
    inSums ? yuan(r.payable) : null,
    inSums ? yuan(r.payableCity) : null,
    inSums ? yuan(r.payableBeneficiary) : null,
    statusText(r.status, lang),
    findingsText(r, findings, lang),
    source,
  ];
}

export interface ResultsOptions {
  now?: Date;
  tableName?: string;
  /** 0-based column of the source table's first column (default 0): the link points at the row's enterprise cell. */
  firstCol?: number;
  /** The source sheet of the i-th row, when the report merges several sheets (default report.sheet). */
  sheetOf?: (index: number) => string;
  /**
   * Write the source row as a link (default true: the results sheet goes into the source workbook).
   * False writes the same text without a link (the CLI's report is a new workbook).
   */
  links?: boolean;
}

/** The results sheet: preamble (policy version, time, the one total with its parts, counting rule) and the CZ_Results table. */
export function resultsSheet(report: ValidationReport, lang: Lang = "zh", options: ResultsOptions = {}): SheetSpec {
  const now = options.now ?? new Date();
  const statusCount = { pass: 0, error: 0, review: 0 };
  for (const r of report.rows) statusCount[r.status]++;
  const enterpriseCol = (options.firstCol ?? 0) + (report.mapping.enterprise?.index ?? 0);
  const link = options.links ?? true;
  const sheetOf = options.sheetOf ?? (() => report.sheet);
  return {
    name: msg(lang, "sheet_name"),
    preamble: [
      msg(lang, "title"),
      policyLine(report, lang),
      timeLine(now, lang),
      msg(lang, "source_line", { sheet: report.sheet, rows: report.rows.length, ...statusCount }),
      ...totalsLines(report.summary.totals, lang),
      countingRuleText(lang),
    ],
    columns: RESULT_COLUMNS.map((c) => col(msg(lang, c.key), "numFmt" in c ? c.numFmt : undefined, c.width)),
    rows: report.rows.map((r, i) => resultRow(r, report.findings, lang, sourceCell({ sheet: sheetOf(i), cell: cellAddress(r.row, enterpriseCol) }, link))),
    tableName: options.tableName ?? RESULTS_TABLE,
    freezeHeader: true,
  };
}
