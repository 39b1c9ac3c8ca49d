/**
 * Request-size arithmetic for Office.js, pure (no Office, no DOM): how many bytes a queued value
 * adds to the request office.js sends, and how to cut rows into requests that stay under a budget.
 *
 * Excel on the web refuses a request or a response over 5 MB and a range read of more than
 * 5,000,000 cells. office.js sends each batch as one JSON text (the values, number formats and
 * formulas you set, plus ~100–300 bytes of object paths and actions per call), so the JSON size of
 * the data is the bulk of a request. The budget below leaves a wide margin for the framing; the
 * tests measure real requests through office.js's own serializer (test/support/office-wire.ts).
 *
 * Reusable for any bulk read or write: writeSheet and readRegion use it; so can the formula
 * conversion (chunkBySize over its changes).
 */

/** Keep every request (and every read's response) below this many bytes. */
export const REQUEST_BUDGET = 4_000_000;
/** Excel's documented ceiling for one range read. */
export const CELL_READ_LIMIT = 5_000_000;
/** The framing office.js adds per range call (object path + action), rounded up. */
export const CALL_OVERHEAD = 600;

/**
 * office.js itself cuts a 2-D property write of more than 1,500 cells into 1,500-cell pieces
 * (from ExcelApi 1.3 on), each addressed by getRow(…).getBoundingRect(getRow(…)): about 920
 * bytes of object paths and action per piece, measured with its serializer.
 */
export const BULK_PIECE_CELLS = 1500;
export const BULK_PIECE_OVERHEAD = 1000;

/** Framing bytes per row that office.js's 1,500-cell pieces add, for `props` 2-D properties set on `cols` columns. */
export function bulkOverheadPerRow(cols: number, props = 1): number {
  return Math.ceil((props * BULK_PIECE_OVERHEAD * Math.max(cols, 1)) / BULK_PIECE_CELLS);
}

/** UTF-8 byte length of a string, without TextEncoder (fast on the hot path). */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else n += 2;
  }
  return n;
}

/** UTF-8 bytes of a value as JSON (what office.js puts on the wire for it). */
export function jsonBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "string") {
    let extra = 2;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 34 || c === 92) extra += 1; // \" and \\
      else if (c < 0x20) extra += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 1 : 5; // \n … or \u00XX
    }
    return utf8Bytes(v) + extra;
  }
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  if (Array.isArray(v)) {
    let n = 2 + Math.max(0, v.length - 1);
    for (const x of v) n += jsonBytes(x);
    return n;
  }
  return utf8Bytes(JSON.stringify(v));
}

export interface Chunk {
  /** First item (inclusive). */
  start: number;
  /** End (exclusive). */
  end: number;
  bytes: number;
}

/**
 * Cut items into consecutive chunks whose summed size stays within `budget` (at least one item
 * per chunk, so an item larger than the budget is a chunk of its own) and at most `maxItems` items.
 */
export function chunkBySize<T>(items: readonly T[], sizeOf: (item: T, index: number) => number, budget: number, maxItems = Infinity): Chunk[] {
  const out: Chunk[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < items.length; i++) {
    const s = sizeOf(items[i], i);
    if (i > start && (bytes + s > budget || i - start >= maxItems)) {
      out.push({ start, end: i, bytes });
      start = i;
      bytes = 0;
    }
    bytes += s;
  }
  if (items.length > start) out.push({ start, end: items.length, bytes });
  return out;
}

/**
 * Rows per read of a `cols`-wide block: within the cell limit, and within the byte budget at
 * `bytesPerRow` (an estimate, measured from the rows read so far).
 */
export function rowsPerRead(cols: number, bytesPerRow: number, budget = REQUEST_BUDGET, cellLimit = CELL_READ_LIMIT): number {
  const byCells = Math.floor(cellLimit / Math.max(cols, 1));
  const byBytes = Math.floor(budget / Math.max(bytesPerRow, 1));
  return Math.max(1, Math.min(byCells, byBytes));
}

/** A first guess of a row's JSON size before anything was read: 24 bytes per cell (≈ six CJK characters). */
export function guessBytesPerRow(cols: number): number {
  return Math.max(cols, 1) * 24 + 2;
}
