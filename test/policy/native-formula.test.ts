/**
 * The native-formula export is equivalent to the core, for every program.
 *
 * Each generated formula is evaluated by test/reports/excel-eval.ts (a careful model of the
 * Excel subset we emit; no suitable permissively licensed engine is installed) over a grid of
 * cell values — thresholds ±0.01, caps ±0.01, rounding ties, window edges, levels, blanks, text,
 * booleans — and compared with calculate(): same amount to the 分, or an error where the core
 * errors. The only allowed difference: text the core can read (e.g. "80万", "2022-03-01") gives
 * #N/A natively, never another number.
 */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import fc from "fast-check";
import { calculate, CATALOGUE_2021, isoToSerial, splitHalf, type Program } from "../../src/policy";
import { convertFormula as convertWith, nativeFormula as nativeWith, type ConvertOptions, type NativePart } from "../../src/policy/native-formula";

const nativeFormula = (program: unknown, a: unknown, l: unknown, d: unknown, part: NativePart = "total") => nativeWith(program, a, l, d, part, P);
const convertFormula = (text: string, options: Partial<ConvertOptions> = {}) => convertWith(text, { policy: P, ...options });
import { evaluate, excelRound, functionsUsed, nestingDepth, parseFormula, XErr, Evaluator, type Scalar, type XValue } from "../reports/excel-eval";

const PROGRAMS = CATALOGUE_2021.programs;
const PARTS: NativePart[] = ["total", "city", "beneficiary"];
const NATIVE_FUNCTIONS = new Set(["IF", "AND", "OR", "NOT", "MIN", "MAX", "ROUND", "INT", "ISNUMBER", "ISLOGICAL", "TRIM", "SUBSTITUTE", "DATE", "NA"]);

const serial = (iso: string) => isoToSerial(iso);

/** The core's answers for one set of inputs, computed once for all three parts (calculate is pure). */
const coreResults = new Map<string, ReturnType<typeof calculate>>();

/** The core's answer for one part, in 分, or "error". */
function core(program: string, amount: Scalar, level: Scalar, date: Scalar, part: NativePart): number | "error" {
  const key = JSON.stringify([program, amount, level, date]);
  let r = coreResults.get(key);
  if (!r) coreResults.set(key, (r = calculate({ program, amount, level, date }, P)));
  if (!r.ok) return "error";
  return part === "total" ? r.result.total : part === "city" ? r.result.city : r.result.beneficiary;
}

/** Compare a native result with the core's; returns a description of the mismatch or null. */
function mismatch(v: XValue, expected: number | "error", inputs: Scalar[]): string | null {
  if (Array.isArray(v)) return "array result";
  if (expected === "error") return v instanceof XErr ? null : `native ${String(v)} where the core errors`;
  if (v instanceof XErr) {
    // Allowed only when an input is text the core reads but Excel arithmetic does not.
    return inputs.some((x) => typeof x === "string" && x.trim() !== "") ? null : `native ${v.code} where the core gives ${expected / 100}`;
  }
  if (typeof v !== "number") return `native ${String(v)} (not a number)`;
  // Excel shows and compares 15 significant digits.
  return Number(v.toPrecision(15)) === expected / 100 ? null : `native ${v} vs core ${expected / 100}`;
}

/** The inputs a program reads (text in an unused input must not excuse an error). */
function used(code: string, amount: Scalar, level: Scalar, date: Scalar): Scalar[] {
  const p = PROGRAMS.find((x) => x.code === code) as Program;
  const r = p.rule;
  const usesLevel = r.kind === "tiered" || r.kind === "per_unit" || (r.kind === "rate" && !!r.gate);
  return [p.amount === "none" ? null : amount, usesLevel ? level : null, date];
}

function amountGrid(p: Program): Scalar[] {
  const xs: Scalar[] = [null, "", 0, 0.001, 0.004, 0.005, 0.01, 0.015, 1, 2, 2.5, 3.3, 100, 1000000.05, 1000000.005, 333333.335, 12345678.9, 1e12, 1e12 + 1, -1, -0.01, "abc", "80万", true, false, "5A"];
  const r = p.rule;
  const near = (x: number) => [x - 0.01, x, x + 0.01, x - 0.005, x + 0.005];
  if (r.kind === "rate") {
    if (r.threshold !== undefined) xs.push(...near(r.threshold));
    xs.push(...near((r.cap * r.rate.den) / r.rate.num));
    xs.push(...near(r.cap));
  }
  if (r.kind === "upto") xs.push(...near(r.cap));
  if (r.kind === "per_unit") xs.push(500, 500000000, 500000001);
  return xs;
}

function levelGrid(p: Program): Scalar[] {
  const r = p.rule;
  if (r.kind === "tiered") return [null, "", 0, "3A", "4A", "5A", "1A", "2A", "AAA", "aaaaa", "5A级", "5级", " 5 A ", "4a", 5, 3, 1, 5.5, 6, "6A", "B", "A5", true, false, "#N/A"];
  if (r.kind === "per_unit") return [null, "", 0, 1, 2, true, false, "TRUE", "false", "是", "否", "已完成", "未完成", "yes", "N", "0", "1", " TRUE ", "maybe", -1];
  if (r.kind === "rate" && r.gate) return [null, "", 0, false, true, 9999999.99, 10000000, 10000000.01, 15000000, -5, "1500万", "x", 1e12 + 1];
  return [null, "5A"];
}

const DATES: Scalar[] = [
  null,
  0,
  "",
  serial("2021-09-26"),
  serial("2021-09-27"),
  serial("2022-03-01"),
  serial("2024-09-26"),
  serial("2024-09-26") + 0.75,
  serial("2024-09-27"),
  serial("2021-09-26") + 0.99,
  60,
  59,
  0.5,
  -1,
  2958466,
  "2022-03-01",
  true,
];

describe("the evaluator models Excel where it matters", () => {
  test("ROUND works on the 15-digit decimal value, half away from zero", () => {
    expect(evaluate("=ROUND(1000000.05*30%,2)")).toBe(300000.02);
    expect(evaluate("=ROUND(2.675,2)")).toBe(2.68);
    expect(evaluate("=ROUND(1.005,2)")).toBe(1.01);
    expect(evaluate("=ROUND(-2.5,0)")).toBe(-3);
    expect(evaluate("=ROUND(150000.03/2,2)")).toBe(75000.02);
    expect(excelRound(0.285, 2)).toBe(0.29);
  });
  test("blank cells, comparisons across types, array constants", () => {
    expect(evaluate('=A1=""', {})).toBe(true);
    expect(evaluate("=A1=0", {})).toBe(true);
    expect(evaluate("=A1=FALSE", {})).toBe(true);
    expect(evaluate("=ISNUMBER(A1)", {})).toBe(false);
    expect(evaluate('=A1>=1', { A1: "x" })).toBe(true); // text sorts after numbers
    expect(evaluate("=A1=0", { A1: false })).toBe(false);
    expect(evaluate('=OR(A1={"a","B"})', { A1: "b" })).toBe(true);
    expect(evaluate("=0.1+0.2=0.3")).toBe(true);
    expect(evaluate('=INT(A1)', { A1: "x" })).toBeInstanceOf(XErr);
    expect(evaluate("=AND(FALSE,NA())")).toBeInstanceOf(XErr);
    expect(evaluate("=IF(TRUE,1,NA())")).toBe(1);
    expect(evaluate('=TRIM(A1)', { A1: true })).toBe("TRUE");
    expect(evaluate('=SUBSTITUTE(A1," ","")', { A1: 5 })).toBe("5");
    expect(evaluate("=20%")).toBe(0.2);
  });
  test("DATE gives Excel serials (1900 system)", () => {
    expect(evaluate("=DATE(2021,9,27)")).toBe(serial("2021-09-27"));
    expect(evaluate("=DATE(2024,9,26)")).toBe(serial("2024-09-26"));
    expect(evaluate("=DATE(1900,3,1)")).toBe(61);
  });
});

describe("nativeFormula: shape", () => {
  test.each(PROGRAMS.map((p) => [p.code]))("%s: native functions only, within Excel's limits", (code) => {
    for (const part of PARTS) {
      const r = nativeFormula(code, "C2", "D2", "E2", part);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.formula.startsWith("=")).toBe(true);
      for (const f of functionsUsed(r.formula)) expect(NATIVE_FUNCTIONS).toContain(f);
      expect(r.formula).not.toMatch(/CZ\./);
      expect(r.formula.length).toBeLessThan(8192);
      expect(nestingDepth(r.formula)).toBeLessThanOrEqual(64);
    }
  });
  test("examples read like the rule", () => {
    expect(nativeFormula("equipment_network", "C2", null, null)).toEqual({
      ok: true,
      formula: "=IF(ISLOGICAL(C2),NA(),IF(NOT(AND(ISNUMBER(C2),C2>0,C2<=1E12)),NA(),IF(C2>=500000,MIN(ROUND(C2*20%,2),2000000),0)))",
    });
    expect(nativeFormula("smart_factory", null, null, null)).toEqual({ ok: true, formula: "=300000" });
    expect(nativeFormula("smart_factory", null, null, null, "city")).toEqual({ ok: true, formula: "=150000" });
    const dated = nativeFormula("smart_factory", null, null, "E2");
    expect(dated.ok && dated.formula).toContain("DATE(2021,9,27)");
    expect(dated.ok && dated.formula).toContain("DATE(2024,9,26)");
    const split = nativeFormula("platform_provincial", "C2", null, null, "beneficiary");
    expect(split.ok && split.formula).toMatch(/^=ROUND\(.*-ROUND\(.*\/2,2\),2\)$/);
  });
  test("literal inputs are read by the core; all-literal cases are the core's constant", () => {
    expect(nativeFormula("equipment_network", 800000, null, null)).toEqual({ ok: true, formula: "=160000" });
    expect(nativeFormula("equipment_network", "80万", null, null)).toEqual({ ok: true, formula: "=160000" });
    expect(nativeFormula("dx_assessment", null, "5A", null)).toEqual({ ok: true, formula: "=500000" });
    expect(nativeFormula("ic_industrialization", 8000000, 15000000, null)).toEqual({ ok: true, formula: "=800000" });
    expect(nativeFormula("security_grading", 1000000.05, null, null)).toEqual({ ok: true, formula: "=300000" });
    expect(nativeFormula("identifier_node", 1000000.05, null, null)).toEqual({ ok: true, formula: "=300000.02" });
    expect(nativeFormula("smart_factory", null, null, "2024-09-27")).toEqual({ ok: true, formula: "=0" });
    // A literal level with a referenced amount: the gate is decided now.
    const gated = nativeFormula("ic_industrialization", "C2", 9999999, null);
    expect(gated.ok && evaluate(gated.formula, { C2: 8000000 })).toBe(0);
    const open = nativeFormula("ic_industrialization", "C2", 10000000, null);
    expect(open.ok && evaluate(open.formula, { C2: 8000000 })).toBe(800000);
    // A literal outside date with a referenced amount: 0, but an unreadable amount is still an error.
    const late = nativeFormula("equipment_network", "C2", null, "2025-01-01");
    expect(late.ok && evaluate(late.formula, { C2: 800000 })).toBe(0);
    expect(late.ok && evaluate(late.formula, { C2: -1 })).toBeInstanceOf(XErr);
  });
  test("errors the core finds in literal inputs come back as PolicyError", () => {
    expect(nativeFormula("no_such_program", "C2", null, null)).toMatchObject({ ok: false, error: { code: "unknown_program" } });
    expect(nativeFormula("talent_training", "C2", null, null)).toMatchObject({ ok: false, error: { code: "non_money" } });
    expect(nativeFormula("equipment_network", -5, null, null)).toMatchObject({ ok: false, error: { code: "negative_amount" } });
    expect(nativeFormula("equipment_network", null, null, null)).toMatchObject({ ok: false, error: { code: "amount_empty" } });
    expect(nativeFormula("dx_assessment", null, "9A", "E2")).toMatchObject({ ok: false, error: { code: "bad_level" } });
    expect(nativeFormula("equipment_network", "C2", null, "soon")).toMatchObject({ ok: false, error: { code: "bad_date" } });
    expect(nativeFormula(null, "C2", null, null)).toMatchObject({ ok: false, error: { code: "missing_program" } });
  });
  test("references: $-anchored and sheet-qualified", () => {
    const r = nativeFormula("security_grading", "'申报 表'!$C$2", null, null);
    expect(r.ok && r.formula).toContain("'申报 表'!$C$2*50%");
    expect(r.ok && evaluate(r.formula, { C2: 100000 })).toBe(50000);
  });
});

describe("nativeFormula ≡ calculate() for every program (grid)", () => {
  test.each(PROGRAMS.map((p) => [p.code, p]))("%s", (code, p) => {
    const program = p;
    const problems: string[] = [];
    let compared = 0;
    for (const part of PARTS) {
      for (const withDate of [true, false]) {
        const r = nativeFormula(code, "C2", "D2", withDate ? "E2" : null, part);
        if (!r.ok) throw new Error(`${code}: ${r.error.code}`);
        const ast = parseFormula(r.formula);
        for (const amount of amountGrid(program)) {
          for (const level of levelGrid(program)) {
            for (const date of withDate ? DATES : [null]) {
              const v = new Evaluator({ C2: amount, D2: level, E2: date }).evaluate(ast);
              const expected = core(code, amount, level, date, part);
              const m = mismatch(v, expected, used(code, amount, level, date));
              compared++;
              if (m && problems.length < 10) problems.push(`${part} amount=${JSON.stringify(amount)} level=${JSON.stringify(level)} date=${JSON.stringify(date)}: ${m}`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  test.each(PROGRAMS.map((p) => [p.code, p]))("%s: TRUE/FALSE cells give the same result under LibreOffice's reading of logicals (ISLOGICAL guards)", (code, p) => {
    // LibreOffice reads a logical cell as 1/0 (ISNUMBER(FALSE) is TRUE, FALSE=0 is TRUE): every
    // input is tested with ISLOGICAL first, so the formula answers as the add-in does in both engines.
    const program = p;
    const problems: string[] = [];
    for (const part of PARTS) {
      const r = nativeFormula(code, "C2", "D2", "E2", part);
      if (!r.ok) throw new Error(code);
      const ast = parseFormula(r.formula);
      const amounts: Scalar[] = [true, false, ...amountGrid(program).filter((x) => typeof x === "number").slice(0, 8)];
      const levels: Scalar[] = [true, false, ...levelGrid(program).slice(0, 6)];
      for (const amount of amounts) {
        for (const level of levels) {
          for (const date of [true, false, null, serial("2022-05-01")]) {
            if (typeof amount !== "boolean" && typeof level !== "boolean" && typeof date !== "boolean") continue;
            const expected = core(code, amount, level, date, part);
            const excel = new Evaluator({ C2: amount, D2: level, E2: date }).evaluate(ast);
            const lo = new Evaluator({ C2: amount, D2: level, E2: date }, { libreoffice: true }).evaluate(ast);
            const m1 = mismatch(excel, expected, used(code, amount, level, date));
            const m2 = mismatch(lo, expected, used(code, amount, level, date));
            if ((m1 || m2) && problems.length < 10) problems.push(`${part} ${JSON.stringify([amount, level, date])}: excel ${m1 ?? "ok"}, libreoffice ${m2 ?? "ok"}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("the guards are what makes LibreOffice agree: base_station_5g with level FALSE is 0, dx_assessment level TRUE an error", () => {
    const f5g = nativeFormula("base_station_5g", "C2", "D2", null);
    const fdx = nativeFormula("dx_assessment", null, "D2", null);
    if (!f5g.ok || !fdx.ok) throw new Error("no formula");
    // # 10 stations, task not completed (FALSE) → 0, as the add-in gives
    expect(evaluate(f5g.formula, { C2: 10, D2: false }, { libreoffice: true })).toBe(0);
    expect(evaluate(f5g.formula, { C2: 10, D2: true }, { libreoffice: true })).toBe(20000);
    expect(evaluate(fdx.formula, { D2: true }, { libreoffice: true })).toBeInstanceOf(XErr);
    // Without ISLOGICAL, LibreOffice would read FALSE as the number 0 ("task omitted" → paid).
    const unguarded = f5g.formula.replace(/ISLOGICAL\(D2\)/g, "FALSE");
    expect(evaluate(unguarded, { C2: 10, D2: false }, { libreoffice: true })).toBe(20000);
  });

  test("the numeric cases really give numbers (not errors) for plain inputs", () => {
    // Guards against a formula that is "equivalent" only because it always errors.
    const cases: Array<[string, Scalar, Scalar, Scalar, number]> = [
      ["equipment_network", 800000, null, null, 160000],
      ["equipment_network", 499999.99, null, null, 0],
      ["equipment_network", 500000, null, serial("2024-09-26"), 100000],
      ["equipment_network", 500000, null, serial("2024-09-27"), 0],
      ["identifier_node", 1000000.05, null, null, 300000.02],
      ["service_platform", 5000000, null, null, 1500000],
      ["service_platform", 4999999.99, null, null, 0],
      ["dx_assessment", null, "AAAA", null, 300000],
      ["dx_assessment", null, "2A", null, 0],
      ["base_station_5g", 120, null, null, 240000],
      ["base_station_5g", 120, false, null, 0],
      ["ic_industrialization", 30000000, 15000000, null, 2000000],
      ["ic_industrialization", 8000000, 9999999.99, null, 0],
      ["platform_cross_industry", null, null, null, 5000000],
      ["platform_cross_industry", 0, null, null, 5000000],
      ["platform_cross_industry", 1234567.891, null, null, 1234567.89],
      ["cloud_service", 1000000.01, null, null, 1000000],
    ];
    for (const [code, a, l, d, want] of cases) {
      const r = nativeFormula(code, "C2", "D2", "E2");
      expect(r.ok && evaluate(r.formula, { C2: a, D2: l, E2: d })).toBe(want);
    }
  });

  test("split: city + beneficiary = total to the 分 (1:1 programs, odd 分)", () => {
    for (const code of ["platform_provincial", "cloud_service"]) {
      const f = Object.fromEntries(PARTS.map((part) => [part, nativeFormula(code, "C2", null, null, part)]));
      for (const a of [0.01, 0.03, 300000.01, 999999.99, 123456.78]) {
        const v = Object.fromEntries(PARTS.map((part) => [part, f[part].ok ? (evaluate(f[part].formula, { C2: a }) as number) : NaN]));
        const s = splitHalf(Math.round(a * 100));
        expect(Math.round(v.city * 100)).toBe(s.city);
        expect(Math.round(v.beneficiary * 100)).toBe(s.beneficiary);
        expect(Math.round(v.city * 100) + Math.round(v.beneficiary * 100)).toBe(Math.round(v.total * 100));
      }
    }
  });
});

describe("nativeFormula ≡ calculate() (property)", () => {
  const rateLike = PROGRAMS.filter((p) => p.amount !== "none").map((p) => p.code);
  test("random amounts in 分 and up to 4 decimals, levels and dates", () => {
    const formulas = new Map<string, ReturnType<typeof parseFormula>>();
    const get = (code: string, part: NativePart) => {
      const key = `${code}/${part}`;
      let ast = formulas.get(key);
      if (!ast) {
        const r = nativeFormula(code, "C2", "D2", "E2", part);
        if (!r.ok) throw new Error(code);
        ast = parseFormula(r.formula);
        formulas.set(key, ast);
      }
      return ast;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...PROGRAMS.map((p) => p.code)),
        fc.oneof(
          fc.integer({ min: 0, max: 5_000_000_000 }).map((fen) => fen / 100),
          fc.integer({ min: 0, max: 100_000_000_000 }).map((x) => x / 10000),
          fc.integer({ min: 0, max: 2000 }),
          fc.constant(null),
        ),
        fc.oneof(fc.constantFrom<Scalar>(null, "3A", "4A", "5A", "2A", "AAAA", true, false, "否", 0), fc.integer({ min: 0, max: 30_000_000 })),
        fc.oneof(fc.constant<Scalar>(null), fc.double({ min: serial("2021-01-01"), max: serial("2025-06-30"), noNaN: true })),
        fc.constantFrom(...PARTS),
        (code, amount, level, date, part) => {
          const v = new Evaluator({ C2: amount, D2: level, E2: date }).evaluate(get(code, part));
          const m = mismatch(v, core(code, amount, level, date, part), used(code, amount, level, date));
          if (m) throw new Error(`${code} ${part} amount=${amount} level=${String(level)} date=${date}: ${m}`);
        },
      ),
      { numRuns: 3000 },
    );
    expect(rateLike.length).toBeGreaterThan(5);
  });
});

describe("convertFormula", () => {
  test("CZ.SUBSIDY with references → one native formula", () => {
    const r = convertFormula('=CZ.SUBSIDY("equipment_network",C2,,E2)');
    expect(r.ok && r.fn).toBe("SUBSIDY");
    if (!r.ok || r.fn !== "SUBSIDY") return;
    const same = nativeFormula("equipment_network", "C2", null, "E2");
    expect(same.ok && same.formula).toBe(r.native);
    expect(evaluate(r.native, { C2: 800000, E2: serial("2022-03-01") })).toBe(160000);
  });
  test("CZ.SPLIT → two formulas: city for the cell, beneficiary for the cell to its right", () => {
    expect(convertFormula('=CZ.SPLIT("smart_factory")')).toEqual({ ok: true, fn: "SPLIT", native: ["=150000", "=150000"] });
    const r = convertFormula('=CZ.SPLIT("scenario_provincial",,,D7)');
    expect(r.ok && r.fn).toBe("SPLIT");
    if (!r.ok || r.fn !== "SPLIT") return;
    expect(evaluate(r.native[0], { D7: serial("2022-01-01") })).toBe(100000);
    expect(evaluate(r.native[1], { D7: serial("2020-01-01") })).toBe(0);
    const b = convertFormula('=CZ.SPLIT("equipment_network",C2)');
    expect(b.ok && b.fn === "SPLIT" && evaluate(b.native[0], { C2: 800000 })).toBe(0);
    expect(b.ok && b.fn === "SPLIT" && evaluate(b.native[1], { C2: 800000 })).toBe(160000);
    expect(b.ok && b.fn === "SPLIT" && evaluate(b.native[0], { C2: "bad" })).toBeInstanceOf(XErr);
  });
  test("literal arguments, names in Chinese, case, file-format prefix, percent and booleans", () => {
    expect(convertFormula('=cz.subsidy("dx_assessment", , "5A")')).toEqual({ ok: true, fn: "SUBSIDY", native: "=500000" });
    expect(convertFormula('=CZ.SUBSIDY("工业设备网络化技术改造",800000)')).toEqual({ ok: true, fn: "SUBSIDY", native: "=160000" });
    expect(convertFormula('=_xldudf_CZ_SUBSIDY("equipment_network",8E5)')).toEqual({ ok: true, fn: "SUBSIDY", native: "=160000" });
    expect(convertFormula('=@CZ.SUBSIDY("equipment_network",8E5)')).toEqual({ ok: true, fn: "SUBSIDY", native: "=160000" });
    expect(convertFormula('=_xll.CZ.SUBSIDY("equipment_network",8E5)')).toEqual({ ok: true, fn: "SUBSIDY", native: "=160000" });
    expect(convertFormula('=CZ.SUBSIDY("base_station_5g",100,FALSE)')).toEqual({ ok: true, fn: "SUBSIDY", native: "=0" });
    expect(convertFormula('=CZ.ELIGIBLE("equipment_network",400000)')).toEqual({ ok: true, fn: "ELIGIBLE", native: "=FALSE" });
    const e = convertFormula('=CZ.ELIGIBLE("equipment_network",B3)');
    expect(e.ok && e.fn === "ELIGIBLE" && evaluate(e.native, { B3: 500000 })).toBe(true);
    expect(convertFormula('=CZ.SUBSIDY("say ""hi""")')).toMatchObject({ ok: false, reason: "policy_error" });
  });
  test("a program given by reference needs its value", () => {
    expect(convertFormula("=CZ.SUBSIDY(A2,B2)")).toMatchObject({ ok: false, reason: "program_reference" });
    const r = convertFormula("=CZ.SUBSIDY(A2,B2)", { cellValue: (ref) => (ref === "A2" ? "security_grading" : null) });
    expect(r.ok && r.fn === "SUBSIDY" && evaluate(r.native, { B2: 100000 })).toBe(50000);
  });
  test("what cannot be converted says why", () => {
    expect(convertFormula('=CZ.SUBSIDY("equipment_network",SUM(B2:B3))')).toMatchObject({ ok: false, reason: "complex_argument" });
    expect(convertFormula('=CZ.SUBSIDY("equipment_network",B2*2)')).toMatchObject({ ok: false, reason: "complex_argument" });
    expect(convertFormula('=CZ.SUBSIDY("equipment_network",B2:B3)')).toMatchObject({ ok: false, reason: "complex_argument" });
    expect(convertFormula('=CZ.EXPLAIN("smart_factory")')).toMatchObject({ ok: false, reason: "unsupported_function" });
    expect(convertFormula('=SUM(A1:A3)')).toMatchObject({ ok: false, reason: "not_cz" });
    expect(convertFormula('=CZ.SUBSIDY("smart_factory")+1')).toMatchObject({ ok: false });
    expect(convertFormula('=CZ.SUBSIDY("a",1,2,3,4)')).toMatchObject({ ok: false, reason: "too_many_arguments" });
    const bad = convertFormula('=CZ.SUBSIDY("equipment_network",-5)');
    expect(bad).toMatchObject({ ok: false, reason: "policy_error", error: { code: "negative_amount" } });
    expect(!bad.ok && bad.message.zh).toBe("金额不能为负数");
  });
  test("every program converts, and the conversion evaluates like the core", () => {
    for (const p of PROGRAMS) {
      const r = convertFormula(`=CZ.SUBSIDY("${p.code}",C2,D2,E2)`);
      expect(r.ok).toBe(true);
      if (!r.ok || r.fn !== "SUBSIDY") continue;
      const amount = p.amount === "none" ? null : 2500000;
      const level = p.rule.kind === "tiered" ? "4A" : null;
      const want = core(p.code, amount, level, serial("2023-05-05"), "total");
      expect(mismatch(evaluate(r.native, { C2: amount, D2: level, E2: serial("2023-05-05") }), want, [])).toBeNull();
    }
  });
});
