/**
 * What the tab's controls do: list the sources, read a table (with its remembered mapping),
 * correct the mapping (and remember it), validate, write the report, copy the summary, export the
 * findings, go to a finding. Results and failures go to inline notices next to the control.
 */
import { useMemo } from "react";
import { ExcelJsHost } from "../../host/exceljs-host";
import { loadExcelJs } from "../../host/load-exceljs";
import { detectMapping } from "../../validation/headers";
import type { ColumnKey, ColumnMapping, Finding } from "../../validation/types";
import { downloadName, offerDownload } from "../browser-workbook";
import { usePane } from "../context";
import { buildFindingsSheet, buildMemo, buildReportSheet, findingCol } from "../report-sheet";
import { loadMapping, saveMapping } from "./mapping-memory";
import { REQUIRED_KEYS, headerTexts, isWanHeader, readTable, runValidation } from "./run";
import type { NoticeSlot, ReadTable } from "./state";
import type { ValidationStore } from "./store";
import { copyText } from "../clipboard";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function useValidationActions(store: ValidationStore, onValidated: () => void) {
  const pane = usePane();
  const { host, mode, lang, policy, browserFile, setLastValidation, markDirty } = pane;
  const dispatch = store.dispatch;

  return useMemo(() => {
    const fail = (slot: NoticeSlot, error: unknown) => dispatch({ type: "notice", notice: { slot, tone: "error", error } });

    async function refreshSources() {
      if (!host) return;
      try {
        const [tables, sheets] = await Promise.all([host.listTables(), host.listSheets()]);
        dispatch({ type: "sources", tables, sheets });
      } catch (err) {
        fail("source", err);
      }
    }

    async function read(): Promise<{ table: ReadTable; mapping: ColumnMapping } | null> {
      if (!host) return null;
      const s = store.get();
      dispatch({ type: "phase", phase: "reading" });
      dispatch({ type: "clear", slot: "source" });
      dispatch({ type: "clear", slot: "mapping" });
      try {
        const out = await readTable(host, s.source, s.sheets);
        const remembered = await loadMapping(host, out.table.signature, headerTexts(out.table));
        const mapping = remembered ?? out.mapping;
        const origin = remembered ? "remembered" : out.table.headerless ? "headerless" : "detected";
        dispatch({ type: "read", table: out.table, mapping, origin, source: out.switched ? `s:${out.switched.to}` : undefined });
        if (out.switched) dispatch({ type: "notice", notice: { slot: "source", tone: "info", key: "vt_sheet_switched", params: out.switched } });
        if (out.noHeader) dispatch({ type: "notice", notice: { slot: "mapping", tone: "warning", key: "vt_no_header", params: out.noHeader } });
        else if (remembered) dispatch({ type: "notice", notice: { slot: "mapping", tone: "info", key: "vt_mapping_remembered" } });
        setLastValidation(null);
        return { table: out.table, mapping };
      } catch (err) {
        fail("source", err);
        return null;
      } finally {
        dispatch({ type: "phase", phase: "idle" });
      }
    }

    async function remember(mapping: ColumnMapping | null) {
      const table = store.get().table;
      if (!table) return;
      try {
        await saveMapping(host, table.signature, mapping);
        if (mapping) dispatch({ type: "notice", notice: { slot: "mapping", tone: "success", key: "vt_mapping_saved" } });
      } catch (err) {
        dispatch({ type: "notice", notice: { slot: "mapping", tone: "warning", key: "vt_mapping_save_failed", params: { message: err instanceof Error ? err.message : String(err) } } });
      }
    }

    async function bind(key: ColumnKey, value: string) {
      const table = store.get().table;
      if (!table) return;
      if (value === "") dispatch({ type: "bind", key, index: null });
      else {
        const index = Number(value);
        const header = headerTexts(table)[index] ?? "";
        dispatch({ type: "bind", key, index, header: table.headerless ? "" : header, wan: !table.headerless && isWanHeader(header) });
      }
      if (pane.lastValidation) setLastValidation(null);
      await remember(store.get().mapping);
    }

    async function setWan(key: ColumnKey, wan: boolean) {
      dispatch({ type: "wan", key, wan });
      if (pane.lastValidation) setLastValidation(null);
      await remember(store.get().mapping);
    }

    async function resetMapping() {
      const table = store.get().table;
      if (!table) return;
      const mapping = table.headerless ? {} : detectMapping(table.region.values[table.headerIndex] ?? []).mapping;
      dispatch({ type: "mapping", mapping, origin: table.headerless ? "headerless" : "detected" });
      dispatch({ type: "clear", slot: "mapping" });
      if (pane.lastValidation) setLastValidation(null);
      await remember(null);
    }

    async function run() {
      if (!host) return;
      const cur = store.get().table ? { table: store.get().table!, mapping: store.get().mapping } : await read();
      if (!cur) return;
      if (REQUIRED_KEYS.some((k) => !cur.mapping[k])) return; // the panel marks what is missing
      const { region, headerIndex } = cur.table;
      dispatch({ type: "progress", done: 0, total: Math.max(region.values.length - headerIndex - 1, 0) });
      dispatch({ type: "phase", phase: "running" });
      dispatch({ type: "clear", slot: "results" });
      try {
        const report = await runValidation(region, cur.mapping, headerIndex, (done, total) => dispatch({ type: "progress", done, total }), policy);
        setLastValidation({ region, report });
        dispatch({ type: "validated" });
        onValidated();
      } catch (err) {
        fail("source", err);
      } finally {
        dispatch({ type: "phase", phase: "idle" });
      }
    }

    async function writeReport() {
      const last = pane.lastValidation;
      if (!host || !last) return;
      dispatch({ type: "phase", phase: "writing" });
      try {
        const written = await host.writeSheet(buildReportSheet(last.report, last.region, lang));
        if (mode === "browser") markDirty();
        dispatch({ type: "notice", notice: { slot: "actions", tone: "success", key: mode === "browser" ? "report_written_browser" : "report_written", params: { name: written.name } } });
      } catch (err) {
        fail("actions", err);
      } finally {
        dispatch({ type: "phase", phase: "idle" });
      }
    }

    async function copySummary() {
      const last = pane.lastValidation;
      if (!last) return;
      const text = buildMemo(last.report, lang);
      const ok = await copyText(text);
      dispatch({ type: "manualCopy", text: ok ? null : text });
      dispatch({ type: "notice", notice: ok ? { slot: "actions", tone: "success", key: "vt_copied" } : { slot: "actions", tone: "warning", key: "vt_copy_failed" } });
    }

    async function exportFindings() {
      const last = pane.lastValidation;
      if (!host || !last) return;
      dispatch({ type: "phase", phase: "exporting" });
      try {
        if (mode === "office") {
          const written = await host.writeSheet(buildFindingsSheet(last.report, last.region, lang, true));
          dispatch({ type: "notice", notice: { slot: "actions", tone: "success", key: "vt_exported_sheet", params: { name: written.name } } });
        } else {
          const ExcelJS = await loadExcelJs();
          const wb = new ExcelJS.Workbook();
          await new ExcelJsHost(wb).writeSheet(buildFindingsSheet(last.report, last.region, lang, false));
          const buf = await wb.xlsx.writeBuffer();
          const name = downloadName(browserFile?.name ?? `${last.region.sheet}.xlsx`, pane.t("vt_export_sheet_name"));
          offerDownload(new Blob([buf], { type: XLSX_MIME }), name);
          dispatch({ type: "notice", notice: { slot: "actions", tone: "success", key: "vt_exported_browser", params: { name } } });
        }
      } catch (err) {
        fail("actions", err);
      } finally {
        dispatch({ type: "phase", phase: "idle" });
      }
    }

    /** Select a finding; in Excel also select its cell (in the browser the row view shows it). */
    async function select(f: Finding, key: string) {
      const last = pane.lastValidation;
      dispatch({ type: "select", key });
      if (!host || !last || mode !== "office") return;
      try {
        await host.selectCell(last.region.sheet, f.row, findingCol(f, last.report, last.region));
      } catch (err) {
        fail("results", err);
      }
    }

    return { refreshSources, read, bind, setWan, resetMapping, run, writeReport, copySummary, exportFindings, select };
  }, [store, host, mode, lang, policy, browserFile, pane, setLastValidation, markDirty, dispatch, onValidated]);
}
