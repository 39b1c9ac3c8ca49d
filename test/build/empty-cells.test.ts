/**
 * One workbook, one answer: Excel on Windows/Mac passes an empty cell to a custom function as 0,
 * Excel on the web as null (OfficeDev/office-js issue 4702). Through the BUILT dist/functions.js,
 * called the way Excel calls it, every function × argument position × program gives the same
 * result (value, or error code and message) for 0 and for null, with the other arguments at
 * ordinary values, and the decisions in README ("空单元格与 0") hold:
 *   required amounts: 0 or empty → #VALUE! "金额为空或为0…";
 *   up-to amounts: 0 or empty → the cap, and CZ.EXPLAIN says no amount was asked (未填申请额，按最高额测算);
 *   level, date (and program, year): 0 or empty → not given, exactly as an omitted argument.
 */
import { ensureDist } from "./ensure-dist";
import { loadBuiltFunctions, StubCfError } from "../support/load-functions";
import { CATALOGUE_2021, isoToSerial, type Program } from "../../src/policy";

const { fns } = loadBuiltFunctions(ensureDist());

/** Call as Excel does: a thrown CustomFunctions.Error is the cell's value. */
function xl(id: string, ...args: unknown[]): unknown {
  try {
    return fns[id](...args);
  } catch (e) {
    if (e instanceof StubCfError) return { error: e.code, message: e.message };
    throw e;
  }
}

const PROGRAMS = CATALOGUE_2021.programs;
const CASE_FNS = ["SUBSIDY", "SPLIT", "EXPLAIN", "ELIGIBLE"];
const INSIDE = isoToSerial("2022-03-01");

function ordinary(p: Program): unknown[] {
  const r = p.rule;
  const amount = p.amount === "none" ? null : r.kind === "per_unit" ? 120 : r.kind === "rate" && r.threshold !== undefined ? r.threshold * 2 : 1000000.05;
  const level = r.kind === "tiered" ? "4A" : r.kind === "per_unit" ? true : r.kind === "rate" && r.gate ? 15000000 : null;
  return [p.code, amount, level, INSIDE];
}

const codes = [...PROGRAMS.map((p) => p.code), ...CATALOGUE_2021.measures.map((m) => m.code)];

describe("0 and null agree in every argument position", () => {
  test.each(CASE_FNS)("%s × every program × program/amount/level/date", (id) => {
    const differ: string[] = [];
    let compared = 0;
    for (const p of PROGRAMS) {
      const base = ordinary(p);
      for (let pos = 0; pos < 4; pos++) {
        // The position empty, the others ordinary; and every position empty at once.
        for (const allEmpty of [false, true]) {
          const withZero = base.map((v, i) => (i === pos || (allEmpty && i > 0) ? 0 : v));
          const withNull = base.map((v, i) => (i === pos || (allEmpty && i > 0) ? null : v));
          const a = xl(id, ...withZero);
          const b = xl(id, ...withNull);
          compared++;
          if (JSON.stringify(a) !== JSON.stringify(b)) differ.push(`${id}(${p.code}) position ${pos}${allEmpty ? " (all empty)" : ""}: 0 → ${JSON.stringify(a)}, null → ${JSON.stringify(b)}`);
        }
      }
    }
    for (const code of CATALOGUE_2021.measures.map((m) => m.code)) {
      for (let pos = 1; pos < 4; pos++) {
        const z: unknown[] = [code, null, null, null];
        z[pos] = 0;
        compared++;
        if (JSON.stringify(xl(id, ...z)) !== JSON.stringify(xl(id, code, null, null, null))) differ.push(`${id}(${code}) position ${pos}`);
      }
    }
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  test("CAP × every program and measure × program/level/date", () => {
    for (const code of codes) {
      expect({ code, v: xl("CAP", code, 0, null) }).toEqual({ code, v: xl("CAP", code, null, null) });
      expect({ code, v: xl("CAP", code, null, 0) }).toEqual({ code, v: xl("CAP", code, null, null) });
      expect({ code, v: xl("RATE", code, 0) }).toEqual({ code, v: xl("RATE", code, null) });
    }
    expect(xl("PROGRAMS", 0)).toEqual(xl("PROGRAMS", null));
    expect(xl("CAP", 0, null)).toEqual(xl("CAP", null, null));
    expect(xl("CAP", 0, 0)).toEqual(xl("CAP", null, null));
  });

  test("RATE and TARGET × every indicator × indicator/year", () => {
    expect(xl("RATE", 0)).toEqual(xl("RATE", null));
    for (const t of CATALOGUE_2021.targets) {
      expect({ t: t.code, v: xl("TARGET", t.code, 0, null) }).toEqual({ t: t.code, v: xl("TARGET", t.code, null, null) });
      expect({ t: t.code, v: xl("TARGET", t.code, 2022, 0) }).toEqual({ t: t.code, v: xl("TARGET", t.code, 2022, null) });
    }
    expect(xl("TARGET", 0, 2022)).toEqual(xl("TARGET", null, 2022));
  });

  test("NATIVE × every program × position: a referenced empty cell is still its reference; a typed 0 is a typed empty", () => {
    const inv = (addrs: string[]) => ({ address: "Sheet1!F2", parameterAddresses: addrs });
    const REFS = ["", "Sheet1!C2", "Sheet1!D2", "Sheet1!E2"];
    for (const p of PROGRAMS) {
      const base = ordinary(p);
      for (let pos = 1; pos < 4; pos++) {
        for (const addrs of [REFS, ["", "", "", ""]]) {
          const z = base.map((v, i) => (i === pos ? 0 : v));
          const n = base.map((v, i) => (i === pos ? null : v));
          expect({ p: p.code, pos, addrs, v: xl("NATIVE", ...z, inv(addrs)) }).toEqual({ p: p.code, pos, addrs, v: xl("NATIVE", ...n, inv(addrs)) });
        }
      }
    }
  });
});

describe("the decisions", () => {
  const required = PROGRAMS.filter((p) => p.amount === "required");
  const upTo = PROGRAMS.filter((p) => p.rule.kind === "upto");
  test("required amounts: 0 or empty → #VALUE! 金额为空或为0, in every case function", () => {
    expect(required.length).toBeGreaterThan(5);
    for (const p of required) {
      const base = ordinary(p);
      for (const empty of [0, null]) {
        for (const id of CASE_FNS) {
          const v = xl(id, p.code, empty, base[2], base[3]) as { error?: string; message?: string };
          expect({ p: p.code, id, empty, error: v.error, starts: v.message?.startsWith("金额为空或为0：请填写") }).toEqual({ p: p.code, id, empty, error: "#VALUE!", starts: true });
        }
      }
    }
  });
  test("up-to amounts: 0 or empty → the cap, and the explanation says no amount was asked", () => {
    expect(upTo.length).toBeGreaterThan(0);
    for (const p of upTo) {
      for (const empty of [0, null]) {
        expect(xl("SUBSIDY", p.code, empty, null, null)).toBe(xl("CAP", p.code, null));
        expect(xl("EXPLAIN", p.code, empty, null, null)).toContain("未填申请额，按最高额");
      }
    }
  });
  test("level and date: 0 or empty → not given (the same as an omitted argument)", () => {
    // Tiered: a level is needed, so not given is the missing-level error; per-unit: the task is not checked.
    expect((xl("SUBSIDY", "dx_assessment", null, 0, null) as { error: string }).error).toBe("#VALUE!");
    expect(xl("SUBSIDY", "base_station_5g", 120, 0, 0)).toBe(240000);
    expect(xl("SUBSIDY", "ic_industrialization", 8000000, 0, 0)).toBe(800000);
    expect(xl("EXPLAIN", "ic_industrialization", 8000000, 0, null)).toContain("未提供完成投资");
    expect(xl("ELIGIBLE", "smart_factory", 0, 0, 0)).toBe(true);
  });
});
