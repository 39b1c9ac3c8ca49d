/**
 * The pane's entry to the validation report sheet (写入校验报告). The sheet itself is built once,
 * in src/reports/validation-sheet.ts, for the pane and the CLI alike; this module only adapts the
 * pane's arguments (one report and the region it was read from).
 */
import type { RegionData, SheetSpec } from "../host/types";
import type { ValidationReport } from "../validation/types";
import { validationReportSheet } from "../reports/validation-sheet";
import type { UiLang } from "./i18n";

export { SEVERITY_ORDER, findingCol, rankFindings } from "../reports/validation-sheet";

export function buildReportSheet(report: ValidationReport, region: RegionData, lang: UiLang, now: Date = new Date()): SheetSpec {
  return validationReportSheet([{ sheet: region.sheet, address: region.address, firstCol: region.firstCol, report }], lang, { now });
}
