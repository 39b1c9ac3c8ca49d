/**
 * 按个计补: count × unit amount (5G基站 2000元/个), for an operator that completed its annual
 * task. The task flag is read from `level`: FALSE / 否 / 未完成 → 0; TRUE / 是 / 1 → paid; empty
 * → paid, with the trace saying completion was not confirmed (note task_unconfirmed).
 */
import { defineMessages } from "../../i18n";
import { decToNumber, formatMoney, MAX_AMOUNT_YUAN, yuanToFen } from "../money";
import { quoteInput } from "../messages";
import type { Rule, Text2 } from "../types";
import { type CalcNote, type FieldError, isEmptyArg, type RuleModule, type Step } from "./kind";
import { amountAndLevel, arr, MAX, requiredNumber } from "./native-kit";

type PerUnit = Extract<Rule, { kind: "per_unit" }>;

const text = defineMessages(
  "rule-per-unit",
  {
    describe: "{amount}/{unit}",
    describeTask: "；未{flag}不奖补",
    step: "{count}{unit}×{amount}/{unit}={result}",
    taskUnconfirmed: "未确认是否{flag}，暂按已完成测算",
    taskNo: "未{flag}，不予奖补",
  },
  {
    describe: "{amount} per {unit}",
    describeTask: "; none unless {flag}",
    step: "{count} × {amount} per {unit} = {result}",
    taskUnconfirmed: "{flag}: not confirmed, computed as completed",
    taskNo: "{flag}: no, so no award",
  },
);

const TRUE_WORDS = ["TRUE", "是", "已完成", "完成", "Y", "YES", "1"];
const FALSE_WORDS = ["FALSE", "否", "未完成", "N", "NO"];

/** A task flag: true/false, or null when omitted. undefined when unreadable. */
export function readTaskFlag(value: unknown): boolean | null | undefined {
  if (isEmptyArg(value)) return null;
  if (typeof value === "boolean") return value;
  if (value === 1) return true;
  if (typeof value === "string") {
    const t = value.normalize("NFKC").trim().toUpperCase();
    if (t === "") return null;
    if (TRUE_WORDS.includes(t)) return true;
    if (FALSE_WORDS.includes(t)) return false;
  }
  return undefined;
}

export const perUnitRule: RuleModule<PerUnit, { count: number; task: boolean | null }> = {
  kind: "per_unit",
  usesLevel: (r) => !!r.taskFlag,
  parse(program, rule, amount, level) {
    const errors: FieldError[] = [];
    if (amount && amount.s !== 0) errors.push({ code: "not_integer_count", params: { label: program.baseLabel.zh, labelEn: program.baseLabel.en }, field: "amount" });
    else if (amount && decToNumber(amount) * rule.unit > MAX_AMOUNT_YUAN) errors.push({ code: "too_large", params: {}, field: "amount" });
    let task: boolean | null = null;
    if (rule.taskFlag) {
      const t = readTaskFlag(level);
      if (t === undefined) errors.push({ code: "bad_task_flag", params: { input: quoteInput(level) }, field: "level" });
      else task = t;
    }
    return errors.length ? { ok: false, errors } : { ok: true, parsed: { count: amount ? decToNumber(amount) : 0, task } };
  },
  compute(_p, rule, _amount, parsed) {
    const steps: Step[] = [];
    const notes: CalcNote[] = [];
    if (rule.taskFlag) {
      if (parsed.task === false) return { total: 0, steps: [{ k: "task", label: rule.taskFlag, completed: false }], notes };
      if (parsed.task === null) {
        steps.push({ k: "task", label: rule.taskFlag, completed: null });
        notes.push("task_unconfirmed");
      }
    }
    const unit = yuanToFen(rule.unit);
    const total = parsed.count * unit;
    steps.push({ k: "per_unit", count: parsed.count, unit, unitLabel: rule.unitLabel, result: total });
    return { total, steps, notes };
  },
  cap: (p, rule) => ({ ok: false, error: { code: "no_cap", params: { name: p.name.zh, nameEn: p.name.en, unit: `${rule.unit}元/${rule.unitLabel.zh}`, unitEn: rule.unitLabel.en } } }),
  rate: () => null,
  threshold: () => null,
  describe(_p, r, lang) {
    const amount = formatMoney(yuanToFen(r.unit), lang);
    return text(lang, "describe", { amount, unit: r.unitLabel[lang] }) + (r.taskFlag ? text(lang, "describeTask", { flag: r.taskFlag[lang] }) : "");
  },
  step(s, lang) {
    const y = (f: number) => formatMoney(f, lang);
    if (s.k === "per_unit") return text(lang, "step", { count: s.count, unit: s.unitLabel[lang], amount: y(s.unit), result: y(s.result) });
    if (s.k === "task") {
      const label: Text2 = s.label;
      return text(lang, s.completed === null ? "taskUnconfirmed" : "taskNo", { flag: label[lang] });
    }
    return null;
  },
  native(_p, rule, A, L, constant) {
    const amount = (A: string) => ({ checks: [`ISLOGICAL(${A})`, `NOT(${requiredNumber(A)})`, `OR(${A}<>INT(${A}),${A}*${rule.unit}>${MAX})`], conds: [], award: `${A}*${rule.unit}` });
    // TRUE → paid, FALSE → 0 (ISLOGICAL first: LibreOffice reads FALSE as the number 0).
    const level = (L: string) => ({
      checks: [`IF(ISLOGICAL(${L}),FALSE,IF(ISNUMBER(${L}),AND(${L}<>0,${L}<>1),NOT(OR(TRIM(${L})=${arr(["", ...TRUE_WORDS, ...FALSE_WORDS])}))))`],
      conds: [`IF(ISLOGICAL(${L}),${L},IF(ISNUMBER(${L}),TRUE,OR(TRIM(${L})=${arr(["", ...TRUE_WORDS])})))`],
    });
    return amountAndLevel(A, L, constant, amount, rule.taskFlag ? level : null);
  },
};
