/**
 * Every catalogue in src/ has the same keys in zh and en, with no empty message. The catalogues are
 * found by their source: every file that calls defineMessages is imported, and each call is
 * recorded (a catalogue private to its module is checked as well as an exported one).
 */
import * as fs from "fs";
import * as path from "path";
import type { Translator } from "../../src/i18n";

const SRC = path.resolve(__dirname, "../../src");
const { parityProblems } = jest.requireActual<typeof import("../../src/i18n")>("../../src/i18n");

// Every defineMessages call, with the src file that made it (from the call stack; "mock" prefix:
// jest.mock's factory may use it).
const mockDefined: Array<{ t: Translator<string>; file: string }> = [];
jest.mock("../../src/i18n", () => {
  const actual = jest.requireActual<typeof import("../../src/i18n")>("../../src/i18n");
  return {
    ...actual,
    defineMessages: (...args: Parameters<typeof actual.defineMessages>) => {
      const t = actual.defineMessages(...args);
      const caller = (new Error().stack ?? "").split("\n").find((l) => /[\\/]src[\\/]/.test(l) && !/[\\/]src[\\/]i18n[\\/]/.test(l)) ?? "";
      mockDefined.push({ t: t, file: /\(?([^()]*?\.tsx?):\d+:\d+\)?\s*$/.exec(caller)?.[1] ?? caller });
      return t;
    },
  };
});

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

const files = walk(SRC)
  .filter((f) => !f.startsWith(path.join(SRC, "i18n") + path.sep))
  .filter((f) => /\bdefineMessages\s*[(<]/.test(fs.readFileSync(f, "utf8")));

for (const f of files) require(f);
const all = mockDefined.map((d) => d.t);
/** The catalogues each file defines. */
const byFile = new Map<string, Array<Translator<string>>>(files.map((f) => [path.relative(SRC, f), mockDefined.filter((d) => path.resolve(d.file) === f).map((d) => d.t)]));

test("the catalogues of every layer are found", () => {
  const rel = [...byFile.keys()];
  for (const f of ["validation/messages.ts", "cli/messages.ts", "functions/locale.ts", "policy/messages.ts", "policy/explain.ts", "taskpane/i18n.ts"]) expect(rel).toContain(f);
  for (const [f, list] of byFile) expect([f, list.length > 0]).toEqual([f, true]);
});

test("every catalogue has the same keys in zh and en", () => {
  expect(all.flatMap((t) => parityProblems(t))).toEqual([]);
});

test("no message is empty, and every area name is used once", () => {
  for (const t of all)
    for (const lang of ["zh", "en"] as const)
      for (const k of t.keys) {
        const m = t.tables[lang][k];
        // An empty text is allowed only for a separator that another language writes as whitespace (zh joins sentences with nothing, en with a space).
        const separator = Object.values(t.tables).some((x) => typeof x[k] === "string" && x[k] !== "" && (x[k]).trim() === "");
        expect([t.area, lang, k, typeof m === "function" || (typeof m === "string" && (m.length > 0 || separator))]).toEqual([t.area, lang, k, true]);
      }
  const areas = all.map((t) => t.area);
  expect(areas.filter((a, i) => areas.indexOf(a) !== i)).toEqual([]);
});
