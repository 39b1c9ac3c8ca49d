/**
 * Why a block of formulas cannot be read for 转换为普通公式. Named "HostError" so the pane shows
 * its localised text (src/taskpane/i18n.ts, keys host_<code>) like the host's other errors.
 */
export type FormulaReadErrorCode = "multi_area" | "no_used_cells";

export class FormulaReadError extends Error {
  readonly params: Record<string, string> = {};
  constructor(public readonly code: FormulaReadErrorCode) {
    super(code);
    this.name = "HostError";
  }
}
