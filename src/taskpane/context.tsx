/**
 * Shared pane state handed to every tab: language, host, mode, last validation, and the shell's
 * feedback (notify: a message next to where the user looks, re-rendered in the current language)
 * and announcements (announce: the polite live region for screen readers).
 */
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
  /** What the file was read as: a workbook, or a CSV read into a one-sheet workbook. */
  kind?: "xlsx" | "csv";
}

export interface LastValidation {
  region: RegionData;
  report: ValidationReport;
}

export type NoticeIntent = "success" | "error" | "info" | "warning";

/**
 * A message for the user, stored as data so it is rendered in the CURRENT language (a language
 * switch re-renders it): a key with params (plus more keys appended), an error object (shown
 * through errorText), or a plain text (rendered as given, e.g. a text from the policy core).
 */
export interface Notice {
  intent: NoticeIntent;
  key?: MessageKey;
  params?: Params;
  /** Further sentences appended after the first (e.g. the download hint in browser mode). */
  more?: Array<{ key: MessageKey; params?: Params }>;
  error?: unknown;
  text?: string;
}

export interface PaneContextValue {
  /** The policy set every computation in the pane uses (passed in at the pane root, index.tsx). */
  policy: PolicySet;
  lang: UiLang;
  t: (key: MessageKey, params?: Params) => string;
  mode: PaneMode;
  host: WorkbookHost | null;
  browserFile: BrowserFile | null;
  /** Whether the CZ custom functions are registered in this Excel (false in browser mode and with the pane-only manifest). */
  functionsAvailable: boolean;
  /** Show a message (toast area at the bottom of the pane, in view wherever the user scrolled). Identical messages do not stack. */
  notify: (notice: Notice | string) => void;
  /** Say something to screen readers (polite live region), without showing it. */
  announce: (text: string) => void;
  /** Show an error to the user (never swallowed): notify({intent: "error", error}). */
  showError: (err: unknown) => void;
  /** A success text already in the current language: notify({intent: "success", text}). Prefer notify with a key. */
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
  // (message is already zh; in English the messageEn, when the error has one.)
  const own: Record<UiLang, unknown> = { zh: undefined, en: (err as { messageEn?: unknown } | null)?.messageEn };
  const translated = own[lang];
  if (typeof translated === "string" && translated) return translate(lang, "error_generic", { message: translated });
  // Office.js errors carry a readable message; anything else is shown as text.
  const message = e && typeof e.message === "string" && e.message ? e.message : String(err);
  return translate(lang, "error_generic", { message });
}

/** The text of a notice in a language. */
export function noticeText(n: Notice, lang: UiLang): string {
  if (n.error !== undefined) return errorText(n.error, lang);
  const parts: string[] = [];
  if (n.key) parts.push(translate(lang, n.key, n.params ?? {}));
  else if (n.text) parts.push(n.text);
  for (const m of n.more ?? []) parts.push(translate(lang, m.key, m.params ?? {}));
  return JOIN_SENTENCES[lang](parts);
}

/** Sentences as one text: English with spaces; Chinese sentences end with a full stop (U+3002) before the next one starts. */
const JOIN_SENTENCES: Record<UiLang, (parts: string[]) => string> = {
  en: (parts) => parts.join(" "),
  zh: (parts) => parts.map((p, i) => (i < parts.length - 1 && !/[\u3002\uff01\uff1f.!?]$/.test(p) ? `${p}\u3002` : p)).join(""),
};
