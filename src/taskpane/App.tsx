/** The task pane: language, host detection (Excel or browser), tabs, error and success bars. */
import type { PolicySet } from "../policy/types";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title3,
  makeStyles,
  webLightTheme,
} from "@fluentui/react-components";
import type { WorkbookHost } from "../host/types";
import { type BrowserFile, type LastValidation, type PaneContextValue, type PaneMode, type PaneTab, PaneContext, errorText } from "./context";
import { type MessageKey, type Params, type UiLang, translate } from "./i18n";
import { CatalogueTab } from "./CatalogueTab";
import { ValidationTab } from "./ValidationTab";
import { ReportsTab } from "./ReportsTab";
import { downloadName, offerDownload, openWorkbook } from "./browser-workbook";

const useStyles = makeStyles({
  root: { padding: "10px 12px", display: "flex", flexDirection: "column", gap: "8px", minHeight: "100vh", boxSizing: "border-box" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  hidden: { display: "none" },
});

export interface Detected {
  mode: "office" | "browser";
  host: WorkbookHost | null;
  displayLanguage?: string;
}

export interface AppProps {
  /**
   * Find out where the pane runs; resolves after first paint. `onLate` is called if Excel
   * reports itself after the pane already fell back to browser mode: the pane switches to Office.
   */
  detect: (onLate: (d: Detected) => void) => Promise<Detected>;
  /** Open a browser file (injectable for tests). */
  open?: (name: string, data: ArrayBuffer) => Promise<{ host: WorkbookHost; file: BrowserFile }>;
  initialLang?: UiLang;
  /** The policy set (catalogues) the pane computes with: bound at the pane root (index.tsx). */
  policy: PolicySet;
}

type Tabs = PaneTab;

export function App({ detect, open = openWorkbook, initialLang = "zh", policy }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<UiLang>(initialLang);
  const [mode, setMode] = useState<PaneMode>("detecting");
  const [host, setHost] = useState<WorkbookHost | null>(null);
  const [browserFile, setBrowserFile] = useState<BrowserFile | null>(null);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<Tabs>("catalogue");
  const [errors, setErrors] = useState<Array<{ id: number; text: string }>>([]);
  const [success, setSuccess] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [lastValidation, setLastValidation] = useState<LastValidation | null>(null);
  const nextId = useRef(1);
  const fileInput = useRef<HTMLInputElement>(null);

  const t = useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
  const showError = useCallback(
    (err: unknown) => {
      setSuccess(null);
      setErrors((list) => [...list.slice(-2), { id: nextId.current++, text: errorText(err, lang) }]);
    },
    [lang],
  );
  const showSuccess = useCallback((text: string) => setSuccess(text), []);

  useEffect(() => {
    let live = true;
    const apply = (d: Detected) => {
      if (!live) return;
      setMode(d.mode);
      setHost(d.host);
      if (d.displayLanguage) setLang(/^en\b/i.test(d.displayLanguage) ? "en" : "zh");
      if (d.mode === "office") {
        setTab("catalogue");
        // A late switch from browser mode: the browser file (if any) is no longer the workbook in use.
        setBrowserFile(null);
        setDirty(false);
        setLastValidation(null);
      }
    };
    detect(apply).then(
      apply,
      (err) => {
        if (!live) return;
        setMode("browser");
        showError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [detect]);

  async function onFile(files: FileList | null) {
    const f = files?.[0];
    if (!f) return;
    setOpening(true);
    setErrors([]);
    try {
      const data = await f.arrayBuffer();
      const opened = await open(f.name, data);
      setHost(opened.host);
      setBrowserFile(opened.file);
      setDirty(false);
      setLastValidation(null);
      setSuccess(t("file_loaded", { name: f.name }));
      setTab("validation");
    } catch (err) {
      showError(err);
    } finally {
      setOpening(false);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  async function download() {
    if (!browserFile) return;
    try {
      const blob = await browserFile.save();
      offerDownload(blob, downloadName(browserFile.name, "cz"));
    } catch (err) {
      showError(err);
    }
  }

  const ctx: PaneContextValue = useMemo(
    () => ({
      policy,
      lang,
      t,
      mode,
      host,
      browserFile,
      showError,
      showSuccess,
      markDirty: () => setDirty(true),
      lastValidation,
      setLastValidation,
      goToTab: setTab,
    }),
    [policy, lang, t, mode, host, browserFile, showError, showSuccess, lastValidation],
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <PaneContext.Provider value={ctx}>
        <div className={styles.root}>
          <div className={styles.header}>
            <Title3 as="h1">{t("app_title")}</Title3>
            <Button size="small" aria-label={t("lang_switch_label")} onClick={() => setLang(lang === "zh" ? "en" : "zh")} data-testid="lang-switch">
              {t("lang_switch")}
            </Button>
          </div>

          {mode === "detecting" ? <Spinner size="tiny" label={t("mode_detecting")} /> : null}

          {mode === "office" && !(globalThis as { __CZ_FUNCTIONS_LOADED__?: boolean }).__CZ_FUNCTIONS_LOADED__ ? (
            // functions.js runs before taskpane.js in the same page; without its marker the CZ functions did not load.
            <MessageBar intent="warning" layout="multiline" data-testid="functions-unavailable">
              <MessageBarBody>{t("functions_unavailable")}</MessageBarBody>
            </MessageBar>
          ) : null}
          {mode === "browser" ? (
            <MessageBar intent="warning" layout="multiline" data-testid="browser-banner">
              <MessageBarBody>
                <MessageBarTitle>{t("browser_banner_title")}</MessageBarTitle>
                {t("browser_banner_body")}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {mode === "browser" ? (
            <div className={styles.row}>
              <input
                ref={fileInput}
                className={styles.hidden}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label={t("open_file")}
                data-testid="file-input"
                onChange={(e) => void onFile(e.target.files)}
              />
              <Button appearance="primary" onClick={() => fileInput.current?.click()} disabled={opening}>
                {opening ? t("opening_file") : t("open_file")}
              </Button>
              <Caption1 data-testid="file-name">{browserFile ? t("file_loaded", { name: browserFile.name }) : t("no_file")}</Caption1>
              {browserFile && dirty ? (
                <Button onClick={() => void download()} data-testid="download">
                  {t("download_workbook")}
                </Button>
              ) : null}
            </div>
          ) : null}

          {errors.map((e) => (
            <MessageBar key={e.id} intent="error" layout="multiline" data-testid="error-bar">
              <MessageBarBody>
                <MessageBarTitle>{t("error_title")}</MessageBarTitle>
                {e.text}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="transparent" onClick={() => setErrors((l) => l.filter((x) => x.id !== e.id))}>
                  {t("dismiss")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ))}
          {success ? (
            <MessageBar intent="success" layout="multiline" data-testid="success-bar">
              <MessageBarBody>
                <MessageBarTitle>{t("success_title")}</MessageBarTitle>
                {success}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="transparent" onClick={() => setSuccess(null)}>
                  {t("dismiss")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}

          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tabs)}>
            <Tab value="catalogue" data-testid="tab-catalogue">{t("tab_catalogue")}</Tab>
            <Tab value="validation" data-testid="tab-validation">{t("tab_validation")}</Tab>
            <Tab value="reports" data-testid="tab-reports">{t("tab_reports")}</Tab>
          </TabList>
          <div>
            {tab === "catalogue" ? <CatalogueTab /> : null}
            {tab === "validation" ? <ValidationTab key={mode} /> : null}
            {tab === "reports" ? <ReportsTab /> : null}
          </div>
        </div>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
