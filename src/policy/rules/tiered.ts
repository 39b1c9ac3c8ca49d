/** 分级: an amount per recognised level (数字化转型能力评估 3A/4A/5A); lower levels get 0. */
import { defineMessages } from "../../i18n";
import { formatMoney, yuanToFen } from "../money";
import { quoteInput } from "../messages";
import type { Program, Rule } from "../types";
import { isEmptyArg, LIT, type RuleModule } from "./kind";
import { arr, yuanText } from "./native-kit";

type Tiered = Extract<Rule, { kind: "tiered" }>;

const text = defineMessages(
  "rule-tiered",
  { tier: "{level}级{amount}", sep: "、", zero: "；{levels}级不奖补", step: "评估等级{level}，奖补{amount}", below: "评估等级{level}，低于{lowest}，不予奖补" },
  { tier: "{level}: {amount}", sep: ", ", zero: "; {levels}: none", step: "level {level}: {amount}", below: "level {level} is below {lowest}: no award" },
);

/** Normalise a tier level: 5A, AAAAA, 5A级, 5 → "5A". Returns null when unreadable (TRUE/FALSE included). */
export function normaliseLevel(value: unknown): string | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 5 ? `${value}A` : null;
  if (typeof value !== "string") return null;
  const t = value.normalize("NFKC").replace(/\s/g, "").toUpperCase().replace(/级$/, "");
  if (/^[1-5]A$/.test(t)) return t;
  if (/^A{1,5}$/.test(t)) return `${t.length}A`;
  if (/^[1-5]$/.test(t)) return `${t}A`;
  return null;
}

export const tierList = (rule: Tiered): string => Object.keys(rule.tiers).join("/");

function known(rule: Tiered, lv: string | null): lv is string {
  return lv !== null && (lv in rule.tiers || rule.zeroLevels.includes(lv));
}

/** The spellings normaliseLevel accepts for tier n (after removing spaces; = ignores case). */
function levelSpellings(level: string): string[] {
  const n = Number(level[0]);
  const base = [`${n}A`, "A".repeat(n), `${n}`];
  return [...base, ...base.map((s) => `${s}级`)];
}

export const tieredRule: RuleModule<Tiered, { level: string }> = {
  kind: "tiered",
  usesLevel: () => true,
  parse(_p: Program, rule, _amount, level) {
    if (isEmptyArg(level)) return { ok: false, errors: [{ code: "missing_level", params: { levels: tierList(rule) }, field: "level" }] };
    const lv = normaliseLevel(level);
    if (!known(rule, lv)) return { ok: false, errors: [{ code: "bad_level", params: { input: quoteInput(level), levels: tierList(rule) }, field: "level" }] };
    return { ok: true, parsed: { level: lv } };
  },
  compute(_p, rule, _amount, parsed) {
    const amt = rule.tiers[parsed.level];
    const total = amt === undefined ? 0 : yuanToFen(amt);
    return { total, steps: [{ k: "tier", level: parsed.level, amount: total, zero: amt === undefined, lowest: Object.keys(rule.tiers)[0] }], notes: [] };
  },
  cap(_p, rule, level) {
    if (isEmptyArg(level)) return { ok: true, fen: yuanToFen(Math.max(...Object.values(rule.tiers))) };
    const lv = normaliseLevel(level);
    if (!known(rule, lv)) return { ok: false, error: { code: "bad_level", params: { input: quoteInput(level), levels: tierList(rule) } } };
    return { ok: true, fen: yuanToFen(rule.tiers[lv] ?? 0) };
  },
  rate: () => null,
  threshold: () => null,
  describe(_p, r, lang) {
    const sep = text(lang, "sep");
    const tiers = Object.entries(r.tiers).map(([k, v]) => text(lang, "tier", { level: k, amount: formatMoney(yuanToFen(v), lang) }));
    return tiers.join(sep) + text(lang, "zero", { levels: r.zeroLevels.join(sep) });
  },
  step(s, lang) {
    if (s.k !== "tier") return null;
    return s.zero ? text(lang, "below", { level: s.level, lowest: s.lowest }) : text(lang, "step", { level: s.level, amount: formatMoney(s.amount, lang) });
  },
  native(_p, rule, _A, L, constant) {
    if (L === null) {
      const c = constant(null, LIT);
      return c.ok ? { ok: true, parts: { checks: [], conds: [], award: yuanText(c.fen) } } : c;
    }
    const lv = `SUBSTITUTE(${L}," ","")`;
    const all = [...Object.keys(rule.tiers), ...rule.zeroLevels].flatMap(levelSpellings);
    // TRUE/FALSE is an unknown level in the add-in (#VALUE!): ISLOGICAL first (LibreOffice reads TRUE as "1").
    const checks = [`ISLOGICAL(${L})`, `NOT(OR(${lv}=${arr(all)}))`];
    const tiers = Object.entries(rule.tiers).sort((a, b) => b[1] - a[1]);
    let award = "0";
    for (let i = tiers.length - 1; i >= 0; i--) award = `IF(OR(${lv}=${arr(levelSpellings(tiers[i][0]))}),${tiers[i][1]},${award})`;
    return { ok: true, parts: { checks, conds: [], award } };
  },
};
