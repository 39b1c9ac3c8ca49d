/** 报表: results table, pivot report, Action-Plan progress, convert to ordinary formulas. */
import { Button, MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";
import { usePane } from "./context";

const useStyles = makeStyles({
  col: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "10px", alignItems: "flex-start" },
});

export function ReportsTab() {
  const { t } = usePane();
  const styles = useStyles();
  return (
    <div className={styles.col}>
      <MessageBar intent="info">
        <MessageBarBody>{t("reports_unavailable")}</MessageBarBody>
      </MessageBar>
      <Button disabled>{t("build_results")}</Button>
      <Button disabled>{t("build_pivots")}</Button>
      <Button disabled>{t("build_progress")}</Button>
      <Button disabled>{t("convert_formulas")}</Button>
    </div>
  );
}
