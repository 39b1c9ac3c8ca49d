/** Shared pane state: language, host, mode, last validation, and the error/success bar. */
import { createContext, useContext } from "react";
import type { WorkbookHost, RegionData } from "../host/types";
import type { ValidationReport } from "../validation/types";
import type { PolicySet } from "../policy/types";
import { type MessageKey, type Params, type UiLang, STRINGS, translate } from "./i18n";

export type PaneMode = "detecting" | "office" | "browser";

export interface BrowserFile {
  name: string;
  /** Serialise the workbook (with any sheets the pane added) for download. */
  save(): Promise<Blob>;
}

export interface LastValidation {
  region: RegionData;
  report: ValidationReport;
}

export interface PaneContextValue {
  /** The policy set every computation in the pane uses (passed in at the pane root, index.tsx). */
  policy: PolicySet;
  lang: UiLang;
  t: (key: MessageKey, params?: Params) => string;
  mode: PaneMode;
  host: WorkbookHost | null;
  browserFile: BrowserFile | null;
  /** Show an error to the user (never swallowed). */
  showError: (err: unknown) => void;
  showSuccess: (text: string) => void;
  /** Mark the browser workbook as changed (a sheet was added), so the download is offered. */
  markDirty: () => void;
  lastValidation: LastValidation | null;
  setLastValidation: (v: LastValidation | null) => void;
  /** Switch the pane to another tab (e.g. the reports tab's "go to validation"). */
  goToTab: (tab: PaneTab) => void;
}

export type PaneTab = "catalogue" | "validation" | "reports";

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const v = useContext(PaneContext);
  if (!v) throw new Error("PaneContext missing");
  return v;
}

/** A user-facing message for any error: host errors and policy errors in the UI language. */
export function errorText(err: unknown, lang: UiLang): string {
  const e = err as { name?: string; code?: string; params?: Params; message?: string } | null;
  if (e && e.name === "HostError" && e.code) {
    const key = `host_${e.code}` as MessageKey;
    if (key in STRINGS.zh) return translate(lang, key, e.params ?? {});
  }
  // Validation/policy errors carry zh text as message and English as messageEn.
  const en = (err as { messageEn?: unknown } | null)?.messageEn;
  if (lang === "en" && typeof en === "string" && en) return translate(lang, "error_generic", { message: en });
  // Office.js errors carry a readable message; anything else is shown as text.
  const message = e && typeof e.message === "string" && e.message ? e.message : String(err);
  return translate(lang, "error_generic", { message });
}
