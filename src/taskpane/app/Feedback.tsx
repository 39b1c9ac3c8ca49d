/**
 * Where feedback shows: a strip pinned to the bottom of the pane's viewport (so it is in view
 * next to whatever the user just clicked, however far down the pane is scrolled), and the polite
 * live region for screen readers. Messages are rendered from their Notice in the current language.
 */
import { useEffect, useRef } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { type Notice, noticeText } from "../context";
import type { FeedbackEntry } from "./feedback";
import type { MessageKey, UiLang } from "../i18n";
import { translate } from "../i18n";

const SUCCESS_MS = 8000;

const useStyles = makeStyles({
  area: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    paddingTop: "4px",
    paddingBottom: "4px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  bar: { overflowWrap: "anywhere", wordBreak: "break-word", minWidth: 0 },
  // Visually hidden, still read by screen readers.
  srOnly: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", margin: "-1px", padding: 0, border: 0 },
});

const TITLE: Record<Notice["intent"], MessageKey | null> = { success: "success_title", error: "error_title", warning: null, info: null };
const TEST_ID: Record<Notice["intent"], string> = { success: "success-bar", error: "error-bar", warning: "warning-bar", info: "info-bar" };

function Entry({ entry, lang, onDismiss }: { entry: FeedbackEntry; lang: UiLang; onDismiss: (id: number) => void }) {
  const styles = useStyles();
  const { notice } = entry;
  const transient = notice.intent === "success" || notice.intent === "info";
  useEffect(() => {
    if (!transient) return;
    const timer = setTimeout(() => onDismiss(entry.id), SUCCESS_MS);
    return () => clearTimeout(timer);
  }, [transient, entry.id, entry.count, onDismiss]);
  const title = TITLE[notice.intent];
  return (
    <MessageBar intent={notice.intent} layout="multiline" className={styles.bar} data-testid={TEST_ID[notice.intent]}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{translate(lang, title)}</MessageBarTitle> : null}
        {noticeText(notice, lang)}
        {entry.count > 1 ? ` ${translate(lang, "notice_repeated", { n: entry.count })}` : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={() => onDismiss(entry.id)}>
          {translate(lang, "dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * The strip's height as the CSS variable --cz-feedback-height on the page, so that other panels
 * pinned to the bottom (the validation tab's row view) sit above it instead of under it.
 */
function usePublishedHeight(ref: React.RefObject<HTMLDivElement | null>, shown: boolean) {
  useEffect(() => {
    const root = document.documentElement;
    const el = ref.current;
    if (!shown || !el) {
      root.style.setProperty("--cz-feedback-height", "0px");
      return;
    }
    const publish = () => root.style.setProperty("--cz-feedback-height", `${el.offsetHeight}px`);
    publish();
    const Observer = (globalThis as { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
    const ro = Observer ? new Observer(publish) : null;
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      root.style.setProperty("--cz-feedback-height", "0px");
    };
  }, [ref, shown]);
}

export function FeedbackArea({ entries, lang, onDismiss }: { entries: FeedbackEntry[]; lang: UiLang; onDismiss: (id: number) => void }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  usePublishedHeight(ref, entries.length > 0);
  if (!entries.length) return null;
  return (
    <div ref={ref} className={styles.area} data-testid="feedback">
      {entries.map((e) => (
        <Entry key={e.id} entry={e} lang={lang} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

/** The polite live region: its text changes are read out; it shows nothing. */
export function LiveRegion({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <div className={styles.srOnly} role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {text}
    </div>
  );
}
