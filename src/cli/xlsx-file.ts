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
import { ExcelJsHost, HostError, a1, plainValue } from "../host/exceljs-host";
import type { RegionData } from "../host/types";
import { CliError, formatBytes } from "./messages";

import { ExcelJS } from "./exceljs-node";

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
  /** Cells read from one sheet (Excel's own limit is 1,048,576 × 16,384). */
  maxCells: 30_000_000,
};

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  /** 0 stored, 8 deflated. */
  method: number;
  localOffset: number;
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
      entries.push({ name, compressed, uncompressed, method, localOffset });
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
export async function verifyDeclaredSizes(insp: Inspection): Promise<void> {
  const fd = fs.openSync(insp.path, "r");
  let locals: Array<{ e: ZipEntry; start: number }>;
  try {
    locals = insp.entries.map((e) => {
      const h = readAt(fd, e.localOffset, 30);
      if (h.length < 30 || h.readUInt32LE(0) !== 0x04034b50) throw new CliError("truncated", { path: insp.path });
      return { e, start: e.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28) };
    });
  } finally {
    fs.closeSync(fd);
  }
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
      const stop = (err: unknown) => {
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
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw new CliError("unreadable", { path: file });
  }
  return wb;
}

/** A sheet read for validation: its values, plus what is known about merged cells. */
export interface SheetRead {
  region: RegionData;
  /** Merged ranges that touch the first rows (where a header is looked for), e.g. "A1:B2". */
  mergedNearTop: string[];
}

export interface OpenedBook {
  mode: "full" | "stream";
  sheetNames: string[];
  /** Read one sheet (first visible sheet when name is omitted) as plain values. */
  readSheet(name?: string): Promise<SheetRead>;
  /** The full workbook (mode "full" only). */
  workbook?: ExcelJSTypes.Workbook;
  host?: ExcelJsHost;
}

/** Resolve a sheet name given by the user (exact, then case-insensitive). */
export function pickSheet(names: string[], wanted: string): string {
  const hit = names.find((n) => n === wanted) ?? names.find((n) => n.toLowerCase() === wanted.trim().toLowerCase());
  if (!hit) throw new CliError("unknown_sheet", { name: wanted, list: names.map((n) => `“${n}”`).join("、") || "—" });
  return hit;
}

function hostErrorToCli(e: unknown): never {
  if (e instanceof HostError) {
    if (e.code === "empty") throw new CliError("empty_sheet", { name: e.params.name ?? "" });
    throw new CliError("unknown_sheet", { name: e.params.name ?? "", list: "" });
  }
  throw e;
}

/** Open a checked file: full load when its sheets are small, streaming otherwise (or when forced). */
export async function openBook(file: string, insp: Inspection, opts: { forceMode?: "full" | "stream" } = {}): Promise<OpenedBook> {
  const mode = opts.forceMode ?? (insp.sheetBytes <= LIMITS.fullLoadSheetBytes ? "full" : "stream");
  await verifyDeclaredSizes(insp);
  if (mode === "full") {
    const wb = await loadWorkbook(file);
    const host = new ExcelJsHost(wb);
    const sheetNames = wb.worksheets.map((w) => w.name);
    if (!sheetNames.length) throw new CliError("no_sheets", { path: file });
    return {
      mode,
      sheetNames,
      workbook: wb,
      host,
      async readSheet(name?: string) {
        const sheet = name === undefined ? (wb.worksheets.find((w) => w.state !== "hidden" && w.state !== "veryHidden") ?? wb.worksheets[0]).name : pickSheet(sheetNames, name);
        let region: RegionData;
        try {
          region = await host.readRegion({ kind: "sheet", name: sheet });
        } catch (e) {
          hostErrorToCli(e);
        }
        const ws = wb.getWorksheet(sheet)!;
        const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []).filter((m) => {
          const top = parseInt(m.replace(/^[A-Z]+/i, ""), 10);
          return top <= region.firstRow + 10;
        });
        return { region, mergedNearTop: merges };
      },
    };
  }
  const sheetNames = await streamSheetNames(file);
  if (!sheetNames.length) throw new CliError("no_sheets", { path: file });
  return {
    mode,
    sheetNames,
    async readSheet(name?: string) {
      const sheet = name === undefined ? sheetNames[0] : pickSheet(sheetNames, name);
      return streamReadSheet(file, sheet);
    },
  };
}

/** Sheet names in workbook order, from xl/workbook.xml (streamed). */
async function streamSheetNames(file: string): Promise<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "ignore", sharedStrings: "ignore", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
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
  return (model?.sheets ?? []).map((s) => s.name);
}

/** Stream one sheet into plain values, keeping only the used block. */
async function streamReadSheet(file: string, sheet: string): Promise<SheetRead> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", entries: "ignore" });
  const rows = new Map<number, unknown[]>();
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  let cells = 0;
  let found = false;
  try {
    for await (const ws of reader) {
      const wsName = (ws as unknown as { name?: string }).name;
      if (wsName !== sheet) continue; // the rest of that part is drained unread
      found = true;
      for await (const row of ws as AsyncIterable<ExcelJSTypes.Row>) {
        const line: unknown[] = [];
        let any = false;
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          const v = plainValue(cell.value);
          if (v === null || (typeof v === "string" && v.trim() === "")) return;
          line[colNumber - 1] = v;
          any = true;
          if (colNumber - 1 < left) left = colNumber - 1;
          if (colNumber - 1 > right) right = colNumber - 1;
        });
        if (!any) continue;
        cells += line.length;
        if (cells > LIMITS.maxCells) throw new CliError("too_many_cells", { limit: LIMITS.maxCells.toLocaleString("en-US") });
        const r = row.number;
        rows.set(r, line);
        if (r < top) top = r;
        if (r > bottom) bottom = r;
      }
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError("unreadable", { path: file });
  }
  if (!found) throw new CliError("unknown_sheet", { name: sheet, list: "" });
  if (bottom < 0) throw new CliError("empty_sheet", { name: sheet });
  const values: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line = rows.get(r);
    const out: unknown[] = new Array(right - left + 1).fill(null);
    if (line) for (let c = left; c <= right && c < line.length; c++) if (line[c] !== undefined) out[c - left] = line[c];
    values.push(out);
    rows.delete(r);
  }
  const address = `${a1(top, left)}:${a1(bottom, right)}`;
  return { region: { sheet, address, firstRow: top, firstCol: left, values }, mergedNearTop: [] };
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

/** Write a workbook atomically: a temp file beside the target, then rename. Nothing is left on failure. */
export async function writeWorkbookAtomic(wb: ExcelJSTypes.Workbook, target: string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw new CliError("write_failed", { reason: (e as Error).message.split("\n")[0] });
  }
}

/** Check --out before any work: .xlsx, not the input, its folder exists. */
export function checkOut(out: string, input: string): void {
  if (samePath(out, input)) throw new CliError("out_is_input");
  if (!/\.xlsx$/i.test(out)) throw new CliError("out_not_xlsx", { path: out });
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new CliError("out_dir_missing", { path: dir });
}
