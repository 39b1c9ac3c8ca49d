/**
 * Benchmark a: CZ.SUBSIDY through the BUILT dist/functions.js, loaded the way Excel's runtime
 * loads it (evaluated alone with a CustomFunctions global), against inline JS arithmetic that
 * computes the same awards. Reports calls/s and the ratio measured in the same run.
 */
import { loadBuiltFunctions } from "../test/support/load-functions";

/** The mix: programs of every rule kind, numbers and text amounts, levels, dates, omitted args as null. */
export const CASES: unknown[][] = [
  ["smart_factory", null, null, null],
  ["equipment_network", 800000, null, null],
  ["equipment_network", 400000, null, null],
  ["dx_assessment", null, "5A", null],
  ["ic_industrialization", 8000000, 15000000, null],
  ["identifier_node", 1000000.05, null, null],
  ["platform_provincial", null, null, null],
  ["security_grading", 700000, null, 44800],
  ["cloud_service", "80万", null, null],
  ["base_station_5g", 120, true, null],
];

/** Inline JS doing the same arithmetic by hand (what a formula written without the add-in costs). */
function inline(program: string, amount: unknown, level: unknown, date: unknown): number {
  const a = typeof amount === "string" ? parseFloat(amount) * 10000 : (amount as number);
  if (typeof date === "number" && (date < 44466 || date > 45561)) return 0;
  switch (program) {
    case "smart_factory":
      return 300000;
    case "equipment_network":
      return a >= 500000 ? Math.min(Math.round(a * 20) / 100, 2000000) : 0;
    case "dx_assessment":
      return level === "5A" ? 500000 : level === "4A" ? 300000 : level === "3A" ? 200000 : 0;
    case "ic_industrialization":
      return (level as number) >= 10000000 ? Math.min(Math.round(a * 10) / 100, 2000000) : 0;
    case "identifier_node":
      return Math.min(Math.round(a * 30) / 100, 2000000);
    case "platform_provincial":
      return 1000000;
    case "security_grading":
      return Math.min(Math.round(a * 50) / 100, 300000);
    case "cloud_service":
      return Math.min(a, 1000000);
    case "base_station_5g":
      return level === false ? 0 : a * 2000;
    default:
      return NaN;
  }
}

function time(fn: () => number): { ms: number; check: number } {
  const t0 = process.hrtime.bigint();
  const check = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, check };
}

export function benchFunctions(n = 1_000_000) {
  const { fns } = loadBuiltFunctions(undefined, { realm: "this" });
  const subsidy = fns["SUBSIDY"];
  if (!subsidy) throw new Error("SUBSIDY was not associated by dist/functions.js");
  // Correctness first: the two sides must agree on every case.
  for (const c of CASES) {
    const x = subsidy(...c);
    const y = inline(...(c as [string, unknown, unknown, unknown]));
    if (x !== y) throw new Error(`bench mix disagrees on ${JSON.stringify(c)}: ${String(x)} vs ${y}`);
  }
  const k = CASES.length;
  const runF = () => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const c = CASES[i % k];
      s += subsidy(c[0], c[1], c[2], c[3]) as number;
    }
    return s;
  };
  const runI = () => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const c = CASES[i % k];
      s += inline(c[0] as string, c[1], c[2], c[3]);
    }
    return s;
  };
  // Warm up both, then alternate measured rounds and keep the best of each.
  runF();
  runI();
  let bestF = Infinity;
  let bestI = Infinity;
  for (let r = 0; r < 3; r++) {
    const f = time(runF);
    const i = time(runI);
    if (Math.abs(f.check - i.check) > 1e-3 * Math.abs(i.check)) throw new Error("sums disagree");
    bestF = Math.min(bestF, f.ms);
    bestI = Math.min(bestI, i.ms);
  }
  return {
    calls: n,
    functions_ms: bestF,
    inline_ms: bestI,
    calls_per_s: Math.round(n / (bestF / 1000)),
    ratio_vs_inline: bestF / bestI,
  };
}
