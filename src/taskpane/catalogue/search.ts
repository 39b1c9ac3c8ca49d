/**
 * Catalogue search: a query matches a program or measure by code, names and aliases, and also by
 * what it says: the rule text in both languages (`投资`, `20%`), its levels (`3A`), the base
 * label, the clause and the notes. Case, width and spaces are ignored (normaliseKey).
 */
import { describeRule, normaliseKey } from "../../policy";
import type { Measure, Program } from "../../policy";

function isProgram(e: Program | Measure): e is Program {
  return "rule" in e;
}

/** Every text a query is matched against. */
export function searchTexts(e: Program | Measure): string[] {
  const keys = [e.code, e.name.zh, e.name.en, ...(e.aliases ?? []), e.clause];
  if (isProgram(e)) {
    keys.push(describeRule(e, "zh"), describeRule(e, "en"), e.baseLabel.zh, e.baseLabel.en);
    if (e.rule.kind === "tiered") keys.push(...Object.keys(e.rule.tiers));
    if (e.notes) keys.push(e.notes.zh, e.notes.en);
  }
  return keys;
}

export function matches(e: Program | Measure, query: string): boolean {
  const q = normaliseKey(query);
  if (!q) return true;
  return searchTexts(e).some((k) => normaliseKey(k).includes(q));
}
