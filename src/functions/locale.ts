/**
 * The language of the custom functions' error messages and of CZ.EXPLAIN, and the few texts of
 * the function layer itself (everything else comes from the policy core's message tables).
 *
 * Excel's display language: in the shared runtime the functions run in the same page as the task
 * pane, where office.js defines `Office.context.displayLanguage` ("zh-CN", "en-US", …), the
 * language of Excel's user interface (https://learn.microsoft.com/office/dev/add-ins/develop/localization,
 * "Context.displayLanguage specifies the locale (or language) of the user interface of the Office
 * application"). Any English UI ("en-…") gives English; every other language, and a runtime where
 * Office.context is not there (yet), gives zh-CN, the add-in's default. Read per call: it is one
 * property lookup.
 */
import { defineMessages, type Lang, langOf } from "../i18n";

export { langOf } from "../i18n";

/** Excel's display language as the functions' language (zh when Office.context is not there). */
export function displayLang(): Lang {
  return langOf((globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office?.context?.displayLanguage);
}

/** The function layer's own texts (kept short: functions.js has a size budget). */
export const functionText = defineMessages(
  "functions",
  {
    internal: "无法计算：参数异常，请检查输入",
    noAddresses: "未取得参数单元格（需 CustomFunctionsRuntime 1.3）",
  },
  {
    internal: "Cannot compute: check the inputs",
    noAddresses: "No argument cells from Excel (needs CustomFunctionsRuntime 1.3)",
  },
);
