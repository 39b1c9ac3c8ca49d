/**
 * 转换为普通公式 (a lazy chunk of its own, with the conversion planner): read CZ formulas
 * (host.readFormulas), preview every change, write only the previewed cells (host.writeFormulas)
 * after the user confirms. Nothing is written before the confirmation.
 */
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { usePane } from "../context";
import { type ConvertMode, type FormulaBlock, changesOf, planConversion, writesOf } from "../../convert/plan";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "10px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all", fontSize: tokens.fontSizeBase200 },
  cannot: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  cellCol: { width: "4.5em" },
});

type Busy = "" | "scan" | "convert";

export default function ConvertPanel({ onWritten }: { onWritten: () => void }) {
  const { t, lang, host, mode, policy, notify } = usePane();
  const styles = useStyles();
  const [busy, setBusy] = useState<Busy>("");
  const [sheets, setSheets] = useState<string[]>([]);
  const [source, setSource] = useState<string>(mode === "office" ? "sel" : "");
  const [convMode, setConvMode] = useState<ConvertMode>("formula");
  const [block, setBlock] = useState<FormulaBlock | null>(null);
  const items = useMemo(() => (block ? planConversion(block, convMode, lang, policy) : []), [block, convMode, lang, policy]);
  const changes = useMemo(() => changesOf(items), [items]);
  const canConvert = !!host?.readFormulas && !!host?.writeFormulas;

  // The sheets to offer in browser mode (in Excel the selection is the source).
  useEffect(() => {
    if (!host || mode === "office") return;
    let live = true;
    host.listSheets().then(
      (list) => {
        if (!live) return;
        setSheets(list);
        setSource((cur) => (cur && list.includes(cur) ? cur : (list[0] ?? "")));
      },
      (error) => notify({ intent: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [host, mode, notify]);

  async function guarded(kind: Busy, fn: () => Promise<void>) {
    setBusy(kind);
    try {
      await fn();
    } catch (error) {
      notify({ intent: "error", error });
    } finally {
      setBusy("");
    }
  }

  const scan = () =>
    guarded("scan", async () => {
      setBlock(null);
      if (!host?.readFormulas) return;
      const b = await host.readFormulas(source === "sel" || !source ? (mode === "office" ? { kind: "selection" } : { kind: "sheet" }) : { kind: "sheet", name: source });
      setBlock(b);
    });

  const confirm = () =>
    guarded("convert", async () => {
      if (!host?.writeFormulas || !block || !changes.length) return;
      const n = await host.writeFormulas(block.sheet, writesOf(items, block.tables));
      setBlock(null);
      onWritten();
      notify({ intent: "success", key: "convert_done", params: { n }, more: mode === "browser" ? [{ key: "reports_download_hint" }] : undefined });
    });

  function cancel() {
    setBlock(null);
    notify({ intent: "info", key: "convert_cancelled" });
  }

  const idle = busy === "";
  const skipped = items.filter((x) => x.after === null).length;

  return (
    <section className={styles.section} data-testid="convert-panel" aria-labelledby="cz-convert-title">
      <Divider />
      <Subtitle2 as="h2" id="cz-convert-title">
        {t("convert_title")}
      </Subtitle2>
      <Caption1>{t("convert_hint")}</Caption1>
      {!canConvert ? (
        <MessageBar intent="info" layout="multiline" data-testid="convert-unavailable">
          <MessageBarBody>{t("convert_unavailable")}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Field label={t("convert_source_label")}>
            <Select
              value={source}
              onChange={(_, d) => {
                setSource(d.value);
                setBlock(null);
              }}
              data-testid="convert-source"
            >
              {mode === "office" ? <option value="sel">{t("convert_source_selection")}</option> : null}
              {sheets.map((s) => (
                <option key={s} value={s}>
                  {t("convert_source_sheet", { name: s })}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("convert_mode_label")}>
            <RadioGroup layout="horizontal" value={convMode} onChange={(_, d) => setConvMode(d.value as ConvertMode)} data-testid="convert-mode">
              <Radio value="formula" label={t("convert_mode_formula")} data-testid="convert-mode-formula" />
              <Radio value="value" label={t("convert_mode_value")} data-testid="convert-mode-value" />
            </RadioGroup>
          </Field>
          <div className={styles.row}>
            <Button onClick={() => void scan()} disabled={!idle} data-testid="convert-scan">
              {busy === "scan" ? t("convert_scanning") : t("convert_scan")}
            </Button>
          </div>
        </>
      )}
      {block ? (
        <div className={styles.section} data-testid="convert-preview">
          <Caption1>{t("convert_scanned", { sheet: block.sheet, address: block.address })}</Caption1>
          {items.length === 0 ? (
            <Text data-testid="convert-none">{t("convert_none")}</Text>
          ) : (
            <>
              <Text weight="semibold">{t("convert_preview", { n: changes.length })}</Text>
              {skipped ? <Text className={styles.cannot}>{t("convert_skipped", { n: skipped })}</Text> : null}
              <Table size="extra-small" aria-label={t("convert_title")}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.cellCol}>{t("convert_col_cell")}</TableHeaderCell>
                    <TableHeaderCell>{t("convert_before")}</TableHeaderCell>
                    <TableHeaderCell>{t("convert_after")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((x) => (
                    <TableRow key={x.address} data-testid="convert-item" data-address={x.address} data-ok={x.after !== null ? "1" : "0"}>
                      <TableCell>{x.address}</TableCell>
                      <TableCell className={styles.mono}>{x.spill ? `${x.before} ${t("convert_spill")}` : x.before}</TableCell>
                      <TableCell className={x.after === null ? styles.cannot : styles.mono}>{x.after === null ? t("convert_cannot", { reason: x.reason ?? "" }) : String(x.after)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void confirm()} disabled={!idle || changes.length === 0} data-testid="convert-confirm">
              {busy === "convert" ? t("writing") : t("convert_confirm")}
            </Button>
            <Button onClick={cancel} disabled={!idle} data-testid="convert-cancel">
              {t("convert_cancel")}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
