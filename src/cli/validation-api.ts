/**
 * The one place the CLI calls the validation core (src/validation/). Header detection comes
 * from src/validation/headers; validateTable is looked up at run time while that module is
 * still being written, so that the CLI's other commands keep working and type-checking.
 */
import type { RegionData } from "../host/types";
import { detectHeader, isTableError, type TableError } from "../validation/headers";
import { RULE_BY_CODE, type RuleCode } from "../validation/rules";
import type { ValidationReport } from "../validation/types";
import { CliError } from "./messages";

export type Validated = { ok: true; report: ValidationReport } | { ok: false; error: TableError };

type ValidateFn = (region: RegionData) => ValidationReport;

let cached: ValidateFn | null = null;

function load(): ValidateFn {
  if (cached) return cached;
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("../validation") as Record<string, unknown>;
  } catch {
    throw new CliError("validation_unavailable");
  }
  const fn = mod.validateTable as ValidateFn | undefined;
  if (typeof fn !== "function") throw new CliError("validation_unavailable");
  cached = fn;
  return fn;
}

/** Validate a block read from a sheet; { ok: false } when it has no usable header row. */
export function validateRegion(region: RegionData): Validated {
  try {
    detectHeader(region.values, region.firstRow);
  } catch (e) {
    if (isTableError(e)) return { ok: false, error: e };
    throw e;
  }
  try {
    return { ok: true, report: load()(region) };
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
