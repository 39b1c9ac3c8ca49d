/** 定额: a set amount for a recognition (省级智能工厂 30万元 …). No inputs. */
import { formatMoney, yuanToFen } from "../money";
import type { Rule } from "../types";
import type { RuleModule } from "./kind";

type Fixed = Extract<Rule, { kind: "fixed" }>;

export const fixedRule: RuleModule<Fixed, null> = {
  kind: "fixed",
  usesLevel: () => false,
  parse: () => ({ ok: true, parsed: null }),
  compute(_p, rule) {
    const total = yuanToFen(rule.amount);
    return { total, steps: [{ k: "fixed", amount: total }], notes: [] };
  },
  cap: (_p, rule) => ({ ok: true, fen: yuanToFen(rule.amount) }),
  rate: () => null,
  threshold: () => null,
  describe: (_p, rule, lang) => (lang === "zh" ? `定额${formatMoney(yuanToFen(rule.amount), "zh")}` : `fixed ${formatMoney(yuanToFen(rule.amount), "en")}`),
  step(s, lang) {
    if (s.k !== "fixed") return null;
    return lang === "zh" ? `定额奖补${formatMoney(s.amount, "zh")}` : `fixed award ${formatMoney(s.amount, "en")}`;
  },
  native: (_p, rule) => ({ ok: true, parts: { checks: [], conds: [], award: String(rule.amount) } }),
};
