/**
 * "导出问题清单": the findings as rows (severity, rule name, cell, row, column, enterprise,
 * message) in a SheetSpec. In Excel a new sheet the add-in creates; in the browser a new .xlsx
 * (built with the lazily loaded ExcelJS) offered for download. No user sheet is touched.
 *
 * MERGE: the reports helper's pure findings SheetSpec replaces `findingsSheet` at its ONE call
 * site, exportFindings() in ./actions.ts.
 */
import type { CellSpec, RegionData, SheetSpec } from "../../host/types";
import { cellAddress } from "../../sheet/a1";
import type { Finding, Severity, ValidationReport } from "../../validation/types";
import { findingSentence } from "../../validation/messages";
import { type MessageKey, type UiLang, translate } from "../i18n";
import { findingCol, rankFindings } from "../report-sheet";
import { ruleTitle } from "./format";

const SEVERITY_KEY: Record<Severity, MessageKey> = { error: "severity_error", warning: "severity_warning", info: "severity_info" };

/** The enterprise name of a finding's row, from the mapped column. */
export function enterpriseOf(report: ValidationReport, region: RegionData, row: number): string {
  const b = report.mapping.enterprise;
  const v = b ? region.values[row - region.firstRow]?.[b.index] : null;
  return v === null || v === undefined ? "" : String(v);
}

/** `links`: cells link to the source cell (only where the source sheet is in the same workbook). */
export function findingsSheet(report: ValidationReport, region: RegionData, lang: UiLang, links: boolean): SheetSpec {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const colText = (f: Finding) => (f.column ? t(`col_${f.column}` as MessageKey) : t("finding_row"));
  const rows: CellSpec[][] = rankFindings(report.findings).map((f) => {
    const cell = cellAddress(f.row, findingCol(f, report, region));
    const ref = `${region.sheet}!${cell}`;
    return [t(SEVERITY_KEY[f.severity]), ruleTitle(f.rule, lang), links ? { text: ref, link: { sheet: region.sheet, cell } } : ref, f.row, colText(f), enterpriseOf(report, region, f.row), findingSentence(f, lang)];
  });
  return {
    name: t("vt_export_sheet_name"),
    preamble: [t("vt_export_title", { sheet: region.sheet, address: region.address })],
    columns: [
      { header: t("report_col_severity"), width: 8 },
      { header: t("report_col_rule"), width: 24 },
      { header: t("report_col_cell"), width: 16 },
      { header: t("report_col_row"), width: 6 },
      { header: t("report_col_column"), width: 16 },
      { header: t("vt_export_col_enterprise"), width: 24 },
      { header: t("report_col_message"), width: 60 },
    ],
    rows,
    freezeHeader: true,
  };
}
