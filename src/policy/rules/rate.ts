/**
 * Rate-capped awards: base × rate, rounded half-up to the 分, capped. Optional:
 * - threshold on the base (投资50万元以上 → base ≥ 500,000, else 0);
 * - gate on `level` read as an amount (产业化项目: 实际完成投资1000万元及以上); not given → the
 *   rate is computed and the trace says the gate was not checked (note gate_unchecked);
 * - ceiling ("按照不超过…30%的比例"): computed at the ceiling and said so (note ceiling_rate);
 * - provisional rate left to the 实施细则 (cloud_service): said so (note provisional_rate).
 */
import { type Dec, decCompareYuan, formatDecEn, formatDecZh, formatMoney, formatRate, mulRateToFen, yuanToFen } from "../money";
import { parseAmount } from "../text";
import { quoteInput } from "../messages";
import type { Rule } from "../types";
import { type CalcNote, type FieldError, type RuleModule, type Step } from "./kind";
import { amountAndLevel, rateText, requiredNumber, validNumber } from "./native-kit";

type RateRule = Extract<Rule, { kind: "rate" }>;

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
    const parts: string[] = [];
    if (lang === "zh") {
      if (r.gate) parts.push(`${r.gate.label.zh}≥${y(r.gate.min)}`);
      if (r.threshold !== undefined) parts.push(`${p.baseLabel.zh}≥${y(r.threshold)}`);
      parts.push(r.ceiling ? `按${p.baseLabel.zh}的不超过${rate}` : `按${p.baseLabel.zh}的${rate}${r.provisional ? "（临时参数，待实施细则）" : ""}`);
      parts.push(`${p.capScope === "enterprise" ? "单个企业" : "单个项目"}最高${y(r.cap)}`);
      return parts.join("，");
    }
    if (r.gate) parts.push(`${r.gate.label.en} ≥ ${y(r.gate.min)}`);
    if (r.threshold !== undefined) parts.push(`${p.baseLabel.en} ≥ ${y(r.threshold)}`);
    parts.push(`${r.ceiling ? "up to " : ""}${rate} of ${p.baseLabel.en}${r.provisional ? " (provisional, pending the implementing rules)" : ""}`);
    parts.push(`cap ${y(r.cap)} per ${p.capScope}`);
    return parts.join(", ");
  },
  step(s, lang) {
    const y = (f: number) => formatMoney(f, lang);
    const d = lang === "zh" ? formatDecZh : formatDecEn;
    switch (s.k) {
      case "gate":
        if (lang === "zh") {
          if (s.passed === null) return `未提供${s.label.zh}，未校验${y(s.min)}门槛`;
          return s.passed ? `${s.label.zh}${d(s.value!)}≥${y(s.min)}` : `${s.label.zh}${d(s.value!)}<${y(s.min)}，不予奖补`;
        }
        if (s.passed === null) return `no ${s.label.en} given: the ${y(s.min)} threshold is not checked`;
        return s.passed ? `${s.label.en} ${d(s.value!)} ≥ ${y(s.min)}` : `${s.label.en} ${d(s.value!)} < ${y(s.min)}: no award`;
      case "threshold":
        if (lang === "zh") return s.passed ? `${s.label.zh}${d(s.base)}≥${y(s.threshold)}` : `${s.label.zh}${d(s.base)}<${y(s.threshold)}，不予奖补`;
        return s.passed ? `${s.label.en} ${d(s.base)} ≥ ${y(s.threshold)}` : `${s.label.en} ${d(s.base)} < ${y(s.threshold)}: no award`;
      case "rate": {
        const rate = formatRate(s.num, s.den);
        if (lang === "zh") {
          const how = s.ceiling ? `按不超过${rate}的上限比例测算` : s.provisional ? `比例暂按${rate}测算（${s.provisional.zh}，临时参数）` : `按${rate}计`;
          return (s.thresholdShown ? "" : `${s.label.zh}${d(s.base)}，`) + `${how}${y(s.raw)}`;
        }
        const how = s.ceiling ? `at the ceiling rate of ${rate} ("up to ${rate}")` : s.provisional ? `${rate} (${s.provisional.en}; provisional)` : rate;
        return (s.thresholdShown ? "" : `${s.label.en} ${d(s.base)}, `) + `${how} = ${y(s.raw)}`;
      }
      case "cap": {
        if (lang === "zh") {
          const what = s.perEnterprise ? "单个企业上限" : "上限";
          return s.capped ? `超过${what}，按${y(s.cap)}计` : `未超${what}${y(s.cap)}`;
        }
        const what = s.perEnterprise ? "per-enterprise cap" : "cap";
        return s.capped ? `above the ${what}: ${y(s.cap)}` : `within the ${what} ${y(s.cap)}`;
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
