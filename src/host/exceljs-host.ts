/**
 * WorkbookHost over an ExcelJS Workbook: used by the CLI (node: `require("exceljs")`) and by the
 * pane's browser mode (the lazily loaded `exceljs/dist/exceljs.min.js`). The workbook instance is
 * injected, so this module never imports ExcelJS itself (type imports are erased at build time).
 *
 * Rule: existing sheets are only read. writeSheet adds a new sheet with a unique name.
 *
 * Pivot tables: ExcelJS 4.4.0 (the published release) has no pivot-table writer at all:
 * `lib/xlsx/xform` has no pivot-table part and Worksheet has no addPivotTable (that code exists
 * only on ExcelJS's unreleased master). Charts are not supported either. So supportsPivots()
 * is false and the report builders write plain summary tables instead.
 */
import type * as ExcelJS from "exceljs";
import type { CellBlockWrite, CellSpec, ColumnSpec, FormulaBlockData, RegionData, RegionSource, SheetSpec, SpillInfo, TableBody, TableInfo, WorkbookHost, WrittenSheet } from "./types";
import { cellAddress as a1, parseA1 } from "../sheet/a1";
import { sheetRefName, uniqueSheetName, uniqueTableName } from "../sheet/names";
import { fitCellText } from "../sheet/limits";
import { HostError } from "./errors";
import { autoWidth, specText, uniqueHeaders } from "./column-layout";
import { TEXT_FORMAT, needsTextFormat } from "./cell-text";
import { uncachedOf } from "../validation/uncached";

/** The parts of an ExcelJS table object that this module reads (ExcelJS's typing of getTables is wrong). */
interface LoadedTable {
  name?: string;
  table?: { name?: string; tableRef?: string; ref?: string; headerRow?: boolean; totalsRow?: boolean; columns?: Array<{ name?: string }>; rows?: unknown[] };
}

export { HostError } from "./errors";

// ---------------------------------------------------------------- addresses

export { colLetters, cellAddress as a1, parseA1 } from "../sheet/a1";

/** Parse "B2:D9" (or a single cell) → bounds with 0-based columns. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [p, q] = ref.split(":");
  const s = parseA1(p);
  const e = q ? parseA1(q) : s;
  if (!s || !e) return null;
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
}

/** The target of an internal link: "#'Sheet 1'!C5". */
export function internalLink(sheet: string, cell: string): string {
  return `#${sheetRefName(sheet)}!${cell}`;
}

// ---------------------------------------------------------------- cell values

/**
 * An ExcelJS cell value as a plain value: rich text → its text, formula → its cached result,
 * hyperlink → its text, error → its text ("#N/A"), Date stays a Date, empty → null.
 */
export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isNaN(v) ? "#VALUE!" : v;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: unknown }>).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
    if ("error" in o && typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) {
      if (!("result" in o) || o.result === undefined) return null;
      return plainValue(o.result);
    }
    if ("hyperlink" in o || "text" in o) return plainValue(o.text);
    if ("sharedString" in o) return null;
  }
  return null;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export { cleanSheetName, uniqueSheetName, uniqueTableName } from "../sheet/names";

// ---------------------------------------------------------------- the host

export interface ExcelJsHostOptions {
  /** Pass the number of data rows beyond which writeSheet skips per-cell styling (for speed). */
  styleLimit?: number;
}

export class ExcelJsHost implements WorkbookHost {
  readonly kind = "exceljs" as const;
  private selection: { sheet: string; row: number; col: number } | null = null;
  /** Sheets this host created (the only ones it ever writes to). */
  private readonly created = new Set<string>();

  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly options: ExcelJsHostOptions = {},
  ) {}

  /** The last cell passed to selectCell, or null. */
  get selected(): { sheet: string; row: number; col: number } | null {
    return this.selection;
  }

  /** Names of the sheets this host has written. */
  get createdSheets(): string[] {
    return [...this.created];
  }

  private tablesOf(ws: ExcelJS.Worksheet): LoadedTable[] {
    const list = (ws as unknown as { getTables(): unknown[] }).getTables();
    return list.map((t) => (Array.isArray(t) ? (t[0] as LoadedTable) : (t as LoadedTable)));
  }

  private tableRef(t: LoadedTable): string | undefined {
    return t.table?.tableRef ?? t.table?.ref;
  }

  private tableName(t: LoadedTable): string {
    return t.table?.name ?? t.name ?? "";
  }

  async listSheets(): Promise<string[]> {
    return this.workbook.worksheets.map((w) => w.name);
  }

  async listTables(): Promise<TableInfo[]> {
    const out: TableInfo[] = [];
    for (const ws of this.workbook.worksheets) {
      for (const t of this.tablesOf(ws)) {
        const ref = this.tableRef(t);
        if (ref) out.push({ name: this.tableName(t), sheet: ws.name, address: ref });
      }
    }
    return out;
  }

  private sheetByName(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.worksheets.find((w) => w.name === name) ?? this.workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (!ws) throw new HostError("no_sheet", { name });
    return ws;
  }

  private firstSheet(): ExcelJS.Worksheet {
    const ws = this.workbook.worksheets.find((w) => w.state !== "hidden" && w.state !== "veryHidden") ?? this.workbook.worksheets[0];
    if (!ws) throw new HostError("no_sheet", { name: "" });
    return ws;
  }

  /** The bounds of the cells holding a value (0-based columns), or null for an empty sheet. */
  usedBounds(ws: ExcelJS.Worksheet): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        if (isEmpty(plainValue(cell.value))) return;
        if (rowNumber < top) top = rowNumber;
        if (rowNumber > bottom) bottom = rowNumber;
        if (colNumber - 1 < left) left = colNumber - 1;
        if (colNumber - 1 > right) right = colNumber - 1;
      });
    });
    if (bottom < 0) return null;
    return { top, left, bottom, right };
  }

  private readBlock(ws: ExcelJS.Worksheet, b: { top: number; left: number; bottom: number; right: number }, tableName?: string): RegionData {
    const values: unknown[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row = ws.getRow(r);
      const line: unknown[] = [];
      for (let c = b.left; c <= b.right; c++) {
        const cell = row.getCell(c + 1);
        // A merged range keeps its value in the master (top-left) cell only.
        if (cell.isMerged && cell.master !== cell) line.push(null);
        // A formula without a cached result is unknown, not empty: validation reports it (formula.uncached).
        else line.push(uncachedOf(cell.value) ?? plainValue(cell.value));
      }
      values.push(line);
    }
    const address = b.top === b.bottom && b.left === b.right ? a1(b.top, b.left) : `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
    const out: RegionData = { sheet: ws.name, address, firstRow: b.top, firstCol: b.left, values };
    if (tableName) out.tableName = tableName;
    // ExcelJS turns date-formatted cells into Dates itself; plain serials are the caller's to shift.
    if ((this.workbook as unknown as { properties?: { date1904?: boolean } }).properties?.date1904) out.date1904 = true;
    return out;
  }

  private readTable(ws: ExcelJS.Worksheet, t: LoadedTable): RegionData {
    const ref = this.tableRef(t);
    const b = ref ? parseRange(ref) : null;
    if (!b) throw new HostError("no_table", { name: this.tableName(t) });
    // Leave out a totals row: it is not an application.
    if (t.table?.totalsRow && b.bottom > b.top) b.bottom -= 1;
    return this.readBlock(ws, b, this.tableName(t));
  }

  async readRegion(source: RegionSource): Promise<RegionData> {
    if (source.kind === "table") {
      for (const ws of this.workbook.worksheets) {
        for (const t of this.tablesOf(ws)) {
          if (this.tableName(t).toLowerCase() === source.name.toLowerCase()) return this.readTable(ws, t);
        }
      }
      throw new HostError("no_table", { name: source.name });
    }
    let ws: ExcelJS.Worksheet;
    let at: { row: number; col: number } | null = null;
    if (source.kind === "sheet") {
      ws = source.name !== undefined && source.name !== "" ? this.sheetByName(source.name) : this.firstSheet();
    } else if (this.selection && this.workbook.worksheets.some((w) => w.name === this.selection!.sheet)) {
      ws = this.sheetByName(this.selection.sheet);
      at = { row: this.selection.row, col: this.selection.col };
    } else {
      ws = this.firstSheet();
      at = { row: 1, col: 0 };
    }
    if (at) {
      // The table containing the selected cell, if any.
      for (const t of this.tablesOf(ws)) {
        const b = parseRange(this.tableRef(t) ?? "");
        if (b && at.row >= b.top && at.row <= b.bottom && at.col >= b.left && at.col <= b.right) return this.readTable(ws, t);
      }
    }
    const used = this.usedBounds(ws);
    if (!used) throw new HostError("empty", { name: ws.name });
    return this.readBlock(ws, used);
  }

  async selectCell(sheet: string, row: number, col: number): Promise<void> {
    // Nothing to show on screen: remember it so that readRegion({kind:"selection"}) follows it.
    this.selection = { sheet, row, col };
  }

  supportsPivots(): boolean {
    return false;
  }

  /**
   * Formulas and values of a block (for 转换为普通公式 in browser mode): an A1 range of a sheet,
   * a sheet's used range, or — for "selection" — the used range of the sheet of the last
   * selectCell (else the first sheet). formulas[i][j] is "=…" for a formula cell (shared-formula
   * clones translated), else the plain value; values[i][j] is the cached result / plain value.
   */
  async readFormulas(source: { kind: "selection" } | { kind: "range"; sheet: string; address: string } | { kind: "sheet"; name?: string }): Promise<FormulaBlockData> {
    let ws: ExcelJS.Worksheet;
    let b: { top: number; left: number; bottom: number; right: number } | null;
    if (source.kind === "range") {
      ws = this.sheetByName(source.sheet);
      b = parseRange(source.address);
      if (!b) throw new HostError("empty", { name: source.address });
    } else {
      if (source.kind === "sheet") ws = source.name ? this.sheetByName(source.name) : this.firstSheet();
      else ws = this.selection && this.workbook.worksheets.some((w) => w.name === this.selection!.sheet) ? this.sheetByName(this.selection.sheet) : this.firstSheet();
      const u = this.usedBounds(ws);
      const f = this.formulaBounds(ws);
      b = u && f ? { top: Math.min(u.top, f.top), left: Math.min(u.left, f.left), bottom: Math.max(u.bottom, f.bottom), right: Math.max(u.right, f.right) } : (u ?? f);
      if (!b) throw new HostError("empty", { name: ws.name });
    }
    if (source.kind === "range") {
      // Only the used part of the range.
      const u = this.usedBounds(ws);
      const f = this.formulaBounds(ws);
      const all = u && f ? { top: Math.min(u.top, f.top), left: Math.min(u.left, f.left), bottom: Math.max(u.bottom, f.bottom), right: Math.max(u.right, f.right) } : (u ?? f);
      if (!all) throw new HostError("empty", { name: ws.name });
      b = { top: Math.max(b.top, all.top), left: Math.max(b.left, all.left), bottom: Math.min(b.bottom, all.bottom), right: Math.min(b.right, all.right) };
      if (b.top > b.bottom || b.left > b.right) throw new HostError("empty", { name: source.address });
    }
    const formulas: unknown[][] = [];
    const values: unknown[][] = [];
    const spills: SpillInfo[] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row = ws.getRow(r);
      const fl: unknown[] = [];
      const vl: unknown[] = [];
      for (let c = b.left; c <= b.right; c++) {
        const cell = row.getCell(c + 1);
        const v = plainValue(cell.value);
        const f = formulaOf(cell);
        fl.push(f ?? v);
        vl.push(v);
        // A dynamic-array / array formula: its spill block is stored as plain cached values.
        const fv = cell.value as { shareType?: unknown; ref?: unknown } | null;
        if (f && fv && typeof fv === "object" && fv.shareType === "array" && typeof fv.ref === "string") {
          const sb = parseRange(fv.ref);
          if (sb && (sb.bottom > sb.top || sb.right > sb.left)) {
            const sv: unknown[][] = [];
            for (let sr = sb.top; sr <= sb.bottom; sr++) {
              const line: unknown[] = [];
              for (let sc = sb.left; sc <= sb.right; sc++) line.push(plainValue(ws.getRow(sr).getCell(sc + 1).value));
              sv.push(line);
            }
            spills.push({ row: r, col: c, rows: sb.bottom - sb.top + 1, cols: sb.right - sb.left + 1, values: sv });
          }
        }
      }
      formulas.push(fl);
      values.push(vl);
    }
    const address = b.top === b.bottom && b.left === b.right ? a1(b.top, b.left) : `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
    const tables: TableBody[] = [];
    for (const t of this.tablesOf(ws)) {
      const tb = parseRange(this.tableRef(t) ?? "");
      if (!tb) continue;
      const top = tb.top + (t.table?.headerRow === false ? 0 : 1);
      const bottom = tb.bottom - (t.table?.totalsRow ? 1 : 0);
      if (bottom >= top) tables.push({ name: this.tableName(t), top, bottom, left: tb.left, right: tb.right });
    }
    return { sheet: ws.name, address, firstRow: b.top, firstCol: b.left, formulas, values, spills, tables };
  }

  /** Cells holding a formula without a cached result are not in usedBounds; include them here. */
  private formulaBounds(ws: ExcelJS.Worksheet): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (!formulaOf(cell)) return;
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c - 1);
        right = Math.max(right, c - 1);
      });
    });
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /**
   * The one write into existing cells (转换为普通公式 in browser mode), called by the pane only
   * after the user confirmed a preview; the file on disk is never changed (the pane offers the
   * result as a download). "=…" becomes a formula (no cached result: the workbook is marked for
   * a full recalculation on load), anything else a constant. Shared-formula clones whose master
   * is overwritten keep their own (translated) formula.
   */
  async writeFormulas(sheet: string, writes: CellBlockWrite[]): Promise<number> {
    const changes: Array<{ row: number; col: number; value: string | number | boolean }> = [];
    for (const w of writes) w.values.forEach((line, i) => line.forEach((v, j) => v !== null && changes.push({ row: w.row + i, col: w.col + j, value: v })));
    if (!changes.length) return 0;
    const ws = this.sheetByName(sheet);
    const targets = new Set(changes.map((ch) => a1(ch.row, ch.col)));
    // Detach clones of masters about to be overwritten (ExcelJS cannot write a clone without its master).
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as { sharedFormula?: string; result?: unknown } | null;
        if (v && typeof v === "object" && typeof v.sharedFormula === "string" && targets.has(v.sharedFormula.replace(/\$/g, "")) && !targets.has(cell.address)) {
          const f = cell.formula;
          cell.value = (v.result === undefined ? { formula: f } : { formula: f, result: v.result }) as ExcelJS.CellValue;
        }
      });
    });
    let formulas = false;
    for (const ch of changes) {
      const cell = ws.getCell(ch.row, ch.col + 1);
      if (typeof ch.value === "string" && ch.value.startsWith("=")) {
        cell.value = { formula: ch.value.slice(1) };
        formulas = true;
      } else cell.value = ch.value;
    }
    if (formulas) {
      const wb = this.workbook as unknown as { calcProperties?: { fullCalcOnLoad?: boolean } };
      wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
    }
    return changes.length;
  }

  async writeSheet(spec: SheetSpec): Promise<WrittenSheet> {
    const taken = this.workbook.worksheets.map((w) => w.name);
    const name = uniqueSheetName(spec.name, taken);
    const ws = this.workbook.addWorksheet(name);
    this.created.add(name);
    const tableNames = (await this.listTables()).map((t) => t.name);

    let row = 1;
    for (const line of spec.preamble ?? []) {
      const cell = ws.getCell(row, 1);
      cell.value = line;
      if (row === 1) cell.font = { bold: true, size: 13 };
      row++;
    }
    if (spec.preamble?.length) row++; // one blank line between the preamble and the table

    const headerRow = row;
    const main = this.writeBlock(ws, headerRow, spec.columns, spec.rows, spec.tableName, tableNames);
    row = main.lastRow + 2;

    for (const block of spec.blocks ?? []) {
      const t = ws.getCell(row, 1);
      t.value = block.title;
      t.font = { bold: true };
      row++;
      const b = this.writeBlock(ws, row, block.columns, block.rows, block.tableName, tableNames);
      row = b.lastRow + 2;
    }

    // Column widths: the spec's, else from the content (CJK characters count double).
    const widthCols = Math.max(spec.columns.length, ...(spec.blocks ?? []).map((b) => b.columns.length), 1);
    for (let c = 0; c < widthCols; c++) {
      const given = spec.columns[c]?.width ?? (spec.blocks ?? []).map((b) => b.columns[c]?.width).find((w) => w !== undefined);
      ws.getColumn(c + 1).width = given ?? autoWidth([spec.columns[c]?.header, ...spec.rows.slice(0, 200).map((r) => specText(r[c]))]);
    }
    if (spec.freezeHeader) ws.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: a1(headerRow + 1, 0), activeCell: a1(headerRow + 1, 0) }];

    const lastCol = Math.max(spec.columns.length - 1, 0);
    const lastRow = headerRow + Math.max(spec.rows.length, spec.tableName ? 1 : 0);
    return { name, tableAddress: `${a1(headerRow, 0)}:${a1(lastRow, lastCol)}` };
  }

  /** Write a header and rows at `top`; returns the last row written. */
  private writeBlock(ws: ExcelJS.Worksheet, top: number, columns: ColumnSpec[], rows: CellSpec[][], tableName: string | undefined, tableNames: string[]): { lastRow: number } {
    const width = columns.length;
    const styleCells = rows.length <= (this.options.styleLimit ?? 200_000);
    if (tableName && width > 0) {
      // ExcelJS writes the header and rows itself; an empty table still needs one data row.
      const name = uniqueTableName(tableName, tableNames);
      tableNames.push(name);
      const headers = uniqueHeaders(columns.map((c) => c.header));
      const data = rows.length ? rows.map((r) => padRow(r, width).map(toTableValue)) : [new Array(width).fill(null)];
      ws.addTable({
        name,
        ref: a1(top, 0),
        headerRow: true,
        totalsRow: false,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: headers.map((h) => ({ name: h, filterButton: true })),
        rows: data,
      });
    } else {
      const header = ws.getRow(top);
      columns.forEach((c, i) => {
        const cell = header.getCell(i + 1);
        cell.value = c.header;
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
      });
      rows.forEach((r, i) => {
        const line = ws.getRow(top + 1 + i);
        padRow(r, width).forEach((v, j) => {
          line.getCell(j + 1).value = toTableValue(v) as ExcelJS.CellValue;
        });
      });
    }
    // Number formats and link styling.
    if (styleCells) {
      rows.forEach((r, i) => {
        const line = ws.getRow(top + 1 + i);
        for (let j = 0; j < Math.max(width, r.length); j++) {
          const spec = r[j];
          const cell = line.getCell(j + 1);
          const fmt = columns[j]?.numFmt;
          if (fmt && (typeof spec === "number" || (spec !== null && typeof spec === "object" && "formula" in spec))) cell.numFmt = fmt;
          // The file stores strings as text already; the text format keeps them text when a user re-enters the cell (F2, Enter) in Excel or WPS.
          else if (typeof spec === "string" && needsTextFormat(spec)) cell.numFmt = TEXT_FORMAT;
          if (spec !== null && typeof spec === "object" && "link" in spec) cell.font = { color: { argb: "FF0563C1" }, underline: true };
        }
      });
    } else {
      columns.forEach((c, j) => {
        if (c.numFmt) ws.getColumn(j + 1).numFmt = c.numFmt;
      });
    }
    return { lastRow: top + Math.max(rows.length, tableName ? 1 : 0) };
  }
}

/** "=…" for a formula cell (shared-formula clones translated by ExcelJS), else null. */
function formulaOf(cell: ExcelJS.Cell): string | null {
  const v = cell.value as { formula?: unknown; sharedFormula?: unknown } | null;
  if (!v || typeof v !== "object" || (!("formula" in v) && !("sharedFormula" in v))) return null;
  let f: string | undefined;
  try {
    f = cell.formula;
  } catch {
    f = typeof v.formula === "string" ? v.formula : undefined;
  }
  if (!f) return null;
  return f.startsWith("=") ? f : `=${f}`;
}

function padRow(r: CellSpec[], width: number): CellSpec[] {
  if (r.length >= width) return r;
  return [...r, ...new Array<CellSpec>(width - r.length).fill(null)];
}

/**
 * A CellSpec as an ExcelJS value. Links become HYPERLINK formulas with the text as cached
 * result: ExcelJS 4.4 writes `{hyperlink:"#Sheet!A1"}` as both an external relationship and a
 * location, which Excel joins into a broken target (exceljs issue #3027); the formula works in
 * Excel, WPS and LibreOffice alike.
 */
function toTableValue(v: CellSpec): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object") {
    if (typeof v === "number" && !Number.isFinite(v)) return null;
    return typeof v === "string" ? fitCellText(v) : v;
  }
  if ("link" in v) {
    const target = internalLink(v.link.sheet, v.link.cell).replace(/"/g, '""');
    const text = fitCellText(String(v.text));
    return { formula: `HYPERLINK("${target}","${text.replace(/"/g, '""')}")`, result: text };
  }
  if ("formula" in v) {
    const f = v.formula.replace(/^=/, "");
    return v.value === undefined ? { formula: f } : { formula: f, result: v.value };
  }
  return null;
}
