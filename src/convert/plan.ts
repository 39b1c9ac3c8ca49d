/**
 * 转换为普通公式: the pure part. From a block read with host.readFormulas, list every CZ formula
 * cell with what it would become (a native formula from src/policy convertFormula, or its
 * current value) or why it cannot be converted. The pane shows this list as the preview and,
 * after the user confirms, writes exactly the listed changes: no other cell is ever touched.
 *
 * CZ.SPLIT spills two values: its native form is two formulas (city share in the formula's cell,
 * beneficiary share in the cell to its right). That right-hand cell is listed as its own preview
 * line, and is only written when it lies inside the scanned block and holds no formula of its own.
 *
 * A conversion that cannot break a workbook (issue 13):
 * - text is never converted: a cell whose value is the same text as its "formula" is a text cell
 *   (a quote-prefixed '=CZ.SUBSIDY(…) reads back without its apostrophe in Office.js, where
 *   Range.formulas gives a cell's value when it has no formula; in ExcelJS a text cell is a string
 *   value — ExcelJS 4.4 does not read the quotePrefix style at all);
 * - a spilling function other than CZ.SPLIT (CZ.PROGRAMS) becomes values only as its whole spill
 *   block (block.spills, from the host), in one write; without its block it is refused;
 * - every cell of one Excel table column is written in ONE assignment over the column's data body
 *   (null = leave that cell unchanged), so a calculated column cannot copy one row's formula down;
 * - mode "auto" (the CLI): the native formula where there is one, else the current value.
 */
import { convertFormula, type ConvertResult } from "../policy/native-formula";
import type { PolicySet } from "../policy/types";
import { cellAddress, parseSheetRef as parseRef } from "../sheet/a1";
import type { CellBlockWrite, FormulaBlockData, SpillInfo, TableBody } from "../sheet/blocks";
import type { Lang, Params } from "../i18n";
import { convertText } from "./messages";

export type ConvertMode = "formula" | "value" | "auto";

export type FormulaBlock = FormulaBlockData;
export type { SpillInfo, TableBody };

type Constant = string | number | boolean;
type ConvertKey = (typeof convertText.keys)[number];

/** One write: a block of formulas/values whose top-left cell is (row, col); null leaves a cell unchanged. */
export type FormulaWrite = CellBlockWrite;

export interface ConvertItem {
  /** Excel row number and 0-based column of the cell. */
  row: number;
  col: number;
  address: string;
  /** What the cell holds now (its formula, or the spilled value for a CZ.SPLIT neighbour). */
  before: string;
  /** What will be written, or null when the cell cannot be converted. */
  after: string | number | boolean | null;
  /** Why not (localised), when after is null. */
  reason: string | null;
  /** The right-hand cell of a CZ.SPLIT. */
  spill: boolean;
  /** A spilled result converted to values as a whole: the block written from this cell. */
  block?: Constant[][];
}

/** A formula that calls a CZ custom function (=CZ.SUBSIDY(…), =_xldudf_CZ_SPLIT(…), or inside a larger formula). */
export function isCzFormula(f: unknown): f is string {
  return typeof f === "string" && /^\s*=/.test(f) && /(^|[^A-Za-z0-9_.])@?(_xldudf_|_xll\.)?CZ[._][A-Za-z]+\s*\(/i.test(f);
}

const SPLIT = /^\s*=?\s*@?(?:_xldudf_|_xll\.)?CZ[._]SPLIT\s*\(/i;
/** CZ functions whose result spills over several cells (other than CZ.SPLIT, handled as two cells). */
const SPILLING = /(^|[^A-Za-z0-9_.])@?(_xldudf_|_xll\.)?CZ[._]PROGRAMS\s*\(/i;
const ERROR_VALUE = /^#(N\/A|NAME\?|VALUE!|REF!|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)/i;

class Unresolved extends Error {}

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** Every CZ formula cell of the block, in reading order, with its replacement or the reason it has none. */
export function planConversion(block: FormulaBlock, mode: ConvertMode, lang: Lang, policy: PolicySet): ConvertItem[] {
  const t = (k: ConvertKey, p?: Params) => convertText(lang, k, p);
  const { formulas, values, firstRow, firstCol } = block;
  const at = (i: number, j: number) => ({ row: firstRow + i, col: firstCol + j, address: cellAddress(firstRow + i, firstCol + j) });
  const inBlock = (i: number, j: number) => i >= 0 && i < formulas.length && j >= 0 && j < (formulas[i]?.length ?? 0);

  /** A program given as a reference: its value, when the reference lies in the scanned block. */
  const cellValue = (ref: string): unknown => {
    const p = parseRef(ref);
    if (!p || (p.sheet && p.sheet.toLowerCase() !== block.sheet.toLowerCase())) throw new Unresolved(ref);
    const i = p.row - firstRow;
    const j = p.col - firstCol;
    if (!inBlock(i, j)) throw new Unresolved(ref);
    return values[i][j];
  };
  const convert = (f: string): ConvertResult => {
    try {
      return convertFormula(f, { cellValue, policy });
    } catch (e) {
      if (e instanceof Unresolved) return convertFormula(f, { policy }); // → "program_reference" with its reason
      throw e;
    }
  };

  const items: ConvertItem[] = [];
  const fail = (i: number, j: number, f: string, reason: string) => items.push({ ...at(i, j), before: f, after: null, reason, spill: false });

  const spillAt = (row: number, col: number): SpillInfo | undefined => block.spills?.find((s) => s.row === row && s.col === col);
  /** The whole spill block as constants, or the reason it cannot be had. */
  const spillValues = (i: number, j: number, s: SpillInfo | undefined): Constant[][] | string => {
    if (!s) return t("spill_unknown");
    const out: Constant[][] = [];
    for (let r = 0; r < s.rows; r++) {
      const row: Constant[] = [];
      for (let c = 0; c < s.cols; c++) {
        const v = s.values ? s.values[r]?.[c] : inBlock(i + r, j + c) ? values[i + r][j + c] : undefined;
        if (v === undefined) return t("spill_outside", { cell: cellAddress(s.row + r, s.col + c) });
        const bad = valueProblem(v, t);
        if (bad) return bad;
        row.push(v as Constant);
      }
      out.push(row);
    }
    return out;
  };

  for (let i = 0; i < formulas.length; i++) {
    const line = formulas[i] ?? [];
    for (let j = 0; j < line.length; j++) {
      const f = line[j];
      if (!isCzFormula(f)) continue;
      // Text that looks like a formula (a quote-prefixed '=CZ.…) is never converted.
      if (typeof values[i]?.[j] === "string" && values[i][j] === f) continue;
      const spilled = spillAt(firstRow + i, firstCol + j);
      if (!SPLIT.test(f) && (SPILLING.test(f) || (spilled && spilled.rows * spilled.cols > 1))) {
        // A spilling result: its whole block as values, or nothing.
        if (mode === "formula") {
          const r = convert(f);
          fail(i, j, f, r.ok ? t("spill_unknown") : r.message[lang]);
          continue;
        }
        const whole = spillValues(i, j, spilled);
        if (typeof whole === "string") fail(i, j, f, whole);
        else items.push({ ...at(i, j), before: f, after: whole[0][0], reason: null, spill: false, block: whole });
        continue;
      }
      const split = SPLIT.test(f);
      // The right-hand cell of a CZ.SPLIT must be in the block and hold no formula of its own.
      let neighbourProblem: string | null = null;
      if (split) {
        const right = at(i, j + 1).address;
        if (!inBlock(i, j + 1)) neighbourProblem = t("neighbour_outside", { cell: right });
        else {
          const nf = line[j + 1];
          if (typeof nf === "string" && /^\s*=/.test(nf)) neighbourProblem = t("neighbour_taken", { cell: right });
        }
      }

      let own: string | number | boolean;
      let second: string | number | boolean | null = null;
      const native = mode === "value" ? null : convert(f);
      if (native && (native.ok || mode === "formula")) {
        const r = native;
        if (!r.ok) {
          fail(i, j, f, r.message[lang]);
          continue;
        }
        if (r.fn === "SPLIT") {
          own = r.native[0];
          second = r.native[1];
        } else own = r.native;
      } else {
        const v = values[i]?.[j];
        const bad = valueProblem(v, t);
        if (bad) {
          fail(i, j, f, bad);
          continue;
        }
        own = v as string | number | boolean;
        if (split && !neighbourProblem) {
          const nv = values[i]?.[j + 1];
          const nbad = valueProblem(nv, t);
          if (nbad) {
            fail(i, j, f, nbad);
            continue;
          }
          second = nv as string | number | boolean;
        }
      }
      if (split && neighbourProblem) {
        fail(i, j, f, neighbourProblem);
        continue;
      }
      items.push({ ...at(i, j), before: f, after: own, reason: null, spill: false });
      if (split && second !== null) {
        items.push({ ...at(i, j + 1), before: text(line[j + 1] ?? values[i]?.[j + 1]), after: second, reason: null, spill: true });
        j++; // the right-hand cell is taken care of
      }
    }
  }
  return items;
}

/** Why a current value cannot be written back as a constant, or null when it can. */
function valueProblem(v: unknown, t: (k: ConvertKey, p?: Params) => string): string | null {
  if (isEmpty(v) || v instanceof Date || typeof v === "object") return t("no_value");
  if (typeof v === "string" && ERROR_VALUE.test(v)) return t("error_value", { value: v });
  if (typeof v === "string" && /^\s*=/.test(v)) return t("no_value");
  if (typeof v === "number" && !Number.isFinite(v)) return t("no_value");
  return null;
}

/** The previewed, convertible cells, one per line (a spilled block counts as its anchor). */
export function changesOf(items: readonly ConvertItem[]): Array<{ row: number; col: number; value: string | number | boolean }> {
  return items.filter((x) => x.after !== null).map((x) => ({ row: x.row, col: x.col, value: x.after as string | number | boolean }));
}

/**
 * The writes for host.writeFormulas: exactly the previewed, convertible cells, grouped so that a
 * spilled block is one write, and all cells of one table column are one write over the column's
 * whole data body (null for the rows left unchanged). Any other cell is a write of its own.
 */
export function writesOf(items: readonly ConvertItem[], tables: readonly TableBody[] = []): FormulaWrite[] {
  const writes: FormulaWrite[] = [];
  const columns = new Map<string, FormulaWrite>();
  for (const x of items) {
    if (x.after === null) continue;
    if (x.block) {
      writes.push({ row: x.row, col: x.col, values: x.block.map((r) => r.slice()) });
      continue;
    }
    const tb = tables.find((b) => x.row >= b.top && x.row <= b.bottom && x.col >= b.left && x.col <= b.right);
    if (!tb) {
      writes.push({ row: x.row, col: x.col, values: [[x.after]] });
      continue;
    }
    const key = `${tb.name}\u0000${x.col}`;
    let w = columns.get(key);
    if (!w) {
      w = { row: tb.top, col: x.col, values: Array.from({ length: tb.bottom - tb.top + 1 }, () => [null]) };
      columns.set(key, w);
      writes.push(w);
    }
    w.values[x.row - tb.top][0] = x.after;
  }
  return writes;
}

/** How many cells a list of writes changes (null cells are left as they are). */
export function cellsWritten(writes: readonly FormulaWrite[]): number {
  let n = 0;
  for (const w of writes) for (const r of w.values) for (const v of r) if (v !== null) n++;
  return n;
}
