/**
 * How text reaches a cell without Excel re-reading it, pure (no Office).
 *
 * Excel parses a string written through Range.values as if it were typed: "913411001000000409"
 * becomes 913411001000000000 (15 significant digits), "30" a number, "2024-03-01" a date, "=…"
 * (and on East Asian systems "＝…") a formula, and a leading ' is swallowed as the quote prefix.
 * A cell formatted as text ("@") takes the string as it is. So the Office host gives every
 * string cell the text format in the same request, before its value (see office-host.ts); the
 * apostrophe escape this replaced is gone, because in a text cell it would show.
 *
 * `needsTextFormat` is the guard for strings Excel would not keep as written: it looks at the
 * NFKC form (full-width ＝＋－＠ and ideographic spaces fold to ASCII) after leading whitespace.
 */

import { quoteSheetName } from "../sheet/names";

/** Excel's text number format. */
export const TEXT_FORMAT = "@";

/** Excel's limit for a string literal inside a formula (and HYPERLINK's friendly name). */
export const FORMULA_LITERAL_MAX = 255;

/**
 * True when Excel would not keep `s` as written in a General cell: a formula start (= + - @, also
 * full-width, also after leading spaces, tabs or line breaks, also a lone "="), a leading quote
 * prefix ('), or a value it would convert (a number, a percentage, TRUE/FALSE, a date).
 */
export function needsTextFormat(s: string): boolean {
  if (s === "") return false;
  if (s.startsWith("'")) return true;
  const n = s.normalize("NFKC");
  const t = n.replace(/^[\s\u200b\ufeff]+/, "");
  if (/^[=+\-@]/.test(t)) return true;
  const x = t.trim();
  if (/^[+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(x)) return true;
  if (/^(true|false)$/i.test(x)) return true;
  if (/^\d{1,4}[-/.年]\d{1,2}(月|[-/.月]\d{1,4}日?)?$/.test(x)) return true;
  return false;
}

/** A string literal for a formula: "…" with quotes doubled. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * An internal link as a HYPERLINK formula: its display text is a string literal, so it is never
 * parsed (no injection through the text), and the link costs nothing beyond the cell's value in
 * the request. Null when the text is too long for a literal (the caller writes plain text).
 */
export function hyperlinkFormula(sheet: string, cell: string, text: string): string | null {
  if (text.length > FORMULA_LITERAL_MAX) return null;
  return `=HYPERLINK(${formulaString(`#${quoteSheetName(sheet)}!${cell}`)},${formulaString(text)})`;
}
