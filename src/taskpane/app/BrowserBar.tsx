/**
 * Browser mode's file row: open a workbook (or CSV), see which one is open, download the pane's
 * output. Nothing is lost: while sheets the pane added are not downloaded, opening another file
 * first asks (inline, next to the button), and closing the tab asks the browser to confirm.
 */
import { useEffect, useRef, useState } from "react";
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles } from "@fluentui/react-components";
import type { BrowserFile } from "../context";
import type { MessageKey, Params } from "../i18n";

const useStyles = makeStyles({
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  name: { overflowWrap: "anywhere", minWidth: 0 },
  // The native picker stays in the DOM for the button to open, but out of sight and out of the tab order.
  input: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", margin: "-1px", padding: 0, border: 0, opacity: 0 },
});

export const ACCEPT = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

export interface BrowserBarProps {
  t: (key: MessageKey, params?: Params) => string;
  file: BrowserFile | null;
  dirty: boolean;
  opening: boolean;
  onFile: (f: File) => void;
  /** Resolves when the download was offered. */
  onDownload: () => Promise<void>;
}

/** Ask the browser to confirm closing the tab while output is not downloaded. */
export function useUnloadGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const handler = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers need returnValue set; the text itself is not shown by modern browsers.
      e.returnValue = "";
      return "";
    };
    window.addEventListener("beforeunload", handler);
    return () => window.removeEventListener("beforeunload", handler);
  }, [active]);
}

export function BrowserBar({ t, file, dirty, opening, onFile, onDownload }: BrowserBarProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  useUnloadGuard(dirty);

  const pick = () => {
    setConfirming(false);
    input.current?.click();
  };
  const download = async () => {
    setSaving(true);
    try {
      await onDownload();
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={styles.row}>
      <input
        ref={input}
        className={styles.input}
        type="file"
        tabIndex={-1}
        aria-hidden="true"
        accept={ACCEPT}
        data-testid="file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) onFile(f);
        }}
      />
      <Button appearance="primary" onClick={() => (dirty ? setConfirming(true) : pick())} disabled={opening} data-testid="open-file">
        {opening ? t("opening_file") : t("open_file")}
      </Button>
      {opening ? <Spinner size="extra-tiny" aria-hidden="true" /> : null}
      <Caption1 className={styles.name} data-testid="file-name">
        {file ? t("file_loaded", { name: file.name }) : t("no_file")}
      </Caption1>
      {file && dirty ? (
        <Button onClick={() => void download()} disabled={saving} icon={saving ? <Spinner size="extra-tiny" /> : undefined} data-testid="download">
          {saving ? t("download_busy") : t("download_workbook")}
        </Button>
      ) : null}
      {confirming ? (
        <MessageBar intent="warning" layout="multiline" data-testid="unsaved-warning">
          <MessageBarBody>{t("unsaved_open_warning")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void download().then(() => setConfirming(false))} disabled={saving} data-testid="unsaved-download">
              {t("download_workbook_short")}
            </Button>
            <Button size="small" onClick={pick} data-testid="unsaved-discard">
              {t("unsaved_discard")}
            </Button>
            <Button size="small" appearance="transparent" onClick={() => setConfirming(false)} data-testid="unsaved-cancel">
              {t("convert_cancel")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </div>
  );
}
