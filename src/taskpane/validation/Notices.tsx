/** The inline notice of one slot, next to its control, rendered in the current language. */
import { MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";
import { errorText, usePane } from "../context";
import type { Notice, NoticeSlot } from "./state";

const useStyles = makeStyles({
  // A long error (a URL, a path) wraps instead of widening the pane.
  bar: { overflowWrap: "anywhere", wordBreak: "break-word" },
});

export function NoticeView({ notices, slot }: { notices: readonly Notice[]; slot: NoticeSlot }) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const n = notices.find((x) => x.slot === slot);
  if (!n) return null;
  const text = n.tone === "error" ? errorText(n.error, lang) : t(n.key, n.params);
  return (
    <MessageBar intent={n.tone} layout="multiline" className={styles.bar} data-testid={`notice-${slot}`} data-tone={n.tone}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
