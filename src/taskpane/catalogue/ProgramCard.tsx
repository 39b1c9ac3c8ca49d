/** One program of the catalogue: rule, clause, payer, and its formula (insert in Excel, copy elsewhere). */
import { useState } from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { describeRule, payerText, clauseRef } from "../../policy";
import type { Measure, Program } from "../../policy";
import { usePane } from "../context";
import type { MessageKey, Params } from "../i18n";
import { cellAddress, parseA1 } from "../../sheet/a1";
import { copyText } from "../clipboard";
import { suggestionFor } from "./formulas";

export const useCardStyles = makeStyles({
  card: {
    padding: "10px",
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: "anywhere",
  },
  row: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "baseline" },
  label: { color: tokens.colorNeutralForeground3, minWidth: "5em" },
  clause: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  status: { color: tokens.colorNeutralForeground2 },
  statusError: { color: tokens.colorPaletteRedForeground1 },
});

/** "C5" → "B5" (a range's first cell, a sheet prefix dropped); null in column A (no cell to the left). */
export function leftOf(address: string): string | null {
  const first = parseA1(address.replace(/^.*!/, "").split(":")[0]);
  return first && first.col > 0 ? cellAddress(first.row, first.col - 1) : null;
}

type Status = { ok: boolean; key: MessageKey; params: Params } | null;

export function ProgramCard({ p }: { p: Program }) {
  const { t, lang, host, mode, functionsAvailable, notify, announce } = usePane();
  const styles = useCardStyles();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const s = suggestionFor(p);
  const canInsert = mode === "office" && functionsAvailable && !!host?.insertFormula;
  const inputKey: MessageKey | null = s.input === "amount" ? "formula_input_amount" : s.input === "level" ? "formula_input_level" : null;

  async function insert() {
    if (!host?.insertFormula) return;
    setBusy(true);
    try {
      const at = s.input ? await host.insertFormula(s.r1c1, { r1c1: true }) : await host.insertFormula(s.a1);
      const address = `${at.sheet}!${at.address}`;
      const left = leftOf(at.address);
      const st: Status = s.input
        ? left
          ? { ok: true, key: "inserted_ref", params: { address, left, what: t(inputKey!) } }
          : { ok: false, key: "inserted_no_left", params: { address } }
        : { ok: true, key: "inserted", params: { formula: s.a1, address } };
      setStatus(st);
      notify({ intent: st.ok ? "success" : "warning", key: st.key, params: st.params });
    } catch (error) {
      setStatus(null);
      notify({ intent: "error", error });
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    const ok = await copyText(s.a1);
    const st: Status = ok ? { ok: true, key: s.input ? "copied_ref" : "copied", params: { formula: s.a1, what: inputKey ? t(inputKey) : "" } } : { ok: false, key: "copy_failed", params: { formula: s.a1 } };
    setStatus(st);
    announce(t(st.key, st.params));
  }

  return (
    <article className={styles.card} data-testid={`program-${p.code}`} aria-labelledby={`cz-p-${p.code}`}>
      <div className={styles.row}>
        <Text weight="semibold" as="h3" id={`cz-p-${p.code}`}>
          {p.name[lang]}
        </Text>
        <Text className={styles.code}>{p.code}</Text>
      </div>
      <div className={styles.row}>
        <Text className={styles.label}>{t("field_section")}</Text>
        <Text>{clauseRef(p, lang)}</Text>
      </div>
      <div className={styles.row}>
        <Text className={styles.label}>{t("field_rule")}</Text>
        <Text data-testid="rule">{describeRule(p, lang)}</Text>
      </div>
      <div className={styles.row}>
        <Text className={styles.label}>{t("field_clause")}</Text>
        <Text className={styles.clause}>{p.clause}</Text>
      </div>
      <div className={styles.row}>
        <Text className={styles.label}>{t("field_payer")}</Text>
        <Text>{payerText(p.payer, lang)}</Text>
        <Text className={styles.label}>{t("field_cap_scope")}</Text>
        <Text>{t(p.capScope === "enterprise" ? "cap_scope_enterprise" : "cap_scope_project")}</Text>
        <Text className={styles.label}>{t("field_one_time")}</Text>
        <Text>{t(p.onceFor ? "yes" : "no")}</Text>
      </div>
      <div className={styles.row}>
        <Text className={styles.label}>{t("field_units")}</Text>
        <Text>{p.units.join(t("list_sep"))}</Text>
      </div>
      {p.notes ? (
        <div className={styles.row}>
          <Text className={styles.label}>{t("field_notes")}</Text>
          <Text>{p.notes[lang]}</Text>
        </div>
      ) : null}
      <div className={styles.row}>
        {canInsert ? (
          <Button appearance="primary" size="small" disabled={busy} title={t(s.input ? "insert_formula_hint_ref" : "insert_formula_hint", { formula: s.a1, what: inputKey ? t(inputKey) : "" })} onClick={() => void insert()} data-testid="insert-formula">
            {t("insert_formula")}
          </Button>
        ) : null}
        <Button size="small" appearance={canInsert ? "secondary" : "primary"} onClick={() => void copy()} data-testid="copy-formula">
          {t("copy_formula")}
        </Button>
        <Text className={styles.code} data-testid="formula">
          {s.a1}
        </Text>
      </div>
      {inputKey ? (
        <Text size={200} className={styles.status}>
          {t(canInsert ? "formula_ref_hint_insert" : "formula_ref_hint_copy", { what: t(inputKey), example: String(s.example ?? "") })}
        </Text>
      ) : null}
      {status ? (
        <Text size={200} className={status.ok ? styles.status : styles.statusError} data-testid="formula-status" role="status">
          {t(status.key, status.params)}
        </Text>
      ) : null}
    </article>
  );
}

export function MeasureCard({ m }: { m: Measure }) {
  const { t, lang } = usePane();
  const styles = useCardStyles();
  return (
    <article className={styles.card} data-testid={`measure-${m.code}`} aria-labelledby={`cz-m-${m.code}`}>
      <div className={styles.row}>
        <Text weight="semibold" as="h3" id={`cz-m-${m.code}`}>
          {m.name[lang]}
        </Text>
        <Text className={styles.code}>{m.code}</Text>
        <Badge appearance="outline">{t("non_money")}</Badge>
      </div>
      <div className={styles.row}>
        <Text className={styles.label}>{t("field_section")}</Text>
        <Text>{clauseRef(m, lang)}</Text>
      </div>
      <div className={styles.row}>
        <Text className={styles.label}>{t("field_clause")}</Text>
        <Text className={styles.clause}>{m.clause}</Text>
      </div>
      <div className={styles.row}>
        <Text className={styles.label}>{t("field_units")}</Text>
        <Text>{m.units.join(t("list_sep"))}</Text>
      </div>
    </article>
  );
}
