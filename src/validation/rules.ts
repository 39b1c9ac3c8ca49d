/**
 * Every validation rule as data: stable code, severity, the column it is about, its meaning
 * (zh + en) and the policy clause or READING.md decision behind it. docs/VALIDATION_RULES.md
 * shows the same table (a test keeps the two in step).
 */
import type { ColumnKey, Severity } from "./types";

export type RuleCode =
  | "mapping.missing_column"
  | "mapping.duplicate_column"
  | "row.skipped_total"
  | "required.missing"
  | "program.unknown"
  | "program.non_money"
  | "credit_code.format"
  | "credit_code.check"
  | "credit_code.org_check"
  | "credit_code.division_mismatch"
  | "jurisdiction.unknown"
  | "amount.empty"
  | "amount.not_number"
  | "amount.negative"
  | "amount.too_large"
  | "amount.not_integer"
  | "amount.wan_suspect"
  | "level.missing"
  | "level.unknown"
  | "level.task_flag"
  | "level.investment"
  | "level.condition_missing"
  | "date.missing"
  | "date.unreadable"
  | "date.outside"
  | "requested.missing"
  | "requested.cap_assumed"
  | "provisional.parameter"
  | "requested.not_number"
  | "award.ineligible"
  | "amount.over_award"
  | "amount.under_award"
  | "share.not_number"
  | "share.mismatch"
  | "served.missing"
  | "served.invalid"
  | "cross.duplicate_one_time"
  | "cross.object_missing"
  | "cross.other_object"
  | "cross.project_programs"
  | "cross.higher_level"
  | "cross.enterprise_cap"
  | "cross.demo_per_year"
  | "cross.name_mismatch";

export interface RuleInfo {
  code: RuleCode;
  severity: Severity;
  /** The column the rule is about (null: the whole row / table). */
  column: ColumnKey | null;
  meaning: { zh: string; en: string };
  /** The policy clause or READING.md decision behind the rule. */
  basis: string;
}

const R = (code: RuleCode, severity: Severity, column: ColumnKey | null, zh: string, en: string, basis: string): RuleInfo => ({
  code,
  severity,
  column,
  meaning: { zh, en },
  basis,
});

export const RULES: readonly RuleInfo[] = [
  R("mapping.missing_column", "error", null, "缺少必需的列（企业名称、统一社会信用代码、所属地区、项目类别、申报金额）", "A required column is missing (enterprise, credit code, jurisdiction, program, requested)", "Issue 3 input table; READING.md 受益财政"),
  R("mapping.duplicate_column", "warning", null, "两列对应同一字段，只校验第一列", "Two columns map to the same field; only the first is checked", "Issue 3 input table"),
  R("row.skipped_total", "info", null, "合计/小计行，未作为申报行校验", "A total/subtotal row, not checked as an application", "Issue 3 input table"),
  R("required.missing", "error", null, "必填项为空（企业名称、统一社会信用代码、所属地区、项目类别）", "A required field is empty (enterprise, credit code, jurisdiction, program)", "Issue 3 input table"),
  R("program.unknown", "error", "program", "项目类别无法识别（提示最接近的代码）", "Unknown program (the nearest code is suggested)", "政策第一至第六部分; READING.md award programs"),
  R("program.non_money", "error", "program", "所填为非资金支持措施，无奖补金额", "The program is a non-money measure with no award", "READING.md non-money measures (云服务商优惠、标识深化应用、诊断咨询、人才培养、资本市场、结尾条款)"),
  R("credit_code.format", "error", "credit_code", "统一社会信用代码不是18位或含非法字符", "The credit code is not 18 characters or has invalid characters", "GB 32100-2015 (READING.md)"),
  R("credit_code.check", "error", "credit_code", "统一社会信用代码校验位错误", "The credit code's check character is wrong", "GB 32100-2015 check character (READING.md)"),
  R("credit_code.org_check", "warning", "credit_code", "信用代码第9—17位组织机构代码校验位不符", "The embedded organisation code (positions 9–17) fails its check", "GB 11714 mod-11 check (READING.md)"),
  R("credit_code.division_mismatch", "warning", "credit_code", "信用代码登记地为滁州另一县区，与所属地区不一致", "The code's registering division is another Chuzhou area than the jurisdiction", "READING.md: a mismatch is at most a warning (park firms may register under a county or 341100)"),
  R("jurisdiction.unknown", "error", "jurisdiction", "所属地区不是十个受益财政之一", "The jurisdiction is not one of the ten", "READING.md jurisdictions (受益财政)"),
  R("amount.empty", "error", "amount", "金额为空或为0（该项目需填写计算基数）", "The amount is empty or 0 (the program needs a base amount)", "READING.md: missing required amount is an error (amount column: required)"),
  R("amount.not_number", "error", "amount", "计算基数无法识别为金额", "The base amount cannot be read as a number", "READING.md: unreadable input is an error"),
  R("amount.negative", "error", "amount", "计算基数为负数", "The base amount is negative", "READING.md: negative amount is an error"),
  R("amount.too_large", "error", "amount", "计算基数超出可处理范围（疑为单位错误）", "The base amount is out of range (a unit slip?)", "Core limit: at most 1 trillion yuan"),
  R("amount.not_integer", "error", "amount", "基站数量应为非负整数", "The number of base stations must be a whole number", "政策第三部分第4项: 2000元/个"),
  R("amount.wan_suspect", "warning", null, "金额疑似按万元填入元列（如投资额80）", "An amount looks like 万元 typed into a 元 column (e.g. an investment of 80)", "READING.md currency: amounts are 元; the clauses write 万元"),
  R("level.missing", "error", "level", "分级项目缺少认定等级", "A tiered program has no level", "政策第二部分第2项: 3A/4A/5A"),
  R("level.unknown", "error", "level", "认定等级无法识别", "The level cannot be read", "政策第二部分第2项: 3A/4A/5A"),
  R("level.task_flag", "error", "level", "5G基站“完成年度任务”标志无法识别", "The 5G annual-task flag cannot be read", "政策第三部分第4项: 完成年度5G基站投资建设任务"),
  R("level.investment", "error", "level", "产业化项目的完成投资无法识别", "The industrialisation project's completed investment cannot be read", "政策第四部分第2项: 实际完成投资1000万元及以上"),
  R("level.condition_missing", "warning", "level", "未填写奖补条件（5G年度任务完成情况或产业化项目完成投资），未校验该条件", "The award condition is not filled in (5G annual task, or completed investment), so it was not checked", "政策第三部分第4项（5G基站：empty → paid, not confirmed）; 第四部分第2项（产业化项目）"),
  R("date.missing", "warning", "date", "缺少认定/完成日期，未校验政策有效期", "No date of the qualifying event: the validity window was not checked", "本政策自印发之日起施行，有效期三年 (READING.md validity: the date tested is the qualifying event's)"),
  R("date.unreadable", "error", "date", "认定/完成日期无法识别", "The date cannot be read", "READING.md: unreadable input is an error"),
  R("date.outside", "error", "date", "认定/完成日期不在政策有效期（2021-09-27至2024-09-26）内", "The date is outside the validity window (2021-09-27 to 2024-09-26)", "本政策自印发之日起施行，有效期三年 (READING.md validity)"),
  R("requested.missing", "warning", "requested", "申报金额为空或为0，按核定金额计应拨付额", "The requested amount is empty or 0: the payable amount is the entitlement", "READING.md what is paid: empty or 0 counts as not given"),
  R("requested.cap_assumed", "warning", "requested", "“最高不超过”类项目未填申请额，按最高额测算", "An up-to award with no amount asked: computed at the maximum", "READING.md up-to amounts: omitted, empty or 0 → the cap, with a warning"),
  R("provisional.parameter", "warning", "program", "该项目的参数由实施细则确定，暂按临时参数测算", "A parameter of this program is left to the implementing rules: computed with a provisional value", "READING.md 实施细则 gaps (cloud_service rate; service_platform served firms)"),
  R("requested.not_number", "error", "requested", "申报金额无法识别或为负数", "The requested amount cannot be read or is negative", "READING.md: unreadable input is an error"),
  R("award.ineligible", "error", "requested", "按政策不予奖补（核定为0），但申报了金额", "The policy gives no award here (computed 0) but money is requested", "Thresholds and levels of each clause (READING.md: ineligible gives 0)"),
  R("amount.over_award", "error", "requested", "申报金额高于按政策核定的金额（应拨付额取两者较低者）", "The requested amount is above the computed award", "Each clause's rate, cap and fixed amount"),
  R("amount.under_award", "info", "requested", "申报金额低于按政策核定的金额", "The requested amount is below the computed award", "Each clause's rate, cap and fixed amount"),
  R("share.not_number", "error", null, "市财政/受益财政承担金额无法识别", "A declared city/beneficiary share cannot be read", "READING.md: unreadable input is an error"),
  R("share.mismatch", "error", null, "市财政/受益财政承担金额与政策分担方式不符", "A declared city/beneficiary share does not match the policy's split", "由市财政/受益财政承担, 1:1 (READING.md 1:1 split)"),
  R("served.missing", "warning", "served", "公共服务平台未填写服务企业数", "The public service platform has no count of enterprises served", "政策第三部分第3项: 服务企业达到一定数量 (READING.md)"),
  R("served.invalid", "warning", "served", "服务企业数应为非负整数", "The number of enterprises served should be a whole number ≥ 0", "政策第三部分第3项: 服务企业达到一定数量"),
  R("cross.duplicate_one_time", "error", "program", "一次性奖补重复申报（同一企业、同一项目类别、同一对象）", "A one-time award claimed again for the same object (enterprise + program + object)", "一次性奖补 (READING.md 一次性; table One-time, cap period and date)"),
  R("cross.object_missing", "warning", "project", "同一企业同一项目类别另有申报，本行未填对象名称（项目/平台/产品/奖项名称），无法判断是否重复", "The same enterprise and program appear again and this row names no object (project/platform/product/award), so a duplicate cannot be ruled out", "READING.md 一次性: a missing object name is a warning to check, never an error"),
  R("cross.other_object", "warning", "project", "同一企业同一项目类别另有不同对象的申报，请确认为不同对象", "The same enterprise and program appear with another object: check that they are different", "READING.md 一次性: a different object name is a warning to check"),
  R("cross.enterprise_cap", "error", "requested", "同一企业该项目在上限期间内累计超过单个企业上限", "An enterprise's rows of the program within the cap period exceed the per-enterprise cap", "单个企业最高 (政策第四部分; READING.md cap period: 流片 the policy period, 研发设备/产业化 one application year)"),
  R("cross.project_programs", "warning", "project", "同一企业同一项目名称在多个项目类别下申报（合计奖补与投资对照）", "One project of an enterprise is claimed under several programs (combined award shown beside the investment)", "READING.md same project, several programs (实施细则 usually forbid double funding)"),
  R("cross.higher_level", "warning", "program", "同一平台或同一企业的评估等级在更高级别再次获评（就高补差由实施细则确定）", "The same platform (or DX assessment) recognised again at a higher level (paying the difference is for the implementing rules)", "READING.md One-time: platforms, dx_assessment"),
  R("cross.demo_per_year", "warning", "program", "同一年度全市“工业互联网赋能”示范项目超过2个", "More than 2 empowerment demonstration projects citywide in one year", "政策第五部分第3项: 每年评选1—2个"),
  R("cross.name_mismatch", "warning", "enterprise", "同一信用代码对应不同企业名称", "One credit code appears with different enterprise names", "GB 32100: one code per legal entity"),
];

export const RULE_BY_CODE: ReadonlyMap<RuleCode, RuleInfo> = new Map(RULES.map((r) => [r.code, r]));

export function ruleInfo(code: RuleCode): RuleInfo {
  const r = RULE_BY_CODE.get(code);
  if (!r) throw new Error(`unknown rule ${code}`);
  return r;
}
