/**
 * The pane's link to src/validation: header detection, validation with progress, rule names.
 * Header detection, the required columns and rule names come from src/validation.
 * Validation runs in chunks (validateTableAsync) so the pane stays responsive.
 */
import type { RegionData } from "../host/types";
import { REQUIRED_KEYS as VALIDATION_REQUIRED, detectHeader, splitHeader } from "../validation/headers";
import { RULE_BY_CODE, type RuleCode } from "../validation/rules";
import { validateTableAsync } from "../validation/validate";
import type { ColumnKey, ColumnMapping, ValidationReport } from "../validation/types";
import type { UiLang } from "./i18n";
import type { PolicySet } from "../policy/types";

export const REQUIRED_KEYS: readonly ColumnKey[] = VALIDATION_REQUIRED;

/** The header row (0-based index into region.values) and the detected mapping. Throws TableError. */
export function detect(region: RegionData): { mapping: ColumnMapping; headerIndex: number } {
  const d = detectHeader(region.values, region.firstRow);
  return { mapping: d.mapping, headerIndex: d.headerIndex };
}

/** A header that gives amounts in 万元 (scaled by 10,000). */
export function isWanHeader(header: string): boolean {
  return splitHeader(header).unit === "万元";
}

/** Let the browser paint (progress bar) between chunks of work. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

/** Chunked validation (src/validation validateTableAsync): yields between chunks so the progress bar repaints. */
export async function runValidation(
  region: RegionData,
  mapping: ColumnMapping,
  headerIndex: number,
  onProgress: (done: number, total: number) => void,
  policy: PolicySet,
): Promise<ValidationReport> {
  await yieldToBrowser();
  return validateTableAsync(
    { values: region.values, firstRow: region.firstRow, firstCol: region.firstCol, sheet: region.sheet, mapping, headerRow: region.firstRow + headerIndex, date1904: region.date1904 },
    policy,
    { onProgress, chunkSize: 2000 },
  );
}

/** "credit_code.check" → its meaning from the rules table, with the code. */
export function ruleLabel(rule: string, lang: UiLang): string {
  const info = RULE_BY_CODE.get(rule as RuleCode);
  return info ? `${lang === "zh" ? info.meaning.zh : info.meaning.en} · ${rule}` : rule;
}
