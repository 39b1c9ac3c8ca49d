/**
 * Lazy loader for ExcelJS in the pane's browser mode. The pane's first paint never waits for
 * it: webpack puts it in its own chunk ("exceljs"), fetched only when the user opens a file.
 */
import type ExcelJSType from "exceljs";

export type ExcelJSModule = typeof ExcelJSType;

let cached: Promise<ExcelJSModule> | null = null;

export function loadExcelJs(): Promise<ExcelJSModule> {
  if (!cached) {
    cached = import(/* webpackChunkName: "exceljs" */ "exceljs/dist/exceljs.min.js").then((m: unknown) => {
      const mod = m as { default?: ExcelJSModule; Workbook?: unknown };
      return (mod.Workbook ? mod : mod.default) as ExcelJSModule;
    });
    cached.catch(() => {
      cached = null; // allow a retry after a failed load
    });
  }
  return cached;
}
