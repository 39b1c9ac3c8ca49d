/** 校验: pick a table, check the column mapping, validate with progress, browse findings, write the report. */
import { useEffect, useMemo, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Divider,
  Field,
  ProgressBar,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  mergeClasses,
} from "@fluentui/react-components";
import type { RegionData, RegionSource, TableInfo } from "../host/types";
import { COLUMN_KEYS, type ColumnKey, type ColumnMapping, type Finding, type Severity } from "../validation/types";
import { formatFen } from "../policy";
import { cellAddress } from "../host/office-host";
import { usePane } from "./context";
import type { MessageKey } from "./i18n";
import { buildReportSheet, findingCol, rankFindings } from "./report-sheet";
import { detect, isWanHeader, REQUIRED_KEYS, ruleLabel, runValidation } from "./validation-adapter";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "10px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  mapRow: { display: "grid", gridTemplateColumns: "9em 1fr", gap: "6px", alignItems: "center" },
  finding: { justifyContent: "flex-start", textAlign: "left", width: "100%", minHeight: "28px", height: "auto", fontWeight: tokens.fontWeightRegular },
  selected: { backgroundColor: tokens.colorBrandBackground2, outline: `2px solid ${tokens.colorBrandStroke1}` },
  totals: { display: "grid", gridTemplateColumns: "auto auto", gap: "2px 12px" },
  num: { fontFamily: tokens.fontFamilyMonospace, textAlign: "right" },
  group: { display: "flex", flexDirection: "column", gap: "2px", marginTop: "6px" },
  // Long rule names must not widen the pane: the rule filter takes the row and truncates.
  wideField: { flex: "1 1 100%", minWidth: 0 },
  fullSelect: { width: "100%", minWidth: 0 },
});

const PAGE = 100;

function parseSourceKey(k: string): RegionSource {
  if (k === "sel") return { kind: "selection" };
  if (k.startsWith("t:")) return { kind: "table", name: k.slice(2) };
  return { kind: "sheet", name: k.slice(2) };
}

const SEVERITY_KEY: Record<Severity, MessageKey> = { error: "severity_error", warning: "severity_warning", info: "severity_info" };
const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

export function ValidationTab() {
  const { t, lang, host, mode, showError, showSuccess, markDirty, lastValidation, setLastValidation, policy } = usePane();
  const styles = useStyles();
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [sheets, setSheets] = useState<string[]>([]);
  const [source, setSource] = useState<string>(mode === "office" ? "sel" : "s:");
  const [region, setRegion] = useState<RegionData | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [headerIndex, setHeaderIndex] = useState(0);
  const [busy, setBusy] = useState<"" | "read" | "run" | "write">("");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [sevFilter, setSevFilter] = useState<"" | Severity>("");
  const [ruleFilter, setRuleFilter] = useState("");
  const [shown, setShown] = useState<Record<string, number>>({});
  const [selected, setSelected] = useState<{ key: string; address: string; sheet: string } | null>(null);

  const report = lastValidation?.report ?? null;

  async function refreshSources() {
    if (!host) return;
    try {
      const [tl, sl] = await Promise.all([host.listTables(), host.listSheets()]);
      setTables(tl);
      setSheets(sl);
      if (mode !== "office" && sl.length) setSource((cur) => (cur === "s:" || cur === "sel" ? `s:${sl[0]}` : cur));
    } catch (err) {
      showError(err);
    }
  }

  useEffect(() => {
    setRegion(null);
    setMapping({});
    void refreshSources();
  }, [host]);

  async function read(): Promise<{ region: RegionData; mapping: ColumnMapping; headerIndex: number } | null> {
    if (!host) return null;
    setBusy("read");
    try {
      const r = await host.readRegion(parseSourceKey(source));
      const d = detect(r);
      setRegion(r);
      setMapping(d.mapping);
      setHeaderIndex(d.headerIndex);
      return { region: r, mapping: d.mapping, headerIndex: d.headerIndex };
    } catch (err) {
      showError(err);
      return null;
    } finally {
      setBusy("");
    }
  }

  async function run() {
    let cur = region ? { region, mapping, headerIndex } : await read();
    if (!cur) return;
    setBusy("run");
    setProgress({ done: 0, total: Math.max(cur.region.values.length - cur.headerIndex - 1, 0) });
    try {
      const rep = await runValidation(cur.region, cur.mapping, cur.headerIndex, (done, total) => setProgress({ done, total }), policy);
      setLastValidation({ region: cur.region, report: rep });
      setShown({});
      setSelected(null);
      cur = null;
    } catch (err) {
      showError(err);
    } finally {
      setBusy("");
    }
  }

  async function writeReport() {
    if (!host || !lastValidation) return;
    setBusy("write");
    try {
      const spec = buildReportSheet(lastValidation.report, lastValidation.region, lang);
      const written = await host.writeSheet(spec);
      if (mode === "browser") {
        markDirty();
        showSuccess(t("report_written_browser", { name: written.name }));
      } else showSuccess(t("report_written", { name: written.name }));
    } catch (err) {
      showError(err);
    } finally {
      setBusy("");
    }
  }

  async function jump(f: Finding, key: string) {
    if (!host || !lastValidation) return;
    const col = findingCol(f, lastValidation.report, lastValidation.region);
    const sheet = lastValidation.region.sheet;
    try {
      await host.selectCell(sheet, f.row, col);
      setSelected({ key, sheet, address: cellAddress(f.row, col) });
    } catch (err) {
      showError(err);
    }
  }

  const headers: string[] = useMemo(() => (region ? (region.values[headerIndex] ?? []).map((v) => (v === null || v === undefined ? "" : String(v))) : []), [region, headerIndex]);
  const missing = REQUIRED_KEYS.filter((k) => !mapping[k]);

  function setBinding(key: ColumnKey, value: string) {
    setMapping((m) => {
      const next = { ...m };
      if (value === "") delete next[key];
      else {
        const index = Number(value);
        const header = headers[index] ?? "";
        next[key] = { index, header, wan: isWanHeader(header) };
      }
      return next;
    });
    if (lastValidation) setLastValidation(null);
  }

  // Findings ranked and grouped by rule, filtered.
  const groups = useMemo(() => {
    if (!report) return [] as Array<{ rule: string; severity: Severity; items: Array<{ f: Finding; key: string }> }>;
    const map = new Map<string, { rule: string; severity: Severity; items: Array<{ f: Finding; key: string }> }>();
    rankFindings(report.findings).forEach((f, i) => {
      if (sevFilter && f.severity !== sevFilter) return;
      if (ruleFilter && f.rule !== ruleFilter) return;
      let g = map.get(f.rule);
      if (!g) map.set(f.rule, (g = { rule: f.rule, severity: f.severity, items: [] }));
      g.items.push({ f, key: `${f.rule}:${f.row}:${f.column ?? ""}:${i}` });
    });
    return [...map.values()].sort((a, b) => ["error", "warning", "info"].indexOf(a.severity) - ["error", "warning", "info"].indexOf(b.severity) || b.items.length - a.items.length);
  }, [report, sevFilter, ruleFilter]);

  const ruleCodes = useMemo(() => (report ? Object.keys(report.summary.byRule).sort() : []), [report]);
  const colName = (k: ColumnKey | null) => (k ? t(`col_${k}` as MessageKey) : t("finding_row"));
  const dataRows = region ? Math.max(region.values.length - headerIndex - 1, 0) : 0;
  const noHost = !host;

  return (
    <div>
      <div className={styles.section}>
        <Field label={t("source_label")}>
          <Select value={source} onChange={(_, d) => { setSource(d.value); setRegion(null); }} disabled={noHost} data-testid="source-select">
            {mode === "office" ? <option value="sel">{t("source_selection")}</option> : null}
            {tables.map((tb) => (
              <option key={`t:${tb.name}`} value={`t:${tb.name}`}>
                {t("source_table", { name: tb.name, sheet: tb.sheet })}
              </option>
            ))}
            {sheets.map((s) => (
              <option key={`s:${s}`} value={`s:${s}`}>
                {t("source_sheet", { name: s })}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          <Button onClick={() => void refreshSources()} disabled={noHost || busy !== ""}>
            {t("refresh_sources")}
          </Button>
          <Button onClick={() => void read()} disabled={noHost || busy !== ""} data-testid="read-table">
            {busy === "read" ? t("reading") : t("read_table")}
          </Button>
          <Button appearance="primary" onClick={() => void run()} disabled={noHost || busy !== "" || (region !== null && missing.length > 0)} data-testid="run-validation">
            {busy === "run" ? t("validating") : t("run_validation")}
          </Button>
        </div>
        {busy === "run" && progress ? (
          <Field validationMessage={t("progress_rows", progress)} validationState="none">
            <ProgressBar value={progress.total ? progress.done / progress.total : 0} data-testid="progress" />
          </Field>
        ) : null}
      </div>

      {region ? (
        <div className={styles.section} data-testid="mapping">
          <Subtitle2>{t("mapping_title")}</Subtitle2>
          <Caption1>{t("region_info", { sheet: region.sheet, address: region.address, rows: dataRows })}</Caption1>
          <Caption1>{t("mapping_hint")}</Caption1>
          {COLUMN_KEYS.map((k) => (
            <div className={styles.mapRow} key={k}>
              <Text>{colName(k)}</Text>
              <Select
                size="small"
                aria-label={colName(k)}
                data-testid={`map-${k}`}
                value={mapping[k] ? String(mapping[k]!.index) : ""}
                onChange={(_, d) => setBinding(k, d.value)}
              >
                <option value="">{t("mapping_none")}</option>
                {headers.map((h, i) => (
                  <option key={i} value={String(i)}>
                    {h || cellAddress(region.firstRow + headerIndex, region.firstCol + i)}
                  </option>
                ))}
              </Select>
            </div>
          ))}
          {missing.length ? (
            <Text style={{ color: tokens.colorPaletteRedForeground1 }}>{t("missing_required", { cols: missing.map(colName).join(t("list_sep")) })}</Text>
          ) : null}
        </div>
      ) : null}

      {report && lastValidation ? (
        <div className={styles.section} data-testid="results">
          <Divider />
          <Subtitle2>{t("counts_title")}</Subtitle2>
          <div className={styles.row}>
            <Badge color="danger" data-testid="count-error">{t("count_error", { n: report.summary.errors })}</Badge>
            <Badge color="warning" data-testid="count-warning">{t("count_warning", { n: report.summary.warnings })}</Badge>
            <Badge color="informative" data-testid="count-info">{t("count_info", { n: report.summary.infos })}</Badge>
          </div>
          <Caption1>{t("rows_checked", { rows: report.summary.rows, bad: report.summary.rowsWithErrors })}</Caption1>

          <Subtitle2>{t("totals_title")}</Subtitle2>
          <div className={styles.totals} data-testid="totals">
            <Text>{t("total_requested")}</Text>
            <Text className={styles.num}>{formatFen(report.summary.requested)}</Text>
            <Text>{t("total_computed")}</Text>
            <Text className={styles.num}>{formatFen(report.summary.computed)}</Text>
            <Text>{t("total_payable")}</Text>
            <Text className={styles.num}>{formatFen(report.summary.payable)}</Text>
            <Text>{t("total_diff")}</Text>
            <Text className={styles.num}>{formatFen(report.summary.requested - report.summary.computed)}</Text>
            <Text>{t("total_city")}</Text>
            <Text className={styles.num}>{formatFen(report.summary.city)}</Text>
            <Text>{t("total_beneficiary")}</Text>
            <Text className={styles.num}>{formatFen(report.summary.beneficiary)}</Text>
          </div>

          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void writeReport()} disabled={busy !== ""} data-testid="write-report">
              {busy === "write" ? t("writing") : t("write_report")}
            </Button>
          </div>

          <div className={styles.row}>
            <Field label={t("filter_severity")}>
              <Select value={sevFilter} onChange={(_, d) => setSevFilter(d.value as "" | Severity)} data-testid="filter-severity">
                <option value="">{t("filter_all")}</option>
                <option value="error">{t("severity_error")}</option>
                <option value="warning">{t("severity_warning")}</option>
                <option value="info">{t("severity_info")}</option>
              </Select>
            </Field>
            <Field label={t("filter_rule")} className={styles.wideField}>
              <Select className={styles.fullSelect} select={{ style: { maxWidth: "100%", textOverflow: "ellipsis" } }} value={ruleFilter} onChange={(_, d) => setRuleFilter(d.value)} data-testid="filter-rule">
                <option value="">{t("filter_all")}</option>
                {ruleCodes.map((r) => (
                  <option key={r} value={r}>
                    {ruleLabel(r, lang)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          {selected ? (
            <Text weight="semibold" data-testid="selected-cell">
              {t("selected_cell", { sheet: selected.sheet, address: selected.address })}
            </Text>
          ) : null}

          {groups.length === 0 ? <Text data-testid="no-findings">{t("no_findings")}</Text> : null}
          {groups.map((g) => {
            const limit = shown[g.rule] ?? PAGE;
            return (
              <div key={g.rule} className={styles.group} data-testid={`group-${g.rule}`}>
                <div className={styles.row}>
                  <Badge color={SEVERITY_COLOR[g.severity]}>{t(SEVERITY_KEY[g.severity])}</Badge>
                  <Text weight="semibold">{t("group_title", { rule: ruleLabel(g.rule, lang), n: g.items.length })}</Text>
                </div>
                {g.items.slice(0, limit).map(({ f, key }) => (
                  <Button
                    key={key}
                    appearance="subtle"
                    size="small"
                    className={mergeClasses(styles.finding, selected?.key === key && styles.selected)}
                    aria-pressed={selected?.key === key}
                    data-testid="finding"
                    data-rule={f.rule}
                    data-row={f.row}
                    onClick={() => void jump(f, key)}
                  >
                    {t("finding_label", { row: f.row, column: colName(f.column), message: lang === "zh" ? f.message : f.messageEn })}
                  </Button>
                ))}
                {g.items.length > limit ? (
                  <Button appearance="transparent" size="small" onClick={() => setShown((s) => ({ ...s, [g.rule]: limit + PAGE }))}>
                    {t("show_more", { n: Math.min(PAGE, g.items.length - limit) })}
                  </Button>
                ) : null}
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
