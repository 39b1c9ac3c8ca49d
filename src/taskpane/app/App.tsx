/**
 * The task pane's shell: header (title, language), where it runs (Excel or browser), the tabs as
 * navigation, the tab content as the main landmark, the feedback strip and the live region. The
 * reports tab is a lazy chunk: a reviewer who only validates never loads it.
 */
import type { PolicySet } from "../../policy/types";
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { Button, Caption1, FluentProvider, MessageBar, MessageBarBody, Spinner, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookHost } from "../../host/types";
import { type BrowserFile, type Notice, type PaneContextValue, type PaneTab, PaneContext, noticeText } from "../context";
import { type MessageKey, type Params, translate } from "../i18n";
import type { UiLang } from "../i18n";
import { LANG_TAG, OTHER_LANG } from "../../i18n";
import { BrowserBar } from "./BrowserBar";
import { FeedbackArea, LiveRegion } from "./Feedback";
import { feedbackReducer, initialFeedback, noticeSignature } from "./feedback";
import { type Detected, initialShell, shellReducer } from "./pane-state";
import { THEMES, useThemeName } from "./theme";
import { preloadable } from "./preload";
import { PaneTabs } from "./PaneTabs";

export type { Detected } from "./pane-state";

// Code split for a fast first paint: taskpane.js holds the shell; the catalogue (the first tab)
// and the validation tab load right after it, in parallel, and render without a fallback once
// here. The reports tab (with the conversion planner) loads only when it is opened.
const catalogueTab = preloadable(() => import(/* webpackChunkName: "catalogue" */ "../catalogue/CatalogueTab").then((m) => m.CatalogueTab));
const validationTab = preloadable(() => import(/* webpackChunkName: "validation" */ "../ValidationTab").then((m) => m.ValidationTab));
const CatalogueTab = catalogueTab.Component;
const ValidationTab = validationTab.Component;
const ReportsTab = lazy(() => import(/* webpackChunkName: "reports" */ "../reports/ReportsTab"));

/** Start loading the tabs every user needs (idempotent; a failed load is retried on the next call). */
export function preloadTabs(): Promise<void> {
  return Promise.all([catalogueTab.preload(), validationTab.preload()]).then(() => undefined);
}
// As soon as the shell's code runs: the chunks arrive while React paints (App reports a failure).
preloadTabs().catch(() => undefined);

/** Open a browser file: the reader (and ExcelJS behind it) load only when a file is chosen. */
const openLazily = (name: string, data: ArrayBuffer) => import(/* webpackChunkName: "open" */ "../browser-workbook").then((m) => m.openWorkbook(name, data));

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  root: {
    padding: "10px 12px 0",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    minHeight: "100vh",
    boxSizing: "border-box",
    // Wide panes: keep figures near their labels.
    maxWidth: "760px",
    marginLeft: "auto",
    marginRight: "auto",
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  main: { flexGrow: 1, minWidth: 0, outline: "none", paddingBottom: "8px" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  /**
   * Find out where the pane runs; resolves after first paint. `onLate` is called if Excel
   * reports itself after the pane already fell back to browser mode: the pane switches to Office.
   */
  detect: (onLate: (d: Detected) => void) => Promise<Detected>;
  /** Open a browser file (injectable for tests). */
  open?: (name: string, data: ArrayBuffer) => Promise<{ host: WorkbookHost; file: BrowserFile }>;
  initialLang?: UiLang;
  /**
   * The policy set (catalogues) the pane computes with, bound at the pane root (index.tsx): the
   * set itself, or a loader (index.tsx loads the shipped catalogues as a chunk next to the tabs,
   * so taskpane.js stays small). The tabs show once it is here.
   */
  policy: PolicySet | (() => Promise<PolicySet>);
}

export function App({ detect, open = openLazily, initialLang = "zh", policy: policyProp }: AppProps) {
  const styles = useStyles();
  const [loadedPolicy, setLoadedPolicy] = useState<PolicySet | null>(null);
  const policy = typeof policyProp === "function" ? loadedPolicy : policyProp;
  const [s, dispatch] = useReducer(shellReducer, initialLang, initialShell);
  const [feedback, feedbackDispatch] = useReducer(feedbackReducer, initialFeedback);
  const [spoken, setSpoken] = useState("");
  const mainRef = useRef<HTMLElement>(null);
  const themeName = useThemeName(s.mode);
  const { lang, mode, host, browserFile } = s;

  const t = useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
  const announce = useCallback((text: string) => setSpoken((prev) => (prev === text ? `${text}\u00a0` : text)), []);
  const langRef = useRef(lang);
  useEffect(() => {
    langRef.current = lang;
  }, [lang]);
  const notify = useCallback(
    (n: Notice | string) => {
      const notice: Notice = typeof n === "string" ? { intent: "info", text: n } : n;
      feedbackDispatch({ type: "notify", notice, sig: noticeSignature(notice, noticeText(notice, "zh")) });
      // Screen readers hear the same message, said with its kind ("完成：…", "出错了：…").
      const title = notice.intent === "success" ? "success_title" : notice.intent === "error" ? "error_title" : null;
      const said = noticeText(notice, langRef.current);
      announce(title ? `${translate(langRef.current, title)}${translate(langRef.current, "label_colon")}${said}` : said);
    },
    [announce],
  );
  const showError = useCallback((error: unknown) => notify({ intent: "error", error }), [notify]);
  const showSuccess = useCallback((text: string) => notify({ intent: "success", text }), [notify]);
  const dismiss = useCallback((id: number) => feedbackDispatch({ type: "dismiss", id }), []);

  useEffect(() => {
    let live = true;
    const apply = (d: Detected) => {
      if (live) dispatch({ type: "detected", d });
    };
    detect(apply).then(apply, (error) => {
      if (!live) return;
      dispatch({ type: "detected", d: { mode: "browser", host: null } });
      notify({ intent: "error", error });
    });
    return () => {
      live = false;
    };
  }, [detect, notify]);

  useEffect(() => {
    preloadTabs().catch((error) => notify({ intent: "error", error }));
  }, [notify]);

  useEffect(() => {
    if (typeof policyProp !== "function") return;
    let live = true;
    policyProp().then(
      (p) => live && setLoadedPolicy(p),
      (error) => live && notify({ intent: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [policyProp, notify]);

  // After a file is opened, focus moves to the new content (the validation tab).
  useEffect(() => {
    if (s.opened > 0) mainRef.current?.focus();
  }, [s.opened]);

  async function onFile(f: File) {
    dispatch({ type: "opening", on: true });
    try {
      const data = await f.arrayBuffer();
      const opened = await open(f.name, data);
      dispatch({ type: "opened", host: opened.host, file: opened.file });
      // The messages about the previous file (or a failed attempt) no longer apply.
      feedbackDispatch({ type: "clear" });
      notify({ intent: "success", key: opened.file.kind === "csv" ? "file_loaded_csv" : "file_loaded", params: { name: f.name } });
    } catch (error) {
      dispatch({ type: "opening", on: false });
      notify({ intent: "error", error });
    }
  }

  async function download() {
    if (!browserFile) return;
    try {
      const blob = await browserFile.save();
      const { offerDownload, downloadName } = await import(/* webpackChunkName: "open" */ "../browser-workbook");
      offerDownload(blob, downloadName(browserFile.name, "cz"));
      dispatch({ type: "saved" });
      notify({ intent: "success", key: "downloaded", params: { name: downloadName(browserFile.name, "cz") } });
    } catch (error) {
      notify({ intent: "error", error });
    }
  }

  const ctx: PaneContextValue | null = useMemo(
    () => policy && ({
      policy,
      lang,
      t,
      mode,
      host,
      browserFile,
      functionsAvailable: s.functions,
      notify,
      announce,
      showError,
      showSuccess,
      markDirty: () => dispatch({ type: "dirty" }),
      lastValidation: s.lastValidation,
      setLastValidation: (v) => dispatch({ type: "validated", v }),
      goToTab: (tab: PaneTab) => dispatch({ type: "tab", tab }),
    }),
    [policy, lang, t, mode, host, browserFile, s.functions, notify, announce, showError, showSuccess, s.lastValidation],
  );

  const loading = <Spinner size="tiny" label={t("loading")} data-testid="tab-loading" />;
  const functionsMissing = mode === "office" && !(globalThis as { __CZ_FUNCTIONS_LOADED__?: boolean }).__CZ_FUNCTIONS_LOADED__;

  return (
    <FluentProvider theme={THEMES[themeName]} lang={LANG_TAG[lang]} className={styles.provider} data-theme={themeName}>
      <PaneContext.Provider value={ctx}>
        <div className={styles.root}>
          <header className={styles.header}>
            <Title3 as="h1">{t("app_title")}</Title3>
            <Button
              size="small"
              // The accessible name starts with the visible label (WCAG 2.5.3), then says what it does.
              aria-label={`${t("lang_switch")} ${t("lang_switch_label")}`}
              lang={LANG_TAG[OTHER_LANG[lang]]}
              onClick={() => dispatch({ type: "lang", lang: OTHER_LANG[lang] })}
              data-testid="lang-switch"
            >
              {t("lang_switch")}
            </Button>
          </header>

          {mode === "detecting" ? <Spinner size="tiny" label={t("mode_detecting")} /> : null}

          {functionsMissing ? (
            // functions.js runs before taskpane.js asks Office; without its marker the CZ functions did not load.
            <MessageBar intent="warning" layout="multiline" data-testid="functions-unavailable">
              <MessageBarBody>{t("functions_unavailable")}</MessageBarBody>
            </MessageBar>
          ) : null}
          {mode === "browser" ? (
            <Caption1 className={styles.hint} data-testid="browser-banner">
              {t("browser_banner_title")}
            </Caption1>
          ) : null}
          {mode === "browser" ? (
            <BrowserBar t={t} file={browserFile} dirty={s.dirty} opening={s.opening} onFile={(f) => void onFile(f)} onDownload={download} />
          ) : null}

          <nav aria-label={t("nav_label")}>
            <PaneTabs<PaneTab>
              idPrefix="cz-tab"
              label={t("nav_label")}
              selected={s.tab}
              onSelect={(tab) => dispatch({ type: "tab", tab })}
              tabs={[
                { value: "catalogue", label: t("tab_catalogue"), testId: "tab-catalogue" },
                { value: "validation", label: t("tab_validation"), testId: "tab-validation" },
                { value: "reports", label: t("tab_reports"), testId: "tab-reports" },
              ]}
            />
          </nav>
          <main ref={mainRef} tabIndex={-1} className={styles.main} aria-label={t(`tab_${s.tab}` as MessageKey)} data-testid="main">
            <div role="tabpanel" aria-labelledby={`cz-tab-${s.tab}`}>
            {policy ? (
              <Suspense fallback={loading}>
                {s.tab === "catalogue" ? <CatalogueTab /> : null}
                {s.tab === "validation" ? <ValidationTab key={mode} /> : null}
                {s.tab === "reports" ? <ReportsTab key={`${mode}-${s.opened}`} /> : null}
              </Suspense>
            ) : (
              loading
            )}
            </div>
          </main>
          <FeedbackArea entries={feedback.entries} lang={lang} onDismiss={dismiss} />
          <LiveRegion text={spoken} />
        </div>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
