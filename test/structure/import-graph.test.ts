/**
 * The import graph of src/: no cycle (type-only imports count: a cycle through a type is still a
 * cycle a reader has to untangle), and the pure layers import no host. A small walker over the
 * source, no extra dependency: every relative `import … from`, `export … from`, `import "…"`,
 * `import(…)` and `require(…)`, resolved the way the bundler resolves them.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.resolve(__dirname, "../../src");
const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".json", "/index.ts", "/index.tsx", "/index.js"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The module specifiers a source text imports (comments removed first, so examples in JSDoc do not count). */
export function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^;"'`]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null; // a package
  const base = path.resolve(path.dirname(from), spec);
  for (const ext of EXTENSIONS) {
    const p = base + ext;
    if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
  }
  throw new Error(`${path.relative(SRC, from)}: cannot resolve "${spec}"`);
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join("/");

/** file → the src files it imports (relative paths from src/). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of sourceFiles(SRC)) {
    const deps = specifiers(fs.readFileSync(f, "utf8"))
      .map((s) => resolve(f, s))
      .filter((p): p is string => p !== null && p.startsWith(SRC + path.sep))
      .map(rel);
    graph.set(rel(f), [...new Set(deps)]);
  }
  return graph;
}

/** Every strongly connected component with more than one module (or a module importing itself): Tarjan. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const GRAPH = importGraph();

describe("the walker itself", () => {
  test("finds every form of import, and none in comments", () => {
    const text = [
      'import a from "./a";',
      'import type { B } from "../b";',
      "import {\n  c,\n  d,\n} from './c';",
      'export { e } from "./e";',
      'export * from "./f";',
      'import "./g";',
      'const h = await import("./h");',
      'const i = require("./i");',
      '/** import x from "./not-me"; */',
      '// import y from "./nor-me";',
      'const url = "https://example.com/x"; import z from "./z";',
    ].join("\n");
    expect(specifiers(text).sort()).toEqual(["../b", "./a", "./c", "./e", "./f", "./g", "./h", "./i", "./z"]);
  });
  test("reports a cycle of two, a longer one and a self-import, and nothing in a tree", () => {
    const g = new Map<string, string[]>([
      ["a", ["b"]],
      ["b", ["a", "c"]],
      ["c", ["d"]],
      ["d", ["e"]],
      ["e", ["c"]],
      ["f", ["f"]],
      ["g", ["a"]],
    ]);
    expect(cycles(g).sort()).toEqual([["a", "b"], ["c", "d", "e"], ["f"]]);
    expect(cycles(new Map([["a", ["b", "c"]], ["b", ["c"]], ["c", []]]))).toEqual([]);
  });
  test("sees the real graph: the CLI entry imports its commands", () => {
    expect(GRAPH.size).toBeGreaterThan(50);
    expect(GRAPH.get("cli/index.ts")).toEqual(expect.arrayContaining(["cli/io.ts", "cli/messages.ts"]));
    expect(GRAPH.get("validation/validate.ts")).toContain("sheet/a1.ts");
    expect(GRAPH.get("cli/convert.ts")).toContain("convert/plan.ts");
  });
});

test("src/ has no import cycle", () => {
  expect(cycles(GRAPH)).toEqual([]);
});

test("the pure layers import no host, pane or CLI: i18n and sheet nothing, policy only itself and i18n, validation and convert only policy, sheet and i18n", () => {
  const allowed: Record<string, string[]> = {
    i18n: ["i18n"],
    sheet: ["sheet"],
    policy: ["policy", "i18n"],
    validation: ["validation", "policy", "sheet", "i18n"],
    convert: ["convert", "policy", "sheet", "i18n"],
  };
  const bad: string[] = [];
  for (const [file, deps] of GRAPH) {
    const layer = file.split("/")[0];
    if (!allowed[layer]) continue;
    for (const d of deps) if (!allowed[layer].includes(d.split("/")[0])) bad.push(`${file} → ${d}`);
  }
  expect(bad).toEqual([]);
});
