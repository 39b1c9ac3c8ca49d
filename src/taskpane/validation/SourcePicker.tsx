/** Which table to check, and the buttons that read and validate it. */
import { Button, Field, ProgressBar, Select, makeStyles } from "@fluentui/react-components";
import { usePane } from "../context";
import { NoticeView } from "./Notices";
import type { ValidationState } from "./state";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "10px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
});

export interface SourcePickerProps {
  s: ValidationState;
  missingRequired: boolean;
  onSource(source: string): void;
  onRefresh(): void;
  onRead(): void;
  onRun(): void;
}

export function SourcePicker({ s, missingRequired, onSource, onRefresh, onRead, onRun }: SourcePickerProps) {
  const { t, mode } = usePane();
  const styles = useStyles();
  const busy = s.phase !== "idle";
  return (
    <div className={styles.section}>
      <Field label={t("source_label")}>
        <Select value={s.source} onChange={(_, d) => onSource(d.value)} data-testid="source-select">
          {mode === "office" ? <option value="sel">{t("source_selection")}</option> : null}
          {s.tables.map((tb) => (
            <option key={`t:${tb.name}`} value={`t:${tb.name}`}>
              {t("source_table", { name: tb.name, sheet: tb.sheet })}
            </option>
          ))}
          {s.sheets.map((n) => (
            <option key={`s:${n}`} value={`s:${n}`}>
              {t("source_sheet", { name: n })}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        {mode === "office" ? (
          // The browser's list is the opened file's and cannot change; only Excel's can.
          <Button onClick={onRefresh} disabled={busy}>
            {t("refresh_sources")}
          </Button>
        ) : null}
        <Button onClick={onRead} disabled={busy} data-testid="read-table">
          {s.phase === "reading" ? t("reading") : t("read_table")}
        </Button>
        <Button appearance="primary" onClick={onRun} disabled={busy || missingRequired} data-testid="run-validation">
          {s.phase === "running" ? t("validating") : t("run_validation")}
        </Button>
      </div>
      <NoticeView notices={s.notices} slot="source" />
      {s.phase === "running" && s.progress ? (
        <Field validationMessage={t("progress_rows", s.progress)} validationState="none">
          <ProgressBar value={s.progress.total ? s.progress.done / s.progress.total : 0} data-testid="progress" aria-label={t("validating")} />
        </Field>
      ) : null}
    </div>
  );
}
