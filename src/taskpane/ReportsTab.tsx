/**
 * 报表: built from the last validation (App's lastValidation).
 * - 生成结果表: a new sheet with the CZ_Results table (unique table name), then selected.
 * - 生成透视报表: pivotPlan(host) — "pivot": results + summary sheets, then PivotTables and the
 *   chart on a new sheet (the sheet and table names the host actually used); "tables": the
 *   summary sheet of plain tables, and the plan's note shown in the pane.
 * - 行动计划进度: target vs actual per indicator and year with a bar; unmeasurable indicators
 *   listed as 需另行填报; a button writes the progress sheet.
 * - 转换为普通公式: read CZ formulas (host.readFormulas), preview every change, write only the
 *   previewed cells (host.writeFormulas) after the user confirms.
 * In browser mode every write marks the workbook dirty, so App offers the download.
 */
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Divider,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PIVOT_SHEET, RESULTS_TABLE, pivotPlan, pivotReport, progress, progressSheet, resultsSheet, summarySheet } from "../reports";
import type { SheetSpec, WorkbookHost } from "../host/types";
import { uniqueSheetName, uniqueTableName } from "../host/names";
import { usePane } from "./context";
import { type ConvertMode, type FormulaBlock, changesOf, planConversion, writesOf } from "../convert/plan";
import { REQUIRED_KEYS, detect, runValidation } from "./validation-adapter";
import type { MessageKey } from "./i18n";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "10px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  indicator: { display: "flex", flexDirection: "column", gap: "2px" },
  indicatorHead: { display: "flex", justifyContent: "space-between", gap: "8px" },
  pct: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all", fontSize: tokens.fontSizeBase200 },
  cannot: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: "18px" },
});

type Busy = "" | "validate" | "results" | "pivots" | "progress" | "scan" | "convert";

/** Give every table of a sheet spec a workbook-unique name (Excel rejects a duplicate); `taken` grows. */
export function withUniqueTables(spec: SheetSpec, taken: string[]): SheetSpec {
  const pick = (name: string | undefined) => {
    if (!name) return name;
    const n = uniqueTableName(name, taken);
    taken.push(n);
    return n;
  };
  return { ...spec, tableName: pick(spec.tableName), blocks: spec.blocks?.map((b) => ({ ...b, tableName: pick(b.tableName) })) };
}

/** Excel row number and 0-based column of the first cell of "A7:M53". */
function topLeft(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(address.replace(/^.*!/, ""));
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

async function tableNames(host: WorkbookHost): Promise<string[]> {
  return (await host.listTables()).map((x) => x.name);
}

export function ReportsTab() {
  const { t, lang, host, mode, showError, showSuccess, markDirty, lastValidation, setLastValidation, goToTab, policy } = usePane();
  const styles = useStyles();
  const [busy, setBusy] = useState<Busy>("");
  const [note, setNote] = useState<string | null>(null);
  const [written, setWritten] = useState<string[]>([]);
  const [sheets, setSheets] = useState<string[]>([]);
  const [convSource, setConvSource] = useState<string>(mode === "office" ? "sel" : "");
  const [convMode, setConvMode] = useState<ConvertMode>("formula");
  const [block, setBlock] = useState<FormulaBlock | null>(null);

  const report = lastValidation?.report ?? null;
  const prog = useMemo(() => (report ? progress(report, policy, lang) : null), [report, policy, lang]);
  const items = useMemo(() => (block ? planConversion(block, convMode, lang, policy) : []), [block, convMode, lang, policy]);
  const changes = useMemo(() => changesOf(items), [items]);
  const canConvert = !!host?.readFormulas && !!host?.writeFormulas;

  useEffect(() => {
    setBlock(null);
    setWritten([]);
    setNote(null);
    if (!host || mode === "office") return;
    host.listSheets().then(
      (list) => {
        setSheets(list);
        setConvSource((cur) => (cur && list.includes(cur) ? cur : (list[0] ?? "")));
      },
      (err) => showError(err),
    );
  }, [host]);

  /** Success text, with the download hint in browser mode (and the workbook marked changed). */
  function done(text: string) {
    if (mode === "browser") {
      markDirty();
      showSuccess(`${text} ${t("reports_download_hint")}`);
    } else showSuccess(text);
  }

  async function guarded(kind: Busy, fn: () => Promise<void>) {
    setBusy(kind);
    try {
      await fn();
    } catch (err) {
      showError(err);
    } finally {
      setBusy("");
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
        throw new Error(t("missing_required", { cols: missing.map((k) => t(`col_${k}` as MessageKey)).join(t("list_sep")) }));
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
      setWritten((l) => [...l, w.name]);
      const wanted = spec.tableName ?? RESULTS_TABLE;
      done(t("results_written", { name: w.name, table: w.tableNames?.[wanted] ?? wanted }));
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
        setNote(null);
        setWritten((l) => [...l, r.name, s.name, pivotSheet]);
        done(t("pivots_written", { results: r.name, table: r.tableNames?.[wanted] ?? wanted, summary: s.name, name: pivotSheet }));
      } else {
        const summary = withUniqueTables(summarySheet(report, policy.fallback, lang), taken);
        const s = await host.writeSheet(summary);
        setNote(plan.note[lang]);
        setWritten((l) => [...l, s.name]);
        done(t("summary_written", { name: s.name }));
      }
    });

  const buildProgress = () =>
    guarded("progress", async () => {
      if (!host || !report) return;
      const spec = withUniqueTables(progressSheet(report, policy, lang).sheet, await tableNames(host));
      const w = await host.writeSheet(spec);
      setWritten((l) => [...l, w.name]);
      done(t("progress_written", { name: w.name }));
    });

  const scan = () =>
    guarded("scan", async () => {
      setBlock(null);
      if (!host?.readFormulas) return;
      const b = await host.readFormulas(convSource === "sel" || !convSource ? (mode === "office" ? { kind: "selection" } : { kind: "sheet" }) : { kind: "sheet", name: convSource });
      setBlock(b);
    });

  const confirm = () =>
    guarded("convert", async () => {
      if (!host?.writeFormulas || !block || !changes.length) return;
      const n = await host.writeFormulas(block.sheet, writesOf(items, block.tables));
      setBlock(null);
      done(t("convert_done", { n }));
    });

  function cancel() {
    setBlock(null);
    showSuccess(t("convert_cancelled"));
  }

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
  const skipped = items.filter((x) => x.after === null).length;

  return (
    <div>
      {!report ? (
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
          <div className={styles.section}>
            <Caption1 data-testid="reports-source">
              {t("reports_based_on", {
                sheet: lastValidation!.region.sheet,
                address: lastValidation!.region.address,
                rows: report.summary.rows,
                errors: report.summary.errors,
                warnings: report.summary.warnings,
              })}
            </Caption1>
            <Subtitle2>{t("reports_section_tables")}</Subtitle2>
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
          </div>

          {prog ? (
            <div className={styles.section} data-testid="progress-panel">
              <Divider />
              <Subtitle2>{t("progress_title")}</Subtitle2>
              {prog.measured.length === 0 ? <Text>{t("progress_none")}</Text> : null}
              {prog.measured.map((p) => {
                const pct = Math.round(p.ratio * 100);
                return (
                  <div key={`${p.code}-${p.year}`} className={styles.indicator} data-testid="progress-indicator" data-code={p.code} data-year={p.year}>
                    <div className={styles.indicatorHead}>
                      <Text size={200}>{t("progress_row", { name: p.name, year: p.year, actual: p.actualText, target: p.targetText })}</Text>
                      <Text size={200} className={styles.pct} data-testid="progress-pct">
                        {t("progress_pct", { pct })}
                      </Text>
                    </div>
                    <ProgressBar
                      value={Math.min(Math.max(p.ratio, 0), 1)}
                      max={1}
                      thickness="large"
                      color={p.ratio >= 1 ? "success" : "brand"}
                      aria-label={t("progress_row", { name: p.name, year: p.year, actual: p.actualText, target: p.targetText })}
                    />
                    <Caption1 className={styles.muted} data-testid="progress-rule">{p.rule}</Caption1>
                    {p.undated > 0 ? <Caption1 className={styles.muted}>{t("progress_undated", { n: p.undated })}</Caption1> : null}
                  </div>
                );
              })}
              {prog.manual.length ? (
                <div className={styles.indicator} data-testid="progress-separate">
                  <Text weight="semibold">{t("progress_separate")}</Text>
                  <Caption1 className={styles.muted}>
                    {t("progress_separate_hint")}
                  </Caption1>
                  <ul className={styles.list}>
                    {prog.manual.map((m) => (
                      <li key={`${m.code}-${m.year}`}>
                        <Text size={200}>{t("progress_separate_row", { name: m.name, year: m.year, target: m.targetText })}</Text>
                        <Caption1 className={styles.muted}> {m.note}</Caption1>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className={styles.row}>
                <Button onClick={() => void buildProgress()} disabled={!idle} data-testid="build-progress">
                  {busy === "progress" ? t("reports_busy") : t("build_progress")}
                </Button>
              </div>
            </div>
          ) : null}
        </>
      )}

      <div className={styles.section} data-testid="convert-panel">
        <Divider />
        <Subtitle2>{t("convert_title")}</Subtitle2>
        <Caption1>{t("convert_hint")}</Caption1>
        {!canConvert ? (
          <MessageBar intent="info" layout="multiline" data-testid="convert-unavailable">
            <MessageBarBody>{t("convert_unavailable")}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <Field label={t("convert_source_label")}>
              <Select value={convSource} onChange={(_, d) => { setConvSource(d.value); setBlock(null); }} data-testid="convert-source">
                {mode === "office" ? <option value="sel">{t("convert_source_selection")}</option> : null}
                {sheets.map((s) => (
                  <option key={s} value={s}>
                    {t("convert_source_sheet", { name: s })}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("convert_mode_label")}>
              <RadioGroup layout="horizontal" value={convMode} onChange={(_, d) => setConvMode(d.value as ConvertMode)} data-testid="convert-mode">
                <Radio value="formula" label={t("convert_mode_formula")} data-testid="convert-mode-formula" />
                <Radio value="value" label={t("convert_mode_value")} data-testid="convert-mode-value" />
              </RadioGroup>
            </Field>
            <div className={styles.row}>
              <Button onClick={() => void scan()} disabled={!idle} data-testid="convert-scan">
                {busy === "scan" ? t("convert_scanning") : t("convert_scan")}
              </Button>
            </div>
          </>
        )}
        {block ? (
          <div className={styles.section} data-testid="convert-preview">
            <Caption1>{t("convert_scanned", { sheet: block.sheet, address: block.address })}</Caption1>
            {items.length === 0 ? (
              <Text data-testid="convert-none">{t("convert_none")}</Text>
            ) : (
              <>
                <Text weight="semibold">{t("convert_preview", { n: changes.length })}</Text>
                {skipped ? <Text className={styles.cannot}>{t("convert_skipped", { n: skipped })}</Text> : null}
                <Table size="extra-small" aria-label={t("convert_title")}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell style={{ width: "4.5em" }}>{t("convert_col_cell")}</TableHeaderCell>
                      <TableHeaderCell>{t("convert_before")}</TableHeaderCell>
                      <TableHeaderCell>{t("convert_after")}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {items.map((x) => (
                      <TableRow key={x.address} data-testid="convert-item" data-address={x.address} data-ok={x.after !== null ? "1" : "0"}>
                        <TableCell>{x.address}</TableCell>
                        <TableCell className={styles.mono}>{x.spill ? `${x.before} ${t("convert_spill")}` : x.before}</TableCell>
                        <TableCell className={x.after === null ? styles.cannot : styles.mono}>
                          {x.after === null ? t("convert_cannot", { reason: x.reason ?? "" }) : String(x.after)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
            <div className={styles.row}>
              <Button appearance="primary" onClick={() => void confirm()} disabled={!idle || changes.length === 0} data-testid="convert-confirm">
                {busy === "convert" ? t("writing") : t("convert_confirm")}
              </Button>
              <Button onClick={cancel} disabled={!idle} data-testid="convert-cancel">
                {t("convert_cancel")}
              </Button>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
