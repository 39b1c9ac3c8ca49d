/**
 * The column mapping: one drop-down per column key, required ones marked (*), 万元 columns shown
 * with their ×10,000 scaling (and a switch to say so), a way back to automatic detection. For a
 * table without a header row the choices are the column letters.
 */
import { Button, Caption1, Checkbox, Field, Select, Subtitle2, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { colLetters } from "../../sheet/a1";
import { MONEY_KEYS } from "../../validation/headers";
import { COLUMN_KEYS, type ColumnKey } from "../../validation/types";
import { usePane } from "../context";
import type { MessageKey } from "../i18n";
import { NoticeView } from "./Notices";
import { REQUIRED_KEYS, headerTexts } from "./run";
import type { ValidationState } from "./state";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "6px", marginTop: "12px" },
  grid: { display: "flex", flexDirection: "column", gap: "4px" },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  body: { display: "flex", flexDirection: "column", gap: "6px" },
});

export interface MappingPanelProps {
  s: ValidationState;
  /** Start collapsed (once there are results, the mapping is one click away). */
  collapsed?: boolean;
  onBind(key: ColumnKey, value: string): void;
  onWan(key: ColumnKey, wan: boolean): void;
  onReset(): void;
}

export function MappingPanel({ s, collapsed = false, onBind, onWan, onReset }: MappingPanelProps) {
  const { t } = usePane();
  const styles = useStyles();
  const [open, setOpen] = useState(!collapsed);
  const table = s.table;
  if (!table) return null;
  const { region } = table;
  const headers = headerTexts(table);
  const dataRows = Math.max(region.values.length - table.headerIndex - 1, 0);
  const colName = (k: ColumnKey) => t(`col_${k}` as MessageKey);
  const missing = REQUIRED_KEYS.filter((k) => !s.mapping[k]);
  const option = (i: number) => {
    const letter = colLetters(region.firstCol + i);
    return table.headerless || !headers[i] ? t("vt_column_letter", { letter }) : t("vt_column_option", { letter, header: headers[i] });
  };
  return (
    <section className={styles.section} data-testid="mapping" aria-labelledby="cz-mapping-title">
      <div className={styles.head}>
        <Subtitle2 as="h2" id="cz-mapping-title">
          {t("mapping_title")}
        </Subtitle2>
        <Button size="small" appearance="subtle" aria-expanded={open} aria-controls="cz-mapping-body" onClick={() => setOpen(!open)} data-testid="mapping-toggle">
          {open ? t("vt_mapping_hide") : t("vt_mapping_show")}
        </Button>
      </div>
      <Caption1>{t("region_info", { sheet: region.sheet, address: region.address, rows: dataRows })}</Caption1>
      {open ? (
      <div id="cz-mapping-body" className={styles.body}>
      <Caption1>
        {table.headerless ? null : `${t("mapping_hint")} `}
        {t("vt_mapping_required_note")}
      </Caption1>
      <NoticeView notices={s.notices} slot="mapping" />
      <div className={styles.grid}>
        {COLUMN_KEYS.map((k) => {
          const b = s.mapping[k];
          const required = REQUIRED_KEYS.includes(k);
          return (
            <div key={k}>
            <Field
              label={colName(k)}
              required={required}
              orientation="horizontal"
              size="small"
              hint={b?.wan ? t("vt_mapping_scaled") : undefined}
              validationState={required && !b ? "error" : "none"}
              validationMessage={required && !b ? t("missing_required", { cols: colName(k) }) : undefined}
              data-testid={`mapfield-${k}`}
            >
              <Select size="small" data-testid={`map-${k}`} value={b ? String(b.index) : ""} onChange={(_, d) => onBind(k, d.value)}>
                <option value="">{t("mapping_none")}</option>
                {headers.map((_, i) => (
                  <option key={i} value={String(i)}>
                    {option(i)}
                  </option>
                ))}
              </Select>
            </Field>
            {b && MONEY_KEYS.has(k) ? <Checkbox checked={b.wan} label={t("vt_mapping_wan_toggle")} onChange={(_, d) => onWan(k, d.checked === true)} data-testid={`wan-${k}`} /> : null}
            </div>
          );
        })}
      </div>
      {missing.length ? <Caption1 data-testid="missing-required">{t("missing_required", { cols: missing.map(colName).join(t("list_sep")) })}</Caption1> : null}
      {s.origin === "manual" || s.origin === "remembered" ? (
        <div>
          <Button size="small" onClick={onReset} data-testid="mapping-reset">
            {t("vt_mapping_reset")}
          </Button>
        </div>
      ) : null}
      </div>
      ) : null}
    </section>
  );
}
