/**
 * The one total with its parts, from the core (report.summary.totals) in the core's words
 * (validation/totals totalText): 申报 / 应付 (with its split by payer) / 有误未计 / 需复核, each with
 * its unit, row count and a one-line hint; 元 or 万元. No other total is shown.
 */
import { Caption1, Subtitle2, Switch, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Fen } from "../../policy/money";
import { TOTAL_KEYS, totalText } from "../../validation/totals";
import type { Totals } from "../../validation/types";
import { usePane } from "../context";
import { unitDigits } from "./format";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "4px", maxWidth: "40em" },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px", flexWrap: "wrap" },
  part: { display: "grid", gridTemplateColumns: "minmax(5em, auto) 1fr", columnGap: "12px", padding: "4px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  amount: { fontFamily: tokens.fontFamilyMonospace, textAlign: "right", fontWeight: tokens.fontWeightSemibold },
  payable: { backgroundColor: tokens.colorBrandBackground2, paddingLeft: "4px", paddingRight: "4px" },
  sub: { gridColumn: "1 / -1", color: tokens.colorNeutralForeground3 },
});

export function TotalsView({ totals, unit, onUnit }: { totals: Totals; unit: "yuan" | "wan"; onUnit(unit: "yuan" | "wan"): void }) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const money = (fen: Fen) => t(unit === "wan" ? "vt_amount_wan" : "vt_amount_yuan", { amount: unitDigits(fen, unit) });
  return (
    <section className={styles.section} aria-labelledby="cz-totals-title" data-testid="totals">
      <div className={styles.head}>
        <Subtitle2 as="h3" id="cz-totals-title">
          {t("vt_total_title")}
        </Subtitle2>
        <Switch checked={unit === "wan"} onChange={(_, d) => onUnit(d.checked ? "wan" : "yuan")} label={t("vt_unit_wan")} data-testid="unit-wan" />
      </div>
      {TOTAL_KEYS.map((k) => {
        const part = totals[k];
        return (
          <div key={k} className={mergeClasses(styles.part, k === "payable" && styles.payable)} data-testid={`total-${k}`} data-fen={part.amount} data-rows={part.rows}>
            <Text weight="semibold">{totalText(lang, k)}</Text>
            <Text className={styles.amount} data-testid={`total-${k}-amount`}>
              {money(part.amount)}
            </Text>
            <Caption1 className={styles.sub}>
              {totalText(lang, "rows", { n: part.rows })} · {totalText(lang, `${k}_hint`)}
            </Caption1>
            {k === "payable" ? (
              <Caption1 className={styles.sub} data-testid="total-payable-split" data-city={totals.payable.city} data-beneficiary={totals.payable.beneficiary}>
                {totalText(lang, "split", { city: money(totals.payable.city), beneficiary: money(totals.payable.beneficiary) })}
              </Caption1>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
