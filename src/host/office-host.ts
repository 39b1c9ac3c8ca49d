/**
 * WorkbookHost over Office.js (inside Excel).
 *
 * Batching: every method queues its work and calls context.sync() once per phase, never once
 * per row. Reading a table is two syncs whatever its size (locate, then load values). Writing a
 * sheet syncs once to learn the sheet names, then once per ~4 MB of queued data (Excel on the
 * web rejects requests above 5 MB), so 100 rows take the same syncs as 1,000.
 *
 * Rule: nothing here writes into an existing sheet, except writeFormulas / insertFormula,
 * which the pane calls only after the user asked for it (and, for writeFormulas, confirmed a preview).
 */
import type {
  CellBlockWrite,
  CellSpec,
  FormulaBlockData,
  SpillInfo,
  TableBody,
  ChartSpec,
  ColumnSpec,
  PivotSpec,
  RegionData,
  RegionSource,
  SheetSpec,
  TableInfo,
  WorkbookHost,
  WrittenSheet,
} from "./types";
import { colLetters, cellAddress } from "../sheet/a1";
import { uniqueSheetName, uniqueTableName } from "../sheet/names";
import { fitCellText } from "../sheet/limits";
import { HostError } from "./errors";

/** Spilling CZ functions whose whole spill block is read for a conversion to values. */
const SPILLING_CZ = /(^|[^A-Za-z0-9_.])@?(_xldudf_|_xll\.)?CZ[._]PROGRAMS\s*\(/i;

import { TEXT_FORMAT, hyperlinkFormula } from "./cell-text";
import { CALL_OVERHEAD, CELL_READ_LIMIT, REQUEST_BUDGET as SIZE_BUDGET, bulkOverheadPerRow, chunkBySize, jsonBytes, rowsPerRead } from "./request-size";

/** Number formats of pivot data fields: sums in 元 with 分, counts whole. */
export const PIVOT_SUM_FORMAT = "#,##0.00";
export const PIVOT_COUNT_FORMAT = "#,##0";

/** DATE(2000,1,1) in the 1904 date system (36526 in the 1900 system). */
const DATE_2000_1904 = 35064;

/* ------------------------------------------------------------------ A1 helpers (pure) */

export { colLetters, cellAddress } from "../sheet/a1";

/** A1 range address from its top-left cell (Excel row, 0-based col) and a size. */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  const a = cellAddress(row, col);
  if (rows <= 1 && cols <= 1) return a;
  return `${a}:${cellAddress(row + Math.max(rows, 1) - 1, col + Math.max(cols, 1) - 1)}`;
}

/** Drop the sheet part of "Sheet1!A1:L31" or "'My sheet'!A1". */
export function stripSheet(address: string): string {
  const i = address.lastIndexOf("!");
  return i >= 0 ? address.slice(i + 1) : address;
}

/** The sheet part of "Sheet1!A1" / "'It''s'!A1", unquoted; "" when there is none. */
export function sheetOf(address: string): string {
  const i = address.lastIndexOf("!");
  if (i < 0) return "";
  const s = address.slice(0, i);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

export { uniqueSheetName, uniqueTableName } from "../sheet/names";

/* ------------------------------------------------------------------ errors */

export { HostError, type HostErrorCode } from "./errors";

/* ------------------------------------------------------------------ sheet layout (pure) */

/** Requests are kept below this many bytes (Excel on the web rejects > 5 MB); see request-size.ts. */
export const REQUEST_BUDGET = SIZE_BUDGET;
/** At most this many rows per range write. */
export const ROWS_PER_WRITE = 20000;

/** Where each block of a SheetSpec goes: the host-independent layout. */
export interface PlacedBlock {
  title?: { row: number; text: string };
  headerRow: number;
  columns: ColumnSpec[];
  rows: CellSpec[][];
  tableName?: string;
}

/**
 * Layout of a SheetSpec: preamble lines in A1…, a blank row, the main block (header + rows),
 * then each extra block after one blank row, with its title on the row above its header.
 */
export function layoutSheet(spec: SheetSpec): { preamble: Array<{ row: number; text: string }>; blocks: PlacedBlock[] } {
  const preamble = (spec.preamble ?? []).map((text, i) => ({ row: i + 1, text }));
  let row = preamble.length ? preamble.length + 2 : 1;
  const blocks: PlacedBlock[] = [{ headerRow: row, columns: spec.columns, rows: spec.rows, tableName: spec.tableName }];
  row += 1 + spec.rows.length;
  for (const b of spec.blocks ?? []) {
    row += 1; // blank row
    const title = { row, text: b.title };
    row += 1;
    blocks.push({ title, headerRow: row, columns: b.columns, rows: b.rows, tableName: b.tableName });
    row += 1 + b.rows.length;
  }
  return { preamble, blocks };
}

/**
 * The value and number format written for one cell. Every string gets the text format "@"
 * (written before the value, so Excel keeps it as typed: credit codes, year labels, "=…");
 * numbers and booleans get the column's format; a link is a HYPERLINK formula (General).
 */
export function cellWrite(c: CellSpec, numFmt?: string): { value: string | number | boolean; format: string } {
  const general = numFmt ?? "General";
  if (c === null || c === undefined) return { value: "", format: general };
  if (typeof c === "string") return { value: fitCellText(c), format: TEXT_FORMAT };
  if (typeof c === "number") return Number.isFinite(c) ? { value: c, format: general } : { value: "", format: general };
  if (typeof c === "boolean") return { value: c, format: general };
  if ("formula" in c) return { value: c.formula.startsWith("=") ? c.formula : `=${c.formula}`, format: general };
  const f = hyperlinkFormula(c.link.sheet, c.link.cell, c.text);
  return f ? { value: f, format: "General" } : { value: fitCellText(c.text), format: TEXT_FORMAT };
}

/** The value written for one cell (see cellWrite). */
export function cellValue(c: CellSpec): string | number | boolean {
  return cellWrite(c).value;
}

/** A human-readable reason from an Office.js error (code and message). */
function reason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = e && typeof e.code === "string" ? e.code : "";
  const msg = e && typeof e.message === "string" ? e.message : String(err);
  return code && !msg.includes(code) ? `${code}: ${msg}` : msg;
}

/* ------------------------------------------------------------------ the host */

type Ctx = Excel.RequestContext;

/** Cells per read of formulas and values: 20,000 cells × (formula + value) stays near 4 MB even at ~100 bytes a cell. */
export const READ_CELLS = 20_000;

export interface OfficeHostOptions {
  /** Cells per formula read in readFormulas (tests lower it). */
  readCells?: number;
  /** Bytes per request before a sync (tests lower it). */
  requestBudget?: number;
  rowsPerWrite?: number;
  /** Cells per range read (Excel's limit is 5,000,000; tests lower it). */
  cellReadLimit?: number;
}

export class OfficeHost implements WorkbookHost {
  readonly kind = "office" as const;
  private readonly budget: number;
  /** Cells per formula read (formulas + values) in readFormulas; keeps responses well under 4 MB. */
  private readonly readCells: number;
  private readonly rowsPerWrite: number;
  private readonly cellLimit: number;
  /** Sheets this host created: the only ones addPivots writes to. */
  private readonly created = new Set<string>();

  constructor(options: OfficeHostOptions = {}) {
    this.budget = options.requestBudget ?? REQUEST_BUDGET;
    this.readCells = options.readCells ?? READ_CELLS;
    this.rowsPerWrite = options.rowsPerWrite ?? ROWS_PER_WRITE;
    this.cellLimit = options.cellReadLimit ?? CELL_READ_LIMIT;
  }

  /**
   * Whether Excel supports ExcelApi `version` (true when it cannot be asked). The full add-in
   * needs 1.9 (manifest.xml); the pane-only manifest also loads on Office 2016/2019 volume and
   * Office Online Server, where the host falls back as documented at each use.
   */
  private api(version: string): boolean {
    try {
      if (typeof Office === "undefined" || !Office.context?.requirements) return true;
      return Office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return true;
    }
  }

  private run<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> {
    if (typeof Excel === "undefined") return Promise.reject(new HostError("not_in_excel"));
    return Excel.run(fn);
  }

  async listTables(): Promise<TableInfo[]> {
    return this.run(async (ctx) => {
      const tables = ctx.workbook.tables;
      tables.load("items/name");
      await ctx.sync();
      const ranges = tables.items.map((t) => {
        const r = t.getRange();
        r.load("address");
        return { name: t.name, r };
      });
      if (ranges.length) await ctx.sync();
      return ranges.map(({ name, r }) => ({ name, sheet: sheetOf(r.address), address: stripSheet(r.address) }));
    });
  }

  async listSheets(): Promise<string[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  /**
   * Read a block in row chunks: (1) locate it (the table at the active cell, a named table or a
   * sheet's used range) and detect the date system, (2) load its address and size, (3…) load the
   * values, a few hundred rows first, then as many rows per request as fit the byte budget at the
   * largest row size seen so far (and never more than the cell limit). A chunk that Excel still
   * finds too large is read again in halves.
   */
  async readRegion(source: RegionSource): Promise<RegionData> {
    return this.run(async (ctx) => {
      let range: Excel.Range;
      let tableName: string | undefined;
      // DATE(2000,1,1) is 36526 in the 1900 date system and 35064 in the 1904 one (ExcelApi 1.2).
      const probe = this.api("1.2") ? ctx.workbook.functions.date(2000, 1, 1) : null;
      probe?.load("value");
      if (source.kind === "selection" && this.api("1.9")) {
        const cell = ctx.workbook.getActiveCell();
        const tables = cell.getTables(false);
        tables.load("items/name");
        await ctx.sync();
        if (!tables.items.length) {
          range = cell.getSurroundingRegion();
        } else {
          tableName = tables.items[0].name;
          range = tables.items[0].getRange();
        }
      } else if (source.kind === "selection" && this.api("1.7")) {
        // No Range.getTables before 1.9: the current region around the active cell.
        range = ctx.workbook.getActiveCell().getSurroundingRegion();
      } else if (source.kind === "selection") {
        // ExcelApi 1.1: the selected block, or the sheet's used range when one cell is selected.
        const selected = ctx.workbook.getSelectedRange();
        selected.load("cellCount");
        await ctx.sync();
        range = selected.cellCount > 1 ? selected : this.usedRange(selected.worksheet);
      } else if (source.kind === "table") {
        const table = ctx.workbook.tables.getItem(source.name);
        tableName = source.name;
        range = table.getRange();
      } else {
        const ws = source.name ? ctx.workbook.worksheets.getItem(source.name) : this.api("1.5") ? ctx.workbook.worksheets.getFirst() : ctx.workbook.worksheets.getActiveWorksheet();
        range = this.usedRange(ws);
      }
      range.load("address, rowIndex, columnIndex, rowCount, columnCount");
      await ctx.sync();
      const date1904 = probe !== null && probe.value === DATE_2000_1904;
      const values = await this.readValues(ctx, range);
      const empty = !values.length || values.every((r) => r.every((v) => v === "" || v === null || v === undefined));
      if (empty) throw new HostError(source.kind === "sheet" ? "empty_sheet" : "empty_region");
      const out: RegionData = {
        sheet: sheetOf(range.address),
        address: stripSheet(range.address),
        firstRow: range.rowIndex + 1,
        firstCol: range.columnIndex,
        values: values.map((r) => r.map((v) => (v === "" ? null : v))),
        tableName,
      };
      if (date1904) out.date1904 = true;
      return out;
    });
  }

  /** A sheet's used range, values only where Excel can (ExcelApi 1.2). */
  private usedRange(ws: Excel.Worksheet): Excel.Range {
    return this.api("1.2") ? ws.getUsedRange(true) : ws.getUsedRange();
  }

  /** The values of a loaded range (address and size known), in row chunks under the limits. */
  private async readValues(ctx: Ctx, range: Excel.Range): Promise<unknown[][]> {
    const rows = range.rowCount;
    const cols = Math.max(range.columnCount, 1);
    const ws = range.worksheet;
    const top = range.rowIndex + 1;
    const left = range.columnIndex;
    const out: unknown[][] = [];
    let bytesPerRow = 0;
    let next = Math.min(rows, Math.max(1, Math.floor(Math.min(50_000, this.cellLimit) / cols)), 500);
    for (let start = 0; start < rows; ) {
      const n = Math.min(next, rows - start);
      const part = ws.getRange(rangeAddress(top + start, left, n, cols));
      part.load("values");
      try {
        await ctx.sync();
      } catch (err) {
        if ((err as { code?: string }).code === "ResponsePayloadSizeLimitExceeded" && n > 1) {
          next = Math.ceil(n / 2);
          continue;
        }
        throw err;
      }
      const vals = part.values as unknown[][];
      for (const line of vals) {
        out.push(line);
        const b = jsonBytes(line) + 1;
        if (b > bytesPerRow) bytesPerRow = b;
      }
      start += n;
      // The largest row seen so far, with a margin for the response framing.
      next = rowsPerRead(cols, Math.ceil(bytesPerRow * 1.25), this.budget, this.cellLimit);
    }
    return out;
  }

  /** Workbook settings (Office.context.document.settings): kept in the file, per workbook. */
  async loadSetting(key: string): Promise<string | null> {
    if (typeof Office === "undefined" || !Office.context?.document?.settings) return null;
    const v: unknown = Office.context.document.settings.get(key);
    return typeof v === "string" ? v : null;
  }

  async saveSetting(key: string, value: string | null): Promise<void> {
    if (typeof Office === "undefined" || !Office.context?.document?.settings) return;
    const settings = Office.context.document.settings;
    if (value === null) settings.remove(key);
    else settings.set(key, value);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error?.message ?? "settings.saveAsync failed")))),
    );
  }

  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cellAddress(row, col)).select();
      await ctx.sync();
    });
  }

  /** Table names and defined names share one namespace in a workbook: both are taken. */
  private async takenNames(ctx: Ctx): Promise<{ sheets: string[]; names: string[] }> {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    const tables = ctx.workbook.tables;
    tables.load("items/name");
    const names = ctx.workbook.names;
    names.load("items/name");
    await ctx.sync();
    return { sheets: sheets.items.map((s) => s.name), names: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)] };
  }

  /**
   * Create a new sheet (unique name) and fill it, all or nothing: requests cut by size (every
   * request under the budget, text formats before values); if any request fails, the new sheet
   * is deleted and a HostError says what failed.
   */
  async writeSheet(spec: SheetSpec): Promise<WrittenSheet> {
    return this.run(async (ctx) => {
      const taken = await this.takenNames(ctx);
      const name = uniqueSheetName(spec.name, taken.sheets);
      const takenTables = [...taken.names];
      const tableNames: Record<string, string> = {};
      const ws = ctx.workbook.worksheets.add(name);
      // What was being written when a request failed: an A1 address or a table name.
      let step = name;
      try {
        const layout = layoutSheet(spec);
        let pending = 0;
        const queue = async (bytes: number) => {
          if (pending > 0 && pending + bytes > this.budget) {
            await ctx.sync();
            pending = 0;
          }
          pending += bytes;
        };
        const writeText = async (row: number, text: string, bold: boolean) => {
          step = cellAddress(row, 0);
          await queue(jsonBytes(text) + 3 * CALL_OVERHEAD);
          const r = ws.getRange(cellAddress(row, 0));
          r.numberFormat = [[TEXT_FORMAT]];
          r.values = [[text]];
          if (bold) r.format.font.bold = true;
        };

        for (const p of layout.preamble) await writeText(p.row, p.text, p.row === 1);

        let tableAddress = "";
        for (const [bi, b] of layout.blocks.entries()) {
          const ncol = Math.max(b.columns.length, 1);
          if (b.title) await writeText(b.title.row, b.title.text, true);
          step = rangeAddress(b.headerRow, 0, 1, ncol);
          const headerVals = b.columns.map((c) => c.header);
          await queue(2 * jsonBytes(headerVals) + 3 * CALL_OVERHEAD);
          const header = ws.getRange(rangeAddress(b.headerRow, 0, 1, ncol));
          header.numberFormat = [b.columns.map(() => TEXT_FORMAT)];
          header.values = [headerVals];
          header.format.font.bold = true;

          // Rows: values and per-cell formats, cut so that each request stays within the budget.
          const writes = b.rows.map((src) => {
            const vals: (string | number | boolean)[] = [];
            const fmts: string[] = [];
            for (let j = 0; j < ncol; j++) {
              const w = cellWrite(src[j] ?? null, b.columns[j]?.numFmt);
              vals.push(w.value);
              fmts.push(w.format);
            }
            return { vals, fmts };
          });
          const framing = bulkOverheadPerRow(ncol, 2) + 2;
          const chunks = chunkBySize(writes, (w) => jsonBytes(w.vals) + jsonBytes(w.fmts) + framing, this.budget - 4 * CALL_OVERHEAD, this.rowsPerWrite);
          for (const ch of chunks) {
            step = rangeAddress(b.headerRow + 1 + ch.start, 0, ch.end - ch.start, ncol);
            await queue(ch.bytes + 2 * CALL_OVERHEAD);
            const part = writes.slice(ch.start, ch.end);
            const r = ws.getRange(rangeAddress(b.headerRow + 1 + ch.start, 0, part.length, ncol));
            r.numberFormat = part.map((w) => w.fmts);
            r.values = part.map((w) => w.vals);
          }

          const blockAddress = rangeAddress(b.headerRow, 0, 1 + b.rows.length, ncol);
          if (bi === 0) tableAddress = blockAddress;
          await queue(6 * CALL_OVERHEAD);
          if (b.tableName) {
            step = b.tableName;
            const table = ws.tables.add(blockAddress, true);
            const actual = uniqueTableName(b.tableName, takenTables);
            takenTables.push(actual);
            tableNames[b.tableName] = actual;
            table.name = actual;
          }
          if (this.api("1.2")) {
            b.columns.forEach((c, j) => {
              if (c.width) ws.getRange(`${colLetters(j)}:${colLetters(j)}`).format.columnWidth = Math.round(c.width * 6);
            });
          }
        }
        if (spec.freezeHeader && this.api("1.7")) ws.freezePanes.freezeRows(layout.blocks[0].headerRow);
        ws.activate();
        await ctx.sync();
        this.created.add(name);
        return { name, tableAddress, tableNames };
      } catch (err) {
        throw await this.rollback(ctx, name, step, err);
      }
    });
  }

  /**
   * After a failed write: delete the sheet this host had just added (if the failed request got
   * as far as adding it), and return the error to throw.
   */
  private async rollback(ctx: Ctx, name: string, step: string, err: unknown): Promise<HostError> {
    const detail = reason(err);
    try {
      if (this.api("1.4")) {
        const left = ctx.workbook.worksheets.getItemOrNullObject(name);
        left.load("isNullObject");
        await ctx.sync();
        if (!left.isNullObject) {
          left.delete();
          await ctx.sync();
        }
      } else {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name");
        await ctx.sync();
        if (sheets.items.some((s) => s.name === name)) {
          sheets.getItem(name).delete();
          await ctx.sync();
        }
      }
      return new HostError("write_failed", { sheet: name, step, detail });
    } catch (again) {
      return new HostError("write_failed_kept", { sheet: name, step, detail: `${detail}; ${reason(again)}` });
    }
  }

  supportsPivots(): boolean {
    try {
      return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", "1.8");
    } catch {
      return false;
    }
  }

  /**
   * PivotTables over an Excel table, side by side from row 3 of `sheet`, plus an optional chart
   * below them. `sheet` must be one this host created; otherwise a new sheet is made. The source
   * is the table object; data fields get number formats; pivot names are made unique in the
   * workbook, so the report runs again in the same workbook. All or nothing: on a failure the
   * new sheet (or the pivots added to an existing one) is removed and a HostError says why.
   */
  async addPivots(sheet: string, pivots: PivotSpec[], chart?: ChartSpec): Promise<void> {
    await this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      const existing = ctx.workbook.pivotTables;
      existing.load("items/name");
      await ctx.sync();
      const names = sheets.items.map((s) => s.name);
      const takenPivots = existing.items.map((p) => p.name);
      let ws: Excel.Worksheet;
      let newSheet: string | null = null;
      if (this.created.has(sheet) && names.includes(sheet)) {
        ws = sheets.getItem(sheet);
      } else {
        newSheet = uniqueSheetName(sheet, names);
        ws = sheets.add(newSheet);
      }
      const added: Excel.PivotTable[] = [];
      let step = sheet;
      try {
        let col = 0;
        for (const p of pivots) {
          step = p.name;
          const pivotName = uniqueTableName(p.name, takenPivots);
          takenPivots.push(pivotName);
          const source = ctx.workbook.tables.getItem(p.sourceTable);
          const pt = ws.pivotTables.add(pivotName, source, ws.getRange(cellAddress(3, col)));
          added.push(pt);
          for (const f of p.rows) pt.rowHierarchies.add(pt.hierarchies.getItem(f));
          for (const f of p.columns) pt.columnHierarchies.add(pt.hierarchies.getItem(f));
          for (const v of p.values) {
            const dh = pt.dataHierarchies.add(pt.hierarchies.getItem(v.field));
            dh.summarizeBy = v.summary === "sum" ? Excel.AggregationFunction.sum : Excel.AggregationFunction.count;
            dh.numberFormat = v.numFmt ?? (v.summary === "sum" ? PIVOT_SUM_FORMAT : PIVOT_COUNT_FORMAT);
          }
          // Leave room: row labels + a column per value (or ~8 for a column hierarchy) + a gap.
          col += p.rows.length + (p.columns.length ? 8 : p.values.length) + 2;
        }
        if (chart) {
          step = chart.title;
          const src = ctx.workbook.worksheets.getItem(chart.sheet).getRange(chart.range);
          const type = chart.type === "bar" ? Excel.ChartType.barClustered : Excel.ChartType.columnClustered;
          const c = ws.charts.add(type, src, Excel.ChartSeriesBy.columns);
          c.title.text = chart.title;
          c.setPosition(cellAddress(30, 0), cellAddress(50, 8));
        }
        ws.activate();
        await ctx.sync();
        if (newSheet) this.created.add(newSheet);
      } catch (err) {
        if (newSheet) throw await this.rollback(ctx, newSheet, step, err);
        const detail = reason(err);
        try {
          for (const pt of added) pt.delete();
          await ctx.sync();
        } catch {
          // The pivots may not exist (the failed request added none); nothing else was written.
        }
        throw new HostError("write_failed", { sheet, step, detail });
      }
    });
  }

  /** 插入公式: one batched write into the active cell, only on the user's click. */
  async insertFormula(formula: string, options: { r1c1?: boolean } = {}): Promise<{ sheet: string; address: string }> {
    return this.run(async (ctx) => {
      const cell = this.api("1.7") ? ctx.workbook.getActiveCell() : ctx.workbook.getSelectedRange().getCell(0, 0);
      if (options.r1c1) cell.formulasR1C1 = [[formula]];
      else cell.formulas = [[formula]];
      cell.load("address");
      await ctx.sync();
      return { sheet: sheetOf(cell.address), address: stripSheet(cell.address) };
    });
  }

  /**
   * Formulas and values of the USED part of the selection (one area only), an A1 range, or a
   * sheet's used range, for 转换为普通公式.
   * - Phase 1: a multi-area selection is refused (HostError "multi_area"), and the block is
   *   cut to its used cells (Range.getUsedRangeOrNullObject(true)): a selected column is its used
   *   rows, not 1,048,576 cells.
   * - Phase 2: formulas and values, read in row chunks of at most READ_CELLS cells per sync, so
   *   no response goes past the request size limit.
   * - Phase 3: the sheet's tables (data body of each) and the spill ranges of spilling CZ
   *   formulas (CZ.PROGRAMS), so the plan can write a table column in one assignment and a spill
   *   as its whole block. Hosts without these APIs (ExcelApi 1.12) get no spill information, and
   *   the plan then refuses to convert a spilling formula.
   */
  async readFormulas(source: { kind: "selection" } | { kind: "range"; sheet: string; address: string } | { kind: "sheet"; name?: string }): Promise<FormulaBlockData> {
    return this.run(async (ctx) => {
      let range: Excel.Range;
      if (source.kind === "selection") {
        const areas = ctx.workbook.getSelectedRanges();
        areas.load("areaCount");
        await ctx.sync();
        if (areas.areaCount > 1) throw new HostError("multi_area");
        range = ctx.workbook.getSelectedRange();
      } else if (source.kind === "range") range = ctx.workbook.worksheets.getItem(source.sheet).getRange(source.address);
      else range = source.name ? ctx.workbook.worksheets.getItem(source.name).getRange() : ctx.workbook.worksheets.getActiveWorksheet().getRange();
      const used = range.getUsedRangeOrNullObject(true);
      used.load("address, rowIndex, columnIndex, rowCount, columnCount");
      await ctx.sync();
      if (used.isNullObject) throw new HostError("no_used_cells");

      const rows = used.rowCount;
      const cols = used.columnCount;
      // Row chunks: the first of at most 5,000 cells, then sized from what the previous chunk weighed so
      // that a response stays near half the budget; a chunk Excel still finds too big is retried
      // with half the rows (error ResponsePayloadSizeLimitExceeded).
      let step = Math.max(1, Math.floor(Math.min(this.readCells, 5000) / Math.max(1, cols)));
      const formulas: unknown[][] = [];
      const values: unknown[][] = [];
      for (let r = 0; r < rows; ) {
        const n = Math.min(step, rows - r);
        const part = used.getCell(r, 0).getResizedRange(n - 1, cols - 1);
        part.load("formulas, values");
        try {
          await ctx.sync();
        } catch (e) {
          if (n > 1 && /PayloadSizeLimitExceeded/i.test(String((e as { code?: unknown }).code ?? (e as Error).message))) {
            step = Math.max(1, Math.floor(n / 2));
            continue;
          }
          throw e;
        }
        const f = part.formulas as unknown[][];
        const v = part.values as unknown[][];
        formulas.push(...f);
        values.push(...v);
        r += n;
        let bytes = 0;
        for (let i = 0; i < f.length; i++) for (let j = 0; j < cols; j++) bytes += jsonBytes(f[i][j]) + jsonBytes(v[i][j]) + 2;
        const perRow = Math.max(1, bytes / n);
        step = Math.max(1, Math.min(Math.floor(this.readCells / Math.max(1, cols)), Math.floor(this.budget / 2 / perRow)));
      }

      const sheet = sheetOf(used.address);
      const ws = used.worksheet;
      const tables = ws.tables;
      tables.load("items/name");
      const anchors: Array<{ row: number; col: number; range: Excel.Range }> = [];
      let spills: SpillInfo[] | undefined;
      let bodies: TableBody[] | undefined;
      try {
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const f = formulas[i][j];
          if (typeof f !== "string" || f === values[i][j] || !SPILLING_CZ.test(f)) continue;
          const s = used.getCell(i, j).getSpillingToRangeOrNullObject();
          s.load("rowIndex, columnIndex, rowCount, columnCount, values");
          anchors.push({ row: used.rowIndex + i + 1, col: used.columnIndex + j, range: s });
        }
      }
        await ctx.sync();
        const bodyRanges = tables.items.map((t) => {
          const b = t.getDataBodyRange();
          b.load("rowIndex, columnIndex, rowCount, columnCount");
          return { name: t.name, b };
        });
        await ctx.sync();
        bodies = bodyRanges.map(({ name, b }) => ({ name, top: b.rowIndex + 1, bottom: b.rowIndex + b.rowCount, left: b.columnIndex, right: b.columnIndex + b.columnCount - 1 }));
        spills = anchors
          .filter((a) => !a.range.isNullObject)
          .map((a) => ({ row: a.row, col: a.col, rows: a.range.rowCount, cols: a.range.columnCount, values: a.range.values as unknown[][] }));
      } catch {
        // Older Excel without these APIs: no spill or table information (spills are then refused).
      }
      return { sheet, address: stripSheet(used.address), firstRow: used.rowIndex + 1, firstCol: used.columnIndex, formulas, values, spills, tables: bodies };
    });
  }

  /**
   * The one write into user cells (转换为普通公式), called only after the user confirmed a
   * preview. Each write is ONE assignment of Range.formulas over its block (a cell, a spilled
   * block, a table column's data body); null entries leave their cells unchanged
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
   *
   * The writes are cut into requests of at most ~4 MB (a block bigger than that in row slices), and
   * each request is an Excel.run of its own: after a run office.js sends one more request that
   * releases every range proxy the run made (~110 bytes each), so 50,000 one-cell writes in one run
   * would end in a 5.7 MB clean-up request that Excel on the web refuses (measured through the real
   * serializer, test/host/office-limits.test.ts).
   */
  async writeFormulas(sheet: string, writes: CellBlockWrite[]): Promise<number> {
    type Slice = { row: number; col: number; values: unknown[][] };
    const requests: Slice[][] = [];
    let current: Slice[] = [];
    let pending = 0;
    const flush = () => {
      if (current.length) requests.push(current);
      current = [];
      pending = 0;
    };
    for (const w of writes) {
      const width = w.values[0]?.length ?? 0;
      if (!width) continue;
      // What a slice carries: the JSON of its rows, office.js's framing of its 1,500-cell pieces, and
      // one range call (object path + action), see src/host/request-size.ts.
      const rowBytes = (i: number) => jsonBytes(w.values[i]) + 1 + bulkOverheadPerRow(width);
      for (let start = 0; start < w.values.length; ) {
        if (pending && pending + CALL_OVERHEAD + rowBytes(start) >= this.budget) flush();
        let end = start;
        let bytes = CALL_OVERHEAD;
        while (end < w.values.length && (end === start || pending + bytes + rowBytes(end) < this.budget)) bytes += rowBytes(end++);
        current.push({ row: w.row - 1 + start, col: w.col, values: w.values.slice(start, end) });
        pending += bytes;
        start = end;
        if (pending >= this.budget) flush();
      }
    }
    flush();
    let cells = 0;
    for (const slices of requests) {
      cells += await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        let n = 0;
        for (const s of slices) {
          ws.getRangeByIndexes(s.row, s.col, s.values.length, s.values[0].length).formulas = s.values;
          for (const r of s.values) for (const v of r) if (v !== null) n++;
        }
        await ctx.sync();
        return n;
      });
    }
    return cells;
  }
}
