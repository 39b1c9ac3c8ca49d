/** Aligned plain-text tables for a terminal, with East Asian wide characters counted as 2 columns. */

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Render rows (first row = header) with two spaces between columns; `right` marks right-aligned columns. */
export function renderTable(rows: string[][], right: boolean[] = []): string {
  const n = Math.max(...rows.map((r) => r.length));
  const widths = new Array(n).fill(0);
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i], displayWidth(c))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 && !right[i] ? c : right[i] ? padStart(c, widths[i]) : padEnd(c, widths[i])))
      .join("  ")
      .replace(/\s+$/, "");
  const out = [line(rows[0]), widths.map((w, i) => "-".repeat(i === n - 1 && !right[i] ? Math.min(w, 40) : w)).join("  ")];
  for (const r of rows.slice(1)) out.push(line(r));
  return out.join("\n");
}
