/** 项目目录: search the catalogue by code or Chinese name, show the rule and clause, insert =CZ.SUBSIDY. */
import { useMemo, useState } from "react";
import { Badge, Button, Caption1, Card, Field, SearchBox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { catalogueFor, describeRule, payerText, clauseRef, normaliseKey } from "../policy";
import type { Measure, Program } from "../policy";
import { usePane } from "./context";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "8px" },
  card: { padding: "10px" },
  row: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "baseline" },
  label: { color: tokens.colorNeutralForeground3, minWidth: "5em" },
  clause: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

type Entry = { kind: "program"; p: Program } | { kind: "measure"; m: Measure };

export function matches(e: Program | Measure, query: string): boolean {
  const q = normaliseKey(query);
  if (!q) return true;
  const keys = [e.code, e.name.zh, e.name.en, ...(e.aliases ?? [])].map(normaliseKey);
  return keys.some((k) => k.includes(q));
}

/** The formula inserted for a program. */
export function subsidyFormula(code: string): string {
  return `=CZ.SUBSIDY("${code}")`;
}

export function CatalogueTab() {
  const { t, lang, host, mode, showError, showSuccess, policy } = usePane();
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const entries: Entry[] = useMemo(() => {
    const list: Entry[] = [];
    // The catalogue in force today (the set's fallback when none is).
    const cat = catalogueFor(new Date().toISOString().slice(0, 10), policy.catalogues) ?? policy.fallback;
    for (const p of cat.programs) if (matches(p, query)) list.push({ kind: "program", p });
    for (const m of cat.measures) if (matches(m, query)) list.push({ kind: "measure", m });
    return list;
  }, [query, policy]);

  const canInsert = mode === "office" && !!host?.insertFormula;

  async function insert(code: string) {
    const formula = subsidyFormula(code);
    if (!canInsert || !host?.insertFormula) {
      showSuccess(t("copy_formula_hint", { formula }));
      return;
    }
    setBusy(code);
    try {
      const at = await host.insertFormula(formula);
      showSuccess(t("inserted", { formula, address: `${at.sheet}!${at.address}` }));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  }

  const name = (e: Program | Measure) => (lang === "zh" ? e.name.zh : e.name.en);

  return (
    <div>
      <Field label={t("search_label")}>
        <SearchBox placeholder={t("search_placeholder")} value={query} onChange={(_, d) => setQuery(d.value)} data-testid="catalogue-search" />
      </Field>
      <Caption1>{entries.length ? t("results_count", { n: entries.length }) : t("no_match")}</Caption1>
      <div className={styles.list}>
        {entries.map((e) =>
          e.kind === "program" ? (
            <Card key={e.p.code} className={styles.card} data-testid={`program-${e.p.code}`}>
              <div className={styles.row}>
                <Text weight="semibold">{name(e.p)}</Text>
                <Text className={styles.code}>{e.p.code}</Text>
              </div>
              <div className={styles.row}>
                <Text className={styles.label}>{t("field_section")}</Text>
                <Text>{clauseRef(e.p, lang)}</Text>
              </div>
              <div className={styles.row}>
                <Text className={styles.label}>{t("field_rule")}</Text>
                <Text data-testid="rule">{describeRule(e.p, lang)}</Text>
              </div>
              <div className={styles.row}>
                <Text className={styles.label}>{t("field_clause")}</Text>
                <Text className={styles.clause}>{e.p.clause}</Text>
              </div>
              <div className={styles.row}>
                <Text className={styles.label}>{t("field_payer")}</Text>
                <Text>{payerText(e.p.payer, lang)}</Text>
                <Text className={styles.label}>{t("field_cap_scope")}</Text>
                <Text>{t(e.p.capScope === "enterprise" ? "cap_scope_enterprise" : "cap_scope_project")}</Text>
                <Text className={styles.label}>{t("field_one_time")}</Text>
                <Text>{t(e.p.onceFor ? "yes" : "no")}</Text>
              </div>
              <div className={styles.row}>
                <Text className={styles.label}>{t("field_units")}</Text>
                <Text>{e.p.units.join(t("list_sep"))}</Text>
              </div>
              {e.p.notes ? (
                <div className={styles.row}>
                  <Text className={styles.label}>{t("field_notes")}</Text>
                  <Text>{lang === "zh" ? e.p.notes.zh : e.p.notes.en}</Text>
                </div>
              ) : null}
              <div className={styles.row}>
                <Button
                  appearance="primary"
                  size="small"
                  disabled={busy !== null}
                  title={canInsert ? t("insert_formula_hint", { formula: subsidyFormula(e.p.code) }) : t("copy_formula_hint", { formula: subsidyFormula(e.p.code) })}
                  onClick={() => insert(e.p.code)}
                >
                  {t("insert_formula")}
                </Button>
                <Text className={styles.code}>{subsidyFormula(e.p.code)}</Text>
              </div>
            </Card>
          ) : (
            <Card key={e.m.code} className={styles.card} data-testid={`measure-${e.m.code}`}>
              <div className={styles.row}>
                <Text weight="semibold">{name(e.m)}</Text>
                <Text className={styles.code}>{e.m.code}</Text>
                <Badge appearance="outline">{t("non_money")}</Badge>
              </div>
              <div className={styles.row}>
                <Text className={styles.label}>{t("field_section")}</Text>
                <Text>{clauseRef(e.m, lang)}</Text>
              </div>
              <div className={styles.row}>
                <Text className={styles.label}>{t("field_clause")}</Text>
                <Text className={styles.clause}>{e.m.clause}</Text>
              </div>
              <div className={styles.row}>
                <Text className={styles.label}>{t("field_units")}</Text>
                <Text>{e.m.units.join(t("list_sep"))}</Text>
              </div>
            </Card>
          ),
        )}
      </div>
    </div>
  );
}
