/**
 * The findings as ONE keyboard list (a single Tab stop): role="listbox" with an option per
 * finding, grouped by rule (role="group", labelled by the rule's name and count). Up/Down move,
 * Home/End jump, Enter or Space selects (in Excel: selects the cell). Roving tabindex: the active
 * option is the only focusable one.
 */
import { Badge, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type KeyboardEvent, useRef, useState } from "react";
import type { Finding, Severity } from "../../validation/types";
import { findingSentence } from "../../validation/messages";
import { usePane } from "../context";
import type { MessageKey } from "../i18n";
import { ruleTitle } from "./format";

export interface FindingItem {
  f: Finding;
  key: string;
}

export interface FindingGroup {
  rule: string;
  severity: Severity;
  /** Findings of this rule after the filter (before paging). */
  total: number;
  items: FindingItem[];
}

const SEVERITY_KEY: Record<Severity, MessageKey> = { error: "severity_error", warning: "severity_warning", info: "severity_info" };
const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "2px", outlineStyle: "none" },
  group: { display: "flex", flexDirection: "column", gap: "1px", marginTop: "6px" },
  groupHead: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap", padding: "2px 0" },
  option: {
    padding: "4px 6px",
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground1,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, outline: `1px solid ${tokens.colorBrandStroke1}` },
});

export interface FindingsListProps {
  groups: FindingGroup[];
  selected: string | null;
  onSelect(item: FindingItem): void;
}

export function FindingsList({ groups, selected, onSelect }: FindingsListProps) {
  const { t, lang } = usePane();
  const styles = useStyles();
  const flat = groups.flatMap((g) => g.items);
  const [active, setActive] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const activeKey = flat.some((x) => x.key === active) ? active : (selected && flat.some((x) => x.key === selected) ? selected : (flat[0]?.key ?? null));
  const colName = (f: Finding) => (f.column ? t(`col_${f.column}` as MessageKey) : t("finding_row"));

  function move(to: number) {
    const item = flat[Math.max(0, Math.min(flat.length - 1, to))];
    if (!item) return;
    setActive(item.key);
    refs.current.get(item.key)?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const at = flat.findIndex((x) => x.key === activeKey);
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(flat.length - 1);
    else if ((e.key === "Enter" || e.key === " ") && at >= 0) onSelect(flat[at]);
    else return;
    e.preventDefault();
  }

  return (
    <div role="listbox" aria-label={t("vt_findings_label")} className={styles.list} onKeyDown={onKeyDown} data-testid="findings-list">
      {groups.map((g) => {
        const headId = `cz-group-${g.rule.replace(/[^\w-]/g, "_")}`;
        return (
          <div key={g.rule} role="group" aria-labelledby={headId} className={styles.group} data-testid={`group-${g.rule}`}>
            <div className={styles.groupHead} id={headId}>
              <Badge color={SEVERITY_COLOR[g.severity]}>{t(SEVERITY_KEY[g.severity])}</Badge>
              <Text weight="semibold">{t("group_title", { rule: ruleTitle(g.rule, lang), n: g.total })}</Text>
            </div>
            {g.items.map((item) => {
              const { f, key } = item;
              return (
                <div
                  key={key}
                  ref={(el) => {
                    if (el) refs.current.set(key, el);
                    else refs.current.delete(key);
                  }}
                  role="option"
                  aria-selected={selected === key}
                  tabIndex={key === activeKey ? 0 : -1}
                  className={mergeClasses(styles.option, selected === key && styles.selected)}
                  data-testid="finding"
                  data-rule={f.rule}
                  data-row={f.row}
                  onFocus={() => setActive(key)}
                  onClick={() => {
                    setActive(key);
                    onSelect(item);
                  }}
                >
                  {t("finding_label", { row: f.row, column: colName(f), message: findingSentence(f, lang) })}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
