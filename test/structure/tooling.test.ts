/**
 * The test tooling keeps its promise that a type error in a test fails every run: jest transpiles
 * without type-checking only when scripts/test.js has run `tsc` over test/ first (see jest.config.js).
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

test("tsc's project covers the tests, so npm test's type check is also the tests' type check", () => {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"));
  expect(tsconfig.include).toEqual(expect.arrayContaining(["src", "test"]));
  expect(tsconfig.compilerOptions.noEmit).toBe(true);
});

test("ts-jest type-checks unless npm test has type-checked first", () => {
  const load = (env: string | undefined) => {
    const saved = process.env.CZ_TESTS_TYPECHECKED;
    if (env === undefined) delete process.env.CZ_TESTS_TYPECHECKED;
    else process.env.CZ_TESTS_TYPECHECKED = env;
    try {
      let config: { transform: Record<string, [string, { tsconfig: Record<string, unknown>; diagnostics: unknown }]> } | undefined;
      jest.isolateModules(() => {
        config = require(path.join(ROOT, "jest.config.js"));
      });
      return config!.transform["^.+\\.tsx?$"][1];
    } finally {
      if (saved === undefined) delete process.env.CZ_TESTS_TYPECHECKED;
      else process.env.CZ_TESTS_TYPECHECKED = saved;
    }
  };
  const alone = load(undefined);
  expect(alone.tsconfig.isolatedModules).toBeUndefined();
  expect(alone.diagnostics).not.toBe(false);
  const afterTsc = load("1");
  expect(afterTsc.tsconfig.isolatedModules).toBe(true);

  // …and scripts/test.js sets it only for jest, which it starts only after the type check passed.
  const script = fs.readFileSync(path.join(ROOT, "scripts", "test.js"), "utf8");
  expect(script).toMatch(/const typecheck = await run\("typecheck"/);
  expect(script).toMatch(/if \(typecheck === 0\) \{[\s\S]*?run\("jest"[^\n]*CZ_TESTS_TYPECHECKED: "1"/);
});

test("docs/ARCHITECTURE.md names only paths that exist, and the README links it", () => {
  const doc = fs.readFileSync(path.join(ROOT, "docs", "ARCHITECTURE.md"), "utf8");
  const paths = [...doc.matchAll(/`((?:src|test|docs)\/[^`\s]*)`|\b((?:src|test|docs)\/[\w./-]+\w)/g)].map((m) => (m[1] ?? m[2]).replace(/\/$/, ""));
  expect(paths.length).toBeGreaterThan(15);
  expect(paths.filter((p) => !fs.existsSync(path.join(ROOT, p)))).toEqual([]);
  expect(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).toContain("(docs/ARCHITECTURE.md)");
});
