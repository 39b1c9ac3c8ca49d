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
import { colLetters, cellAddress } from "./a1";
import { uniqueSheetName, uniqueTableName } from "./names";
import { FormulaReadError } from "./formula-read-error";

/** Spilling CZ functions whose whole spill block is read for a conversion to values. */
const SPILLING_CZ = /(^|[^A-Za-z0-9_.])@?(_xldudf_|_xll\.)?CZ[._]PROGRAMS\s*\(/i;

/* ------------------------------------------------------------------ A1 helpers (pure) */

export { colLetters, cellAddress } from "./a1";

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

/** Quote a sheet name for a reference: 'It''s'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export { uniqueSheetName, uniqueTableName } from "./names";

/* ------------------------------------------------------------------ errors */

export type HostErrorCode = "empty_region" | "empty_sheet" | "no_sheet" | "not_in_excel";

/** An error the pane shows with its own localised text (see src/taskpane/i18n.ts, keys host_*). */
export class HostError extends Error {
  constructor(
    public readonly code: HostErrorCode,
    public readonly params: Record<string, string> = {},
  ) {
    super(code);
    this.name = "HostError";
  }
}

/* ------------------------------------------------------------------ sheet layout (pure) */

/** Requests are kept below this many bytes (Excel on the web rejects > 5 MB). */
export const REQUEST_BUDGET = 4_000_000;
/** At most this many rows per range write. */
export const ROWS_PER_WRITE = 5000;

interface LinkCell {
  row: number; // Excel row
  col: number; // 0-based
  text: string;
  sheet: string;
  cell: string;
}

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

/** A plain string that Excel would read as a formula is written as text. */
function plainText(s: string): string {
  return /^[=+\-@]/.test(s) && s.length > 1 ? `'${s}` : s;
}

/** The value written for one cell, and its hyperlink (if any). */
export function cellValue(c: CellSpec): string | number | boolean {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") return plainText(c);
  if (typeof c === "number" || typeof c === "boolean") return c;
  if ("formula" in c) return c.formula.startsWith("=") ? c.formula : `=${c.formula}`;
  return plainText(c.text);
}

/** A rough size in bytes of a queued value (for the request budget). */
function sizeOf(v: unknown): number {
  if (typeof v === "string") return v.length * 3 + 4;
  return 12;
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
}

export class OfficeHost implements WorkbookHost {
  readonly kind = "office" as const;
  private readonly budget: number;
  /** Cells per formula read (formulas + values) in readFormulas; keeps responses well under 4 MB. */
  private readonly readCells: number;
  private readonly rowsPerWrite: number;
  /** Sheets this host created: the only ones addPivots writes to. */
  private readonly created = new Set<string>();

  constructor(options: OfficeHostOptions = {}) {
    this.budget = options.requestBudget ?? REQUEST_BUDGET;
    this.readCells = options.readCells ?? READ_CELLS;
    this.rowsPerWrite = options.rowsPerWrite ?? ROWS_PER_WRITE;
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
   * Two syncs whatever the size: (1) locate the block (the table at the active cell, a named
   * table or a sheet's used range), (2) load its address, position and values.
   */
  async readRegion(source: RegionSource): Promise<RegionData> {
    return this.run(async (ctx) => {
      let range: Excel.Range;
      let tableName: string | undefined;
      if (source.kind === "selection") {
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
      } else if (source.kind === "table") {
        const table = ctx.workbook.tables.getItem(source.name);
        tableName = source.name;
        range = table.getRange();
      } else {
        const ws = source.name ? ctx.workbook.worksheets.getItem(source.name) : ctx.workbook.worksheets.getFirst();
        range = ws.getUsedRange(true);
      }
      range.load("address, values, rowIndex, columnIndex");
      await ctx.sync();
      const values = range.values as unknown[][];
      const empty = !values.length || values.every((r) => r.every((v) => v === "" || v === null || v === undefined));
      if (empty) throw new HostError(source.kind === "sheet" ? "empty_sheet" : "empty_region");
      return {
        sheet: sheetOf(range.address),
        address: stripSheet(range.address),
        firstRow: range.rowIndex + 1,
        firstCol: range.columnIndex,
        values: values.map((r) => r.map((v) => (v === "" ? null : v))),
        tableName,
      };
    });
  }

  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cellAddress(row, col)).select();
      await ctx.sync();
    });
  }

  /** Create a new sheet (unique name) and fill it: bulk writes, a sync per ~4 MB. */
  async writeSheet(spec: SheetSpec): Promise<WrittenSheet> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      const existingTables = ctx.workbook.tables;
      existingTables.load("items/name");
      await ctx.sync();
      const name = uniqueSheetName(spec.name, sheets.items.map((s) => s.name));
      // Table names are unique per workbook: a second run gets CZ_Results_2, reported back.
      const takenTables = existingTables.items.map((t) => t.name);
      const tableNames: Record<string, string> = {};
      const ws = sheets.add(name);
      this.created.add(name);
      const layout = layoutSheet(spec);
      let pending = 0;
      const flush = async (force = false) => {
        if (force || pending >= this.budget) {
          await ctx.sync();
          pending = 0;
        }
      };

      for (const p of layout.preamble) {
        const r = ws.getRange(cellAddress(p.row, 0));
        r.values = [[plainText(p.text)]];
        if (p.row === 1) r.format.font.bold = true;
        pending += sizeOf(p.text) + 100;
      }

      const links: LinkCell[] = [];
      let tableAddress = "";
      for (const [bi, b] of layout.blocks.entries()) {
        const ncol = Math.max(b.columns.length, 1);
        if (b.title) {
          const t = ws.getRange(cellAddress(b.title.row, 0));
          t.values = [[plainText(b.title.text)]];
          t.format.font.bold = true;
          pending += sizeOf(b.title.text) + 100;
        }
        const header = ws.getRange(rangeAddress(b.headerRow, 0, 1, ncol));
        header.values = [b.columns.map((c) => plainText(c.header))];
        header.format.font.bold = true;
        pending += 200;
        const fmts = b.columns.map((c) => c.numFmt ?? "General");
        const anyFmt = b.columns.some((c) => c.numFmt);

        let start = 0;
        while (start < b.rows.length) {
          // One range write: at most rowsPerWrite rows and at most the budget in bytes.
          const vals: (string | number | boolean)[][] = [];
          let bytes = 0;
          let i = start;
          for (; i < b.rows.length && i - start < this.rowsPerWrite; i++) {
            const src = b.rows[i];
            const row: (string | number | boolean)[] = [];
            for (let j = 0; j < ncol; j++) {
              const c = src[j] ?? null;
              const v = cellValue(c);
              row.push(v);
              bytes += sizeOf(v) + (anyFmt ? sizeOf(fmts[j]) : 0);
              if (c !== null && typeof c === "object" && "link" in c) {
                links.push({ row: b.headerRow + 1 + i, col: j, text: c.text, sheet: c.link.sheet, cell: c.link.cell });
              }
            }
            vals.push(row);
            if (vals.length > 1 && pending + bytes >= this.budget) {
              i++;
              break;
            }
          }
          const r = ws.getRange(rangeAddress(b.headerRow + 1 + start, 0, vals.length, ncol));
          r.values = vals;
          if (anyFmt) r.numberFormat = vals.map(() => fmts);
          pending += bytes;
          start = i;
          await flush();
        }

        // Hyperlinks, batched with the rest.
        for (const l of links.splice(0)) {
          const r = ws.getRange(cellAddress(l.row, l.col));
          r.hyperlink = { documentReference: `${quoteSheet(l.sheet)}!${l.cell}`, textToDisplay: l.text };
          pending += sizeOf(l.text) + sizeOf(l.sheet) + 120;
          await flush();
        }

        const blockAddress = rangeAddress(b.headerRow, 0, 1 + b.rows.length, ncol);
        if (bi === 0) tableAddress = blockAddress;
        if (b.tableName) {
          const table = ws.tables.add(blockAddress, true);
          const actual = uniqueTableName(b.tableName, takenTables);
          takenTables.push(actual);
          tableNames[b.tableName] = actual;
          table.name = actual;
        }
        b.columns.forEach((c, j) => {
          if (c.width) ws.getRange(`${colLetters(j)}:${colLetters(j)}`).format.columnWidth = Math.round(c.width * 6);
        });
      }
      if (spec.freezeHeader) ws.freezePanes.freezeRows(layout.blocks[0].headerRow);
      ws.activate();
      await flush(true);
      return { name, tableAddress, tableNames };
    });
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
   * below them. `sheet` must be one this host created; otherwise a new sheet is made. Two syncs.
   */
  async addPivots(sheet: string, pivots: PivotSpec[], chart?: ChartSpec): Promise<void> {
    await this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const names = sheets.items.map((s) => s.name);
      let ws: Excel.Worksheet;
      if (this.created.has(sheet) && names.includes(sheet)) {
        ws = sheets.getItem(sheet);
      } else {
        const name = uniqueSheetName(sheet, names);
        ws = sheets.add(name);
        this.created.add(name);
      }
      let col = 0;
      for (const p of pivots) {
        const pt = ws.pivotTables.add(p.name, p.sourceTable, ws.getRange(cellAddress(3, col)));
        for (const f of p.rows) pt.rowHierarchies.add(pt.hierarchies.getItem(f));
        for (const f of p.columns) pt.columnHierarchies.add(pt.hierarchies.getItem(f));
        for (const v of p.values) {
          const dh = pt.dataHierarchies.add(pt.hierarchies.getItem(v.field));
          dh.summarizeBy = v.summary === "sum" ? Excel.AggregationFunction.sum : Excel.AggregationFunction.count;
        }
        // Leave room: row labels + a column per value (or ~8 for a column hierarchy) + a gap.
        col += p.rows.length + (p.columns.length ? 8 : p.values.length) + 2;
      }
      if (chart) {
        const src = ctx.workbook.worksheets.getItem(chart.sheet).getRange(chart.range);
        const type = chart.type === "bar" ? Excel.ChartType.barClustered : Excel.ChartType.columnClustered;
        const c = ws.charts.add(type, src, Excel.ChartSeriesBy.columns);
        c.title.text = chart.title;
        c.setPosition(cellAddress(30, 0), cellAddress(50, 8));
      }
      ws.activate();
      await ctx.sync();
    });
  }

  /** 插入公式: one batched write into the active cell, only on the user's click. */
  async insertFormula(formula: string): Promise<{ sheet: string; address: string }> {
    return this.run(async (ctx) => {
      const cell = ctx.workbook.getActiveCell();
      cell.formulas = [[formula]];
      cell.load("address");
      await ctx.sync();
      return { sheet: sheetOf(cell.address), address: stripSheet(cell.address) };
    });
  }

  /**
   * Formulas and values of the USED part of the selection (one area only), an A1 range, or a
   * sheet's used range, for 转换为普通公式.
   * - Phase 1: a multi-area selection is refused (FormulaReadError "multi_area"), and the block is
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
        if (areas.areaCount > 1) throw new FormulaReadError("multi_area");
        range = ctx.workbook.getSelectedRange();
      } else if (source.kind === "range") range = ctx.workbook.worksheets.getItem(source.sheet).getRange(source.address);
      else range = source.name ? ctx.workbook.worksheets.getItem(source.name).getRange() : ctx.workbook.worksheets.getActiveWorksheet().getRange();
      const used = range.getUsedRangeOrNullObject(true);
      used.load("address, rowIndex, columnIndex, rowCount, columnCount");
      await ctx.sync();
      if (used.isNullObject) throw new FormulaReadError("no_used_cells");

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
        for (let i = 0; i < f.length; i++) for (let j = 0; j < cols; j++) bytes += sizeOf(f[i][j]) + sizeOf(v[i][j]);
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
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values). A sync
   * per ~4 MB; a block bigger than that is written in row slices.
   */
  async writeFormulas(sheet: string, writes: CellBlockWrite[]): Promise<number> {
    if (!writes.length) return 0;
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      let pending = 0;
      let cells = 0;
      for (const w of writes) {
        const width = w.values[0]?.length ?? 0;
        if (!width) continue;
        let start = 0;
        while (start < w.values.length) {
          let end = start;
          let bytes = 0;
          while (end < w.values.length) {
            const rowBytes = w.values[end].reduce((n: number, v) => n + sizeOf(v) + 4, 16);
            if (end > start && pending + bytes + rowBytes >= this.budget) break;
            bytes += rowBytes;
            end++;
          }
          const slice = w.values.slice(start, end);
          ws.getRangeByIndexes(w.row - 1 + start, w.col, slice.length, width).formulas = slice as unknown[][];
          for (const r of slice) for (const v of r) if (v !== null) cells++;
          pending += bytes;
          start = end;
          if (pending >= this.budget) {
            await ctx.sync();
            pending = 0;
          }
        }
      }
      if (pending) await ctx.sync();
      return cells;
    });
  }
}
