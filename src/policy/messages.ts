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
  missing_program: "请填写项目类别（代码或中文名）",
  unknown_program: (p) => `未知项目“${p.input}”` + (p.suggestion ? `，是否为 ${p.suggestion}？` : "，请用 CZ.PROGRAMS() 查看代码"),
  non_money: "“{name}”（{cite}）为非资金支持措施，无奖补金额",
  amount_empty: "金额为空或为0：请填写{label}",
  bad_asked: "无法识别申请金额“{input}”（或为负数），请填写金额（元）",
  bad_amount: "无法识别金额“{input}”，请填写数字，如 800000 或 80万",
  negative_amount: "金额不能为负数",
  too_large: "金额超出可处理范围（最多一万亿元），请检查单位",
  not_integer_count: "{label}应为非负整数",
  missing_level: "缺少等级，请填写 {levels}",
  bad_level: "无法识别等级“{input}”，应为 {levels}",
  bad_task_flag: "无法识别“{input}”，请填写 TRUE（已完成年度任务）或 FALSE（未完成）",
  bad_date: "无法识别日期“{input}”，请填写日期，如 2022-03-01",
  missing_indicator: "请填写行动计划指标代码或名称",
  unknown_indicator: (p) => `未知指标“${p.input}”` + (p.suggestion ? `，是否为 ${p.suggestion}？` : ""),
  bad_year: "无法识别年份“{input}”，请填写如 2022",
  year_required: "“{name}”只对部分年份设定目标，请指定年份（{years}）",
  year_not_in_plan: "行动计划未对“{name}”设定{year}年目标（有目标的年份：{years}）",
  no_cap: "“{name}”按{unit}计补，无总上限",
  no_rate: "“{name}”不按比例计算",
  not_scalar: "此参数只接受单个单元格或值，不接受区域",
  no_catalogue: "日期“{input}”不在任何已配置政策的有效期内",
};

const en: Table = {
  missing_program: "Enter a program (code or Chinese name)",
  unknown_program: (p) => `Unknown program "${p.input}"` + (p.suggestion ? `; did you mean ${p.suggestion}?` : "; see CZ.PROGRAMS() for the codes"),
  non_money: (p) => `"${p.nameEn ?? p.name}" (${p.citeEn}) is a non-money measure with no award`,
  amount_empty: (p) => `The amount is empty or 0: enter the ${p.labelEn ?? p.label}`,
  bad_asked: 'Cannot read the amount asked "{input}" (or it is negative): enter yuan',
  bad_amount: 'Cannot read the amount "{input}": enter a number such as 800000 or 80万',
  negative_amount: "The amount cannot be negative",
  too_large: "The amount is out of range (at most 1 trillion yuan): check the unit",
  not_integer_count: (p) => `The ${p.labelEn ?? p.label} must be a whole number ≥ 0`,
  missing_level: "Missing level: enter {levels}",
  bad_level: 'Cannot read the level "{input}": expected {levels}',
  bad_task_flag: 'Cannot read "{input}": enter TRUE (annual task completed) or FALSE',
  bad_date: 'Cannot read the date "{input}": enter a date such as 2022-03-01',
  missing_indicator: "Enter an Action-Plan indicator code or name",
  unknown_indicator: (p) => `Unknown indicator "${p.input}"` + (p.suggestion ? `; did you mean ${p.suggestion}?` : ""),
  bad_year: 'Cannot read the year "{input}": enter e.g. 2022',
  year_required: '"{name}" has targets for some years only: give a year ({years})',
  year_not_in_plan: 'The Action Plan sets no {year} target for "{name}" (years with targets: {years})',
  no_cap: (p) => `"${p.nameEn ?? p.name}" is paid per ${p.unitEn ?? p.unit} and has no overall cap`,
  no_rate: (p) => `"${p.nameEn ?? p.name}" is not computed by a rate`,
  not_scalar: "This argument takes a single cell or value, not a range",
  no_catalogue: 'No configured policy is in force on "{input}"',
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
