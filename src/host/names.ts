/**
 * Names for what the hosts create, pure (no Office, no ExcelJS): sheet and table names that are
 * valid in Excel and not yet taken. Shared by both hosts and the pane.
 */

const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;

/** A valid Excel sheet name (≤ 31 characters, no []:*?/\, not starting or ending with '). */
export function cleanSheetName(name: string): string {
  let s = name.replace(BAD_SHEET_CHARS, "_").replace(/^'+|'+$/g, "").trim();
  if (!s) s = "Sheet";
  return s.slice(0, 31);
}

/** `wanted`, or `wanted (2)`, `wanted (3)` … so that it differs (case-insensitively) from every name in `taken`. */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const base = cleanSheetName(wanted);
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  // "Report (2)" taken → "Report (3)", not "Report (2) (2)".
  const stem = base.replace(/ \(\d+\)$/, "");
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const cand = stem.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(cand.toLowerCase())) return cand;
  }
}

/** A valid, workbook-unique Excel table name. */
export function uniqueTableName(wanted: string, taken: Iterable<string>): string {
  let base = wanted.replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(base)) base = "_" + base;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]$/.test(base)) base = "_" + base;
  base = base.slice(0, 250);
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const cand = `${base}_${i}`;
    if (!lower.has(cand.toLowerCase())) return cand;
  }
}
