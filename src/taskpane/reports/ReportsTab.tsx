/**
 * 报表 (a lazy chunk): built from the last validation (the shell's lastValidation).
 * - 生成结果表: a new sheet with the CZ_Results table (unique table name), then selected.
 * - 生成透视报表: pivotPlan(host) — "pivot": results + summary sheets, then PivotTables and the
 *   chart on a new sheet (the sheet and table names the host actually used); "tables": the
 *   summary sheet of plain tables, and the plan's note shown in the pane.
 * - 行动计划进度 (ProgressPanel) and 转换为普通公式 (ConvertPanel, a lazy chunk of its own).
 * In browser mode every write marks the workbook dirty, so the shell offers the download.
 * States: no workbook, no validation yet (offers to run it), ready.
 */
import { lazy, Suspense, useMemo, useReducer } from "react";
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, Text, makeStyles } from "@fluentui/react-components";
import { PIVOT_SHEET, RESULTS_TABLE, pivotPlan, pivotReport, progress, progressSheet, resultsSheet, summarySheet } from "../../reports";
import { uniqueSheetName } from "../../sheet/names";
import { type Notice, usePane } from "../context";
import { REQUIRED_KEYS, detect, runValidation } from "../validation/run";
import type { MessageKey, Params } from "../i18n";
import { ProgressPanel } from "./ProgressPanel";
import { type ReportsBusy, initialReports, reportsReducer } from "./reports-state";
import { tableNames, topLeft, withUniqueTables } from "./sheet-names";

export { withUniqueTables } from "./sheet-names";

const ConvertPanel = lazy(() => import(/* webpackChunkName: "convert" */ "./ConvertPanel"));

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "10px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: "18px" },
  wrap: { overflowWrap: "anywhere" },
});

/** A user-facing error from the tab (missing columns): a key and params, shown in the current language. */
class PaneMessageError extends Error {
  constructor(readonly notice: Notice) {
    super(notice.key ?? "");
  }
}

export default function ReportsTab() {
  const { t, lang, host, mode, notify, markDirty, lastValidation, setLastValidation, goToTab, policy } = usePane();
  const styles = useStyles();
  const [state, dispatch] = useReducer(reportsReducer, initialReports);
  const { busy, written, note } = state;

  const report = lastValidation?.report ?? null;
  const prog = useMemo(() => (report ? progress(report, policy, lang) : null), [report, policy, lang]);

  /** Success, with the download hint in browser mode (and the workbook marked changed). */
  function done(key: MessageKey, params: Params) {
    if (mode === "browser") markDirty();
    notify({ intent: "success", key, params, more: mode === "browser" ? [{ key: "reports_download_hint" }] : undefined });
  }

  async function guarded(kind: ReportsBusy, fn: () => Promise<void>) {
    dispatch({ type: "start", busy: kind });
    try {
      await fn();
    } catch (error) {
      notify(error instanceof PaneMessageError ? error.notice : { intent: "error", error });
    } finally {
      dispatch({ type: "end" });
    }
  }

  /** Validate the default source (the selection in Excel, the first sheet in the browser). */
  const validateNow = () =>
    guarded("validate", async () => {
      if (!host) return;
      const region = await host.readRegion(mode === "office" ? { kind: "selection" } : { kind: "sheet" });
      const d = detect(region);
      const missing = REQUIRED_KEYS.filter((k) => !d.mapping[k]);
      if (missing.length) {
        goToTab("validation");
        throw new PaneMessageError({ intent: "error", key: "missing_required", params: { cols: missing.map((k) => t(`col_${k}` as MessageKey)).join(t("list_sep")) } });
      }
      const rep = await runValidation(region, d.mapping, d.headerIndex, () => undefined, policy);
      setLastValidation({ region, report: rep });
    });

  const buildResults = () =>
    guarded("results", async () => {
      if (!host || !report) return;
      const spec = withUniqueTables(resultsSheet(report, lang), await tableNames(host));
      const w = await host.writeSheet(spec);
      const first = topLeft(w.tableAddress);
      if (first) await host.selectCell(w.name, first.row, first.col);
      dispatch({ type: "written", names: [w.name] });
      const wanted = spec.tableName ?? RESULTS_TABLE;
      done("results_written", { name: w.name, table: w.tableNames?.[wanted] ?? wanted });
    });

  const buildPivots = () =>
    guarded("pivots", async () => {
      if (!host || !report) return;
      const plan = pivotPlan(host);
      const taken = await tableNames(host);
      if (plan.mode === "pivot" && host.addPivots) {
        const results = withUniqueTables(resultsSheet(report, lang), taken);
        const r = await host.writeSheet(results);
        const summary = withUniqueTables(summarySheet(report, policy.fallback, lang), taken);
        const s = await host.writeSheet(summary);
        // A name no sheet has yet: the host creates exactly this sheet for the pivots.
        const pivotSheet = uniqueSheetName(PIVOT_SHEET[lang], await host.listSheets());
        // The host may have renamed the table (a defined name or table with that name exists): use the name it reports.
        const wanted = results.tableName ?? RESULTS_TABLE;
        const { pivots, chart } = pivotReport(summary, s.name, lang, r.tableNames?.[wanted] ?? wanted);
        await host.addPivots(pivotSheet, pivots, chart);
        dispatch({ type: "written", names: [r.name, s.name, pivotSheet], note: null });
        done("pivots_written", { results: r.name, table: r.tableNames?.[wanted] ?? wanted, summary: s.name, name: pivotSheet });
      } else {
        const summary = withUniqueTables(summarySheet(report, policy.fallback, lang), taken);
        const s = await host.writeSheet(summary);
        dispatch({ type: "written", names: [s.name], note: plan.note[lang] });
        done("summary_written", { name: s.name });
      }
    });

  const buildProgress = () =>
    guarded("progress", async () => {
      if (!host || !report) return;
      const spec = withUniqueTables(progressSheet(report, policy, lang).sheet, await tableNames(host));
      const w = await host.writeSheet(spec);
      dispatch({ type: "written", names: [w.name] });
      done("progress_written", { name: w.name });
    });

  if (!host) {
    return (
      <div className={styles.section}>
        <MessageBar intent="info" layout="multiline" data-testid="reports-no-host">
          <MessageBarBody>{t("reports_no_host")}</MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  const idle = busy === "";

  return (
    <div>
      {!report || !lastValidation ? (
        <div className={styles.section}>
          <MessageBar intent="info" layout="multiline" data-testid="reports-need-validation">
            <MessageBarBody>{t("reports_need_validation")}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="primary" onClick={() => void validateNow()} disabled={!idle} data-testid="reports-validate">
                {busy === "validate" ? t("validating") : t("reports_run_validation")}
              </Button>
              <Button size="small" onClick={() => goToTab("validation")}>
                {t("reports_go_validation")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      ) : (
        <>
          <section className={styles.section} aria-labelledby="cz-reports-tables">
            <Caption1 data-testid="reports-source" className={styles.wrap}>
              {t("reports_based_on", {
                sheet: lastValidation.region.sheet,
                address: lastValidation.region.address,
                rows: report.summary.rows,
                errors: report.summary.errors,
                warnings: report.summary.warnings,
              })}
            </Caption1>
            <Subtitle2 as="h2" id="cz-reports-tables">
              {t("reports_section_tables")}
            </Subtitle2>
            <div className={styles.row}>
              <Button appearance="primary" onClick={() => void buildResults()} disabled={!idle} data-testid="build-results">
                {busy === "results" ? t("reports_busy") : t("build_results")}
              </Button>
              <Button onClick={() => void buildPivots()} disabled={!idle} data-testid="build-pivots">
                {busy === "pivots" ? t("reports_busy") : t("build_pivots")}
              </Button>
            </div>
            {note ? (
              <MessageBar intent="warning" layout="multiline" data-testid="pivot-note">
                <MessageBarBody>{note}</MessageBarBody>
              </MessageBar>
            ) : null}
            {written.length ? (
              <ul className={styles.list} data-testid="written-sheets">
                {written.map((name, i) => (
                  <li key={`${name}-${i}`}>
                    <Text>{name}</Text>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          {prog ? <ProgressPanel prog={prog} t={t} busy={busy === "progress"} disabled={!idle} onBuild={() => void buildProgress()} /> : null}
        </>
      )}
      <Suspense fallback={<Spinner size="tiny" label={t("loading")} />}>
        <ConvertPanel onWritten={() => (mode === "browser" ? markDirty() : undefined)} />
      </Suspense>
    </div>
  );
}
