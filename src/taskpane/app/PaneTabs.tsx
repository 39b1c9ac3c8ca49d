/**
 * A tab list of our own: role="tablist" with one tab stop (roving tabindex), arrow keys, Home and
 * End. Fluent's TabList moves focus through Tabster, which adds hidden focusable "dummy"
 * elements around the list (axe: aria-hidden-focus); this one needs none. Styled with Fluent tokens.
 */
import { type KeyboardEvent, useRef } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { display: "flex", gap: "2px", flexWrap: "wrap" },
  tab: {
    position: "relative",
    padding: "6px 10px",
    border: "none",
    background: "none",
    cursor: "pointer",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    "::after": {
      content: '""',
      position: "absolute",
      left: "10px",
      right: "10px",
      bottom: "0",
      height: "3px",
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: "transparent",
    },
  },
  small: { padding: "4px 8px", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
  },
});

export interface PaneTabsProps<T extends string> {
  tabs: Array<{ value: T; label: string; testId?: string }>;
  selected: T;
  onSelect: (value: T) => void;
  label: string;
  size?: "medium" | "small";
  /** id prefix, so a tab panel can point back at its tab. */
  idPrefix: string;
}

export function PaneTabs<T extends string>({ tabs, selected, onSelect, label, size = "medium", idPrefix }: PaneTabsProps<T>) {
  const styles = useStyles();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const move = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const next = e.key === "ArrowRight" || e.key === "ArrowDown" ? (i + 1) % n : e.key === "ArrowLeft" || e.key === "ArrowUp" ? (i - 1 + n) % n : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    refs.current[next]?.focus();
    onSelect(tabs[next].value);
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list}>
      {tabs.map((tab, i) => {
        const on = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-${tab.value}`}
            aria-selected={on}
            tabIndex={on ? 0 : -1}
            className={mergeClasses(styles.tab, size === "small" && styles.small, on && styles.selected)}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(e) => move(e, i)}
            data-testid={tab.testId}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
