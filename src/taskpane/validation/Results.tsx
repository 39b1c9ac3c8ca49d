/**
 * The results of the last validation: counts, the one total, the actions (report sheet, copy
 * summary, export findings), the filter, the findings list and the selected finding's detail.
 */
import { Badge, Button, Caption1, Field, Select, Text, Textarea, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { type Ref, useMemo } from "react";
import type { Severity } from "../../validation/types";
import type { LastValidation } from "../context";
import { usePane } from "../context";
import { rankFindings } from "../report-sheet";
import { FindingsList, type FindingGroup, type FindingItem } from "./FindingsList";
import { ruleTitle } from "./format";
import { NoticeView } from "./Notices";
import { RowView } from "./RowView";
import type { ValidationState } from "./state";
import { TotalsView } from "./TotalsView";
import { cellAddress } from "../../sheet/a1";
import { findingCol } from "../report-sheet";

const SEV_ORDER: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "12px", maxWidth: "48em" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  wideField: { flex: "1 1 12em", minWidth: 0 },
  fullSelect: { width: "100%", minWidth: 0 },
  detail: {
    position: "sticky",
    // Above the pane's feedback strip (also pinned to the bottom), whose height the strip publishes.
    bottom: "var(--cz-feedback-height, 0px)",
    maxHeight: "45vh",
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `2px solid ${tokens.colorBrandStroke1}`,
    padding: "6px 2px",
    boxShadow: tokens.shadow8,
  },
});

/** Findings ranked, filtered and grouped by rule (errors first, then the larger groups), paged to `limit`. */
export function groupFindings(last: LastValidation, severity: "" | Severity, rule: string, limit: number): { groups: FindingGroup[]; shown: number; matching: number } {
  const map = new Map<string, FindingGroup>();
  let matching = 0;
  rankFindings(last.report.findings).forEach((f, i) => {
    if (severity && f.severity !== severity) return;
    if (rule && f.rule !== rule) return;
    matching++;
    let g = map.get(f.rule);
    if (!g) map.set(f.rule, (g = { rule: f.rule, severity: f.severity, total: 0, items: [] }));
    g.total++;
    g.items.push({ f, key: `${f.rule}:${f.row}:${f.column ?? ""}:${i}` });
  });
  const groups = [...map.values()].sort((a, b) => SEV_ORDER.indexOf(a.severity) - SEV_ORDER.indexOf(b.severity) || b.total - a.total);
  // Page over the flat order.
  let left = limit;
  for (const g of groups) {
    g.items = g.items.slice(0, Math.max(left, 0));
    left -= g.items.length;
  }
  return { groups: groups.filter((g) => g.items.length), shown: limit - Math.max(left, 0), matching };
}

export interface ResultsProps {
  s: ValidationState;
  last: LastValidation;
  headingRef: Ref<HTMLHeadingElement>;
  listRef: Ref<HTMLDivElement>;
  on: {
    unit(u: "yuan" | "wan"): void;
    severity(v: "" | Severity): void;
    rule(v: string): void;
    more(): void;
    select(item: FindingItem): void;
    writeReport(): void;
    copySummary(): void;
    exportFindings(): void;
  };
}

export function Results({ s, last, headingRef, listRef, on }: ResultsProps) {
  const { t, lang, mode } = usePane();
  const styles = useStyles();
  const { report, region } = last;
  const { groups, shown, matching } = useMemo(() => groupFindings(last, s.severity, s.rule, s.limit), [last, s.severity, s.rule, s.limit]);
  const ruleCodes = useMemo(() => Object.keys(report.summary.byRule).sort(), [report]);
  const selected = useMemo(() => {
    if (!s.selected) return null;
    for (const g of groups) for (const it of g.items) if (it.key === s.selected) return it.f;
    return null;
  }, [groups, s.selected]);
  const total = report.findings.length;
  const busy = s.phase !== "idle";

  return (
    <section className={styles.section} data-testid="results" aria-labelledby="cz-results-title">
      <h2 className={styles.heading} id="cz-results-title" ref={headingRef} tabIndex={-1} data-testid="results-heading">
        {t("counts_title")}
      </h2>
      <Caption1>{t("vt_results_for", { sheet: region.sheet, address: region.address, rows: report.summary.rows })}</Caption1>
      <div className={styles.row}>
        <Badge color="danger" data-testid="count-error">{t("count_error", { n: report.summary.errors })}</Badge>
        <Badge color="warning" data-testid="count-warning">{t("count_warning", { n: report.summary.warnings })}</Badge>
        <Badge color="informative" data-testid="count-info">{t("count_info", { n: report.summary.infos })}</Badge>
      </div>
      <Caption1>{t("rows_checked", { rows: report.summary.rows, bad: report.summary.rowsWithErrors })}</Caption1>

      <TotalsView totals={report.summary.totals} unit={s.unit} onUnit={on.unit} />

      <div className={styles.row}>
        <Button appearance="primary" onClick={on.writeReport} disabled={busy} data-testid="write-report">
          {s.phase === "writing" ? t("writing") : t("write_report")}
        </Button>
        <Button onClick={on.copySummary} disabled={busy} data-testid="copy-summary">
          {t("vt_copy_summary")}
        </Button>
        <Button onClick={on.exportFindings} disabled={busy || total === 0} data-testid="export-findings">
          {s.phase === "exporting" ? t("vt_exporting") : t("vt_export_findings")}
        </Button>
      </div>
      <NoticeView notices={s.notices} slot="actions" />
      {s.manualCopy ? <Textarea readOnly value={s.manualCopy} aria-label={t("vt_copy_summary")} resize="vertical" data-testid="manual-copy" /> : null}

      <div className={styles.row}>
        <Field label={t("filter_severity")}>
          <Select value={s.severity} onChange={(_, d) => on.severity(d.value as "" | Severity)} data-testid="filter-severity">
            <option value="">{t("filter_all")}</option>
            <option value="error">{t("severity_error")}</option>
            <option value="warning">{t("severity_warning")}</option>
            <option value="info">{t("severity_info")}</option>
          </Select>
        </Field>
        <Field label={t("filter_rule")} className={styles.wideField}>
          <Select className={styles.fullSelect} value={s.rule} onChange={(_, d) => on.rule(d.value)} data-testid="filter-rule">
            <option value="">{t("filter_all")}</option>
            {ruleCodes.map((r) => (
              <option key={r} value={r}>
                {ruleTitle(r, lang)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {total === 0 ? <Text data-testid="no-findings">{t("no_findings")}</Text> : null}
      {total > 0 && matching === 0 ? <Text data-testid="no-findings">{t("vt_filter_hidden", { n: total })}</Text> : null}
      <div ref={listRef}>{matching > 0 ? <FindingsList groups={groups} selected={s.selected} onSelect={on.select} /> : null}</div>
      {matching > shown ? (
        <div>
          <Button appearance="subtle" size="small" onClick={on.more} data-testid="show-more">
            {t("vt_show_more", { n: Math.min(200, matching - shown), total: matching })}
          </Button>
        </div>
      ) : null}
      <NoticeView notices={s.notices} slot="results" />

      {selected ? (
        <div className={styles.detail} data-testid="finding-detail">
          {mode === "browser" ? (
            <RowView finding={selected} report={report} region={region} headerIndex={s.table?.region === region ? s.table.headerIndex : headerIndexOf(last)} />
          ) : (
            <Text weight="semibold" data-testid="selected-cell">
              {t("selected_cell", { sheet: region.sheet, address: cellAddress(selected.row, findingCol(selected, report, region)) })}
            </Text>
          )}
        </div>
      ) : null}
    </section>
  );
}

/** The header row of a validated region: the row above the first data row the report knows. */
function headerIndexOf(last: LastValidation): number {
  const first = last.report.rows[0]?.row;
  return first !== undefined ? Math.max(first - last.region.firstRow - 1, 0) : 0;
}
