/**
 * The explanation trace as one line of text, zh-CN or English: the clause cited by part and item,
 * then the arithmetic (each step rendered by its rule-kind module), then who pays:
 * "政策第二部分第1项（加快工业设备网络化技术改造）·工业设备网络化技术改造：投资80万元≥50万元，按20%计16万元，未超上限200万元；受益财政承担".
 * Amounts go through the one formatter per language (money.ts formatMoney).
 */
import { citeText } from "./cite";
import type { CalcResult } from "./engine";
import { defineMessages, type Lang } from "../i18n";
import { formatMoney } from "./money";
import { renderKindStep, type Step } from "./rules";
import type { Payer, Program } from "./types";

/** Who pays, by payer code. */
const payers = defineMessages<Payer>(
  "payers",
  { C: "市财政", B: "受益财政", "1:1": "市财政、受益财政1:1" },
  { C: "city finance", B: "beneficiary finance", "1:1": "city and beneficiary finance 1:1" },
);

/** The explanation's own words: the steps every rule kind shares, and the punctuation joining them. */
const text = defineMessages(
  "explain",
  {
    clause: "{cite}·{name}",
    inside: "{event}日期{date}在政策有效期内",
    outside: "{event}日期{date}不在政策有效期（{from}至{to}）内，不予奖补",
    split11: "市财政、受益财政按1:1分担：市财政{city}，受益财政{beneficiary}",
    paidBy: "{payer}承担",
    payable: "申请{asked}低于核定额{entitlement}，按申请额拨付{payable}",
    zero: "奖补0元",
    sep: "，",
    semi: "；",
    colon: "：",
  },
  {
    clause: "{cite} · {name}",
    inside: "{event} date {date} within validity",
    outside: "{event} date {date} outside the policy's validity ({from} to {to}): no award",
    split11: "split 1:1: city {city}, beneficiary {beneficiary}",
    paidBy: "paid by {payer}",
    payable: "asked {asked}, below the entitlement {entitlement}: payable {payable}",
    zero: "award CNY 0",
    sep: ", ",
    semi: "; ",
    colon: ": ",
  },
);

/** "政策第二部分第1项（…）·工业设备网络化技术改造" / "Policy part 2, item 1 (…) · Networked …" */
export function clauseRef(program: Pick<Program, "citation" | "name">, lang: Lang = "zh"): string {
  return text(lang, "clause", { cite: citeText(program.citation, lang), name: program.name[lang] });
}

export function payerText(payer: Payer, lang: Lang = "zh"): string {
  return payers(lang, payer);
}

function commonStep(s: Step, lang: Lang): string | null {
  const y = (f: number) => formatMoney(f, lang);
  switch (s.k) {
    case "validity":
      return text(lang, s.inside ? "inside" : "outside", { event: s.event[lang], date: s.date, from: s.from, to: s.to });
    case "split":
      if (s.payer === "1:1") return text(lang, "split11", { city: y(s.city), beneficiary: y(s.beneficiary) });
      return text(lang, "paidBy", { payer: payerText(s.payer, lang) });
    case "payable":
      return text(lang, "payable", { asked: y(s.asked), entitlement: y(s.entitlement), payable: y(s.payable) });
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
  const sep = text(lang, "sep");
  const semi = text(lang, "semi");
  const colon = text(lang, "colon");
  const parts: string[] = [];
  if (result.outside) parts.push(validity);
  else {
    if (body.length) parts.push(body.join(sep));
    if (validity) parts.push(validity);
  }
  if (result.total > 0) {
    parts.push(split);
    if (payable) parts.push(payable);
  } else parts.push(text(lang, "zero"));
  return clauseRef(result.program, lang) + colon + parts.join(semi);
}
