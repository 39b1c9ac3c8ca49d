/**
 * Native formulas recalculated by LibreOffice (an independent engine) against the add-in itself.
 *
 * A grid of every money program × amounts × levels × dates — thresholds and caps ±0.01 and ±0.005,
 * rounding ties, TRUE/FALSE cells, text amounts, 0 and empty cells, the validity window's edges —
 * is written into one .xlsx: the inputs in B:D, and for each row the native formulas that
 * converting =CZ.SUBSIDY / =CZ.SPLIT / =CZ.ELIGIBLE(program,B,C,D) gives (E: total, F: city share,
 * G: beneficiary share, H: eligible). LibreOffice recalculates the whole workbook in one call
 * (test/libreoffice/soffice.ts; a canary =1+1 cached as 99 must come back as 2), and every cell is
 * compared with what the BUILT dist/functions.js returns for the same cell values, called the way
 * Excel calls it:
 *   equal       same number (15 significant digits, as Excel compares) / same TRUE/FALSE, or
 *               both an error value;
 *   degraded    the native formula gives an error where the add-in gives a number — acceptable
 *               (a visible error, never a different amount);
 *   mismatched  a different number, or a number where the add-in gives an error — must be 0.
 * An empty cell is passed as null (Excel on the web) and as 0 (Excel desktop); the two must agree.
 *
 * Needs LibreOffice (`apt-get install -y libreoffice-calc`; .ci/run installs it) and a build
 * (test/build/ensure-dist.ts builds dist/ when it is missing or stale). The counts of the last
 * run are written to $TMPDIR/cz-libreoffice-grid.json.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { CATALOGUE_2021, isoToSerial, type Program } from "../../src/policy";
import { convertFormula } from "../../src/policy/native-formula";
import { SHIPPED_POLICY } from "../../src/policy/shipped";
import { ensureDist } from "../build/ensure-dist";
import { loadBuiltFunctions, StubCfError, type Fn } from "../support/load-functions";
import { recalcXlsx, sofficePath } from "./soffice";

// ---------------------------------------------------------------------------------------------
// THE ONE ADAPTER to the policy core's native-formula API. Re-wire only this function when that
// API moves or changes shape; everything below uses its result.

interface NativeSet {
  /** =CZ.SUBSIDY → its native formula ("=…"). */
  total: string;
  /** =CZ.SPLIT → city share (the formula's cell) and beneficiary share (the cell to its right). */
  city: string;
  beneficiary: string;
  /** =CZ.ELIGIBLE → its native formula. */
  eligible: string;
}

function nativeFormulasFor(program: string, refs: { amount: string; level: string; date: string }): NativeSet {
  const args = `"${program}",${refs.amount},${refs.level},${refs.date}`;
  const one = (fn: string) => {
    const r = convertFormula(`=CZ.${fn}(${args})`, { policy: SHIPPED_POLICY });
    if (!r.ok) throw new Error(`${fn}(${args}) has no native formula: ${r.message.en}`);
    return r.native;
  };
  const split = one("SPLIT") as [string, string];
  return { total: one("SUBSIDY") as string, city: split[0], beneficiary: split[1], eligible: one("ELIGIBLE") as string };
}
// ---------------------------------------------------------------------------------------------

type Cell = number | string | boolean | null;
type Part = "total" | "city" | "beneficiary" | "eligible";
const PARTS: Part[] = ["total", "city", "beneficiary", "eligible"];
const COLUMN: Record<Part, number> = { total: 5, city: 6, beneficiary: 7, eligible: 8 }; // E F G H (1-based)

const serial = (iso: string) => isoToSerial(iso);
const near = (x: number) => [x - 0.01, x - 0.005, x, x + 0.005, x + 0.01];

function usesAmount(p: Program): boolean {
  return p.amount !== "none";
}
function usesLevel(p: Program): boolean {
  const r = p.rule;
  return r.kind === "tiered" || (r.kind === "per_unit" && !!r.taskFlag) || (r.kind === "rate" && !!r.gate);
}

function amountGrid(p: Program): Cell[] {
  if (!usesAmount(p)) return [null, 0, 800000, "abc", true];
  const xs: Cell[] = [null, "", 0, 0.004, 0.005, 0.01, 0.015, 1, 2, 2.5, 3.3, 100, 1000000.05, 1000000.005, 333333.335, 12345678.9, 1e12, 1e12 + 1, -1, -0.01, "abc", "80万", "800000", " 800000 ", true, false];
  const r = p.rule;
  if (r.kind === "rate") {
    if (r.threshold !== undefined) xs.push(...near(r.threshold));
    xs.push(...near((r.cap * r.rate.den) / r.rate.num), ...near(r.cap));
  }
  if (r.kind === "upto") xs.push(...near(r.cap));
  if (r.kind === "per_unit") xs.push(500, 500000000, 500000001, 7.5);
  return xs;
}

function levelGrid(p: Program): Cell[] {
  const r = p.rule;
  if (r.kind === "tiered") return [null, "", 0, "3A", "4A", "5A", "1A", "2A", "AAA", "aaaaa", "5A级", "5级", " 5 A ", "4a", 5, 3, 1, 5.5, 6, "6A", "B", "A5", true, false, "TRUE", "FALSE"];
  if (r.kind === "per_unit" && r.taskFlag) return [null, "", 0, 1, 2, true, false, "TRUE", "false", "是", "否", "已完成", "未完成", "yes", "N", "0", "1", " TRUE ", "maybe", -1];
  if (r.kind === "rate" && r.gate) return [null, "", 0, false, true, 9999999.99, 10000000, 10000000.01, 15000000, -5, "1500万", "15000000", "x", 1e12 + 1];
  return [null, true, "5A"];
}

const DATES: Cell[] = [
  null,
  0,
  "",
  serial("2021-09-26"),
  serial("2021-09-26") + 0.99,
  serial("2021-09-27"),
  serial("2022-03-01"),
  serial("2024-09-26"),
  serial("2024-09-26") + 0.75,
  serial("2024-09-27"),
  60,
  59,
  0.5,
  -1,
  2958466,
  "2022-03-01",
  true,
  false,
];

/** An input that gives an award, to vary the other inputs against. */
function defaultAmount(p: Program): Cell {
  const r = p.rule;
  if (!usesAmount(p)) return null;
  if (r.kind === "rate") return r.threshold !== undefined ? r.threshold * 2 : 1000000.05;
  if (r.kind === "per_unit") return 120;
  return 1234567.891;
}
function defaultLevel(p: Program): Cell {
  const r = p.rule;
  if (r.kind === "tiered") return "4A";
  if (r.kind === "per_unit") return true;
  if (r.kind === "rate" && r.gate) return 15000000;
  return null;
}

interface Case {
  program: string;
  amount: Cell;
  level: Cell;
  date: Cell;
}

function grid(): Case[] {
  const cases: Case[] = [];
  const seen = new Set<string>();
  const add = (c: Case) => {
    const k = JSON.stringify(c);
    if (!seen.has(k)) {
      seen.add(k);
      cases.push(c);
    }
  };
  for (const p of CATALOGUE_2021.programs) {
    const A = amountGrid(p);
    const L = levelGrid(p);
    for (const amount of A) for (const level of L) add({ program: p.code, amount, level, date: null });
    for (const amount of A) for (const date of DATES) add({ program: p.code, amount, level: defaultLevel(p), date });
    for (const level of L) for (const date of DATES) add({ program: p.code, amount: defaultAmount(p), level, date });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// The add-in's own answer, from the built bundle.

type Answer = { kind: "number"; v: number } | { kind: "bool"; v: boolean } | { kind: "error"; code: string } | { kind: "other"; v: unknown };

function answer(v: unknown): Answer {
  if (v instanceof StubCfError) return { kind: "error", code: v.code };
  if (typeof v === "number") return { kind: "number", v };
  if (typeof v === "boolean") return { kind: "bool", v };
  return { kind: "other", v };
}

function addIn(fns: Record<string, Fn>, c: Case, empty: null | 0): Record<Part, Answer> {
  const x = (v: Cell) => (v === null ? empty : v);
  const args = [c.program, x(c.amount), x(c.level), x(c.date)];
  const call = (id: string): unknown => {
    try {
      return fns[id](...args);
    } catch (e) {
      if (e instanceof StubCfError) return e;
      throw e;
    }
  };
  const split = call("SPLIT");
  const sp = Array.isArray(split) ? split[0] : null;
  return {
    total: answer(call("SUBSIDY")),
    city: sp ? answer(sp[0]) : answer(split),
    beneficiary: sp ? answer(sp[1]) : answer(split),
    eligible: answer(call("ELIGIBLE")),
  };
}

/** What LibreOffice computed in a cell (ExcelJS: read cell.result, see TOOLCHAIN.md). */
function computed(cell: ExcelJS.Cell): Answer {
  const r = cell.type === ExcelJS.ValueType.Formula ? (cell.result as unknown) : (cell.value as unknown);
  if (r && typeof r === "object" && "error" in (r)) return { kind: "error", code: String((r).error) };
  if (typeof r === "number") return { kind: "number", v: r };
  if (typeof r === "boolean") return { kind: "bool", v: r };
  return { kind: "other", v: r };
}

const same15 = (a: number, b: number) => Number(a.toPrecision(15)) === Number(b.toPrecision(15));

type Verdict = "equal" | "degraded" | "mismatched";

function judge(want: Answer, got: Answer): Verdict {
  if (got.kind === "error") return want.kind === "error" ? "equal" : "degraded";
  if (want.kind === "error") return "mismatched";
  if (want.kind === "number" && got.kind === "number") return same15(want.v, got.v) ? "equal" : "mismatched";
  if (want.kind === "bool" && got.kind === "bool") return want.v === got.v ? "equal" : "mismatched";
  return "mismatched";
}

/** Which inputs of a case are TRUE/FALSE cells, or a 0 required amount (the known causes of a mismatch), for the summary. */
function inputKind(c: Case): string {
  const p = CATALOGUE_2021.programs.find((x) => x.code === c.program) as Program;
  const kinds: string[] = [];
  if (usesAmount(p) && typeof c.amount === "boolean") kinds.push("logical amount");
  if (usesLevel(p) && typeof c.level === "boolean") kinds.push("logical level");
  if (typeof c.date === "boolean") kinds.push("logical date");
  if (p.amount === "required" && c.amount === 0) kinds.push("required amount 0");
  return kinds.length ? kinds.join(" + ") : "other";
}

const show = (a: Answer) => (a.kind === "error" ? a.code : a.kind === "other" ? JSON.stringify(a.v) : String(a.v));
const showCell = (v: Cell) => (v === null ? "(empty)" : JSON.stringify(v));

// ---------------------------------------------------------------------------------------------

const haveSoffice = sofficePath() !== null;

describe("native formulas recalculated by LibreOffice agree with the add-in", () => {
  // Not skipped when LibreOffice is missing: the check fails and says what to install.
  test("grid: programs × amounts × levels × dates", async () => {
    if (!haveSoffice) throw new Error("LibreOffice is needed for this test: apt-get install -y libreoffice-calc");
    const { fns } = loadBuiltFunctions(ensureDist());
    const cases = grid();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "cz-lo-grid-"));
    try {
      // 1. The workbook: a canary, then one row per case.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("grid");
      ws.getRow(1).values = ["program", "amount", "level", "date", "SUBSIDY", "SPLIT city", "SPLIT beneficiary", "ELIGIBLE"];
      ws.getCell("J1").value = { formula: "1+1", result: 99 };
      const formulas = new Map<string, NativeSet>();
      cases.forEach((c, i) => {
        const r = i + 2;
        const row = ws.getRow(r);
        row.getCell(1).value = c.program;
        [c.amount, c.level, c.date].forEach((v, k) => {
          if (v !== null) row.getCell(2 + k).value = v;
        });
        // Relative references: one formula per program, written with this row's cells.
        let set = formulas.get(c.program);
        if (!set) formulas.set(c.program, (set = nativeFormulasFor(c.program, { amount: "B2", level: "C2", date: "D2" })));
        for (const part of PARTS) {
          const f = set[part].slice(1).replace(/\b([B-D])2\b/g, `$1${r}`);
          row.getCell(COLUMN[part]).value = { formula: f };
        }
      });
      const input = path.join(work, "grid.xlsx");
      await wb.xlsx.writeFile(input);

      // 2. One LibreOffice recalculation of the whole grid.
      const out = recalcXlsx(input, work);
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(out);
      const bs = back.getWorksheet("grid")!;
      expect(computed(bs.getCell("J1"))).toEqual({ kind: "number", v: 2 }); // the canary: really recalculated

      // 3. Compare every cell with the add-in.
      const counts = { checked: 0, equal: 0, degraded: 0, mismatched: 0, hostDependent: 0 };
      const byCause = new Map<string, number>();
      const byInput = new Map<string, number>();
      const examples: string[] = [];
      const hostExamples: string[] = [];
      cases.forEach((c, i) => {
        const r = i + 2;
        const web = addIn(fns, c, null);
        const desktop = addIn(fns, c, 0);
        for (const part of PARTS) {
          if (JSON.stringify(web[part]) !== JSON.stringify(desktop[part])) {
            counts.hostDependent++;
            if (hostExamples.length < 10) hostExamples.push(`${c.program} ${part} amount=${showCell(c.amount)} level=${showCell(c.level)} date=${showCell(c.date)}: web ${show(web[part])}, desktop ${show(desktop[part])}`);
          }
          const got = computed(bs.getRow(r).getCell(COLUMN[part]));
          const v = judge(web[part], got);
          counts.checked++;
          counts[v]++;
          if (v === "mismatched") {
            const key = `${c.program} ${part}`;
            byCause.set(key, (byCause.get(key) ?? 0) + 1);
            const kind = inputKind(c);
            byInput.set(kind, (byInput.get(kind) ?? 0) + 1);
            if (examples.length < 40 || (kind === "other" && examples.length < 60)) examples.push(`${key} amount=${showCell(c.amount)} level=${showCell(c.level)} date=${showCell(c.date)}: add-in ${show(web[part])}, LibreOffice ${show(got)}`);
          }
        }
      });
      const summary = { ...counts, cases: cases.length, mismatchesByInput: Object.fromEntries(byInput), mismatchesByProgramAndPart: Object.fromEntries(byCause), examples, hostExamples };
      fs.writeFileSync(path.join(os.tmpdir(), "cz-libreoffice-grid.json"), JSON.stringify(summary, null, 2));
      console.log(`LibreOffice grid: checked ${counts.checked}, equal ${counts.equal}, degraded ${counts.degraded}, mismatched ${counts.mismatched} (${JSON.stringify(Object.fromEntries(byInput))}); host-dependent ${counts.hostDependent}`);

      // The grid is real: many cells, most of them numbers that agree.
      expect(counts.checked).toBe(cases.length * PARTS.length);
      expect(counts.checked).toBeGreaterThan(20000);
      expect(counts.equal).toBeGreaterThan(counts.checked / 2);
      // One workbook, one answer: an empty cell means the same on the web (null) and the desktop (0).
      expect(hostExamples).toEqual([]);
      // A different number, or a number where the add-in errors, is the failure this test exists for.
      expect({ mismatched: counts.mismatched, examples }).toEqual({ mismatched: 0, examples: [] });
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 15 * 60_000);
});
