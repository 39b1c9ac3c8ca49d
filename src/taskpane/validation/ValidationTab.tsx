/**
 * 校验: pick a table, check the column mapping, validate with progress, read the one total,
 * browse the findings by keyboard, write the report, copy the summary, export the findings.
 * State lives in a per-workbook store (./store), so switching tabs loses nothing.
 */
import { Caption1, Spinner, makeStyles } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatMoney } from "../../policy/money";
import { usePane } from "../context";
import { MappingPanel } from "./MappingPanel";
import { Results } from "./Results";
import { REQUIRED_KEYS } from "./run";
import { SourcePicker } from "./SourcePicker";
import { useValidationActions } from "./actions";
import { useValidationStore } from "./store";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", maxWidth: "48em" },
  empty: { marginTop: "12px" },
  // Read by screen readers, not shown.
  srOnly: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap", border: 0 },
});

export function ValidationTab() {
  const { t, lang, host, mode, lastValidation } = usePane();
  const styles = useStyles();
  const [s, store] = useValidationStore(host, mode);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [announce, setAnnounce] = useState(false);
  const focusPending = useRef(false);

  const onValidated = useCallback(() => {
    setAnnounce(true);
    focusPending.current = true;
  }, []);
  const actions = useValidationActions(store, onValidated);

  useEffect(() => {
    if (host && !store.get().tables.length && !store.get().sheets.length) void actions.refreshSources();
  }, [host, store, actions]);

  // After validating: focus the first finding (one Tab stop into the list), else the results heading.
  useEffect(() => {
    if (!focusPending.current || !lastValidation) return;
    focusPending.current = false;
    const first = listRef.current?.querySelector<HTMLElement>('[role="option"][tabindex="0"]');
    (first ?? headingRef.current)?.focus();
  }, [lastValidation]);

  if (!host) {
    return (
      <div className={styles.root} data-testid="validation-tab">
        {mode === "detecting" ? (
          <Spinner size="tiny" label={t("mode_detecting")} className={styles.empty} />
        ) : (
          <Caption1 className={styles.empty} data-testid="validation-empty">
            {t("vt_no_file")}
          </Caption1>
        )}
      </div>
    );
  }

  const missingRequired = s.table !== null && REQUIRED_KEYS.some((k) => !s.mapping[k]);
  const sum = lastValidation?.report.summary;

  return (
    <div className={styles.root} data-testid="validation-tab">
      <SourcePicker
        s={s}
        missingRequired={missingRequired}
        onSource={(source) => store.dispatch({ type: "source", source })}
        onRefresh={() => void actions.refreshSources()}
        onRead={() => void actions.read()}
        onRun={() => void actions.run()}
      />
      {!s.table && !lastValidation && s.phase === "idle" ? (
        <Caption1 className={styles.empty} data-testid="validation-hint">
          {t("vt_start_hint")}
        </Caption1>
      ) : null}
      <MappingPanel key={lastValidation ? "results" : "mapping"} collapsed={lastValidation !== null} s={s} onBind={(k, v) => void actions.bind(k, v)} onWan={(k, w) => void actions.setWan(k, w)} onReset={() => void actions.resetMapping()} />
      {lastValidation ? (
        <Results
          s={s}
          last={lastValidation}
          headingRef={headingRef}
          listRef={listRef}
          on={{
            unit: (unit) => store.dispatch({ type: "unit", unit }),
            severity: (severity) => store.dispatch({ type: "severity", severity }),
            rule: (rule) => store.dispatch({ type: "rule", rule }),
            more: () => store.dispatch({ type: "more" }),
            select: (item) => void actions.select(item.f, item.key),
            writeReport: () => void actions.writeReport(),
            copySummary: () => void actions.copySummary(),
            exportFindings: () => void actions.exportFindings(),
          }}
        />
      ) : null}
      <div role="status" aria-live="polite" className={styles.srOnly} data-testid="validation-live">
        {announce && sum
          ? t("vt_announce", { rows: sum.rows, errors: sum.errors, warnings: sum.warnings, infos: sum.infos, payable: formatMoney(sum.totals.payable.amount, lang) })
          : ""}
      </div>
    </div>
  );
}
