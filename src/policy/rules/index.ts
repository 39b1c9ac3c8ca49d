/** The rule-kind registry: one module per kind. */
import type { Lang } from "../messages";
import type { Rule } from "../types";
import { fixedRule } from "./fixed";
import type { RuleModule, Step } from "./kind";
import { perUnitRule } from "./per-unit";
import { rateRule } from "./rate";
import { tieredRule } from "./tiered";
import { uptoRule } from "./upto";

export * from "./kind";
export { normaliseLevel, tierList } from "./tiered";
export { readTaskFlag } from "./per-unit";

type AnyModule = RuleModule<any, any>;

export const RULE_KINDS: Record<Rule["kind"], AnyModule> = {
  fixed: fixedRule,
  upto: uptoRule,
  rate: rateRule,
  per_unit: perUnitRule,
  tiered: tieredRule,
};

/** The module of a rule. */
export function ruleModule(rule: Rule): AnyModule {
  return RULE_KINDS[rule.kind];
}

/** Render a kind-specific step (common steps are rendered by explain.ts). */
export function renderKindStep(s: Step, lang: Lang): string | null {
  for (const m of Object.values(RULE_KINDS)) {
    const t = m.step(s, lang);
    if (t !== null) return t;
  }
  return null;
}
