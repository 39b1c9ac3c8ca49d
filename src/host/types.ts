/**
 * The one small interface through which the pane, the CLI and the report builders talk to a
 * workbook. Two implementations: Office.js (office-host.ts, inside Excel) and ExcelJS
 * (exceljs-host.ts, in the CLI and in the pane's browser mode).
 *
 * Rule: a host never writes into an existing sheet. Everything it writes goes into a new
 * sheet that it creates (with a unique name).
 */
import type { CellBlockWrite, FormulaBlockData, SpillInfo, TableBody } from "../sheet/blocks";

/** A rectangular block of cell values read from the user's workbook. */
export interface RegionData {
  sheet: string;
  /** A1 address of the block, e.g. "A1:L31" (without the sheet name). */
  address: string;
  /** Excel row number of values[0]. */
  firstRow: number;
  /** 0-based column index (A = 0) of values[i][0]. */
  firstCol: number;
  /** Cell values: number, string, boolean, Date (ExcelJS) or null for empty. Errors come as strings like "#N/A". */
  values: unknown[][];
  /** The Excel table name, when the block is a table. */
  tableName?: string;
  /**
   * The workbook uses the 1904 date system (Mac workbooks may): a date serial n is the day
   * n + 1462 of the 1900 system. Readers of date columns convert (validation does).
   */
  date1904?: boolean;
}

/** Where to read from. */
export type RegionSource =
  | { kind: "selection" } // the current Excel table at the selection, else the current region around it
  | { kind: "table"; name: string }
  | { kind: "sheet"; name?: string }; // the used range of a sheet (first sheet when omitted)

export interface TableInfo {
  name: string;
  sheet: string;
  address: string;
}

/** One cell to write. */
export type CellSpec =
  | string
  | number
  | boolean
  | null
  | { formula: string; value?: string | number | boolean }
  | { text: string; link: { sheet: string; cell: string } };

export interface ColumnSpec {
  header: string;
  /** Excel number format, e.g. "#,##0.00" for 元. */
  numFmt?: string;
  width?: number;
}

/** A new sheet to create and fill. */
export interface SheetSpec {
  /** Wanted name; the host appends (2), (3) … when it is taken. */
  name: string;
  /** Lines written above the table (title, policy version, time). */
  preamble?: string[];
  columns: ColumnSpec[];
  rows: CellSpec[][];
  /** Make the block an Excel table with this name (unique names are the caller's job). */
  tableName?: string;
  /** Freeze the header row. */
  freezeHeader?: boolean;
  /** Extra blocks below the main one (e.g. several summary tables on one sheet). */
  blocks?: Array<{ title: string; columns: ColumnSpec[]; rows: CellSpec[][]; tableName?: string }>;
}

export interface WrittenSheet {
  name: string;
  /** A1 address of the main table including its header. */
  tableAddress: string;
  /** Requested Excel table name → the name actually used (a taken name gets a _2, _3 … suffix). */
  tableNames?: Record<string, string>;
}

export interface PivotSpec {
  name: string;
  /** The source Excel table name. */
  sourceTable: string;
  rows: string[];
  columns: string[];
  /** Data fields; numFmt defaults to "#,##0.00" for sums and "#,##0" for counts. */
  values: Array<{ field: string; summary: "sum" | "count"; numFmt?: string }>;
}

export interface ChartSpec {
  title: string;
  /** Sheet and A1 range of the data (first column categories, next column values). */
  sheet: string;
  range: string;
  type: "bar" | "column";
}

/** Blocks read and written for 转换为普通公式 live in the neutral src/sheet/blocks.ts. */
export type { CellBlockWrite, FormulaBlockData, SpillInfo, TableBody };

export interface WorkbookHost {
  readonly kind: "office" | "exceljs";
  /** Excel tables in the workbook. */
  listTables(): Promise<TableInfo[]>;
  listSheets(): Promise<string[]>;
  /** Read a block of values (one batched read). */
  readRegion(source: RegionSource): Promise<RegionData>;
  /** Select a cell so the user sees it (Excel row number, 0-based column index). */
  selectCell(sheet: string, row: number, col: number): Promise<void>;
  /** Create a new sheet and write it. Never touches an existing sheet. */
  writeSheet(spec: SheetSpec): Promise<WrittenSheet>;
  /** Optional capabilities. */
  supportsPivots?(): boolean;
  addPivots?(sheet: string, pivots: PivotSpec[], chart?: ChartSpec): Promise<void>;
  /**
   * Put a formula into the active cell (the catalogue's "插入公式", only on the user's click).
   * Office only. `r1c1`: the formula is in R1C1 notation (e.g. `RC[-1]`, the cell to the left).
   * Returns where it went.
   */
  insertFormula?(formula: string, options?: { r1c1?: boolean }): Promise<{ sheet: string; address: string }>;
  /**
   * Read formulas and values of the USED part of a block (for 转换为普通公式): the selected range
   * (one area only), an A1 range of a sheet, or a sheet's used range. formulas[i][j] is the
   * formula text ("=...") or the constant when the cell has none. Reads stay under the request
   * size limit.
   */
  readFormulas?(source: { kind: "selection" } | { kind: "range"; sheet: string; address: string } | { kind: "sheet"; name?: string }): Promise<FormulaBlockData>;
  /**
   * Write formulas/values into existing cells: the ONE place the add-in changes user cells,
   * only after the user has confirmed a preview. Each write is one assignment of a block (a single
   * cell, a spilled block, or a table column's data body); a value is a formula ("=..."), a
   * constant, or null (leave that cell). Returns the number of cells written.
   */
  writeFormulas?(sheet: string, writes: CellBlockWrite[]): Promise<number>;
  /**
   * A small setting stored IN the workbook (Office: Office.context.document.settings), e.g. the
   * pane's remembered column mapping; null when absent. Hosts without workbook settings omit these.
   */
  loadSetting?(key: string): Promise<string | null>;
  /** Store (or, with null, remove) a workbook setting and save the settings. */
  saveSetting?(key: string, value: string | null): Promise<void>;
}
