/** 结果表: one row per application, plain values, Excel table CZ_Results. */
import { formatFen } from "../policy/money";
import type { SheetSpec } from "../host/types";
import { SEVERITY_ORDER } from "../sheet/severity";
import type { Finding, RowResult, ValidationReport } from "../validation/types";
import { col, counts, COUNTING_RULE, type Lang, policyLine, type Row, sectionText, STATUS_TEXT, t, timeLine, YUAN_FMT, yuan, COUNT_FMT } from "./common";

export const RESULTS_TABLE = "CZ_Results";
export const RESULTS_SHEET = { zh: "结果表", en: "Results" };

/** Column keys of CZ_Results, in order, with their headers (pivots refer to these headers). */
export const RESULT_COLUMNS = [
  { key: "enterprise", zh: "企业名称", en: "Enterprise", width: 28 },
  { key: "creditCode", zh: "统一社会信用代码", en: "Credit code", width: 22 },
  { key: "jurisdiction", zh: "所属地区", en: "Jurisdiction", width: 14 },
  { key: "programCode", zh: "项目代码", en: "Program code", width: 22 },
  { key: "programName", zh: "项目名称", en: "Program", width: 34 },
  { key: "section", zh: "条款", en: "Clause", width: 16 },
  { key: "year", zh: "年度", en: "Year", width: 8, numFmt: COUNT_FMT },
  { key: "requested", zh: "申报金额（元）", en: "Requested (CNY)", width: 16, numFmt: YUAN_FMT },
  { key: "entitlement", zh: "核定额（元）", en: "Entitlement (CNY)", width: 16, numFmt: YUAN_FMT },
  { key: "total", zh: "应拨付奖补（元）", en: "Payable (CNY)", width: 16, numFmt: YUAN_FMT },
  { key: "city", zh: "市财政承担（元）", en: "City share (CNY)", width: 16, numFmt: YUAN_FMT },
  { key: "beneficiary", zh: "受益财政承担（元）", en: "Beneficiary share (CNY)", width: 18, numFmt: YUAN_FMT },
  { key: "status", zh: "状态", en: "Status", width: 8 },
  { key: "findings", zh: "校验意见", en: "Findings", width: 60 },
] as const;

export type ResultColumnKey = (typeof RESULT_COLUMNS)[number]["key"];

export function resultHeader(key: ResultColumnKey, lang: Lang = "zh"): string {
  const c = RESULT_COLUMNS.find((x) => x.key === key)!;
  return lang === "zh" ? c.zh : c.en;
}

const SEVERITY_TAG = { error: { zh: "错误", en: "Error" }, warning: { zh: "警告", en: "Warning" }, info: { zh: "提示", en: "Note" } } as const;
const MAX_FINDINGS_TEXT = 1000;

/** The row's findings as one line: "[错误] …；[警告] …", errors first. */
export function findingsText(r: RowResult, findings: readonly Finding[], lang: Lang = "zh"): string {
  const own = r.findings.map((i) => findings[i]).filter((f): f is Finding => !!f);
  own.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const parts = own.map((f) => `[${SEVERITY_TAG[f.severity][lang]}] ${lang === "zh" ? f.message : f.messageEn}`);
  if (r.status === "error" && r.total !== null) {
    parts.push(t(lang, `按规则计算为${formatFen(r.total)}元，因有误未计入应拨付额`, `computed CNY ${formatFen(r.total)}, not counted because of errors`));
  }
  const text = parts.join(lang === "zh" ? "；" : "; ");
  return text.length > MAX_FINDINGS_TEXT ? text.slice(0, MAX_FINDINGS_TEXT - 1) + "…" : text;
}

/** One CZ_Results row. The award columns are empty for rows that do not count (see COUNTING_RULE). */
export function resultRow(r: RowResult, findings: readonly Finding[], lang: Lang = "zh"): Row {
  const inSums = counts(r);
  return [
    r.enterprise,
    r.creditCode,
    r.jurisdiction,
    r.programCode ?? "",
    r.programName,
    sectionText(r.section, lang),
    r.year,
    yuan(r.requested),
    inSums ? yuan(r.total) : null,
    inSums ? yuan(r.payable) : null,
    inSums ? yuan(r.payableCity) : null,
    inSums ? yuan(r.payableBeneficiary) : null,
    STATUS_TEXT[r.status][lang],
    findingsText(r, findings, lang),
  ];
}

export interface ResultsOptions {
  now?: Date;
  tableName?: string;
}

/** The results sheet: preamble (policy version, time, counting rule) and the CZ_Results table. */
export function resultsSheet(report: ValidationReport, lang: Lang = "zh", options: ResultsOptions = {}): SheetSpec {
  const now = options.now ?? new Date();
  const statusCount = { pass: 0, error: 0, review: 0 };
  for (const r of report.rows) statusCount[r.status]++;
  return {
    name: RESULTS_SHEET[lang],
    preamble: [
      t(lang, "滁州市工业互联网奖补申报结果表", "Chuzhou industrial internet subsidies: results"),
      policyLine(report, lang),
      timeLine(now, lang),
      t(
        lang,
        `来源：${report.sheet}，共${report.rows.length}行（通过${statusCount.pass}、需复核${statusCount.review}、有误${statusCount.error}）`,
        `Source: ${report.sheet}, ${report.rows.length} rows (${statusCount.pass} passed, ${statusCount.review} to review, ${statusCount.error} with errors)`,
      ),
      COUNTING_RULE[lang],
    ],
    columns: RESULT_COLUMNS.map((c) => col(lang === "zh" ? c.zh : c.en, "numFmt" in c ? c.numFmt : undefined, c.width)),
    rows: report.rows.map((r) => resultRow(r, report.findings, lang)),
    tableName: options.tableName ?? RESULTS_TABLE,
    freezeHeader: true,
  };
}
