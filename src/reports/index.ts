/**
 * Report builders: pure functions from a ValidationReport to sheet specs and data. No Office,
 * React, DOM or ExcelJS imports; the hosts (src/host) write what these return.
 */
import { DEFAULT_CATALOGUE } from "../policy/catalogues";
import type { Catalogue } from "../policy/types";
import type { SheetSpec } from "../host/types";
import type { ValidationReport } from "../validation/types";
import type { Lang } from "./common";
import { type Progress, progressSheet } from "./progress";
import { resultsSheet } from "./results";
import { type Summaries, summaries, summarySheet } from "./summaries";

export * from "./common";
export * from "./results";
export * from "./summaries";
export * from "./pivots";
export * from "./progress";

export interface ReportBundle {
  results: SheetSpec;
  summary: SheetSpec;
  progress: SheetSpec;
  data: { summaries: Summaries; progress: Progress };
}

/** Every report sheet for one validated table (pivots are added by the caller per pivotPlan). */
export function buildReports(report: ValidationReport, options: { lang?: Lang; catalogue?: Catalogue; now?: Date } = {}): ReportBundle {
  const lang = options.lang ?? "zh";
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const now = options.now ?? new Date();
  const p = progressSheet(report, catalogue, lang, { now });
  return {
    results: resultsSheet(report, lang, { now }),
    summary: summarySheet(report, lang, { now, catalogue }),
    progress: p.sheet,
    data: { summaries: summaries(report, catalogue, lang), progress: p.data },
  };
}
