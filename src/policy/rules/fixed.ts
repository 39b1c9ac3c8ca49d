/** 定额: a set amount for a recognition (省级智能工厂 30万元 …). No inputs. */
import { defineMessages } from "../../i18n";
import { formatMoney, yuanToFen } from "../money";
import type { Rule } from "../types";
import type { RuleModule } from "./kind";

type Fixed = Extract<Rule, { kind: "fixed" }>;

const text = defineMessages("rule-fixed", { describe: "定额{amount}", step: "定额奖补{amount}" }, { describe: "fixed {amount}", step: "fixed award {amount}" });

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
  describe: (_p, rule, lang) => text(lang, "describe", { amount: formatMoney(yuanToFen(rule.amount), lang) }),
  step: (s, lang) => (s.k === "fixed" ? text(lang, "step", { amount: formatMoney(s.amount, lang) }) : null),
  native: (_p, rule) => ({ ok: true, parts: { checks: [], conds: [], award: String(rule.amount) } }),
};
