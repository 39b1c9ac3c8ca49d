/**
 * Rate-capped awards: base × rate, rounded half-up to the 分, capped. Optional:
 * - threshold on the base (投资50万元以上 → base ≥ 500,000, else 0);
 * - gate on `level` read as an amount (产业化项目: 实际完成投资1000万元及以上); not given → the
 *   rate is computed and the trace says the gate was not checked (note gate_unchecked);
 * - ceiling ("按照不超过…30%的比例"): computed at the ceiling and said so (note ceiling_rate);
 * - provisional rate left to the 实施细则 (cloud_service): said so (note provisional_rate).
 */
import { defineMessages } from "../../i18n";
import { type Dec, decCompareYuan, formatDec, formatMoney, formatRate, mulRateToFen, yuanToFen } from "../money";
import { parseAmount } from "../text";
import { quoteInput } from "../messages";
import type { Rule } from "../types";
import { type CalcNote, type FieldError, type RuleModule, type Step } from "./kind";
import { amountAndLevel, rateText, requiredNumber, validNumber } from "./native-kit";

type RateRule = Extract<Rule, { kind: "rate" }>;

const text = defineMessages(
  "rule-rate",
  {
    sep: "，",
    atLeast: "{label}≥{amount}",
    ceiling: "按{label}的不超过{rate}",
    share: "按{label}的{rate}{provisional}",
    provisional: "（临时参数，待实施细则）",
    cap_project: "单个项目最高{amount}",
    cap_enterprise: "单个企业最高{amount}",
    gateUnchecked: "未提供{label}，未校验{min}门槛",
    passed: "{label}{value}≥{min}",
    failed: "{label}{value}<{min}，不予奖补",
    base: "{label}{base}，",
    howCeiling: "按不超过{rate}的上限比例测算",
    howProvisional: "比例暂按{rate}测算（{note}，临时参数）",
    howRate: "按{rate}计",
    result: "{how}{amount}",
    capWhat: "上限",
    capWhatEnterprise: "单个企业上限",
    capped: "超过{what}，按{cap}计",
    withinCap: "未超{what}{cap}",
  },
  {
    sep: ", ",
    atLeast: "{label} ≥ {amount}",
    ceiling: "up to {rate} of {label}{provisional}",
    share: "{rate} of {label}{provisional}",
    provisional: " (provisional, pending the implementing rules)",
    cap_project: "cap {amount} per project",
    cap_enterprise: "cap {amount} per enterprise",
    gateUnchecked: "no {label} given: the {min} threshold is not checked",
    passed: "{label} {value} ≥ {min}",
    failed: "{label} {value} < {min}: no award",
    base: "{label} {base}, ",
    howCeiling: 'at the ceiling rate of {rate} ("up to {rate}")',
    howProvisional: "{rate} ({note}; provisional)",
    howRate: "{rate}",
    result: "{how} = {amount}",
    capWhat: "cap",
    capWhatEnterprise: "per-enterprise cap",
    capped: "above the {what}: {cap}",
    withinCap: "within the {what} {cap}",
  },
);

/** The gate's value: null when not given (omitted, empty, 0 or FALSE). */
type Parsed = { gate: Dec | null };

export const rateRule: RuleModule<RateRule, Parsed> = {
  kind: "rate",
  usesLevel: (r) => !!r.gate,
  parse(_p, rule, _amount, level) {
    if (!rule.gate || level === false || level === 0) return { ok: true, parsed: { gate: null } };
    const g = parseAmount(level);
    if (g.ok) return { ok: true, parsed: { gate: g.omitted ? null : g.dec } };
    const err: FieldError =
      g.reason === "negative" ? { code: "negative_amount", params: {}, field: "level" } : g.reason === "too_large" ? { code: "too_large", params: {}, field: "level" } : { code: "bad_amount", params: { input: quoteInput(level) }, field: "level" };
    return { ok: false, errors: [err] };
  },
  compute(program, rule, amount, parsed) {
    const steps: Step[] = [];
    const notes: CalcNote[] = [];
    const b = amount as Dec;
    if (rule.gate) {
      const min = yuanToFen(rule.gate.min);
      const passed = parsed.gate === null ? null : decCompareYuan(parsed.gate, rule.gate.min) >= 0;
      steps.push({ k: "gate", label: rule.gate.label, value: parsed.gate, min, passed });
      if (passed === null) notes.push("gate_unchecked");
      if (passed === false) return { total: 0, steps, notes };
    }
    if (rule.threshold !== undefined) {
      const passed = decCompareYuan(b, rule.threshold) >= 0;
      steps.push({ k: "threshold", label: program.baseLabel, base: b, threshold: yuanToFen(rule.threshold), passed });
      if (!passed) return { total: 0, steps, notes };
    }
    const raw = mulRateToFen(b, rule.rate.num, rule.rate.den);
    if (rule.ceiling) notes.push("ceiling_rate");
    if (rule.provisional) notes.push("provisional_rate");
    steps.push({ k: "rate", label: program.baseLabel, base: b, num: rule.rate.num, den: rule.rate.den, raw, thresholdShown: rule.threshold !== undefined, ceiling: !!rule.ceiling, provisional: rule.provisional ?? null });
    const cap = yuanToFen(rule.cap);
    steps.push({ k: "cap", before: raw, cap, capped: raw > cap, perEnterprise: program.capScope === "enterprise" });
    return { total: Math.min(raw, cap), steps, notes };
  },
  cap: (_p, rule) => ({ ok: true, fen: yuanToFen(rule.cap) }),
  rate: (rule) => rule.rate.num / rule.rate.den,
  threshold: (rule) => rule.threshold ?? rule.gate?.min ?? null,
  describe(p, r, lang) {
    const y = (yuan: number) => formatMoney(yuanToFen(yuan), lang);
    const rate = formatRate(r.rate.num, r.rate.den);
    const label = p.baseLabel[lang];
    const parts: string[] = [];
    if (r.gate) parts.push(text(lang, "atLeast", { label: r.gate.label[lang], amount: y(r.gate.min) }));
    if (r.threshold !== undefined) parts.push(text(lang, "atLeast", { label, amount: y(r.threshold) }));
    parts.push(text(lang, r.ceiling ? "ceiling" : "share", { label, rate, provisional: r.provisional ? text(lang, "provisional") : "" }));
    parts.push(text(lang, p.capScope === "enterprise" ? "cap_enterprise" : "cap_project", { amount: y(r.cap) }));
    return parts.join(text(lang, "sep"));
  },
  step(s, lang) {
    const y = (f: number) => formatMoney(f, lang);
    const d = (x: Dec) => formatDec(x, lang);
    switch (s.k) {
      case "gate": {
        const label = s.label[lang];
        if (s.passed === null) return text(lang, "gateUnchecked", { label, min: y(s.min) });
        return text(lang, s.passed ? "passed" : "failed", { label, value: d(s.value!), min: y(s.min) });
      }
      case "threshold":
        return text(lang, s.passed ? "passed" : "failed", { label: s.label[lang], value: d(s.base), min: y(s.threshold) });
      case "rate": {
        const rate = formatRate(s.num, s.den);
        const how = s.ceiling ? text(lang, "howCeiling", { rate }) : s.provisional ? text(lang, "howProvisional", { rate, note: s.provisional[lang] }) : text(lang, "howRate", { rate });
        return (s.thresholdShown ? "" : text(lang, "base", { label: s.label[lang], base: d(s.base) })) + text(lang, "result", { how, amount: y(s.raw) });
      }
      case "cap": {
        const what = text(lang, s.perEnterprise ? "capWhatEnterprise" : "capWhat");
        return text(lang, s.capped ? "capped" : "withinCap", { what, cap: y(s.cap) });
      }
      default:
        return null;
    }
  },
  native(_p, rule, A, L, constant) {
    const amount = (A: string) => {
      // A required amount: a logical, text, empty or 0 is an error like the add-in's.
      const base = rule.rate.num === rule.rate.den ? A : `${A}*${rateText(rule.rate.num, rule.rate.den)}`;
      return {
        checks: [`ISLOGICAL(${A})`, `NOT(${requiredNumber(A)})`],
        conds: rule.threshold !== undefined ? [`${A}>=${rule.threshold}`] : [],
        award: `MIN(ROUND(${base},2),${rule.cap})`,
      };
    };
    const gate = rule.gate;
    // FALSE, empty and 0 mean "not given" (gate not checked); TRUE is an error, as in the add-in.
    const level = gate
      ? (L: string) => ({
          checks: [`IF(ISLOGICAL(${L}),${L},NOT(OR(${L}="",${validNumber(L)})))`],
          conds: [`IF(ISLOGICAL(${L}),TRUE,OR(${L}="",${L}=0,${L}>=${gate.min}))`],
        })
      : null;
    return amountAndLevel(A, L, constant, amount, level);
  },
};
