/** A1 reference helpers, pure (no Office, no ExcelJS): a neutral module shared by the hosts, validation and reports. */

/** 0-based column index → letters (0 → "A", 25 → "Z", 26 → "AA"). */
export function colLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B7" from an Excel row number and a 0-based column index. */
export function cellAddress(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

/** Parse "B2" or "$B$2" → {row, col (0-based)}; null when it is not a single-cell reference. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: parseInt(m[2], 10), col: col - 1 };
}

/** Parse "C5", "Sheet1!C5" or "'Sheet 1'!$C$5" → the sheet ("" when none; quotes undoubled) and the position. */
export function parseSheetRef(ref: string): { sheet: string; row: number; col: number } | null {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(\$?[A-Za-z]{1,3}\$?\d+)$/.exec(ref.trim());
  const at = m && parseA1(m[3]);
  if (!m || !at) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? ""), ...at };
}
