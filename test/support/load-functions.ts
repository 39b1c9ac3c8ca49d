/**
 * Load the BUILT dist/functions.js the way Excel's JavaScript runtime does: evaluate the file on
 * its own in a fresh context whose only Office global is CustomFunctions, and collect what it
 * registers through CustomFunctions.associate.
 */
import fs from "fs";
import path from "path";
import vm from "vm";

export type Fn = (...args: unknown[]) => unknown;

export class StubCfError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

export interface Loaded {
  fns: Record<string, Fn>;
  /** How many times each id was associated. */
  counts: Record<string, number>;
}

export const DIST = path.join(__dirname, "..", "..", "dist");

/**
 * `realm: "isolated"` (default) evaluates in a fresh vm context: nothing else leaks in, as in a
 * test. `realm: "this"` evaluates in this process's own global realm with a CustomFunctions
 * global installed, which is how Excel's JavaScript runtime runs it; use it for timing, since
 * every global lookup inside a vm context goes through a slow interceptor.
 */
export function loadBuiltFunctions(dist = DIST, opts: { realm?: "isolated" | "this" } = {}): Loaded {
  const file = path.join(dist, "functions.js");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
  const code = fs.readFileSync(file, "utf8");
  const fns: Record<string, Fn> = {};
  const counts: Record<string, number> = {};
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, fn: Fn) => {
        fns[id] = fn;
        counts[id] = (counts[id] ?? 0) + 1;
      },
      Error: StubCfError,
      ErrorCode: ERROR_CODES,
    },
    console,
  };
  if (opts.realm === "this") {
    const g = globalThis as Record<string, unknown>;
    const saved = g.CustomFunctions;
    g.CustomFunctions = sandbox.CustomFunctions;
    try {
      vm.runInThisContext(code, { filename: "functions.js" });
    } finally {
      g.CustomFunctions = saved;
    }
    return { fns, counts };
  }
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox, { filename: "functions.js" });
  return { fns, counts };
}
