/**
 * Opening a user's .xlsx safely: checks before loading (existence, size, file signature,
 * encryption, the zip's central directory and its declared uncompressed sizes), then either a
 * full ExcelJS load (small files: tables and merged cells are known) or the ExcelJS streaming
 * reader (large files: rows are reduced to plain values as they arrive, with a cell budget).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type * as ExcelJSTypes from "exceljs";
import { a1, plainValue } from "../host/exceljs-host";
import type { RegionData } from "../host/types";
import { CliError, formatBytes } from "./messages";
import { uncachedOf } from "../validation/uncached";

import { excelJs } from "./exceljs-node";

export const LIMITS = {
  /** The file itself. */
  fileBytes: 200 * 1024 * 1024,
  /** Sum of the declared uncompressed sizes of all parts. */
  unpackedBytes: 1024 * 1024 * 1024,
  /** One part unpacking more than this at a ratio above maxRatio is treated as a bomb. */
  bombPartBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  /** Worksheet XML up to this size is loaded fully; larger is streamed. */
  fullLoadSheetBytes: 24 * 1024 * 1024,
  /**
   * Cells WITH A VALUE in one sheet; beyond it the CLI stops reading (exit 2). A 300,000-row
   * application table of 12–13 columns (the largest the bureau handles, issue 12's benchmark)
   * holds about 3.6–3.9 million; Excel's grid (1,048,576 × 16,384) could declare 17 billion.
   */
  maxCells: 4_000_000,
};

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  /** 0 stored, 8 deflated. */
  method: number;
  localOffset: number;
  crc: number;
  /** General-purpose flags, DOS time and date (copied as they are when the entry is copied). */
  flags: number;
  time: number;
  date: number;
}

export interface Inspection {
  path: string;
  size: number;
  entries: ZipEntry[];
  /** Declared uncompressed bytes of the worksheet parts. */
  sheetBytes: number;
  unpackedBytes: number;
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function readAt(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const n = fs.readSync(fd, buf, got, len - got, pos + got);
    if (n === 0) break;
    got += n;
  }
  return got === len ? buf : buf.subarray(0, got);
}

/** Check the file without unpacking it. Throws CliError with a precise reason. */
export function inspectXlsx(file: string): Inspection {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new CliError("not_found", { path: file });
  }
  if (!st.isFile()) throw new CliError("not_a_file", { path: file });
  if (st.size === 0) throw new CliError("empty_file", { path: file });
  if (st.size > LIMITS.fileBytes) throw new CliError("file_too_large", { size: formatBytes(st.size), limit: formatBytes(LIMITS.fileBytes) });

  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (e) {
    throw new CliError("unreadable", { path: `${file} (${(e as NodeJS.ErrnoException).code ?? "?"})` });
  }
  try {
    const head = readAt(fd, 0, 8);
    if (head.length === 8 && head.equals(CFB_MAGIC)) {
      // An OLE compound file: an encrypted OOXML package (EncryptionInfo stream) or a legacy .xls.
      const sample = readAt(fd, 0, Math.min(st.size, 4 * 1024 * 1024));
      const marker = Buffer.from("EncryptionInfo", "utf16le");
      throw new CliError(sample.includes(marker) ? "encrypted" : "legacy_xls", { path: file });
    }
    if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) {
      if (head.length >= 4 && (head.readUInt32LE(0) === 0x06054b50 || head.readUInt32LE(0) === 0x08074b50)) throw new CliError("truncated", { path: file });
      throw new CliError("not_zip", { path: file });
    }

    // End of central directory: within the last 64 KiB + 22 bytes.
    const tailLen = Math.min(st.size, 65535 + 22);
    const tail = readAt(fd, st.size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new CliError("truncated", { path: file });
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdSize === 0xffffffff || count === 0xffff) {
      // Zip64: only needed above 4 GB, far beyond any application table.
      throw new CliError("zip_bomb", { size: "> 4 GB", limit: formatBytes(LIMITS.unpackedBytes) });
    }
    if (cdOffset + cdSize > st.size) throw new CliError("truncated", { path: file });
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    while (p + 46 <= cd.length && entries.length < count) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new CliError("truncated", { path: file });
      const method = cd.readUInt16LE(p + 10);
      const compressed = cd.readUInt32LE(p + 20);
      const uncompressed = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const localOffset = cd.readUInt32LE(p + 42);
      const name = cd.subarray(p + 46, p + 46 + nameLen).toString("utf8");
      if (compressed === 0xffffffff || uncompressed === 0xffffffff) throw new CliError("zip_bomb", { size: "> 4 GB", limit: formatBytes(LIMITS.unpackedBytes) });
      if (localOffset + compressed > st.size) throw new CliError("truncated", { path: file });
      entries.push({ name, compressed, uncompressed, method, localOffset, crc: cd.readUInt32LE(p + 16), flags: cd.readUInt16LE(p + 8), time: cd.readUInt16LE(p + 12), date: cd.readUInt16LE(p + 14) });
      p += 46 + nameLen + extraLen + commentLen;
    }
    if (entries.length !== count) throw new CliError("truncated", { path: file });
    const names = new Set(entries.map((e) => e.name));
    if (!names.has("xl/workbook.xml")) throw new CliError("not_xlsx", { path: file });

    let unpacked = 0;
    let sheetBytes = 0;
    for (const e of entries) {
      unpacked += e.uncompressed;
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) sheetBytes += e.uncompressed;
      if (e.uncompressed > LIMITS.bombPartBytes && e.uncompressed > LIMITS.maxRatio * Math.max(e.compressed, 1)) {
        throw new CliError("zip_bomb", { size: `${e.name} ${formatBytes(e.uncompressed)}`, limit: `${LIMITS.maxRatio}:1` });
      }
    }
    if (unpacked > LIMITS.unpackedBytes) throw new CliError("zip_bomb", { size: formatBytes(unpacked), limit: formatBytes(LIMITS.unpackedBytes) });
    return { path: file, size: st.size, entries, sheetBytes, unpackedBytes: unpacked };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Check that no part unpacks to more than it declares (a zip bomb can lie in its directory):
 * every part is inflated once as a stream, counting bytes, and stopped at the declared size.
 * Costs one decompression pass (about 0.2 s for a 100,000-row sheet).
 */
/** Where each entry's compressed data starts (after its local header). */
export function dataOffsets(insp: Inspection): Array<{ e: ZipEntry; start: number }> {
  const fd = fs.openSync(insp.path, "r");
  try {
    return insp.entries.map((e) => {
      const h = readAt(fd, e.localOffset, 30);
      if (h.length < 30 || h.readUInt32LE(0) !== 0x04034b50) throw new CliError("truncated", { path: insp.path });
      return { e, start: e.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28) };
    });
  } finally {
    fs.closeSync(fd);
  }
}

export async function verifyDeclaredSizes(insp: Inspection): Promise<void> {
  const locals = dataOffsets(insp);
  for (const { e, start } of locals) {
    if (e.compressed === 0) continue;
    if (e.method === 0) {
      if (e.compressed !== e.uncompressed) throw new CliError("unreadable", { path: insp.path });
      continue;
    }
    if (e.method !== 8) throw new CliError("unreadable", { path: insp.path });
    const actual = await new Promise<number>((resolve, reject) => {
      let n = 0;
      const src = fs.createReadStream(insp.path, { start, end: start + e.compressed - 1 });
      const inflate = zlib.createInflateRaw();
      const stop = (err: Error) => {
        src.destroy();
        inflate.destroy();
        reject(err);
      };
      inflate.on("data", (chunk: Buffer) => {
        n += chunk.length;
        if (n > e.uncompressed) stop(new CliError("zip_bomb", { size: `${e.name} > ${formatBytes(e.uncompressed)}`, limit: formatBytes(e.uncompressed) }));
      });
      inflate.on("end", () => resolve(n));
      inflate.on("error", () => stop(new CliError("truncated", { path: insp.path })));
      src.on("error", () => stop(new CliError("unreadable", { path: insp.path })));
      src.pipe(inflate);
    });
    if (actual !== e.uncompressed) throw new CliError("truncated", { path: insp.path });
  }
}

/** Load the whole workbook with ExcelJS (after inspectXlsx). */
export async function loadWorkbook(file: string): Promise<ExcelJSTypes.Workbook> {
  const wb = new (excelJs().Workbook)();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new CliError("unreadable", { path: file });
  }
  return wb;
}

export { UncachedFormula } from "../validation/uncached";

/**
 * An ExcelJS cell value as the plain value validation reads, with uncached formulas marked.
 * Text is copied: the XML parser hands out slices of its 64 KB input chunks, and keeping one
 * slice keeps its whole chunk (at 300,000 rows, most of the sheet's XML text).
 */
export function readCellValue(v: unknown): unknown {
  if (v !== null && typeof v === "object" && !(v instanceof Date)) {
    const u = uncachedOf(v);
    if (u) return u;
  }
  const p = plainValue(v);
  return typeof p === "string" && p.length > 12 ? (p + " ").slice(0, -1) : p;
}

/** A sheet read for validation: its values, plus what is known about merged cells. */
export interface SheetRead {
  region: RegionData;
  /** Merged ranges that touch the first rows (where a header is looked for), e.g. "A1:B2". */
  mergedNearTop: string[];
  /** Cells holding a value. */
  cells: number;
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface OpenedBook {
  mode: "full" | "stream";
  sheets: SheetInfo[];
  sheetNames: string[];
  /** Read one sheet (first visible sheet when name is omitted) as plain values. */
  readSheet(name?: string): Promise<SheetRead>;
  /**
   * Read the named sheets in workbook order, calling `each` with every one (or with the CliError
   * that made it unreadable: empty). A streamed book is read in ONE pass over the file.
   */
  readSheets(names: string[], each: (name: string, read: SheetRead | CliError) => Promise<void> | void): Promise<void>;
}

/** Resolve a sheet name given by the user (exact, then case-insensitive). */
export function pickSheet(names: string[], wanted: string): string {
  const hit = names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted.trim().toLowerCase());
  if (!hit) throw new CliError("unknown_sheet", { name: wanted, list: names.map((n) => `“${n}”`).join("、") || "—" });
  return hit;
}

/** Progress of a read: rows seen so far in the current sheet. */
export type ReadProgress = (sheet: string, rows: number) => void;

/**
 * Collects the cells with a value, row by row, and builds the block. Only cells with values cost
 * anything: a stray cell at XFD1048576 widens the address but not the memory (rows and columns
 * without values are holes, not arrays of nulls, once the block is larger than the cells in it
 * warrant). Counts cells with values against LIMITS.maxCells and stops at once beyond it.
 */
class BlockBuilder {
  private rowNos: number[] = [];
  private lines: unknown[][] = [];
  top = Infinity;
  bottom = -Infinity;
  left = Infinity;
  right = -Infinity;
  cells = 0;
  constructor(private readonly sheet: string) {}

  /** cells: [0-based column, value] pairs of one row, values already plain and non-empty. */
  addRow(rowNo: number, cols: number[], vals: unknown[]): void {
    if (!cols.length) return;
    this.cells += cols.length;
    if (this.cells > LIMITS.maxCells) throw new CliError("too_many_cells", { name: this.sheet, limit: LIMITS.maxCells.toLocaleString("en-US") });
    const line: unknown[] = [];
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      line[c] = vals[k];
      if (c < this.left) this.left = c;
      if (c > this.right) this.right = c;
    }
    this.rowNos.push(rowNo);
    this.lines.push(line);
    if (rowNo < this.top) this.top = rowNo;
    if (rowNo > this.bottom) this.bottom = rowNo;
  }

  build(): RegionData | null {
    if (this.bottom < 0) return null;
    const { top, bottom, left, right } = this;
    const height = bottom - top + 1;
    const width = right - left + 1;
    // Dense (every cell, null when empty) when the block is not much larger than its cells.
    const dense = height * width <= Math.max(1_000_000, 4 * this.cells);
    const values: unknown[][] = new Array(height);
    for (let k = 0; k < this.rowNos.length; k++) {
      const line = this.lines[k];
      this.lines[k] = EMPTY; // let the row go as soon as it has moved
      let out: unknown[];
      if (left === 0 && line.length <= width) {
        out = line; // reuse the row's own array (no second copy of the table)
        if (dense) for (let c = 0; c < width; c++) if (out[c] === undefined) out[c] = null;
      } else {
        out = dense ? new Array(width).fill(null) : [];
        for (let c = left; c < line.length; c++) if (line[c] !== undefined) out[c - left] = line[c];
      }
      values[this.rowNos[k] - top] = out;
    }
    if (dense) for (let i = 0; i < height; i++) if (!values[i]) values[i] = new Array(width).fill(null);
    this.rowNos = [];
    this.lines = [];
    const address = height === 1 && width === 1 ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
    return { sheet: this.sheet, address, firstRow: top, firstCol: left, values };
  }
}

const EMPTY: unknown[] = [];

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Read one sheet of a fully loaded workbook, sparsely (never ws.getRow over the declared extent). */
function readLoadedSheet(ws: ExcelJSTypes.Worksheet): SheetRead {
  const b = new BlockBuilder(ws.name);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cols: number[] = [];
    const vals: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged range keeps its value in the master (top-left) cell only.
      if (cell.isMerged && cell.master !== cell) return;
      const v = readCellValue(cell.value);
      if (isBlank(v)) return;
      cols.push(colNumber - 1);
      vals.push(v);
    });
    b.addRow(rowNumber, cols, vals);
  });
  const cells = b.cells;
  const region = b.build();
  if (!region) throw new CliError("empty_sheet", { name: ws.name });
  const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []).filter((m) => {
    const top = parseInt(m.replace(/^[A-Z]+/i, ""), 10);
    return top <= region.firstRow + 10;
  });
  return { region, mergedNearTop: merges, cells };
}

/** Open a checked file: full load when its sheets are small, streaming otherwise (or when forced). */
export async function openBook(file: string, insp: Inspection, opts: { forceMode?: "full" | "stream"; progress?: ReadProgress } = {}): Promise<OpenedBook> {
  const mode = opts.forceMode ?? (insp.sheetBytes <= LIMITS.fullLoadSheetBytes ? "full" : "stream");
  await verifyDeclaredSizes(insp);
  if (mode === "full") {
    const wb = await loadWorkbook(file);
    const sheets = wb.worksheets.map((w) => ({ name: w.name, hidden: w.state === "hidden" || w.state === "veryHidden" }));
    if (!sheets.length) throw new CliError("no_sheets", { path: file });
    const sheetNames = sheets.map((s) => s.name);
    const read = (name: string) => readLoadedSheet(wb.getWorksheet(name)!);
    return {
      mode,
      sheets,
      sheetNames,
      async readSheet(name?: string) {
        return read(name === undefined ? (sheets.find((s) => !s.hidden) ?? sheets[0]).name : pickSheet(sheetNames, name));
      },
      async readSheets(names, each) {
        for (const n of sheetNames) {
          if (!names.includes(n)) continue;
          let r: SheetRead | CliError;
          try {
            r = read(n);
          } catch (e) {
            if (!(e instanceof CliError) || e.key !== "empty_sheet") throw e;
            r = e;
          }
          await each(n, r);
        }
      },
    };
  }
  const sheets = await streamSheetInfo(file);
  if (!sheets.length) throw new CliError("no_sheets", { path: file });
  const sheetNames = sheets.map((s) => s.name);
  const book: OpenedBook = {
    mode,
    sheets,
    sheetNames,
    async readSheet(name?: string) {
      const sheet = name === undefined ? (sheets.find((s) => !s.hidden) ?? sheets[0]).name : pickSheet(sheetNames, name);
      let got: SheetRead | CliError | undefined;
      await streamReadSheets(file, [sheet], (_n, r) => {
        got = r;
      }, opts.progress);
      if (got === undefined) throw new CliError("unknown_sheet", { name: sheet, list: "" });
      if (got instanceof CliError) throw got;
      return got;
    },
    async readSheets(names, each) {
      await streamReadSheets(file, names, each, opts.progress);
    },
  };
  return book;
}

/** Sheet names and visibility in workbook order, from xl/workbook.xml (streamed). */
async function streamSheetInfo(file: string): Promise<SheetInfo[]> {
  const reader = new (excelJs().stream.xlsx.WorkbookReader)(file, { worksheets: "ignore", sharedStrings: "ignore", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
  try {
    const it = reader.parse() as AsyncIterator<unknown>;
    for (;;) {
      const r = await it.next();
      if (r.done) break;
    }
  } catch {
    throw new CliError("unreadable", { path: file });
  }
  const model = (reader as unknown as { model?: { sheets?: Array<{ name: string; state?: string }> } }).model;
  return (model?.sheets ?? []).map((s) => ({ name: s.name, hidden: s.state === "hidden" || s.state === "veryHidden" }));
}

/** Stream the named sheets (one pass over the file), each into plain values keeping only cells with values. */
async function streamReadSheets(file: string, names: string[], each: (name: string, read: SheetRead | CliError) => Promise<void> | void, progress?: ReadProgress): Promise<void> {
  const reader = new (excelJs().stream.xlsx.WorkbookReader)(file, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore" });
  const wanted = new Set(names);
  try {
    for await (const ws of reader) {
      const wsName = (ws as unknown as { name?: string }).name;
      if (wsName === undefined || !wanted.has(wsName)) continue; // the rest of that part is drained unread
      wanted.delete(wsName);
      const b = new BlockBuilder(wsName);
      let seen = 0;
      for await (const row of ws as AsyncIterable<ExcelJSTypes.Row>) {
        const cols: number[] = [];
        const vals: unknown[] = [];
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          const v = readCellValue(cell.value);
          if (isBlank(v)) return;
          cols.push(colNumber - 1);
          vals.push(v);
        });
        b.addRow(row.number, cols, vals);
        if (progress && ++seen % 5000 === 0) progress(wsName, seen);
      }
      const cells = b.cells;
      const region = b.build();
      await each(wsName, region ? { region, mergedNearTop: [], cells } : new CliError("empty_sheet", { name: wsName }));
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError("unreadable", { path: file });
  }
}

/** Same path, whatever the spelling (symlinks, ./, case on case-insensitive file systems). */
export function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Check --out before any work: .xlsx, never the input (whatever the spelling or link), its folder exists, no existing file unless --force. */
export function checkOut(out: string, input: string, force = false): void {
  if (samePath(out, input)) throw new CliError("out_is_input");
  if (!/\.xlsx$/i.test(out)) throw new CliError("out_not_xlsx", { path: out });
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new CliError("out_dir_missing", { path: dir });
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(out);
  } catch {
    st = null;
  }
  if (st && !st.isFile()) throw new CliError("not_a_file", { path: out });
  if (st && !force) throw new CliError("out_exists", { path: out });
}
