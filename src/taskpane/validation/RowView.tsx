/**
 * Browser mode has no grid to jump to: a selected finding shows its row inline, header → value,
 * with the finding's cell marked. In Excel the pane names the selected cell instead.
 */
import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { RegionData } from "../../host/types";
import { cellAddress, colLetters } from "../../sheet/a1";
import type { Finding, ValidationReport } from "../../validation/types";
import { usePane } from "../context";
import { findingCol } from "../report-sheet";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: "4px" },
  grid: { display: "grid", gridTemplateColumns: "minmax(6em, 40%) 1fr", gap: "1px 8px", margin: 0 },
  term: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  value: { margin: 0, overflowWrap: "anywhere" },
  hit: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1, outline: `2px solid ${tokens.colorPaletteRedBorder2}`, fontWeight: tokens.fontWeightSemibold },
});

function show(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v);
}

export function RowView({ finding, report, region, headerIndex }: { finding: Finding; report: ValidationReport; region: RegionData; headerIndex: number }) {
  const { t } = usePane();
  const styles = useStyles();
  const values = region.values[finding.row - region.firstRow] ?? [];
  const headers = region.values[headerIndex] ?? [];
  const hitCol = findingCol(finding, report, region) - region.firstCol;
  const width = Math.max(values.length, headers.length);
  return (
    <div className={styles.box} data-testid="row-view">
      <Text weight="semibold">
        {t("vt_row_view_title", { row: finding.row, sheet: region.sheet })} · {cellAddress(finding.row, region.firstCol + hitCol)}
      </Text>
      <Caption1>{t("vt_row_view_hint")}</Caption1>
      <dl className={styles.grid}>
        {Array.from({ length: width }, (_, i) => {
          const hit = i === hitCol;
          const head = show(headers[i]) || colLetters(region.firstCol + i);
          const text = show(values[i]);
          return (
            <div key={i} style={{ display: "contents" }} data-testid={hit ? "row-view-hit" : undefined}>
              <dt className={mergeClasses(styles.term, hit && styles.hit)}>{head}</dt>
              <dd className={mergeClasses(styles.value, hit && styles.hit)}>
                {text || t("vt_empty_value")}
                {hit ? <Caption1>{t("vt_row_view_cell")}</Caption1> : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
