/**
 * The pane's entry to the report output built once in src/reports (for the pane and the CLI
 * alike): the validation report sheet (写入校验报告), the findings export (问题清单, for a new
 * workbook to download) and the memo paragraph (复制摘要). This module only adapts the pane's
 * arguments (one report and the region it was read from).
 */
import type { RegionData, SheetSpec } from "../host/types";
import type { ValidationReport } from "../validation/types";
// Only the modules it needs (not ../reports, whose results/summary/progress builders belong to the lazy Reports chunk).
import { memoText, type MemoOptions } from "../reports/memo";
import { findingsExportSheet, validationReportSheet } from "../reports/validation-sheet";
import type { UiLang } from "./i18n";

export { SEVERITY_ORDER, findingCol, rankFindings, ruleLabel, severityText, countByRule } from "../reports/validation-sheet";

const source = (report: ValidationReport, region: RegionData) => [{ sheet: region.sheet, address: region.address, firstCol: region.firstCol, report }];

/** 写入校验报告: the validation report sheet for the region the pane validated. */
export function buildReportSheet(report: ValidationReport, region: RegionData, lang: UiLang, now: Date = new Date()): SheetSpec {
  return validationReportSheet(source(report, region), lang, { now });
}

/** 导出问题清单: one row a finding; `links` when written into the source workbook (Excel), text for a new workbook (browser). */
export function buildFindingsSheet(report: ValidationReport, region: RegionData, lang: UiLang, links = false): SheetSpec {
  return findingsExportSheet(source(report, region), lang, { links });
}

/** 复制摘要: the memo paragraph to put on the clipboard. */
export function buildMemo(report: ValidationReport, lang: UiLang, options?: MemoOptions): string {
  return memoText(report, lang, options);
}
