/** PivotTable specs over CZ_Results, the awards chart, and the fallback decision. Pure. */
import { defineMessages, type Lang } from "../i18n";
import type { ChartSpec, PivotSpec, SheetSpec } from "../host/types";
import { RESULTS_TABLE, resultHeader } from "./results";
import { awardsChart } from "./summaries";

export const PIVOT_NAMES = { programSource: "CZ_Pivot_ProgramSource", jurisdictionYear: "CZ_Pivot_JurisdictionYear" } as const;
export const pivotsText = defineMessages(
  "reports.pivots",
  {
    sheet_name: "透视报表",
    note_pivot: "已生成数据透视表（按项目×资金来源、按地区×年度）及各地区奖补图表",
    note_tables: "当前环境不支持数据透视表（需 ExcelApi 1.8），已改为生成由核心计算的汇总表（汇总表），数字与透视表相同",
  },
  {
    sheet_name: "Pivot report",
    note_pivot: "PivotTables (program × funding source, jurisdiction × year) and a chart of awards by jurisdiction were created",
    note_tables: "PivotTables are not supported here (ExcelApi 1.8 needed): the same summaries were written as plain tables computed by the core (Summary sheet)",
  },
);
const msg = pivotsText;

/** Both languages of one message (for callers that pick the language later). */
const both = (key: Parameters<typeof msg>[1]) => ({ zh: msg("zh", key), en: msg("en", key) });

/** The pivot sheet's name per language (透视报表 / Pivot report). */
export const PIVOT_SHEET: Readonly<Record<Lang, string>> = both("sheet_name");

/**
 * Two PivotTables over the results table (field names are CZ_Results' headers in `lang`):
 * - program × funding source: rows 项目类别 (the program column; 项目名称 is the applicant's project); values Σ 市财政承担, Σ 受益财政承担, Σ 应拨付奖补 (payable: min(entitlement, amount asked));
 * - jurisdiction × year: rows 所属地区, columns 年度; value Σ 应拨付奖补.
 * Rows with errors have empty award cells in CZ_Results, so the pivots sum the same rows as the
 * summary tables.
 */
export function pivotSpecs(lang: Lang = "zh", sourceTable: string = RESULTS_TABLE): PivotSpec[] {
  const h = (k: Parameters<typeof resultHeader>[0]) => resultHeader(k, lang);
  return [
    {
      name: PIVOT_NAMES.programSource,
      sourceTable,
      rows: [h("programName")],
      columns: [],
      values: [
        { field: h("city"), summary: "sum" },
        { field: h("beneficiary"), summary: "sum" },
        { field: h("total"), summary: "sum" },
      ],
    },
    {
      name: PIVOT_NAMES.jurisdictionYear,
      sourceTable,
      rows: [h("jurisdiction")],
      columns: [h("year")],
      values: [{ field: h("total"), summary: "sum" }],
    },
  ];
}

/** Everything the pivot report needs: the pivots and the chart over the summary sheet's jurisdiction block. */
export function pivotReport(summary: SheetSpec, summarySheetName: string, lang: Lang = "zh", sourceTable: string = RESULTS_TABLE): { pivots: PivotSpec[]; chart: ChartSpec } {
  return { pivots: pivotSpecs(lang, sourceTable), chart: awardsChart(summary, summarySheetName, lang) };
}

export interface PivotPlan {
  mode: "pivot" | "tables";
  note: Readonly<Record<Lang, string>>;
}

/**
 * Real PivotTables when the host says it can make them (Office.js with ExcelApi 1.8); otherwise
 * the same summaries as plain tables computed by the core (汇总表), with a note for the pane.
 */
export function pivotPlan(host: { supportsPivots?(): boolean }): PivotPlan {
  let ok = false;
  try {
    ok = typeof host.supportsPivots === "function" && host.supportsPivots() === true;
  } catch {
    ok = false;
  }
  if (ok) {
    return { mode: "pivot", note: both("note_pivot") };
  }
  return { mode: "tables", note: both("note_tables") };
}
