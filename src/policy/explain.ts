/**
 * The explanation trace as one line of text, zh-CN or English: the clause cited by part and item,
 * then the arithmetic (each step rendered by its rule-kind module), then who pays:
 * "政策第二部分第1项（加快工业设备网络化技术改造）·工业设备网络化技术改造：投资80万元≥50万元，按20%计16万元，未超上限200万元；受益财政承担".
 * Amounts go through the one formatter per language (money.ts formatMoney).
 */
import { citeText } from "./cite";
import type { CalcResult } from "./engine";
import type { Lang } from "./messages";
import { formatMoney } from "./money";
import { renderKindStep, type Step } from "./rules";
import type { Payer, Program } from "./types";

/** "政策第二部分第1项（…）·工业设备网络化技术改造" / "Policy part 2, item 1 (…) · Networked …" */
export function clauseRef(program: Pick<Program, "citation" | "name">, lang: Lang = "zh"): string {
  return `${citeText(program.citation, lang)}${lang === "zh" ? "·" : " · "}${lang === "zh" ? program.name.zh : program.name.en}`;
}

export function payerText(payer: Payer, lang: Lang = "zh"): string {
  if (lang === "zh") return payer === "C" ? "市财政" : payer === "B" ? "受益财政" : "市财政、受益财政1:1";
  return payer === "C" ? "city finance" : payer === "B" ? "beneficiary finance" : "city and beneficiary finance 1:1";
}

function commonStep(s: Step, lang: Lang): string | null {
  const y = (f: number) => formatMoney(f, lang);
  switch (s.k) {
    case "validity":
      if (lang === "zh") return s.inside ? `${s.event.zh}日期${s.date}在政策有效期内` : `${s.event.zh}日期${s.date}不在政策有效期（${s.from}至${s.to}）内，不予奖补`;
      return s.inside ? `${s.event.en} date ${s.date} within validity` : `${s.event.en} date ${s.date} outside the policy's validity (${s.from} to ${s.to}): no award`;
    case "split":
      if (lang === "zh") {
        if (s.payer === "1:1") return `市财政、受益财政按1:1分担：市财政${y(s.city)}，受益财政${y(s.beneficiary)}`;
        return s.payer === "C" ? "市财政承担" : "受益财政承担";
      }
      if (s.payer === "1:1") return `split 1:1: city ${y(s.city)}, beneficiary ${y(s.beneficiary)}`;
      return `paid by ${payerText(s.payer, "en")}`;
    case "payable":
      return lang === "zh" ? `申请${y(s.asked)}低于核定额${y(s.entitlement)}，按申请额拨付${y(s.payable)}` : `asked ${y(s.asked)}, below the entitlement ${y(s.entitlement)}: payable ${y(s.payable)}`;
    default:
      return null;
  }
}

/** One step in words. */
export function renderStep(s: Step, lang: Lang = "zh"): string {
  return commonStep(s, lang) ?? renderKindStep(s, lang) ?? "";
}

/** One line: clause, arithmetic, then who pays (and the validity test when a date was given). */
export function explain(result: CalcResult, lang: Lang = "zh"): string {
  const body: string[] = [];
  let validity = "";
  let split = "";
  let payable = "";
  for (const s of result.steps) {
    if (s.k === "validity") validity = renderStep(s, lang);
    else if (s.k === "split") split = renderStep(s, lang);
    else if (s.k === "payable") payable = renderStep(s, lang);
    else body.push(renderStep(s, lang));
  }
  const sep = lang === "zh" ? "，" : ", ";
  const semi = lang === "zh" ? "；" : "; ";
  const colon = lang === "zh" ? "：" : ": ";
  const parts: string[] = [];
  if (result.outside) parts.push(validity);
  else {
    if (body.length) parts.push(body.join(sep));
    if (validity) parts.push(validity);
  }
  if (result.total > 0) {
    parts.push(split);
    if (payable) parts.push(payable);
  } else parts.push(lang === "zh" ? "奖补0元" : "award CNY 0");
  return clauseRef(result.program, lang) + colon + parts.join(semi);
}
