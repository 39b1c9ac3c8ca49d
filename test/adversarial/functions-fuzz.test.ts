/**
 * Fuzz every custom function of the BUILT bundle with hostile arguments. Every call must
 * return a number, boolean, text, 2-D array or CustomFunctions.Error — never throw, never hang.
 */
import fc from "fast-check";
import { loadBuiltFunctions, StubCfError } from "../support/load-functions";

const { fns } = loadBuiltFunctions();
const ids = Object.keys(fns).sort();

const HOSTILE: unknown[] = [
  null,
  undefined,
  "",
  " ",
  true,
  false,
  0,
  -0,
  -1,
  NaN,
  Infinity,
  -Infinity,
  1e308,
  Number.MAX_SAFE_INTEGER,
  5e-324,
  "NaN",
  "Infinity",
  "-0",
  "1e999",
  "８０万",
  "80万万",
  "٨٠", // Arabic-Indic digits
  "x".repeat(10000),
  "9".repeat(10000),
  [[1, 2], [3, 4]],
  [[800000]],
  [["smart_factory"]],
  [[]],
  [],
  new StubCfError("#N/A", "upstream"),
  { foo: 1 },
  "smart_factory",
  "dx_assessment",
  "equipment_network",
  "5A",
  "2022-03-01",
  "2099-99-99",
  "\u0000\uffff",
  "=1+1",
];

function isAllowed(v: unknown): boolean {
  if (v instanceof StubCfError) return typeof v.code === "string";
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v === "boolean" || typeof v === "string") return true;
  if (Array.isArray(v)) return v.every((row) => Array.isArray(row) && row.every((c) => ["number", "string", "boolean"].includes(typeof c) && (typeof c !== "number" || Number.isFinite(c))));
  return false;
}

/** Call as Excel does; a thrown CustomFunctions.Error is an error value too (Excel shows it). */
async function call(id: string, args: unknown[]): Promise<unknown> {
  try {
    return await fns[id](...args); // a plain value passes through await unchanged
  } catch (e) {
    if (e instanceof StubCfError) return e;
    throw e;
  }
}

test("the bundle registers functions", () => {
  expect(ids).toEqual(expect.arrayContaining(["SUBSIDY", "SPLIT", "EXPLAIN", "ELIGIBLE", "CAP", "RATE", "PROGRAMS", "TARGET"]));
});

describe.each(ids)("%s", (id) => {
  test("every hostile value in every position gives a value or an error value", async () => {
    const arity = Math.max(fns[id].length, 4);
    for (let pos = 0; pos < arity; pos++) {
      for (const h of HOSTILE) {
        const args: unknown[] = ["smart_factory", 800000, "5A", 44800].slice(0, arity);
        args[pos] = h;
        let out: unknown;
        try {
          out = await call(id, args);
        } catch (e) {
          throw new Error(`${id}(${pos}: ${String(h).slice(0, 20)}) threw ${String(e)}`);
        }
        if (!isAllowed(out)) throw new Error(`${id}(${pos}: ${String(h).slice(0, 20)}) returned ${String(out)}`);
      }
    }
  });
  test("random combinations", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.anything()), { maxLength: 5 }), async (args) => {
        const out = await call(id, args);
        return isAllowed(out);
      }),
      { numRuns: 200 },
    );
  });
});
