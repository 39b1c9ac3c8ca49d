/**
 * 最高不超过: the amount asked, up to a maximum (platform awards). No amount asked (omitted,
 * empty or 0) → the maximum, and the trace says "未填申请额，按最高额测算" (note cap_assumed,
 * which validation turns into a warning).
 */
import { defineMessages } from "../../i18n";
import { decToFen, formatMoney, yuanToFen } from "../money";
import type { Rule } from "../types";
import { LIT, type RuleModule } from "./kind";
import { emptyOrZero, validNumber, yuanText } from "./native-kit";

type Upto = Extract<Rule, { kind: "upto" }>;

const text = defineMessages(
  "rule-upto",
  { describe: "最高不超过{cap}", assumed: "未填申请额，按最高额测算{cap}", above: "申请{asked}，超过最高{cap}，按{cap}计", within: "申请{asked}，未超最高{cap}" },
  { describe: "up to {cap}", assumed: "no amount asked: computed at the maximum {cap}", above: "asked {asked}, above the maximum: {cap}", within: "asked {asked}, within the maximum {cap}" },
);

export const uptoRule: RuleModule<Upto, null> = {
  kind: "upto",
  usesLevel: () => false,
  parse: () => ({ ok: true, parsed: null }),
  compute(_p, rule, amount) {
    const cap = yuanToFen(rule.cap);
    const asked = amount && amount.c !== 0 ? decToFen(amount) : null;
    const total = asked === null ? cap : Math.min(asked, cap);
    return { total, steps: [{ k: "upto", asked, cap, result: total }], notes: asked === null ? ["cap_assumed"] : [] };
  },
  cap: (_p, rule) => ({ ok: true, fen: yuanToFen(rule.cap) }),
  rate: () => null,
  threshold: () => null,
  describe: (_p, rule, lang) => text(lang, "describe", { cap: formatMoney(yuanToFen(rule.cap), lang) }),
  step(s, lang) {
    if (s.k !== "upto") return null;
    const cap = formatMoney(s.cap, lang);
    if (s.asked === null) return text(lang, "assumed", { cap });
    return text(lang, s.asked > s.cap ? "above" : "within", { asked: formatMoney(s.asked, lang), cap });
  },
  native(_p, rule, A, _L, constant) {
    if (A === null) {
      const c = constant(LIT, null);
      return c.ok ? { ok: true, parts: { checks: [], conds: [], award: yuanText(c.fen) } } : c;
    }
    return {
      ok: true,
      parts: {
        checks: [`ISLOGICAL(${A})`, `NOT(OR(${A}="",${validNumber(A)}))`],
        conds: [],
        award: `IF(${emptyOrZero(A)},${rule.cap},MIN(ROUND(${A},2),${rule.cap}))`,
      },
    };
  },
};
