/**
 * Sheet and table names, pure (no Office, no ExcelJS): names that are valid in Excel and not yet
 * taken, for what the hosts and the CLI create, and a sheet name quoted for a reference.
 */

const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;

/** A valid Excel sheet name (≤ 31 characters, no []:*?/\, not starting or ending with '). */
export function cleanSheetName(name: string): string {
  let s = name.replace(BAD_SHEET_CHARS, "_").replace(/^'+|'+$/g, "").trim();
  if (!s) s = "Sheet";
  return s.slice(0, 31);
}

/** A sheet name quoted for a reference: 'It''s' (always quoted: Excel accepts that for any name). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A sheet name as a reference needs it: bare when it may be (Sheet1, 汇总 is not), else quoted. */
export function sheetRefName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : quoteSheetName(name);
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
