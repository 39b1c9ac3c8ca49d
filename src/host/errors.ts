/**
 * The one error both hosts (Office.js and ExcelJS) throw for what the user can fix: a source that
 * does not exist or holds nothing, a write that failed, a selection that cannot be converted. `code`
 * picks the text: the pane shows `host_<code>` from src/taskpane/i18n.ts with `params`; the CLI maps
 * its own. The message (for logs and tests) is the code and the detail or name.
 */
export type HostErrorCode =
  // Office.js host
  | "empty_region"
  | "empty_sheet"
  | "not_in_excel"
  | "write_failed"
  | "write_failed_kept"
  // reading a block of formulas for 转换为普通公式 (Office.js host)
  | "multi_area"
  | "no_used_cells"
  // ExcelJS host
  | "no_table"
  | "empty"
  // both
  | "no_sheet";

export class HostError extends Error {
  constructor(
    public readonly code: HostErrorCode,
    public readonly params: Record<string, string> = {},
  ) {
    const detail = params.detail ?? params.name;
    super(code + (detail ? `: ${detail}` : ""));
    this.name = "HostError";
  }
}
