/** The one place the CLI calls the validation core (src/validation/). */
import type { RegionData } from "../host/types";
import { isTableError, RULE_BY_CODE, validateTable, type RuleCode, type TableError, type ValidationReport } from "../validation";
import type { PolicySet } from "../policy/types";
import type { Lang } from "../i18n";
import { applyUncachedFormulas, UNCACHED_RULE, uncachedText } from "../validation/uncached";

export { applyUncachedFormulas, UNCACHED_RULE, uncachedText };

export type Validated = { ok: true; report: ValidationReport } | { ok: false; error: TableError };

/** Validate a block read from a sheet; { ok: false } when it has no usable header row. */
export function validateRegion(region: RegionData, policy: PolicySet, options: { onProgress?: (done: number, total: number) => void } = {}): Validated {
  try {
    const report = validateTable(
      { values: region.values, firstRow: region.firstRow, firstCol: region.firstCol, sheet: region.sheet, date1904: region.date1904 },
      policy,
      { keepOutcomes: false, onProgress: options.onProgress, progressEvery: 5000 },
    );
    return { ok: true, report: applyUncachedFormulas(report, region) };
  } catch (e) {
    if (isTableError(e)) return { ok: false, error: e };
    throw e;
  }
}

/** "credit_code.check · 统一社会信用代码校验位错误" */
export function ruleTitle(rule: string, lang: Lang): string {
  if (rule === UNCACHED_RULE) return `${rule} · ${uncachedText(lang, "meaning")}`;
  const info = RULE_BY_CODE.get(rule as RuleCode);
  return info ? `${rule} · ${info.meaning[lang]}` : rule;
}
