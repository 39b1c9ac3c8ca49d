/**
 * 最高不超过: the amount asked, up to a maximum (platform awards). No amount asked (omitted,
 * empty or 0) → the maximum, and the trace says "未填申请额，按最高额测算" (note cap_assumed,
 * which validation turns into a warning).
 */
import { decToFen, formatMoney, yuanToFen } from "../money";
import type { Rule } from "../types";
import { LIT, type RuleModule } from "./kind";
import { emptyOrZero, validNumber, yuanText } from "./native-kit";

type Upto = Extract<Rule, { kind: "upto" }>;

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
  describe: (_p, rule, lang) => (lang === "zh" ? `最高不超过${formatMoney(yuanToFen(rule.cap), "zh")}` : `up to ${formatMoney(yuanToFen(rule.cap), "en")}`),
  step(s, lang) {
    if (s.k !== "upto") return null;
    const y = (f: number) => formatMoney(f, lang);
    if (lang === "zh") {
      if (s.asked === null) return `未填申请额，按最高额测算${y(s.cap)}`;
      return s.asked > s.cap ? `申请${y(s.asked)}，超过最高${y(s.cap)}，按${y(s.cap)}计` : `申请${y(s.asked)}，未超最高${y(s.cap)}`;
    }
    if (s.asked === null) return `no amount asked: computed at the maximum ${y(s.cap)}`;
    return s.asked > s.cap ? `asked ${y(s.asked)}, above the maximum: ${y(s.cap)}` : `asked ${y(s.asked)}, within the maximum ${y(s.cap)}`;
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
