/**
 * Blocks of cells as plain data, pure: what a host reads for 转换为普通公式 (formulas and values,
 * spills, table bodies) and what it writes back. The hosts produce and consume them; the
 * conversion planner (src/convert/) works on them without knowing which host it is.
 */

/** A spilled result: its anchor cell (Excel row, 0-based column), size, and values when known. */
export interface SpillInfo {
  row: number;
  col: number;
  rows: number;
  cols: number;
  values?: unknown[][];
}

/** An Excel table's data body (Excel rows, 0-based columns), without header and totals rows. */
export interface TableBody {
  name: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Formulas and values of a block of a sheet, for 转换为普通公式. */
export interface FormulaBlockData {
  sheet: string;
  address: string;
  firstRow: number;
  firstCol: number;
  formulas: unknown[][];
  values: unknown[][];
  /** Spilled CZ results anchored in the block (when the host can tell). */
  spills?: SpillInfo[];
  /** The sheet's tables (when the host can tell). */
  tables?: TableBody[];
}

/** One write into existing cells: a block whose top-left cell is (row, col); null leaves a cell as it is. */
export interface CellBlockWrite {
  row: number;
  col: number;
  values: Array<Array<string | number | boolean | null>>;
}
