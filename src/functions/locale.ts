/**
 * The language of the custom functions' error messages and of CZ.EXPLAIN, and the few texts of
 * the function layer itself (everything else comes from the policy core's message tables).
 *
 * Excel's display language: in the shared runtime the functions run in the same page as the task
 * pane, where office.js defines `Office.context.displayLanguage` ("zh-CN", "en-US", …), the
 * language of Excel's user interface (https://learn.microsoft.com/office/dev/add-ins/develop/localization,
 * "Context.displayLanguage specifies the locale (or language) of the user interface of the Office
 * application"). Any English UI ("en-…") gives English; every other language, and a runtime where
 * Office.context is not there (yet), gives zh-CN, the add-in's default. The value is read once it
 * is known and then kept: Excel's display language does not change while Excel runs.
 */
import type { Lang } from "../policy/messages";

let known: Lang | null = null;

/** The language from a display-language tag: English for "en…", zh-CN otherwise. */
export function langOf(tag: unknown): Lang {
  return typeof tag === "string" && /^en\b/i.test(tag.trim()) ? "en" : "zh";
}

/** Excel's display language as the functions' language (zh by default). */
export function displayLang(): Lang {
  if (known) return known;
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  let tag: unknown;
  try {
    tag = office?.context?.displayLanguage;
  } catch {
    tag = undefined;
  }
  if (typeof tag === "string" && tag.trim() !== "") {
    known = langOf(tag);
    return known;
  }
  return "zh";
}

/** Forget the remembered language (tests switch it). */
export function resetDisplayLang(): void {
  known = null;
}

type Texts = {
  internal: string;
  amountEmpty: (label: string) => string;
  noAddresses: string;
  rangeAddress: string;
};

/** The function layer's own texts, one table per language. */
export const TEXTS: Record<Lang, Texts> = {
  zh: {
    internal: "无法计算：参数异常，请检查输入",
    amountEmpty: (label) => `金额为空或为0，请填写${label}`,
    noAddresses: "无法取得参数所在的单元格（需要支持 CustomFunctionsRuntime 1.3 的 Excel），因此不生成公式；请改用任务窗格的“转换为普通公式”",
    rangeAddress: "此参数只接受单个单元格，不接受区域",
  },
  en: {
    internal: "Cannot compute: unexpected argument, check the inputs",
    amountEmpty: (label) => `The amount is empty or 0: enter the ${label}`,
    noAddresses: "Excel did not give the arguments' cells (this needs CustomFunctionsRuntime 1.3), so no formula is made; use the pane's Convert to native formulas instead",
    rangeAddress: "This argument takes a single cell, not a range",
  },
};
