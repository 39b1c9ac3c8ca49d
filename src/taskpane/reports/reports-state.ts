/**
 * The 报表 tab's state as a reducer (unit-tested in test/taskpane/shell-state.test.ts): which
 * action is running, the sheets written so far, and the fallback note of the pivot plan.
 * A new workbook resets it.
 */
export type ReportsBusy = "" | "validate" | "results" | "pivots" | "progress";

export interface ReportsState {
  busy: ReportsBusy;
  written: string[];
  note: string | null;
}

export type ReportsAction = { type: "start"; busy: ReportsBusy } | { type: "end" } | { type: "written"; names: string[]; note?: string | null } | { type: "reset" };

export const initialReports: ReportsState = { busy: "", written: [], note: null };

export function reportsReducer(s: ReportsState, a: ReportsAction): ReportsState {
  switch (a.type) {
    case "start":
      return { ...s, busy: a.busy };
    case "end":
      return { ...s, busy: "" };
    case "written":
      return { ...s, written: [...s.written, ...a.names], note: a.note === undefined ? s.note : a.note };
    case "reset":
      return initialReports;
  }
}
