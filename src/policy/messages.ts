/**
 * Every error text of the engine, one catalogue per language (src/i18n). The wrappers (functions,
 * validation, CLI) never write their own wording for these cases.
 */
import { type Catalogue, defineMessages, type Lang } from "../i18n";

export type { Lang } from "../i18n";

export type ErrorCode =
  | "missing_program"
  | "unknown_program"
  | "non_money"
  | "amount_empty"
  | "bad_asked"
  | "bad_amount"
  | "negative_amount"
  | "too_large"
  | "not_integer_count"
  | "missing_level"
  | "bad_level"
  | "bad_task_flag"
  | "bad_date"
  | "missing_indicator"
  | "unknown_indicator"
  | "bad_year"
  | "year_required"
  | "year_not_in_plan"
  | "no_cap"
  | "no_rate"
  | "not_scalar"
  | "no_catalogue";

/** "na" becomes #N/A in Excel, "value" becomes #VALUE!. */
export const ERROR_KIND: Record<ErrorCode, "na" | "value"> = {
  missing_program: "value",
  unknown_program: "na",
  non_money: "na",
  amount_empty: "value",
  bad_asked: "value",
  bad_amount: "value",
  negative_amount: "value",
  too_large: "value",
  not_integer_count: "value",
  missing_level: "value",
  bad_level: "value",
  bad_task_flag: "value",
  bad_date: "value",
  missing_indicator: "value",
  unknown_indicator: "na",
  bad_year: "value",
  year_required: "value",
  year_not_in_plan: "na",
  no_cap: "na",
  no_rate: "na",
  not_scalar: "value",
  no_catalogue: "na",
};

export type Params = Record<string, string | number | undefined>;

type Table = Catalogue<ErrorCode>;

const zh: Table = {
  missing_program: () => "请填写项目类别（代码或中文名）",
  unknown_program: (p) => `未知项目“${p.input}”` + (p.suggestion ? `，是否为 ${p.suggestion}？` : "，请用 CZ.PROGRAMS() 查看代码"),
  non_money: (p) => `“${p.name}”（${p.cite}）为非资金支持措施，无奖补金额`,
  amount_empty: (p) => `金额为空或为0：请填写${p.label}`,
  bad_asked: (p) => `无法识别申请金额“${p.input}”（或为负数），请填写金额（元）`,
  bad_amount: (p) => `无法识别金额“${p.input}”，请填写数字，如 800000 或 80万`,
  negative_amount: () => "金额不能为负数",
  too_large: () => "金额超出可处理范围（最多一万亿元），请检查单位",
  not_integer_count: (p) => `${p.label}应为非负整数`,
  missing_level: (p) => `缺少等级，请填写 ${p.levels}`,
  bad_level: (p) => `无法识别等级“${p.input}”，应为 ${p.levels}`,
  bad_task_flag: (p) => `无法识别“${p.input}”，请填写 TRUE（已完成年度任务）或 FALSE（未完成）`,
  bad_date: (p) => `无法识别日期“${p.input}”，请填写日期，如 2022-03-01`,
  missing_indicator: () => "请填写行动计划指标代码或名称",
  unknown_indicator: (p) => `未知指标“${p.input}”` + (p.suggestion ? `，是否为 ${p.suggestion}？` : ""),
  bad_year: (p) => `无法识别年份“${p.input}”，请填写如 2022`,
  year_required: (p) => `“${p.name}”只对部分年份设定目标，请指定年份（${p.years}）`,
  year_not_in_plan: (p) => `行动计划未对“${p.name}”设定${p.year}年目标（有目标的年份：${p.years}）`,
  no_cap: (p) => `“${p.name}”按${p.unit}计补，无总上限`,
  no_rate: (p) => `“${p.name}”不按比例计算`,
  not_scalar: () => "此参数只接受单个单元格或值，不接受区域",
  no_catalogue: (p) => `日期“${p.input}”不在任何已配置政策的有效期内`,
};

const en: Table = {
  missing_program: () => "Enter a program (code or Chinese name)",
  unknown_program: (p) => `Unknown program "${p.input}"` + (p.suggestion ? `; did you mean ${p.suggestion}?` : "; see CZ.PROGRAMS() for the codes"),
  non_money: (p) => `"${p.nameEn ?? p.name}" (${p.citeEn}) is a non-money measure with no award`,
  amount_empty: (p) => `The amount is empty or 0: enter the ${p.labelEn ?? p.label}`,
  bad_asked: (p) => `Cannot read the amount asked "${p.input}" (or it is negative): enter yuan`,
  bad_amount: (p) => `Cannot read the amount "${p.input}": enter a number such as 800000 or 80万`,
  negative_amount: () => "The amount cannot be negative",
  too_large: () => "The amount is out of range (at most 1 trillion yuan): check the unit",
  not_integer_count: (p) => `The ${p.labelEn ?? p.label} must be a whole number ≥ 0`,
  missing_level: (p) => `Missing level: enter ${p.levels}`,
  bad_level: (p) => `Cannot read the level "${p.input}": expected ${p.levels}`,
  bad_task_flag: (p) => `Cannot read "${p.input}": enter TRUE (annual task completed) or FALSE`,
  bad_date: (p) => `Cannot read the date "${p.input}": enter a date such as 2022-03-01`,
  missing_indicator: () => "Enter an Action-Plan indicator code or name",
  unknown_indicator: (p) => `Unknown indicator "${p.input}"` + (p.suggestion ? `; did you mean ${p.suggestion}?` : ""),
  bad_year: (p) => `Cannot read the year "${p.input}": enter e.g. 2022`,
  year_required: (p) => `"${p.name}" has targets for some years only: give a year (${p.years})`,
  year_not_in_plan: (p) => `The Action Plan sets no ${p.year} target for "${p.name}" (years with targets: ${p.years})`,
  no_cap: (p) => `"${p.nameEn ?? p.name}" is paid per ${p.unitEn ?? p.unit} and has no overall cap`,
  no_rate: (p) => `"${p.nameEn ?? p.name}" is not computed by a rate`,
  not_scalar: () => "This argument takes a single cell or value, not a range",
  no_catalogue: (p) => `No configured policy is in force on "${p.input}"`,
};

/** The engine's error texts per error code. */
export const errorText = defineMessages<ErrorCode>("policy-errors", zh, en);

export interface PolicyError {
  code: ErrorCode;
  params: Params;
  /** The input the error is about, when it is one (validation points at that column). */
  field?: "program" | "amount" | "level" | "date" | "asked";
}

export function errorMessage(err: PolicyError, lang: Lang = "zh"): string {
  return errorText(lang, err.code, err.params);
}

/** Show a user's input inside a message: cut to a readable length. */
export function quoteInput(value: unknown): string {
  let s: string;
  if (typeof value === "string") s = value;
  else if (typeof value === "number" || typeof value === "boolean") s = String(value);
  else s = Object.prototype.toString.call(value).slice(8, -1);
  return s.length > 24 ? s.slice(0, 24) + "…" : s;
}
