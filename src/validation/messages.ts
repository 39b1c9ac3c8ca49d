/**
 * Every finding's wording, one catalogue per language (src/i18n). Short sentences that say what
 * to fix. Amount parameters are in 分 (numbers) and are formatted here. The params carry both
 * languages' words where a name comes from the policy data (`name` / `nameEn`, `field` / `fieldEn`).
 */
import { type Catalogue, defineMessages, type Lang } from "../i18n";
import { formatFenEn, formatFenZh } from "../policy/money";
import type { RuleCode } from "./rules";
import type { ColumnKey, Finding } from "./types";

export type MsgParams = Record<string, string | number | undefined>;
type Table = Catalogue<RuleCode>;

/** The fields of an application row as findings name them ("请填写企业名称" / "Enter the enterprise name"). */
export const fieldName = defineMessages<ColumnKey>(
  "field-names",
  {
    enterprise: "企业名称",
    credit_code: "统一社会信用代码",
    jurisdiction: "所属地区",
    program: "项目类别",
    project: "项目名称",
    amount: "计算基数",
    level: "认定等级/条件",
    date: "认定/完成日期",
    requested: "申报金额",
    city_share: "市财政承担",
    local_share: "受益财政承担",
    served: "服务企业数",
    scenario: "场景类别",
  },
  {
    enterprise: "enterprise name",
    credit_code: "credit code",
    jurisdiction: "jurisdiction",
    program: "program",
    project: "project name",
    amount: "base amount",
    level: "level/condition",
    date: "date",
    requested: "requested amount",
    city_share: "city share",
    local_share: "beneficiary share",
    served: "enterprises served",
    scenario: "scenario category",
  },
);

/** A field's name in both languages, as finding params carry it (`field` / `fieldEn`). */
export function fieldParams(k: ColumnKey): { field: string; fieldEn: string } {
  return { field: fieldName("zh", k), fieldEn: fieldName("en", k) };
}

/** Words the checks put into findings' params, in both languages (`inBoth`). */
export const checkWords = defineMessages(
  "finding-words",
  {
    once_enterprise: "企业",
    once_object: "对象",
    once_operator_year: "运营商年度任务",
    object: "对象",
    periodPolicy: "政策有效期内（{from}至{to}）",
    periodYear: "{year}年度",
    periodNone: "（日期未填）",
    requested: "申报金额",
  },
  {
    once_enterprise: "enterprise",
    once_object: "object",
    once_operator_year: "operator and year",
    object: "object",
    periodPolicy: "policy period {from} to {to}",
    periodYear: "application year {year}",
    periodNone: "no date",
    requested: "Requested amount",
  },
);

/** A word of checkWords in both languages, as finding params carry it ({zh, en}). */
export function inBoth(key: Parameters<typeof checkWords>[1], params?: MsgParams): { zh: string; en: string } {
  return { zh: checkWords("zh", key, params), en: checkWords("en", key, params) };
}

const fz = (v: string | number | undefined) => formatFenZh(Number(v ?? 0));
const fe = (v: string | number | undefined) => formatFenEn(Number(v ?? 0));

const zh: Table = {
  "mapping.missing_column": (p) => `未找到“${p.header}”列，请添加该列或在列映射中指定`,
  "mapping.duplicate_column": (p) => `“${p.header}”与第${p.first}列“${p.firstHeader}”对应同一字段，只校验前者`,
  "row.skipped_total": (p) => `“${p.text}”行视为合计行，未校验`,
  "required.missing": (p) => `请填写${p.field}`,
  "program.unknown": (p) => `未知项目类别“${p.input}”` + (p.suggestion ? `，是否为 ${p.suggestion}（${p.suggestionName}）？` : "，请填写项目代码或中文名"),
  "program.non_money": (p) => `“${p.name}”（${p.cite}）为非资金支持措施，不能申报奖补资金`,
  "credit_code.format": (p) => `统一社会信用代码“${p.input}”应为18位数字或大写字母（不含I、O、S、V、Z），现为${p.len}位`,
  "credit_code.check": (p) => `统一社会信用代码校验位错误：末位应为“${p.expected}”，现为“${p.actual}”，请核对代码`,
  "credit_code.org_check": () => "统一社会信用代码第9—17位（组织机构代码）校验不符，请向登记机关核实",
  "credit_code.division_mismatch": (p) => `信用代码登记地为${p.area}（${p.division}），与所属地区“${p.jurisdiction}”不一致，请确认受益财政`,
  "jurisdiction.unknown": (p) => `所属地区“${p.input}”不是十个受益财政之一` + (p.suggestion ? `，是否为“${p.suggestion}”？` : "，请填写如 南谯区、滁州经开区"),
  "amount.empty": (p) => `金额为空或为0：请填写计算基数（${p.label}）`,
  "amount.not_number": (p) => `计算基数“${p.input}”无法识别，请填写数字，如 800000 或 80万`,
  "amount.negative": () => "计算基数不能为负数",
  "amount.too_large": () => "计算基数超出可处理范围（最多一万亿元），请检查单位",
  "amount.not_integer": (p) => `${p.label}应为非负整数`,
  "amount.wan_suspect": (p) => `${p.field}${p.value}元明显偏小，疑似按万元填写（应为${p.asWan}元？），请核对单位`,
  "level.missing": (p) => `请填写认定等级（${p.levels}）`,
  "level.unknown": (p) => `无法识别认定等级“${p.input}”，应为 ${p.levels}`,
  "level.task_flag": (p) => `无法识别“${p.input}”，请填写 TRUE（已完成年度5G基站建设任务）或 FALSE（未完成）`,
  "level.investment": (p) => `无法识别完成投资“${p.input}”，请在认定等级/条件列填写项目实际完成投资（元）`,
  "level.condition_missing": (p) => `未填写${p.label}，未校验该奖补条件，请补填`,
  "date.missing": (p) => `请填写${p.event ?? "认定/完成"}日期，否则无法校验政策有效期`,
  "date.unreadable": (p) => `无法识别日期“${p.input}”，请填写如 2022-03-01`,
  "date.outside": (p) => `${p.event ?? "认定"}日期${p.date}不在政策有效期（${p.from}至${p.to}）内，不予奖补`,
  "requested.missing": (p) => `申报金额为空或为0，按核定金额${fz(p.computed)}计应拨付额，请核对`,
  "requested.cap_assumed": (p) => `未填申请额，按最高额${fz(p.cap)}测算，请填写实际申请金额`,
  "provisional.parameter": (p) => `按临时参数测算：${p.note}`,
  "requested.not_number": (p) => `申报金额“${p.input}”无法识别或为负数，请填写金额（元）`,
  "award.ineligible": (p) => `按政策核定为0（${p.trace}），但申报了${fz(p.requested)}，请核对`,
  "amount.over_award": (p) => `申报${fz(p.requested)}，高于按政策核定的${fz(p.computed)}，请核减${fz(Number(p.requested) - Number(p.computed))}`,
  "amount.under_award": (p) => `申报${fz(p.requested)}，低于按政策核定的${fz(p.computed)}`,
  "share.not_number": (p) => `${p.field}“${p.input}”无法识别，请填写金额（元）`,
  "share.mismatch": (p) => `${p.field}应为${fz(p.expected)}（${p.payer}），现填${fz(p.declared)}`,
  "served.missing": () => "公共服务平台需“服务企业达到一定数量”，请填写服务企业数",
  "served.invalid": (p) => `服务企业数“${p.input}”应为非负整数`,
  "cross.duplicate_one_time": (p) => `“${p.name}”为一次性奖补（按${p.onceFor}计一次），第${p.first}行已申报${p.object ? `“${p.object}”` : ""}，请删除重复行`,
  "cross.object_missing": (p) => `该企业“${p.name}”另在第${p.first}行申报，本行或该行未填${p.objectLabel}名称，无法判断是否重复，请补填`,
  "cross.other_object": (p) => `该企业“${p.name}”另在第${p.first}行申报${p.objectLabel}“${p.other}”，请确认与本行“${p.object}”为不同${p.objectLabel}`,
  "cross.enterprise_cap": (p) =>
    `该企业${p.period}“${p.name}”累计${fz(p.sum)}，超过单个企业上限${fz(p.cap)}（同组行：${p.rows}），本行最多可补${fz(p.allowed)}`,
  "cross.project_programs": (p) => `项目“${p.object}”另在第${p.rows}行以${p.programs}申报，合计奖补${fz(p.sum)}` + (p.investment ? `，项目投资${fz(p.investment)}` : "") + "，请确认实施细则是否允许重复支持",
  "cross.higher_level": (p) => `该企业${p.object ? `“${p.object}”` : ""}已在第${p.first}行以“${p.lower}”获奖补，本行为更高级别“${p.higher}”，是否就高补差由实施细则确定，请复核`,
  "cross.demo_per_year": (p) => `${p.year}年全市“工业互联网赋能”示范项目已有${p.max}个（第${p.rows}行），每年评选1—2个，请复核`,
  "cross.name_mismatch": (p) => `同一信用代码在第${p.first}行的企业名称为“${p.name}”，请核对`,
};

const en: Table = {
  "mapping.missing_column": (p) => `No "${p.header}" (${p.key}) column: add it or set it in the column mapping`,
  "mapping.duplicate_column": (p) => `"${p.header}" maps to the same field as column ${p.first} "${p.firstHeader}"; only the latter is checked`,
  "row.skipped_total": (p) => `Row "${p.text}" looks like a total row and was not checked`,
  "required.missing": (p) => `Enter the ${p.fieldEn}`,
  "program.unknown": (p) => `Unknown program "${p.input}"` + (p.suggestion ? `; did you mean ${p.suggestion}?` : "; enter a program code or Chinese name"),
  "program.non_money": (p) => `"${p.nameEn}" (${p.citeEn}) is a non-money measure: no award can be requested`,
  "credit_code.format": (p) => `Credit code "${p.input}" must be 18 digits or capital letters (no I, O, S, V, Z); it has ${p.len}`,
  "credit_code.check": (p) => `Wrong check character in the credit code: it should end in "${p.expected}", not "${p.actual}"`,
  "credit_code.org_check": () => "The organisation code inside the credit code (positions 9–17) fails its check: verify with the registry",
  "credit_code.division_mismatch": (p) => `The code is registered in ${p.area} (${p.division}), not in "${p.jurisdiction}": confirm who pays`,
  "jurisdiction.unknown": (p) => `"${p.input}" is not one of the ten jurisdictions` + (p.suggestion ? `; did you mean "${p.suggestion}"?` : ""),
  "amount.empty": (p) => `The amount is empty or 0: enter the base amount (${p.labelEn})`,
  "amount.not_number": (p) => `Cannot read the base amount "${p.input}": enter a number such as 800000 or 80万`,
  "amount.negative": () => "The base amount cannot be negative",
  "amount.too_large": () => "The base amount is out of range (at most 1 trillion yuan): check the unit",
  "amount.not_integer": (p) => `The ${p.labelEn} must be a whole number ≥ 0`,
  "amount.wan_suspect": (p) => `${p.fieldEn} of ${p.value} yuan is implausibly small: typed in 万元 (meant ${p.asWan} yuan?). Check the unit`,
  "level.missing": (p) => `Enter the level (${p.levels})`,
  "level.unknown": (p) => `Cannot read the level "${p.input}": expected ${p.levels}`,
  "level.task_flag": (p) => `Cannot read "${p.input}": enter TRUE (annual 5G task completed) or FALSE`,
  "level.investment": (p) => `Cannot read the completed investment "${p.input}": enter the project's completed investment in yuan in the level/condition column`,
  "level.condition_missing": (p) => `No ${p.labelEn} given, so this award condition was not checked: fill it in`,
  "date.missing": (p) => `Enter the date of the ${p.eventEn ?? "qualifying event"}, otherwise the validity window cannot be checked`,
  "date.unreadable": (p) => `Cannot read the date "${p.input}": enter e.g. 2022-03-01`,
  "date.outside": (p) => `The ${p.eventEn ?? "qualifying event"} date ${p.date} is outside the policy's validity (${p.from} to ${p.to}): no award`,
  "requested.missing": (p) => `The requested amount is empty or 0: the payable amount is the entitlement ${fe(p.computed)}; check`,
  "requested.cap_assumed": (p) => `No amount asked: computed at the maximum ${fe(p.cap)}; enter the amount actually asked`,
  "provisional.parameter": (p) => `Computed with a provisional parameter: ${p.noteEn}`,
  "requested.not_number": (p) => `Cannot read the requested amount "${p.input}" or it is negative: enter yuan`,
  "award.ineligible": (p) => `The policy gives 0 here (${p.traceEn}) but ${fe(p.requested)} is requested`,
  "amount.over_award": (p) => `Requested ${fe(p.requested)} is above the computed award ${fe(p.computed)}: reduce by ${fe(Number(p.requested) - Number(p.computed))}`,
  "amount.under_award": (p) => `Requested ${fe(p.requested)} is below the computed award ${fe(p.computed)}`,
  "share.not_number": (p) => `Cannot read the ${p.fieldEn} "${p.input}": enter yuan`,
  "share.mismatch": (p) => `The ${p.fieldEn} should be ${fe(p.expected)} (${p.payerEn}), not ${fe(p.declared)}`,
  "served.missing": () => "A public service platform must serve a number of enterprises: enter the count served",
  "served.invalid": (p) => `Enterprises served "${p.input}" should be a whole number ≥ 0`,
  "cross.duplicate_one_time": (p) => `"${p.nameEn}" is a one-time award (once per ${p.onceForEn}) already claimed in row ${p.first}: remove the duplicate`,
  "cross.object_missing": (p) => `This enterprise also claims "${p.nameEn}" in row ${p.first}, and this row or that one names no ${p.objectLabelEn}: a duplicate cannot be ruled out; fill it in`,
  "cross.other_object": (p) => `This enterprise also claims "${p.nameEn}" in row ${p.first} for the ${p.objectLabelEn} "${p.other}": check that "${p.object}" is a different one`,
  "cross.enterprise_cap": (p) =>
    `This enterprise's rows of "${p.nameEn}" (${p.periodEn}) add up to ${fe(p.sum)}, above the per-enterprise cap ${fe(p.cap)} (rows ${p.rows}); this row can get at most ${fe(p.allowed)}`,
  "cross.project_programs": (p) => `Project "${p.object}" is also claimed in rows ${p.rows} under ${p.programsEn}: combined award ${fe(p.sum)}` + (p.investment ? `, investment ${fe(p.investment)}` : "") + "; check whether the implementing rules allow it",
  "cross.higher_level": (p) => `Already awarded as "${p.lowerEn}" in row ${p.first}; this row is the higher "${p.higherEn}": paying the difference is for the implementing rules, review`,
  "cross.demo_per_year": (p) => `${p.year} already has ${p.max} empowerment demonstration projects citywide (rows ${p.rows}); the policy selects 1–2 a year: review`,
  "cross.name_mismatch": (p) => `The same credit code has the name "${p.name}" in row ${p.first}: check`,
};

/** A finding's text per rule code. */
export const findingText = defineMessages<RuleCode>("findings", zh, en);

export function ruleMessage(code: RuleCode, params: MsgParams, lang: Lang = "zh"): string {
  return findingText(lang, code, params);
}

const FINDING_TEXT: Readonly<Record<Lang, (f: Pick<Finding, "message" | "messageEn">) => string>> = { zh: (f) => f.message, en: (f) => f.messageEn };

/** A finding's sentence in a language (findings carry both, worded when they were found). */
export function findingSentence(f: Pick<Finding, "message" | "messageEn">, lang: Lang): string {
  return FINDING_TEXT[lang](f);
}
