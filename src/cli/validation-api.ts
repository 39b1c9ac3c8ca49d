/** The one place the CLI calls the validation core (src/validation/). */
import type { RegionData } from "../host/types";
import { isTableError, RULE_BY_CODE, validateTable, type RuleCode, type TableError, type ValidationReport } from "../validation";
import type { PolicySet } from "../policy/types";

export type Validated = { ok: true; report: ValidationReport } | { ok: false; error: TableError };

/** Validate a block read from a sheet; { ok: false } when it has no usable header row. */
export function validateRegion(region: RegionData, policy: PolicySet): Validated {
  try {
    return { ok: true, report: validateTable({ values: region.values, firstRow: region.firstRow, firstCol: region.firstCol, sheet: region.sheet, date1904: region.date1904 }, policy) };
  } catch (e) {
    if (isTableError(e)) return { ok: false, error: e };
    throw e;
  }
}

/** "credit_code.check · 统一社会信用代码校验位错误" */
export function ruleTitle(rule: string, lang: "zh" | "en"): string {
  const info = RULE_BY_CODE.get(rule as RuleCode);
  return info ? `${rule} · ${lang === "zh" ? info.meaning.zh : info.meaning.en}` : rule;
}
