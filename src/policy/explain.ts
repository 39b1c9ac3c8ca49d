/**
 * The explanation trace as one line of text, zh-CN or English, reading like the clause:
 * "第二条·工业设备网络化技术改造：投资80万元≥50万元，按20%计16万元，未超上限200万元；受益财政承担".
 */
import type { CalcResult, Step } from "./engine";
import type { Lang } from "./messages";
import { formatDecEn, formatDecZh, formatFenEn, formatFenZh, formatRate } from "./money";
import type { Payer, Program, SectionNo } from "./types";

const SECTION_EN: Record<SectionNo, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8 };

/** "第二条·工业设备网络化技术改造" / "Section 2 · Networked technical upgrade ..." */
export function clauseRef(program: Pick<Program, "section" | "name">, lang: Lang = "zh"): string {
  return lang === "zh" ? `第${program.section}条·${program.name.zh}` : `Section ${SECTION_EN[program.section]} · ${program.name.en}`;
}

export function payerText(payer: Payer, lang: Lang = "zh"): string {
  if (lang === "zh") return payer === "C" ? "市财政" : payer === "B" ? "受益财政" : "市财政、受益财政1:1";
  return payer === "C" ? "city finance" : payer === "B" ? "beneficiary finance" : "city and beneficiary finance 1:1";
}

function zhStep(s: Step): string {
  const y = formatFenZh;
  switch (s.k) {
    case "validity":
      return s.inside ? `认定日期${s.date}在有效期内` : `认定日期${s.date}不在政策有效期（${s.from}至${s.to}）内，不予奖补`;
    case "fixed":
      return `定额奖补${y(s.amount)}`;
    case "upto":
      if (s.asked === null) return `未填申请金额，按最高${y(s.cap)}计`;
      return s.asked > s.cap ? `申请${y(s.asked)}，超过最高${y(s.cap)}，按${y(s.cap)}计` : `申请${y(s.asked)}，未超最高${y(s.cap)}`;
    case "gate":
      if (s.passed === null) return `未提供${s.label.zh}，未校验${y(s.min)}门槛`;
      return s.passed ? `${s.label.zh}${formatDecZh(s.value!)}≥${y(s.min)}` : `${s.label.zh}${formatDecZh(s.value!)}<${y(s.min)}，不予奖补`;
    case "threshold":
      return s.passed
        ? `${s.label.zh}${formatDecZh(s.base)}≥${y(s.threshold)}`
        : `${s.label.zh}${formatDecZh(s.base)}<${y(s.threshold)}，不予奖补`;
    case "rate":
      return s.thresholdShown ? `按${formatRate(s.rate.num, s.rate.den)}计${y(s.raw)}` : `${s.label.zh}${formatDecZh(s.base)}，按${formatRate(s.rate.num, s.rate.den)}计${y(s.raw)}`;
    case "cap": {
      const what = s.perEnterprise ? "单个企业上限" : "上限";
      return s.capped ? `超过${what}，按${y(s.cap)}计` : `未超${what}${y(s.cap)}`;
    }
    case "tier":
      return s.zero ? `评估等级${s.level}，低于${s.lowest}，不予奖补` : `评估等级${s.level}，奖补${y(s.amount)}`;
    case "per_unit":
      return `${s.count}${s.unitLabel.zh}×${y(s.unit)}/${s.unitLabel.zh}=${y(s.result)}`;
    case "task":
      return `未${s.label.zh}，不予奖补`;
    case "split":
      if (s.payer === "1:1") return `市财政、受益财政按1:1分担：市财政${y(s.city)}，受益财政${y(s.beneficiary)}`;
      return s.payer === "C" ? "市财政承担" : "受益财政承担";
  }
}

function enStep(s: Step): string {
  const y = formatFenEn;
  switch (s.k) {
    case "validity":
      return s.inside ? `date ${s.date} within validity` : `date ${s.date} outside the policy's validity (${s.from} to ${s.to}): no award`;
    case "fixed":
      return `fixed award ${y(s.amount)}`;
    case "upto":
      if (s.asked === null) return `no amount asked: the maximum ${y(s.cap)}`;
      return s.asked > s.cap ? `asked ${y(s.asked)}, above the maximum: ${y(s.cap)}` : `asked ${y(s.asked)}, within the maximum ${y(s.cap)}`;
    case "gate":
      if (s.passed === null) return `no ${s.label.en} given: the ${y(s.min)} threshold is not checked`;
      return s.passed ? `${s.label.en} ${formatDecEn(s.value!)} ≥ ${y(s.min)}` : `${s.label.en} ${formatDecEn(s.value!)} < ${y(s.min)}: no award`;
    case "threshold":
      return s.passed ? `${s.label.en} ${formatDecEn(s.base)} ≥ ${y(s.threshold)}` : `${s.label.en} ${formatDecEn(s.base)} < ${y(s.threshold)}: no award`;
    case "rate":
      return (s.thresholdShown ? "" : `${s.label.en} ${formatDecEn(s.base)}, `) + `${formatRate(s.rate.num, s.rate.den)} = ${y(s.raw)}`;
    case "cap": {
      const what = s.perEnterprise ? "per-enterprise cap" : "cap";
      return s.capped ? `above the ${what}: ${y(s.cap)}` : `within the ${what} ${y(s.cap)}`;
    }
    case "tier":
      return s.zero ? `level ${s.level} is below ${s.lowest}: no award` : `level ${s.level}: ${y(s.amount)}`;
    case "per_unit":
      return `${s.count} × ${y(s.unit)} per ${s.unitLabel.en} = ${y(s.result)}`;
    case "task":
      return `${s.label.en}: no, so no award`;
    case "split":
      if (s.payer === "1:1") return `split 1:1: city ${y(s.city)}, beneficiary ${y(s.beneficiary)}`;
      return `paid by ${payerText(s.payer, "en")}`;
  }
}

/** One line: clause, arithmetic, then who pays (and the validity test when a date was given). */
export function explain(result: CalcResult, lang: Lang = "zh"): string {
  const render = lang === "zh" ? zhStep : enStep;
  const body: string[] = [];
  let validity = "";
  let split = "";
  for (const s of result.steps) {
    if (s.k === "validity") validity = render(s);
    else if (s.k === "split") split = render(s);
    else body.push(render(s));
  }
  const sep = lang === "zh" ? "，" : ", ";
  const semi = lang === "zh" ? "；" : "; ";
  const colon = lang === "zh" ? "：" : ": ";
  const parts: string[] = [];
  if (validity && !result.steps.some((s) => s.k === "validity" && s.inside)) {
    parts.push(validity);
  } else {
    if (body.length) parts.push(body.join(sep));
    if (validity) parts.push(validity);
  }
  if (result.total > 0) parts.push(split);
  else parts.push(lang === "zh" ? "奖补0元" : "award CNY 0");
  return clauseRef(result.program, lang) + colon + parts.join(semi);
}
