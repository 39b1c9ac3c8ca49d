/**
 * The validation tab's state as one reducer (pure): the table chosen and read, its column mapping,
 * the run's phase and progress, the findings filter and selection, the amount unit, and the
 * inline notices next to each control. Notices hold a message key and params (or the error
 * itself), never rendered text, so a language switch re-renders them in the new language.
 */
import type { RegionData, TableInfo } from "../../host/types";
import type { ColumnKey, ColumnMapping, Severity } from "../../validation/types";
import type { MessageKey, Params } from "../i18n";

export type Phase = "idle" | "reading" | "running" | "writing" | "exporting";

/** Where a notice shows: next to the control that caused it. */
export type NoticeSlot = "source" | "mapping" | "results" | "actions";

export type Notice =
  | { slot: NoticeSlot; tone: "success" | "info" | "warning"; key: MessageKey; params?: Params; detail?: string }
  | { slot: NoticeSlot; tone: "error"; error: unknown };

export type MappingOrigin = "detected" | "remembered" | "manual" | "headerless";

export interface ReadTable {
  region: RegionData;
  /** Index in region.values of the header row (for a headerless table: a synthetic row of column letters at 0). */
  headerIndex: number;
  headerless: boolean;
  /** Header signature (validation/headers headerSignature) the mapping is remembered under. */
  signature: string;
}

export interface ValidationState {
  tables: TableInfo[];
  sheets: string[];
  /** "sel" | "t:<table>" | "s:<sheet>" | "" (nothing chosen yet). */
  source: string;
  phase: Phase;
  progress: { done: number; total: number } | null;
  table: ReadTable | null;
  mapping: ColumnMapping;
  origin: MappingOrigin;
  /** The mapping changed since the last validation (results are stale). */
  stale: boolean;
  severity: "" | Severity;
  rule: string;
  /** How many findings the list shows (paging). */
  limit: number;
  /** The selected finding's key. */
  selected: string | null;
  unit: "yuan" | "wan";
  notices: Notice[];
  /** The last copied/ shown summary, when the clipboard refused it (shown for manual copy). */
  manualCopy: string | null;
}

export const PAGE = 200;

export function initialState(mode: "office" | "browser" | "detecting"): ValidationState {
  return {
    tables: [],
    sheets: [],
    source: mode === "office" ? "sel" : "",
    phase: "idle",
    progress: null,
    table: null,
    mapping: {},
    origin: "detected",
    stale: false,
    severity: "",
    rule: "",
    limit: PAGE,
    selected: null,
    unit: "yuan",
    notices: [],
    manualCopy: null,
  };
}

export type Action =
  | { type: "sources"; tables: TableInfo[]; sheets: string[] }
  | { type: "source"; source: string }
  | { type: "phase"; phase: Phase }
  | { type: "progress"; done: number; total: number }
  | { type: "read"; table: ReadTable; mapping: ColumnMapping; origin: MappingOrigin; source?: string }
  | { type: "bind"; key: ColumnKey; index: number | null; header?: string; wan?: boolean }
  | { type: "wan"; key: ColumnKey; wan: boolean }
  | { type: "mapping"; mapping: ColumnMapping; origin: MappingOrigin }
  | { type: "validated" }
  | { type: "severity"; severity: "" | Severity }
  | { type: "rule"; rule: string }
  | { type: "more" }
  | { type: "select"; key: string | null }
  | { type: "unit"; unit: "yuan" | "wan" }
  | { type: "notice"; notice: Notice }
  | { type: "clear"; slot?: NoticeSlot }
  | { type: "manualCopy"; text: string | null };

/** One notice per slot: a new one replaces the old (repeated failures never stack). */
function withNotice(list: Notice[], n: Notice): Notice[] {
  return [...list.filter((x) => x.slot !== n.slot), n];
}

export function reducer(s: ValidationState, a: Action): ValidationState {
  switch (a.type) {
    case "sources": {
      const keys = new Set<string>([...a.tables.map((t) => `t:${t.name}`), ...a.sheets.map((n) => `s:${n}`)]);
      // Keep the choice while it exists; otherwise the first sheet (browser) or the selection (Excel).
      const source = s.source === "sel" || keys.has(s.source) ? s.source : a.sheets.length ? `s:${a.sheets[0]}` : s.source;
      return { ...s, tables: a.tables, sheets: a.sheets, source };
    }
    case "source":
      return s.source === a.source ? s : { ...s, source: a.source, table: null, mapping: {}, origin: "detected", notices: [] };
    case "phase":
      return { ...s, phase: a.phase, progress: a.phase === "running" ? s.progress : null };
    case "progress":
      return { ...s, progress: { done: a.done, total: a.total } };
    case "read":
      return { ...s, table: a.table, mapping: a.mapping, origin: a.origin, source: a.source ?? s.source, stale: false };
    case "bind": {
      const mapping = { ...s.mapping };
      if (a.index === null) delete mapping[a.key];
      else mapping[a.key] = { index: a.index, header: a.header ?? "", wan: a.wan ?? false };
      return { ...s, mapping, origin: s.origin === "headerless" ? "headerless" : "manual", stale: true };
    }
    case "wan": {
      const b = s.mapping[a.key];
      if (!b) return s;
      return { ...s, mapping: { ...s.mapping, [a.key]: { ...b, wan: a.wan } }, origin: s.origin === "headerless" ? "headerless" : "manual", stale: true };
    }
    case "mapping":
      return { ...s, mapping: a.mapping, origin: a.origin, stale: true };
    case "validated":
      return { ...s, stale: false, selected: null, limit: PAGE, notices: s.notices.filter((n) => n.slot === "source") };
    case "severity":
      return { ...s, severity: a.severity, limit: PAGE };
    case "rule":
      return { ...s, rule: a.rule, limit: PAGE };
    case "more":
      return { ...s, limit: s.limit + PAGE };
    case "select":
      return { ...s, selected: a.key };
    case "unit":
      return { ...s, unit: a.unit };
    case "notice":
      return { ...s, notices: withNotice(s.notices, a.notice) };
    case "clear":
      return { ...s, notices: a.slot ? s.notices.filter((n) => n.slot !== a.slot) : [] };
    case "manualCopy":
      return { ...s, manualCopy: a.text };
  }
}
