/**
 * The Excel custom functions =CZ.*: thin wrappers over the policy core (src/policy).
 *
 * - custom-functions-metadata-plugin generates dist/functions.json from the JSDoc below and
 *   appends `CustomFunctions.associate("ID", fn)` for every @customfunction by itself, so this
 *   file must not call associate.
 * - The JSDoc descriptions are zh-CN with English in parentheses. Their single source of truth is
 *   src/functions/metadata-text.json: the build (scripts/build-locales.js) writes functions.json,
 *   functions.zh-cn.json and functions.en-us.json from it, and test/functions checks this JSDoc
 *   says the same.
 * - Every Excel argument goes through one place, arg(): null/undefined = omitted, a 1×1 2-D array
 *   is its single value, a bigger range where one value is expected is #VALUE!, and a
 *   CustomFunctions.Error passed in is returned as it is.
 * - Empty cells: Excel on Windows/Mac passes an empty cell as 0 and Excel on the web as null
 *   (OfficeDev/office-js issue 4702). arg() reads 0 as empty in EVERY argument position, so one
 *   workbook gives one answer on every host (README, "空单元格与 0"):
 *     required amounts, 0 or empty → #VALUE! "金额为空或为0"; up-to amounts, 0 or empty → the
 *     cap (the trace says no amount was asked); level, date, year, program, 0 or empty → not given.
 * - Unreadable input gives an error value (#VALUE! or #N/A per ERROR_KIND) with the core's
 *   message in Excel's display language (./locale.ts); no function ever lets an exception escape.
 * - Hot path (CZ.SUBSIDY): no allocation here beyond what calculate() needs.
 *
 * Only the policy core is imported: no React, Fluent or ExcelJS in functions.js.
 */
import { calculate, type CalcOutcome } from "../policy/engine";
import { resolveProgram, capOf, rateOf } from "../policy/engine";
import { catalogueAt } from "../policy/catalogues";
import { explain } from "../policy/explain";
import { programTable, targetValue } from "../policy/describe";
import { ERROR_KIND, errorMessage, quoteInput, type PolicyError } from "../policy/messages";
import { fenToYuan } from "../policy/money";
import { nativeFormula } from "../policy/native-formula";
import type { Catalogue } from "../policy/types";
// The composition root of the functions: the shipped catalogues are bound here, once.
import { SHIPPED_POLICY as POLICY } from "../policy/shipped";
import { displayLang, functionText } from "./locale";

// office.js defines CustomFunctions (with associate) synchronously. If it could not be loaded at
// all (a pane opened offline without the CDN), give the appended associate calls something to
// call, so the page does not throw; inside Excel this never runs.
const G = globalThis as unknown as { CustomFunctions?: unknown; __CZ_FUNCTIONS_LOADED__?: boolean };
if (typeof G.CustomFunctions === "undefined") G.CustomFunctions = { associate: () => undefined };
// Tells the task pane (same page in the shared runtime) that this bundle ran.
G.__CZ_FUNCTIONS_LOADED__ = true;

/** Marker for "a range where a single value is expected". */
const NOT_SCALAR: PolicyError = { code: "not_scalar", params: {} };

type CfError = CustomFunctions.Error;

/** Error codes as strings, whether Excel's runtime defines them or a test stub does. */
function errorCodeNames(): Record<string, string> {
  const cf = G.CustomFunctions as { ErrorCode?: Record<string, string> } | undefined;
  return cf?.ErrorCode ?? { invalidValue: "#VALUE!", notAvailable: "#N/A" };
}

/** A CustomFunctions.Error value (falls back to a plain {code, message} when the runtime has none). */
function makeError(kind: "na" | "value", message: string): CfError {
  const cf = G.CustomFunctions as { Error?: new (code: unknown, message?: string) => CfError } | undefined;
  const codes = errorCodeNames();
  const code = kind === "na" ? codes.notAvailable : codes.invalidValue;
  const msg = message.length > 250 ? message.slice(0, 249) + "…" : message;
  if (cf && typeof cf.Error === "function") return new cf.Error(code, msg);
  return { code, message: msg } as unknown as CfError;
}

/** The error value for a PolicyError of the core, in Excel's display language. */
function policyError(e: PolicyError): CfError {
  return makeError(ERROR_KIND[e.code] ?? "value", errorMessage(e, displayLang()));
}

/** Throw the error value of a PolicyError (typed as never so it fits any return type). */
function fail(e: PolicyError): never {
  throw policyError(e);
}

/** What a wrapper throws for an exception: an error value as it is, anything else as #VALUE!. */
function toThrown(e: unknown): CfError {
  if (e && typeof e === "object" && isErrorValue(e)) return e as CfError;
  return makeError("value", functionText(displayLang(), "internal"));
}

/** Is v an Excel error value passed in (an instance of CustomFunctions.Error)? */
function isErrorValue(v: object): boolean {
  const cf = G.CustomFunctions as { Error?: unknown } | undefined;
  return Boolean(cf && typeof cf.Error === "function" && v instanceof (cf.Error as new () => object));
}

// The arguments after conversion (module slots: the functions are synchronous, so no call can
// interleave with another; this avoids allocating an array per call).
let A0: unknown = null;
let A1: unknown = null;
let A2: unknown = null;
let A3: unknown = null;

/**
 * Convert one Excel argument. Returns the value, NOT_SCALAR for a range bigger than 1×1, or the
 * error value passed in. 0 is an empty cell on Excel desktop: it becomes null (empty), as on the web.
 */
function arg(v: unknown): unknown {
  if (v === undefined || v === null || v === 0) return null;
  if (typeof v !== "object") return v;
  if (Array.isArray(v)) {
    if (v.length === 1) {
      const row = v[0];
      if (Array.isArray(row)) {
        if (row.length !== 1) return NOT_SCALAR;
        const x = row[0];
        if (x === undefined || x === null || x === 0) return null;
        if (typeof x !== "object") return x;
        if (Array.isArray(x)) return NOT_SCALAR;
        return x;
      }
      // A 1-D array of one value (not what Excel passes, but unambiguous).
      return row === undefined || row === null || row === 0 ? null : Array.isArray(row) ? NOT_SCALAR : row;
    }
    return NOT_SCALAR;
  }
  return v;
}

/** Is a converted argument an early result (NOT_SCALAR or an error value passed in)? */
function early(v: unknown): CfError | null {
  if (v === null || typeof v !== "object") return null;
  if (v === NOT_SCALAR) return policyError(NOT_SCALAR);
  if (v instanceof Date) return null;
  if (isErrorValue(v)) return v as CfError;
  return null;
}

/** Read up to four arguments into A0..A3; returns an error value to return at once, or null. */
function readArgs(n: number, a: unknown, b?: unknown, c?: unknown, d?: unknown): CfError | null {
  let e: CfError | null;
  A0 = arg(a);
  if ((e = early(A0))) return e;
  if (n < 2) return null;
  A1 = arg(b);
  if ((e = early(A1))) return e;
  if (n < 3) return null;
  A2 = arg(c);
  if ((e = early(A2))) return e;
  if (n < 4) return null;
  A3 = arg(d);
  return early(A3);
}

/** Reused input object for calculate() (hot path: no allocation per call here). */
const INPUT = { program: null as unknown, amount: null as unknown, level: null as unknown, date: null as unknown };

/** Read the four arguments and compute; an argument that is a range or an error value is thrown. */
function calc(program: unknown, amount: unknown, level: unknown, date: unknown): CalcOutcome {
  const e = readArgs(4, program, amount, level, date);
  if (e) throw e;
  INPUT.program = A0;
  INPUT.amount = A1;
  INPUT.level = A2;
  INPUT.date = A3;
  return calculate(INPUT, POLICY);
}

/** The catalogue in force on a date argument (omitted: the fallback), or the error to throw. */
function catalogueOn(date: unknown): Catalogue {
  const c = catalogueAt(POLICY, date);
  if (c === "bad") fail({ code: "bad_date", params: { input: quoteInput(date) } });
  if (c === null) fail({ code: "no_catalogue", params: { input: quoteInput(date) } });
  return c;
}

/**
 * 按政策计算核定奖补金额（元）；应拨付额为其与申请额中的较低者 (The entitlement in yuan under the policy; the payable amount is the lower of it and the amount asked.)
 * @customfunction SUBSIDY
 * @param program 项目代码或中文名，如 "smart_factory" 或 "智能工厂" (program code or Chinese name)
 * @param [amount] 投资额、合同额或数量；最高不超过类项目省略或为0时按上限 (investment, contract amount or count; omitted or 0 means the maximum for up-to awards)
 * @param [level] 等级 3A/4A/5A；集成电路产业化为已完成投资额；5G基站为是否完成年度任务 TRUE/FALSE (tier 3A/4A/5A; completed investment for ic_industrialization; annual task done for base_station_5g)
 * @param [date] 认定日期，如 2022-03-01；省略则不校验有效期 (recognition date; omitted skips the validity check)
 * @returns 奖补金额（元）(award in yuan)
 */
export function subsidy(program: unknown, amount?: unknown, level?: unknown, date?: unknown): number {
  try {
    const r = calc(program, amount, level, date);
    return r.ok ? fenToYuan(r.result.total) : fail(r.error);
  } catch (e) {
    throw toThrown(e);
  }
}

/**
 * 市财政与受益财政各承担的金额（元），返回一行两列 (City and beneficiary finance shares in yuan, as one row of two.)
 * @customfunction SPLIT
 * @param program 项目代码或中文名 (program code or Chinese name)
 * @param [amount] 投资额、合同额或数量 (investment, contract amount or count)
 * @param [level] 等级、已完成投资额或年度任务 (tier, completed investment or annual task)
 * @param [date] 认定日期 (recognition date)
 * @returns 市财政、受益财政 (city share, beneficiary share)
 */
export function split(program: unknown, amount?: unknown, level?: unknown, date?: unknown): number[][] {
  try {
    const r = calc(program, amount, level, date);
    if (!r.ok) fail(r.error);
    return [[fenToYuan(r.result.city), fenToYuan(r.result.beneficiary)]];
  } catch (e) {
    throw toThrown(e);
  }
}

/**
 * 计算过程说明（引用条款，随 Excel 显示语言） (One-line explanation citing the clause, in Excel's display language.)
 * @customfunction EXPLAIN
 * @param program 项目代码或中文名 (program code or Chinese name)
 * @param [amount] 投资额、合同额或数量 (investment, contract amount or count)
 * @param [level] 等级、已完成投资额或年度任务 (tier, completed investment or annual task)
 * @param [date] 认定日期 (recognition date)
 * @returns 计算说明 (explanation)
 */
export function explainCase(program: unknown, amount?: unknown, level?: unknown, date?: unknown): string {
  try {
    const r = calc(program, amount, level, date);
    return r.ok ? explain(r.result, displayLang()) : fail(r.error);
  } catch (e) {
    throw toThrown(e);
  }
}

/**
 * 是否符合奖补条件（奖补金额大于0） (TRUE when the policy rewards this case.)
 * @customfunction ELIGIBLE
 * @param program 项目代码或中文名 (program code or Chinese name)
 * @param [amount] 投资额、合同额或数量 (investment, contract amount or count)
 * @param [level] 等级、已完成投资额或年度任务 (tier, completed investment or annual task)
 * @param [date] 认定日期 (recognition date)
 * @returns TRUE/FALSE
 */
export function eligible(program: unknown, amount?: unknown, level?: unknown, date?: unknown): boolean {
  try {
    const r = calc(program, amount, level, date);
    return r.ok ? r.result.eligible : fail(r.error);
  } catch (e) {
    throw toThrown(e);
  }
}

/**
 * 项目的奖补上限或定额（元） (The cap or fixed amount of a program, in yuan.)
 * @customfunction CAP
 * @param program 项目代码或中文名 (program code or Chinese name)
 * @param [level] 分级项目的等级，省略则为最高档 (tier for tiered programs; omitted gives the top tier)
 * @param [date] 日期，按当日有效的政策；省略则为现行政策 (date: the policy in force that day; omitted gives the current policy)
 * @returns 上限（元）(cap in yuan)
 */
export function cap(program: unknown, level?: unknown, date?: unknown): number {
  try {
    const e = readArgs(3, program, level, date);
    if (e) throw e;
    const p = resolveProgram(A0, catalogueOn(A2));
    if (!p.ok) throw policyError(p.error);
    const c = capOf(p.program, A1);
    return c.ok ? fenToYuan(c.fen) : fail(c.error);
  } catch (e) {
    throw toThrown(e);
  }
}

/**
 * 项目的补助比例，如 0.2；不按比例计算的项目为 #N/A (The program's rate, e.g. 0.2; #N/A when it has none.)
 * @customfunction RATE
 * @param program 项目代码或中文名 (program code or Chinese name)
 * @param [date] 日期，按当日有效的政策；省略则为现行政策 (date: the policy in force that day; omitted gives the current policy)
 * @returns 比例 (rate)
 */
export function rate(program: unknown, date?: unknown): number {
  try {
    const e = readArgs(2, program, date);
    if (e) throw e;
    const p = resolveProgram(A0, catalogueOn(A1));
    if (!p.ok) throw policyError(p.error);
    const r = rateOf(p.program);
    if (r === null) throw policyError({ code: "no_rate", params: { name: p.program.name.zh, nameEn: p.program.name.en } });
    return r;
  } catch (e) {
    throw toThrown(e);
  }
}

const programRows = new Map<Catalogue, (string | number)[][]>();

/**
 * 政策项目目录（含表头）：代码、中文名、条款、规则、比例、上限、门槛、承担 (The catalogue with a header row.)
 * @customfunction PROGRAMS
 * @param [date] 日期，按当日有效的政策；省略则为现行政策 (date: the policy in force that day; omitted gives the current policy)
 * @returns 项目目录 (catalogue table)
 */
// A matrix of text and numbers: metadata result type "any" (a union type is not accepted by the metadata generator).
export function programs(date?: unknown): any[][] {
  try {
    const e = readArgs(1, date);
    if (e) throw e;
    const cat = catalogueOn(A0);
    let rows = programRows.get(cat);
    if (!rows) programRows.set(cat, (rows = programTable(cat)));
    return rows.map((row) => row.slice());
  } catch (e) {
    throw toThrown(e);
  }
}

/**
 * 三年行动计划目标值 (An Action-Plan target.)
 * @customfunction TARGET
 * @param indicator 指标代码或名称 (indicator code or name)
 * @param [year] 年份，如 2022 (year, e.g. 2022)
 * @param [date] 日期，按当日有效的政策；省略则为现行政策 (date: the policy in force that day; omitted gives the current policy)
 * @returns 目标值 (target value)
 */
export function target(indicator: unknown, year?: unknown, date?: unknown): number {
  try {
    const e = readArgs(3, indicator, year, date);
    if (e) throw e;
    const t = targetValue(A0, A1, POLICY, A2);
    return t.ok ? t.value : fail(t.error);
  } catch (e) {
    throw toThrown(e);
  }
}

/** The sheet part of an address such as "Sheet1!C2" or "'My sheet'!C2" ("" when none). */
function sheetOf(address: string): string {
  const i = address.lastIndexOf("!");
  return i < 0 ? "" : address.slice(0, i);
}

/**
 * What to write for argument i of CZ.NATIVE: the cell's address when the argument is a cell (the
 * sheet dropped when it is the caller's), the value when it was typed in the formula (address ""),
 * or NOT_SCALAR for a range.
 */
function refOrValue(value: unknown, i: number, addrs: readonly unknown[], own: unknown): unknown {
  const a = addrs[i];
  if (typeof a !== "string" || a === "") return value;
  if (a.includes(":")) return NOT_SCALAR;
  const sheet = sheetOf(a);
  if (sheet && typeof own === "string" && sheetOf(own) === sheet) return a.slice(sheet.length + 1);
  return a;
}

/**
 * 生成与 CZ.SUBSIDY 结果相同的普通 Excel 公式文本（供 WPS、Office 2016/2019 使用） (Native Excel formula text computing the same award.)
 * @customfunction NATIVE
 * @param program 项目代码或中文名 (program code or Chinese name)
 * @param [amount_ref] 金额所在单元格，如 C2 (the amount's cell, e.g. C2)
 * @param [level_ref] 等级所在单元格或值 (the level's cell or value)
 * @param [date_ref] 日期所在单元格或值 (the date's cell or value)
 * @param invocation 调用信息 (invocation)
 * @returns 公式文本 (formula text)
 * @requiresAddress
 * @requiresParameterAddresses
 */
// Metadata rules (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json,
// "options" → requiresParameterAddresses): the option must be combined with a result whose
// dimensionality is "matrix", so the result is a 1×1 matrix (string[][]). The addresses come in
// invocation.parameterAddresses, which needs the CustomFunctionsRuntime 1.3 requirement set
// (https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.invocation,
// parameterAddresses: "[API set: CustomFunctionsRuntime 1.3]"); manifest.xml requires it.
// Without addresses the answer is #N/A with the reason, never the award written as a constant.
export function native(program: unknown, amount_ref: unknown, level_ref: unknown, date_ref: unknown, invocation: CustomFunctions.Invocation): string[][] {
  try {
    const e = readArgs(4, program, amount_ref, level_ref, date_ref);
    if (e) throw e;
    const inv = invocation as unknown as { parameterAddresses?: unknown; address?: unknown } | undefined;
    const addrs = inv && typeof inv === "object" ? inv.parameterAddresses : undefined;
    if (!Array.isArray(addrs)) throw makeError("na", functionText(displayLang(), "noAddresses"));
    const refs = [refOrValue(A1, 1, addrs, inv?.address), refOrValue(A2, 2, addrs, inv?.address), refOrValue(A3, 3, addrs, inv?.address)];
    if (refs.includes(NOT_SCALAR)) throw policyError(NOT_SCALAR);
    const out = nativeFormula(A0, refs[0], refs[1], refs[2], "total", POLICY);
    return out.ok ? [[out.formula]] : fail(out.error);
  } catch (e) {
    throw toThrown(e);
  }
}
