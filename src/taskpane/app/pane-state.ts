/**
 * The shell's state as one reducer (unit-tested in test/taskpane/shell-state.test.ts): where the
 * pane runs, the workbook (Excel's, or a browser file), whether pane output is not yet downloaded
 * (dirty), the tab, the language, and the last validation the reports are built from.
 */
import type { WorkbookHost } from "../../host/types";
import type { BrowserFile, LastValidation, PaneMode, PaneTab } from "../context";
import type { UiLang } from "../i18n";
import { langFromDisplayLanguage } from "../i18n";

export interface Detected {
  mode: "office" | "browser";
  host: WorkbookHost | null;
  displayLanguage?: string;
  /** The CZ custom functions are registered (shared runtime); undefined = not known (assume yes in Excel). */
  functions?: boolean;
}

export interface ShellState {
  lang: UiLang;
  mode: PaneMode;
  host: WorkbookHost | null;
  functions: boolean;
  browserFile: BrowserFile | null;
  /** Sheets were added to the browser workbook and not downloaded since. */
  dirty: boolean;
  tab: PaneTab;
  opening: boolean;
  lastValidation: LastValidation | null;
  /** Bumped when a file has been opened (focus moves to the new content). */
  opened: number;
}

export type ShellAction =
  | { type: "detected"; d: Detected }
  | { type: "lang"; lang: UiLang }
  | { type: "opening"; on: boolean }
  | { type: "opened"; host: WorkbookHost; file: BrowserFile }
  | { type: "dirty" }
  | { type: "saved" }
  | { type: "tab"; tab: PaneTab }
  | { type: "validated"; v: LastValidation | null };

export function initialShell(lang: UiLang): ShellState {
  return { lang, mode: "detecting", host: null, functions: false, browserFile: null, dirty: false, tab: "catalogue", opening: false, lastValidation: null, opened: 0 };
}

export function shellReducer(s: ShellState, a: ShellAction): ShellState {
  switch (a.type) {
    case "detected": {
      const { d } = a;
      const next: ShellState = { ...s, mode: d.mode, host: d.host, functions: d.mode === "office" && d.functions !== false };
      if (d.displayLanguage) next.lang = langFromDisplayLanguage(d.displayLanguage);
      if (d.mode === "office") {
        // A late switch from browser mode: the browser file (if any) is no longer the workbook in use.
        return { ...next, tab: "catalogue", browserFile: null, dirty: false, lastValidation: null };
      }
      return next;
    }
    case "lang":
      return { ...s, lang: a.lang };
    case "opening":
      return { ...s, opening: a.on };
    case "opened":
      return { ...s, host: a.host, browserFile: a.file, dirty: false, lastValidation: null, opening: false, tab: "validation", opened: s.opened + 1 };
    case "dirty":
      return s.mode === "browser" && s.browserFile ? { ...s, dirty: true } : s;
    case "saved":
      return { ...s, dirty: false };
    case "tab":
      return { ...s, tab: a.tab };
    case "validated":
      return { ...s, lastValidation: a.v };
  }
}
