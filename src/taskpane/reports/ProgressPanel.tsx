/** 行动计划进度: target vs actual per indicator and year with a bar; unmeasurable indicators listed as 需另行填报. */
import { Button, Caption1, Divider, ProgressBar, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { progress } from "../../reports";
import type { MessageKey, Params } from "../i18n";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "10px" },
  indicator: { display: "flex", flexDirection: "column", gap: "2px" },
  indicatorHead: { display: "flex", justifyContent: "space-between", gap: "8px" },
  pct: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: "18px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
});

export interface ProgressPanelProps {
  prog: ReturnType<typeof progress>;
  t: (key: MessageKey, params?: Params) => string;
  busy: boolean;
  disabled: boolean;
  onBuild: () => void;
}

export function ProgressPanel({ prog, t, busy, disabled, onBuild }: ProgressPanelProps) {
  const styles = useStyles();
  return (
    <section className={styles.section} data-testid="progress-panel" aria-labelledby="cz-progress-title">
      <Divider />
      <Subtitle2 as="h2" id="cz-progress-title">
        {t("progress_title")}
      </Subtitle2>
      {prog.measured.length === 0 ? <Text>{t("progress_none")}</Text> : null}
      {prog.measured.map((p) => {
        const pct = Math.round(p.ratio * 100);
        const label = t("progress_row", { name: p.name, year: p.year, actual: p.actualText, target: p.targetText });
        return (
          <div key={`${p.code}-${p.year}`} className={styles.indicator} data-testid="progress-indicator" data-code={p.code} data-year={p.year}>
            <div className={styles.indicatorHead}>
              <Text size={200}>{label}</Text>
              <Text size={200} className={styles.pct} data-testid="progress-pct">
                {t("progress_pct", { pct })}
              </Text>
            </div>
            <ProgressBar value={Math.min(Math.max(p.ratio, 0), 1)} max={1} thickness="large" color={p.ratio >= 1 ? "success" : "brand"} aria-label={label} />
            <Caption1 className={styles.muted} data-testid="progress-rule">
              {p.rule}
            </Caption1>
            {p.undated > 0 ? <Caption1 className={styles.muted}>{t("progress_undated", { n: p.undated })}</Caption1> : null}
          </div>
        );
      })}
      {prog.manual.length ? (
        <div className={styles.indicator} data-testid="progress-separate">
          <Text weight="semibold">{t("progress_separate")}</Text>
          <Caption1 className={styles.muted}>{t("progress_separate_hint")}</Caption1>
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
        <Button onClick={onBuild} disabled={disabled} data-testid="build-progress">
          {busy ? t("reports_busy") : t("build_progress")}
        </Button>
      </div>
    </section>
  );
}
