/**
 * Formula help for the catalogue: what 插入公式 writes for each program, and the 公式 section's
 * list of every CZ function with its arguments and a worked example.
 *
 * 插入公式 must give a working formula. A program whose award needs an input (an amount for
 * rate / per-unit rules, a level for tiered ones) gets a formula whose input argument is the cell
 * to the LEFT of the one it is written into (R1C1 `RC[-1]`, so it works wherever the user
 * selected); the hint says so. test/taskpane/formulas.test.ts evaluates every suggestion with the
 * example input through the built dist/functions.js and gets a number.
 */
import type { Program } from "../../policy/types";
import metadataText from "../../functions/metadata-text.json";

export type InputArg = "amount" | "level";

export interface Suggestion {
  program: string;
  /** Which argument reads the neighbouring cell; null when the program needs no input. */
  input: InputArg | null;
  /** A value that cell may hold, for the worked example and the test. */
  example: number | string | null;
  /** What 插入公式 writes (R1C1: the input is the cell to the left). */
  r1c1: string;
  /** The same formula for a sheet with the input in A2 and the formula in B2 (shown and copied). */
  a1: string;
}

/** The input a program's award needs from a cell, and an example value for it. */
export function inputOf(p: Program): { input: InputArg | null; example: number | string | null } {
  const r = p.rule;
  if (r.kind === "tiered") {
    const levels = Object.keys(r.tiers);
    return { input: "level", example: levels[0] ?? null };
  }
  if (p.amount !== "required") return { input: null, example: null };
  if (r.kind === "per_unit") return { input: "amount", example: 10 };
  if (r.kind === "rate") return { input: "amount", example: Math.max(1_000_000, (r.threshold ?? 0) * 2) };
  return { input: "amount", example: 1_000_000 };
}

function call(code: string, input: InputArg | null, ref: string): string {
  const q = `"${code.replace(/"/g, '""')}"`;
  if (input === "amount") return `=CZ.SUBSIDY(${q},${ref})`;
  if (input === "level") return `=CZ.SUBSIDY(${q},,${ref})`;
  return `=CZ.SUBSIDY(${q})`;
}

export function suggestionFor(p: Program): Suggestion {
  const { input, example } = inputOf(p);
  return { program: p.code, input, example, r1c1: call(p.code, input, "RC[-1]"), a1: call(p.code, input, "A2") };
}

/** The formula inserted for a program that needs no input (kept for callers of the old helper). */
export function subsidyFormula(code: string): string {
  return call(code, null, "");
}

// ---------------------------------------------------------------- the 公式 section

type TextTable = Record<string, { zh: string; en: string; parameters: Record<string, { zh: string; en: string; name_zh?: string }> }>;
const TEXT = metadataText as unknown as TextTable;

export interface FunctionHelp {
  id: string;
  /** Parameter names as in the metadata, the optional ones marked. */
  params: Array<{ name: string; optional: boolean; label: { zh: string; en: string }; text: { zh: string; en: string } }>;
  text: { zh: string; en: string };
  example: string;
  /** What the example returns, as Excel shows it (checked against dist/functions.js in a test). */
  result: string;
  /** The result is a text (EXPLAIN, NATIVE) described rather than quoted. */
  resultIsText?: boolean;
  /** Spills over several cells. */
  spills?: boolean;
}

/** Every CZ function (order of the 公式 section), its worked example and that example's result. */
const EXAMPLES: Array<{ id: string; required: number; example: string; result: string; resultIsText?: boolean; spills?: boolean }> = [
  { id: "SUBSIDY", required: 1, example: '=CZ.SUBSIDY("equipment_network",2000000)', result: "400000" },
  { id: "SPLIT", required: 1, example: '=CZ.SPLIT("smart_factory")', result: "150000 | 150000", spills: true },
  { id: "EXPLAIN", required: 1, example: '=CZ.EXPLAIN("equipment_network",2000000)', result: "", resultIsText: true },
  { id: "ELIGIBLE", required: 1, example: '=CZ.ELIGIBLE("equipment_network",300000)', result: "FALSE" },
  { id: "CAP", required: 1, example: '=CZ.CAP("dx_assessment","4A")', result: "300000" },
  { id: "RATE", required: 1, example: '=CZ.RATE("equipment_network")', result: "0.2" },
  { id: "PROGRAMS", required: 0, example: "=CZ.PROGRAMS()", result: "", resultIsText: true, spills: true },
  { id: "TARGET", required: 1, example: '=CZ.TARGET("smart_factory_workshop",2022)', result: "30" },
  { id: "NATIVE", required: 1, example: '=CZ.NATIVE("equipment_network",A2)', result: "", resultIsText: true },
];

export const FUNCTION_HELP: FunctionHelp[] = EXAMPLES.map((e) => {
  const t = TEXT[e.id];
  const names = Object.keys(t.parameters).filter((n) => n !== "invocation");
  return {
    id: e.id,
    text: { zh: t.zh, en: t.en },
    params: names.map((name, i) => ({ name, optional: i >= e.required, label: { zh: t.parameters[name].name_zh ?? name, en: name }, text: { zh: t.parameters[name].zh, en: t.parameters[name].en } })),
    example: e.example,
    result: e.result,
    resultIsText: e.resultIsText,
    spills: e.spills,
  };
});

/** "CZ.SUBSIDY(项目, [金额], [等级], [日期])" in a language. */
export function signature(f: FunctionHelp, lang: "zh" | "en"): string {
  return `CZ.${f.id}(${f.params.map((p) => (p.optional ? `[${p.label[lang]}]` : p.label[lang])).join(", ")})`;
}
