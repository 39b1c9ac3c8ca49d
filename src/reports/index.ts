/**
 * Report builders: pure functions from a ValidationReport to sheet specs and data. No Office,
 * React, DOM or ExcelJS imports; the hosts (src/host) write what these return.
 */
import type { PolicySet } from "../policy/types";
import type { SheetSpec } from "../host/types";
import type { ValidationReport } from "../validation/types";
import type { Lang, Translator } from "../i18n";
import { type Progress, progressSheet, progressText } from "./progress";
import { type ResultsOptions, resultsSheet, resultsText } from "./results";
import { type Summaries, summaries, summarySheet, summaryText } from "./summaries";
import { commonText } from "./common";
import { memoMessages } from "./memo";
import { pivotsText } from "./pivots";
import { totalsBlockText } from "./totals-block";
import { validationSheetText } from "./validation-sheet";

export * from "./common";
export * from "./results";
export * from "./summaries";
export * from "./pivots";
export * from "./progress";
export * from "./totals-block";
export * from "./validation-sheet";
export * from "./memo";

/** Every message catalogue of the report sheets (for the zh/en parity check). */
export const REPORT_CATALOGUES: ReadonlyArray<Pick<Translator<string>, "area" | "tables" | "keys">> = [commonText, totalsBlockText, validationSheetText, resultsText, summaryText, progressText, pivotsText, memoMessages];

export interface ReportBundle {
  results: SheetSpec;
  summary: SheetSpec;
  progress: SheetSpec;
  data: { summaries: Summaries; progress: Progress };
}

/** Every report sheet for one validated table under a policy set (pivots are added by the caller per pivotPlan). */
export function buildReports(report: ValidationReport, policy: PolicySet, options: { lang?: Lang; now?: Date } & Omit<ResultsOptions, "now"> = {}): ReportBundle {
  const lang = options.lang ?? "zh";
  const now = options.now ?? new Date();
  const p = progressSheet(report, policy, lang, { now });
  return {
    results: resultsSheet(report, lang, { ...options, now }),
    summary: summarySheet(report, policy.fallback, lang, { now }),
    progress: p.sheet,
    data: { summaries: summaries(report, policy.fallback, lang), progress: p.data },
  };
}
