/**
 * 项目目录: search the catalogue in force (code, names, rule text, levels), each program with its
 * rule, clause and a working formula; then 公式, every CZ function explained with an example.
 * Explicit states: results, or "no match" with the query.
 */
import { useMemo, useState } from "react";
import { Caption1, Field, SearchBox, makeStyles } from "@fluentui/react-components";
import { PaneTabs } from "../app/PaneTabs";
import { catalogueFor } from "../../policy";
import type { Measure, Program } from "../../policy";
import { usePane } from "../context";
import { FormulaSection } from "./FormulaSection";
import { MeasureCard, ProgramCard } from "./ProgramCard";
import { matches } from "./search";

export { matches } from "./search";
export { subsidyFormula } from "./formulas";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "8px", padding: 0, margin: 0, listStyleType: "none" },
  sub: { marginBottom: "6px" },
});

type Entry = { kind: "program"; p: Program } | { kind: "measure"; m: Measure };
type View = "programs" | "formulas";

export function CatalogueTab() {
  const { t, policy } = usePane();
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [view, setView] = useState<View>("programs");
  const entries: Entry[] = useMemo(() => {
    const list: Entry[] = [];
    // The catalogue in force today (the set's fallback when none is).
    const cat = catalogueFor(new Date().toISOString().slice(0, 10), policy.catalogues) ?? policy.fallback;
    for (const p of cat.programs) if (matches(p, query)) list.push({ kind: "program", p });
    for (const m of cat.measures) if (matches(m, query)) list.push({ kind: "measure", m });
    return list;
  }, [query, policy]);

  return (
    <div>
      <div className={styles.sub}>
        <PaneTabs<View>
          idPrefix="cz-cat"
          size="small"
          label={t("tab_catalogue")}
          selected={view}
          onSelect={setView}
          tabs={[
            { value: "programs", label: t("catalogue_programs"), testId: "view-programs" },
            { value: "formulas", label: t("formulas_title"), testId: "view-formulas" },
          ]}
        />
      </div>
      <div role="tabpanel" aria-labelledby={`cz-cat-${view}`}>
      {view === "formulas" ? (
        <FormulaSection />
      ) : (
        <>
          <Field label={t("search_label")}>
            <SearchBox placeholder={t("search_placeholder")} value={query} onChange={(_, d) => setQuery(d.value)} data-testid="catalogue-search" />
          </Field>
          <Caption1 role="status" data-testid="catalogue-count">
            {entries.length ? t("results_count", { n: entries.length }) : t("no_match_query", { query })}
          </Caption1>
          <ul className={styles.list}>
            {entries.map((e) => (
              <li key={e.kind === "program" ? e.p.code : e.m.code}>{e.kind === "program" ? <ProgramCard p={e.p} /> : <MeasureCard m={e.m} />}</li>
            ))}
          </ul>
        </>
      )}
      </div>
    </div>
  );
}
