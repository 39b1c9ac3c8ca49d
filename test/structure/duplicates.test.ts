/**
 * No copy-paste in src/: no block of six or more lines stands twice (issue 10). A small detector, no
 * dependency: each file's lines are normalised (comments, blank lines, import statements and lines of
 * lone punctuation such as `}` or `});` are dropped; white space is folded), and every window of six
 * consecutive normalised lines is hashed. A window that stands in two places is a finding; findings
 * next to each other are merged into one run, reported as `a.ts:10-24 ~ b.ts:40-54` (source lines).
 *
 * Same shape with other names (what the library's `duplicates` tool also reports) is not checked
 * here: only text that is the same but for white space, comments and imports.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.resolve(__dirname, "../../src");
export const MIN_LINES = 6;

export interface SourceText {
  name: string;
  text: string;
}

/** A run of lines standing in two places (1-based source lines, inclusive). */
export interface Finding {
  a: { file: string; from: number; to: number };
  b: { file: string; from: number; to: number };
}

/** Blank out a match but keep its line breaks, so that line numbers stay right. */
const blank = (m: string) => m.replace(/[^\n]/g, "");

/** The lines that count, each with its 1-based line number in the source. */
export function normalisedLines(text: string): { line: number; text: string }[] {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, blank)
    .replace(/^[ \t]*(?:import|export)\b[^;"'`]*?\bfrom\s*["'][^"']+["'];?/gm, blank)
    .replace(/^[ \t]*import\s*["'][^"']+["'];?/gm, blank)
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const out: { line: number; text: string }[] = [];
  code.split("\n").forEach((raw, i) => {
    const t = raw.replace(/\s+/g, " ").trim();
    if (t === "" || /^[{}()[\];,\s]*$/.test(t)) return;
    out.push({ line: i + 1, text: t });
  });
  return out;
}

/** Every run of `min` or more normalised lines that stands in two places (in two files, or twice in one). */
export function findDuplicates(files: SourceText[], min = MIN_LINES): Finding[] {
  const lines = files.map((f) => normalisedLines(f.text));
  const windows = new Map<string, { file: number; idx: number }[]>();
  lines.forEach((ls, file) => {
    for (let idx = 0; idx + min <= ls.length; idx++) {
      const key = ls
        .slice(idx, idx + min)
        .map((l) => l.text)
        .join("\n");
      const at = windows.get(key);
      if (at) at.push({ file, idx });
      else windows.set(key, [{ file, idx }]);
    }
  });
  // Pairs of places, grouped by (file a, file b, offset) so that consecutive windows merge into one run.
  const starts = new Map<string, number[]>();
  for (const at of windows.values()) {
    for (let i = 0; i < at.length; i++) {
      for (let j = i + 1; j < at.length; j++) {
        const [p, q] = [at[i], at[j]];
        if (p.file === q.file && Math.abs(p.idx - q.idx) < min) continue; // a line repeated in place, not a copy
        const key = `${p.file}|${q.file}|${q.idx - p.idx}`;
        const list = starts.get(key);
        if (list) list.push(p.idx);
        else starts.set(key, [p.idx]);
      }
    }
  }
  const out: Finding[] = [];
  for (const [key, list] of starts) {
    const [fa, fb, offset] = key.split("|").map(Number);
    list.sort((x, y) => x - y);
    let from = list[0];
    for (let k = 0; k < list.length; k++) {
      const last = k === list.length - 1 || list[k + 1] !== list[k] + 1;
      if (!last) continue;
      const to = list[k] + min - 1;
      const la = lines[fa];
      const lb = lines[fb];
      out.push({
        a: { file: files[fa].name, from: la[from].line, to: la[to].line },
        b: { file: files[fb].name, from: lb[from + offset].line, to: lb[to + offset].line },
      });
      if (k + 1 < list.length) from = list[k + 1];
    }
  }
  return out.sort((x, y) => (x.a.file + x.a.from).localeCompare(y.a.file + y.a.from));
}

export const describeFinding = (f: Finding) => `${f.a.file}:${f.a.from}-${f.a.to} ~ ${f.b.file}:${f.b.from}-${f.b.to}`;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}


describe("the detector itself", () => {
  const body = (indent: string) =>
    [
      "function total(rows) {",
      "  let sum = 0;",
      "  for (const r of rows) {",
      "    if (r.skip) continue;",
      "    sum += r.amount;",
      "    count++;",
      "  }",
      "  return sum;",
      "}",
    ]
      .map((l) => indent + l)
      .join("\n");

  test("finds a planted block of six lines in two files, with the source line numbers", () => {
    const a = { name: "a.ts", text: `import { x } from "./x";\n\nconst before = 1;\n${body("")}\n` };
    const b = { name: "b.ts", text: `const other = 2;\n${body("")}\n` };
    expect(findDuplicates([a, b]).map(describeFinding)).toEqual(["a.ts:4-11 ~ b.ts:2-9"]);
  });

  test("sees through white space, comments, blank lines and imports", () => {
    const a = { name: "a.ts", text: body("") };
    const b = {
      name: "b.ts",
      text: ['import {\n  y,\n} from "./y";', "// a comment", "/** a doc\n * comment */", body("      ").replace("let sum = 0;", "let   sum=0;".replace("=", " = ")).replace("sum += r.amount;", "sum += r.amount; // added\n\n")].join("\n"),
    };
    expect(findDuplicates([a, b])).toHaveLength(1);
  });

  test("finds a block repeated in one file, and not a line repeated in place", () => {
    expect(findDuplicates([{ name: "a.ts", text: `${body("")}\nconst mid = 1;\n${body("  ")}` }]).map(describeFinding)).toEqual(["a.ts:1-8 ~ a.ts:11-18"]);
    expect(findDuplicates([{ name: "a.ts", text: "x++;\n".repeat(10) }])).toEqual([]);
  });

  test("does not count five lines, lone braces or one changed line", () => {
    const five = ["a();", "b();", "c();", "d();", "e();"].join("\n");
    expect(findDuplicates([{ name: "a.ts", text: five }, { name: "b.ts", text: five }])).toEqual([]);
    const braces = "}\n});\n]\n)\n{\n};\n";
    expect(findDuplicates([{ name: "a.ts", text: five + "\n" + braces }, { name: "b.ts", text: five + "\n" + braces }])).toEqual([]);
    expect(findDuplicates([{ name: "a.ts", text: body("") }, { name: "b.ts", text: body("").replace("sum += r.amount;", "sum -= r.amount;") }])).toEqual([]);
  });
});

test(`src/ has no block of ${MIN_LINES} or more lines that stands twice`, () => {
  const files = sourceFiles(SRC).map((f) => ({ name: path.relative(SRC, f).split(path.sep).join("/"), text: fs.readFileSync(f, "utf8") }));
  expect(files.length).toBeGreaterThan(50);
  const findings = findDuplicates(files);
  expect(findings.map(describeFinding)).toEqual([]);
});
