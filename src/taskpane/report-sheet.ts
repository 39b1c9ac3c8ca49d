/**
 * The validation report sheet (写入校验报告) as a SheetSpec: pure, host-independent. Every
 * finding links to its cell in the source sheet; the preamble names the source, the policy
 * version and the time.
 */
import type { CellSpec, RegionData, SheetSpec } from "../host/types";
import type { Finding, Severity, ValidationReport } from "../validation/types";
import { cellAddress } from "../host/office-host";
import { type MessageKey, type UiLang, translate } from "./i18n";

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings ranked: errors first, then by row. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.row - b.row || a.rule.localeCompare(b.rule));
}

/** The sheet column (0-based) a finding points at: its own, the mapped column, else the first column of the table. */
export function findingCol(f: Finding, report: ValidationReport, region: RegionData): number {
  if (typeof f.col === "number") return f.col;
  if (f.column) {
    const b = report.mapping[f.column];
    if (b) return region.firstCol + b.index;
  }
  return region.firstCol;
}

function localTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function buildReportSheet(report: ValidationReport, region: RegionData, lang: UiLang, now: Date = new Date()): SheetSpec {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const s = report.summary;
  const sevText = (sev: Severity) => t(sev === "error" ? "severity_error" : sev === "warning" ? "severity_warning" : "severity_info");
  const colText = (f: Finding) => (f.column ? t(`col_${f.column}` as MessageKey) : t("finding_row"));
  const rows: CellSpec[][] = rankFindings(report.findings).map((f) => {
    const cell = cellAddress(f.row, findingCol(f, report, region));
    return [
      sevText(f.severity),
      f.rule,
      { text: `${region.sheet}!${cell}`, link: { sheet: region.sheet, cell } },
      f.row,
      colText(f),
      lang === "zh" ? f.message : f.messageEn,
    ];
  });
  return {
    name: t("report_sheet_name"),
    preamble: [
      t("report_title"),
      t("report_source", { sheet: region.sheet, address: region.address }),
      t("report_policy", { policy: lang === "zh" ? report.policy.title : report.policy.id ? `${report.policy.title} (${report.policy.id})` : report.policy.title }),
      t("report_time", { time: localTime(now) }),
      t("report_summary", { rows: s.rows, errors: s.errors, warnings: s.warnings, infos: s.infos }),
    ],
    columns: [
      { header: t("report_col_severity"), width: 8 },
      { header: t("report_col_rule"), width: 26 },
      { header: t("report_col_cell"), width: 16 },
      { header: t("report_col_row"), width: 6 },
      { header: t("report_col_column"), width: 16 },
      { header: t("report_col_message"), width: 70 },
    ],
    rows,
    freezeHeader: true,
  };
}
