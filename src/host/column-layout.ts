/**
 * Column layout shared by the two writers of report sheets (the ExcelJS host and the CLI's
 * streaming xlsx writer): Excel-table header names, a cell's display text and column widths.
 */
import type { CellSpec } from "./types";

/**
 * Header names an Excel table accepts: not empty, one line, unique ignoring case (a repeat gets
 * 2, 3 …). `clean` is applied to each header first (the CLI writer cuts over-long text there).
 */
export function uniqueHeaders(headers: string[], clean: (s: string) => string = (s) => s): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = clean(String(h ?? "").trim() || `Column${i + 1}`).replace(/[\r\n]+/g, " ");
    let cand = base;
    for (let k = 2; seen.has(cand.toLowerCase()); k++) cand = `${base}${k}`;
    seen.add(cand.toLowerCase());
    return cand;
  });
}

/** The text a cell shows, for width estimates. */
export function specText(v: CellSpec | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return typeof v === "number" ? v.toLocaleString("en-US") : String(v);
  if ("link" in v) return v.text;
  return v.value === undefined ? "" : String(v.value);
}

/**
 * A column width from its texts: CJK counts double, 8 at least, 60 at most. Only the first 80
 * UTF-16 units of a text are looked at: they already weigh at least 79, above the cap.
 */
export function autoWidth(texts: Array<string | undefined>): number {
  let w = 8;
  for (const t of texts) {
    if (!t) continue;
    let n = 0;
    for (const ch of t.slice(0, 80)) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
    if (n + 2 > w) w = n + 2;
  }
  return Math.min(w, 60);
}
