/**
 * The catalogue's formula help gives formulas that WORK: every 插入公式 suggestion, with its
 * input cell holding the example value, is evaluated by the BUILT dist/functions.js (loaded as
 * Excel's runtime does, with the CustomFunctions stub) and gives a number; every worked example
 * of the 公式 section gives the result it states.
 */
import { SHIPPED_POLICY } from "../../src/policy/shipped";
import { FUNCTION_HELP, signature, suggestionFor } from "../../src/taskpane/catalogue/formulas";
import { leftOf } from "../../src/taskpane/catalogue/ProgramCard";
import { matches } from "../../src/taskpane/catalogue/search";
import { ensureDist } from "../build/ensure-dist";
import { StubCfError, loadBuiltFunctions, type Fn } from "../support/load-functions";

let fns: Record<string, Fn>;
beforeAll(() => {
  ensureDist();
  fns = loadBuiltFunctions().fns;
}, 300_000);

/** Split `=CZ.NAME(a,b,,c)` into its name and argument texts (no nested calls in these formulas). */
function parse(formula: string): { name: string; args: string[] } {
  const m = /^=CZ\.([A-Z]+)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`not a CZ formula: ${formula}`);
  const args: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of m[2]) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      args.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (m[2] !== "") args.push(cur);
  return { name: m[1], args };
}

/** An argument's value as Excel passes it: omitted → null, "text", a number, TRUE/FALSE, or the cell's value. */
function value(arg: string, cells: Record<string, unknown>): unknown {
  const a = arg.trim();
  if (a === "") return null;
  if (/^".*"$/.test(a)) return a.slice(1, -1).replace(/""/g, '"');
  if (a === "TRUE" || a === "FALSE") return a === "TRUE";
  if (/^-?\d+(\.\d+)?$/.test(a)) return Number(a);
  if (a in cells) return [[cells[a]]]; // a cell reference arrives as a 1×1 range value
  throw new Error(`unknown argument ${a}`);
}

function evaluate(formula: string, cells: Record<string, unknown> = {}): unknown {
  const { name, args } = parse(formula);
  const fn = fns[name];
  if (!fn) throw new Error(`no function ${name}`);
  try {
    return fn(...args.map((a) => value(a, cells)));
  } catch (e) {
    if (e instanceof StubCfError) return e;
    throw e;
  }
}

const programs = SHIPPED_POLICY.fallback.programs;

test("every 插入公式 suggestion gives a number, with the example in the cell it reads", () => {
  const results = programs.map((p) => {
    const s = suggestionFor(p);
    const r = evaluate(s.a1, { A2: s.example });
    return { code: p.code, input: s.input, ok: typeof r === "number" && Number.isFinite(r) && r > 0, r };
  });
  expect(results.filter((x) => !x.ok)).toEqual([]);
  expect(results).toHaveLength(programs.length);
  // The programs that need an input read it from the cell; the others need none.
  expect(results.filter((x) => x.input === "amount").map((x) => x.code)).toEqual(
    programs.filter((p) => p.amount === "required" && p.rule.kind !== "tiered").map((p) => p.code),
  );
  expect(results.find((x) => x.code === "dx_assessment")!.input).toBe("level");
  expect(results.find((x) => x.code === "equipment_network")).toMatchObject({ input: "amount", r: 200000 }); // 20% of the 1,000,000 example
});

test("without its input the suggestion would fail: the cell reference is what makes it work", () => {
  const needing = programs.filter((p) => suggestionFor(p).input);
  expect(needing.length).toBeGreaterThanOrEqual(11);
  for (const p of needing) expect(evaluate(`=CZ.SUBSIDY("${p.code}")`)).toBeInstanceOf(StubCfError);
});

test("the inserted R1C1 formula is the A1 one with the cell to its left", () => {
  for (const p of programs) {
    const s = suggestionFor(p);
    expect(s.r1c1).toBe(s.a1.replace("A2", "RC[-1]"));
    if (!s.input) expect(s.a1).toBe(`=CZ.SUBSIDY("${p.code}")`);
  }
  expect(leftOf("C5")).toBe("B5");
  expect(leftOf("AA10")).toBe("Z10");
  expect(leftOf("A3")).toBeNull();
});

test("the 公式 section lists every registered CZ function, and each worked example gives what it says", () => {
  expect(FUNCTION_HELP.map((f) => f.id).sort()).toEqual(Object.keys(fns).sort());
  for (const f of FUNCTION_HELP) {
    const r = f.id === "NATIVE" ? null : evaluate(f.example);
    if (f.id === "NATIVE") continue; // needs the invocation's cell addresses: checked in test/functions
    if (f.resultIsText) {
      expect({ id: f.id, error: r instanceof StubCfError }).toEqual({ id: f.id, error: false });
      continue;
    }
    const shown = Array.isArray(r) ? (r as unknown[][]).map((row) => row.join(" | ")).join("\n") : typeof r === "boolean" ? (r ? "TRUE" : "FALSE") : String(r);
    expect({ id: f.id, shown }).toEqual({ id: f.id, shown: f.result });
  }
  expect(signature(FUNCTION_HELP[0], "zh")).toBe("CZ.SUBSIDY(项目, [金额], [等级], [日期])");
  expect(signature(FUNCTION_HELP[0], "en")).toBe("CZ.SUBSIDY(program, [amount], [level], [date])");
});

test("catalogue search matches rule text and levels, not only names", () => {
  const hits = (q: string) => programs.filter((p) => matches(p, q)).map((p) => p.code);
  expect(hits("3A")).toContain("dx_assessment");
  expect(hits("投资").length).toBeGreaterThan(0);
  expect(hits("投资")).toContain("equipment_network");
  expect(hits("EQUIPMENT_NET")).toEqual(["equipment_network"]);
  expect(hits("no such thing")).toEqual([]);
});
