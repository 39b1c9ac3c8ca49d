/** Excel's size limits for what a host or the CLI writes, pure (no Office, no ExcelJS). */

/** Characters one cell holds (Excel, WPS and LibreOffice refuse or cut a longer text). */
export const MAX_CELL_CHARS = 32767;

/** What ends a text cut to fit a cell. */
export const TRUNCATED_MARK = "…（截断）";

/** Text as a cell can hold it: at most 32,767 characters, cut visibly (never in a surrogate pair). */
export function fitCellText(s: string): string {
  if (s.length <= MAX_CELL_CHARS) return s;
  let cut = MAX_CELL_CHARS - TRUNCATED_MARK.length;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--; // do not split a surrogate pair
  return s.slice(0, cut) + TRUNCATED_MARK;
}
