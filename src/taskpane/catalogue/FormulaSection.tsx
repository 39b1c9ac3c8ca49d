/** 公式: every CZ function with its arguments (Chinese names in zh), what it returns, a worked example and a copy button. */
import { useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { usePane } from "../context";
import { copyText } from "../clipboard";
import { FUNCTION_HELP, type FunctionHelp, signature } from "./formulas";
import { useCardStyles } from "./ProgramCard";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "8px", margin: 0, padding: 0, listStyleType: "none" },
  params: { margin: 0, paddingLeft: "18px" },
  status: { color: tokens.colorNeutralForeground2 },
});

function FunctionItem({ f }: { f: FunctionHelp }) {
  const { t, lang, announce } = usePane();
  const card = useCardStyles();
  const styles = useStyles();
  const [copied, setCopied] = useState<boolean | null>(null);
  async function copy() {
    const ok = await copyText(f.example);
    setCopied(ok);
    announce(t(ok ? "copied" : "copy_failed", { formula: f.example }));
  }
  return (
    <li className={card.card} data-testid={`function-${f.id}`}>
      <Text weight="semibold" as="h3" className={card.code}>
        {signature(f, lang)}
      </Text>
      <Text>{f.text[lang]}</Text>
      <ul className={styles.params}>
        {f.params.map((p) => (
          <li key={p.name}>
            <Text size={200}>
              <b>{p.label[lang]}</b>
              {p.optional ? t("formula_optional") : ""}
              {t("label_colon")}
              {p.text[lang]}
            </Text>
          </li>
        ))}
      </ul>
      <div className={card.row}>
        <Text className={card.label}>{t("formula_example")}</Text>
        <Text className={card.code} data-testid="function-example">
          {f.example}
        </Text>
        <Button size="small" onClick={() => void copy()} data-testid="copy-example">
          {t("copy_formula")}
        </Button>
      </div>
      <div className={card.row}>
        <Text className={card.label}>{t("formula_result")}</Text>
        <Text className={card.code}>{f.resultIsText ? t(`formula_result_${f.id.toLowerCase()}` as "formula_result_explain") : f.result}</Text>
        {f.spills ? <Text size={200}>{t("formula_spills")}</Text> : null}
      </div>
      {copied !== null ? (
        <Text size={200} className={styles.status} role="status" data-testid="example-status">
          {t(copied ? "copied" : "copy_failed", { formula: f.example })}
        </Text>
      ) : null}
    </li>
  );
}

export function FormulaSection() {
  const { t } = usePane();
  const styles = useStyles();
  return (
    <section aria-labelledby="cz-formulas" data-testid="formula-section">
      <Text as="h2" size={400} weight="semibold" id="cz-formulas">
        {t("formulas_title")}
      </Text>
      <Text as="p" size={200}>
        {t("formulas_hint")}
      </Text>
      <ul className={styles.list}>
        {FUNCTION_HELP.map((f) => (
          <FunctionItem key={f.id} f={f} />
        ))}
      </ul>
    </section>
  );
}
