/**
 * One translation mechanism (issue 10): every visible string of src/ lives in a catalogue defined
 * with src/i18n `defineMessages`. This guard scans src/ for the ad-hoc patterns the other
 * mechanisms used, outside src/i18n:
 *   - a comparison of a language variable with "zh"/"en" (`lang === "zh" ? "…" : "…"`, `if (lang === "en")`);
 *   - a bilingual literal `{ zh: "…", en: "…" }` or a table keyed by language (`{ zh: { … }, en: { … } }`);
 *   - a local translate helper `t(lang, zh, en)` / `L(zh, en)`.
 * A language-dependent formatter or data field goes through a lookup by `Lang`
 * (`MONEY_FORMAT[lang]`, `program.name[lang]`), not a comparison.
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.resolve(__dirname, "../../src");

const PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ["language comparison", /\b\w*[lL]ang\w*\s*[!=]==?\s*["'](?:zh|en)["']|["'](?:zh|en)["']\s*[!=]==?\s*\w*[lL]ang\b/],
  ["bilingual literal", /\bzh\s*:\s*["'`]/],
  ["table keyed by language", /(?:^\s*|[{,]\s*)zh\s*:\s*[{[]/],
  ["local translate helper", /\(\s*zh\s*:\s*string\s*,\s*en\s*:\s*string\s*\)|\(\s*\w*[lL]ang\w*\s*:\s*\w+\s*,\s*zh\s*:\s*string\s*,\s*en\s*:\s*string/],
];

/** Policy data, not UI strings: the dated catalogue's bilingual names, labels and notes. Permanent. */
const DATA = ["policy/catalogue-2021.ts"];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** Source without comments (a comment may well say `lang === "zh"`); URLs ("https://") survive. */
function code(file: string): string {
  return fs
    .readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** "file:line [pattern] text" for every ad-hoc translation in src/ outside src/i18n. */
function scan(): Map<string, string[]> {
  const hits = new Map<string, string[]>();
  for (const file of walk(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join("/");
    if (rel.startsWith("i18n/")) continue;
    code(file)
      .split("\n")
      .forEach((line, i) => {
        for (const [name, re] of PATTERNS) if (re.test(line)) hits.set(rel, [...(hits.get(rel) ?? []), `${rel}:${i + 1} [${name}] ${line.trim().slice(0, 120)}`]);
      });
  }
  return hits;
}

const hits = scan();

test("no ad-hoc translation in src/ outside src/i18n (the policy data file aside)", () => {
  const found = [...hits.entries()].filter(([f]) => !DATA.includes(f)).flatMap(([, h]) => h);
  expect(found).toEqual([]);
});

test("the data file exists and still holds bilingual data (else it leaves the list)", () => {
  for (const f of DATA) {
    expect([f, fs.existsSync(path.join(SRC, f))]).toEqual([f, true]);
    expect([f, hits.has(f)]).toEqual([f, true]);
  }
});

describe("the patterns catch what they are for, and not lookups by language", () => {
  const hit = (line: string) => PATTERNS.filter(([, re]) => re.test(line)).map(([n]) => n);
  test.each([
    ['const s = lang === "zh" ? "通过" : "Passed";', "language comparison"],
    ['if (args.lang === "en") return x;', "language comparison"],
    ['const tag = { zh: "错误", en: "Error" };', "bilingual literal"],
    ["  zh: { read: (s: string) => s },", "table keyed by language"],
    ["const L = (zh: string, en: string) => t(lang, zh, en);", "local translate helper"],
    ["export const t = (lang: Lang, zh: string, en: string): string => x;", "local translate helper"],
  ])("%s", (line, name) => {
    expect(hit(line)).toContain(name);
  });
  test.each([
    "const name = program.name[lang];",
    "return MONEY_FORMAT[lang](fen);",
    'if (l === "en" || l === "en-us") out.lang = "en";',
    "const STRINGS = { zh, en };",
    "zh: string;",
    'const t = defineMessages("x", { a: "甲" }, { a: "A" });',
  ])("%s", (line) => {
    expect(hit(line)).toEqual([]);
  });
});
