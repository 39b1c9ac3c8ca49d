/** Every visible string lives in src/taskpane/i18n.ts: same keys in both languages, none hard-coded in components. */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { paneText, STRINGS, langFromDisplayLanguage, translate } from "../../src/taskpane/i18n";

const DIR = path.join(__dirname, "../../src/taskpane");
/** Every component of the pane, in its task folders too (app/, catalogue/, reports/, validation/). */
const components = (fs.readdirSync(DIR, { recursive: true }) as string[]).filter((f) => f.endsWith(".tsx")).map((f) => f.split(path.sep).join("/"));

/** Source without comments, so that a comment in Chinese is not mistaken for UI text. */
function code(file: string): string {
  return fs
    .readFileSync(path.join(DIR, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

test("both languages have exactly the same keys, none empty", () => {
  const zh = Object.keys(STRINGS.zh).sort();
  const en = Object.keys(STRINGS.en).sort();
  expect(en).toEqual(zh);
  for (const lang of ["zh", "en"] as const) for (const k of zh) expect(STRINGS[lang][k as keyof typeof STRINGS.zh].length).toBeGreaterThan(0);
});

test("placeholders match between the languages", () => {
  const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
  for (const k of Object.keys(STRINGS.zh) as Array<keyof typeof STRINGS.zh>) expect([k, ph(STRINGS.en[k])]).toEqual([k, ph(STRINGS.zh[k])]);
});

test("the zh table is Chinese and the en table has no Chinese UI text (except names typed by users)", () => {
  const cjk = /[\u4e00-\u9fff]/;
  expect(cjk.test(STRINGS.zh.tab_validation)).toBe(true);
  const allowed = new Set(["lang_switch", "search_placeholder"]); // "中文" names the other language; an example of a Chinese search
  for (const [k, v] of Object.entries(STRINGS.en)) if (!allowed.has(k)) expect([k, cjk.test(v)]).toEqual([k, false]);
});

test("the pane's tables are the one mechanism's catalogue (src/i18n defineMessages)", () => {
  expect(paneText.area).toBe("pane");
  expect(paneText.tables.zh).toBe(STRINGS.zh);
  expect(paneText.tables.en).toBe(STRINGS.en);
  expect(translate("en", "file_loaded", { name: "a.xlsx" })).toBe(paneText("en", "file_loaded", { name: "a.xlsx" }));
});

test("translate fills parameters; displayLanguage picks the language, zh by default", () => {
  expect(translate("zh", "results_count", { n: 19 })).toBe("共 19 项");
  expect(translate("en", "results_count", { n: 19 })).toBe("19 items");
  expect(langFromDisplayLanguage("en-US")).toBe("en");
  expect(langFromDisplayLanguage("zh-CN")).toBe("zh");
  expect(langFromDisplayLanguage(undefined)).toBe("zh");
  expect(langFromDisplayLanguage("fr-FR")).toBe("zh");
});

test.each(components)("%s has no hard-coded Chinese text", (file) => {
  expect(code(file).match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g)).toBeNull();
});

/** JSX text and literal visible attributes, found with the TypeScript parser. */
function literalUiText(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(path.join(DIR, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && /[A-Za-z\u4e00-\u9fff]/.test(n.text)) found.push(n.text.trim());
    if (ts.isJsxAttribute(n) && n.initializer && ts.isStringLiteral(n.initializer)) {
      const name = n.name.getText(sf);
      if (/^(label|title|placeholder|aria-label|alt|validationMessage|content)$/.test(name)) found.push(`${name}="${n.initializer.text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

test.each(components)("%s has no hard-coded UI text in JSX or visible attributes", (file) => {
  expect(literalUiText(file)).toEqual([]);
});

test("every key of the pane's catalogue is used by the pane (literally, or through a key built from a known prefix)", () => {
  const SRC = path.join(__dirname, "../../src");
  const files = (fs.readdirSync(SRC, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(path.join("taskpane", "i18n.ts")));
  const text = files.map((f) => fs.readFileSync(path.join(SRC, f), "utf8")).join("\n");
  // Keys built at run time: `host_${error.code}`, `col_${column}`, `formula_result_${kind}`, `tab_${tab}`.
  const prefixes = [...text.matchAll(/`([a-z]+(?:_[a-z]+)*_)\$\{/g)].map((m) => m[1]);
  expect(prefixes).toEqual(expect.arrayContaining(["host_", "col_", "tab_"]));
  const unused = Object.keys(STRINGS.zh).filter((k) => !text.includes(`"${k}"`) && !prefixes.some((p) => k.startsWith(p)));
  expect(unused).toEqual([]);
});
