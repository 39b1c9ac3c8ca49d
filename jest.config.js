/**
 * jest: ts-jest for TypeScript; the ESM-only dependencies of office-addin-manifest are transformed too.
 *
 * Type errors in tests fail every run:
 * - `npx jest …` on its own: test files are type-checked as they are compiled (ts-jest diagnostics
 *   on; src/ is reported by tsc, not here);
 * - `npm test` (scripts/test.js): `tsc --noEmit -p tsconfig.json` checks src/ AND test/ first, and
 *   jest runs only when that passed; it then sets CZ_TESTS_TYPECHECKED=1 and ts-jest only
 *   transpiles (type-checking each test file again in every worker cost about 2 s of CPU per suite,
 *   a third of the unit suite's time on the 2-core machine). test/structure/tooling.test.ts keeps
 *   this arrangement honest.
 *
 * Two workers on the 2-core machine (jest's default would leave one core idle while tests wait on
 * the CLI, LibreOffice or Chromium).
 */
const typechecked = process.env.CZ_TESTS_TYPECHECKED === "1";

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  maxWorkers: "100%",
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { jsx: "react-jsx", module: "commonjs", moduleResolution: "node", esModuleInterop: true, allowJs: true, ...(typechecked ? { isolatedModules: true } : {}) },
        diagnostics: typechecked ? false : { exclude: ["**/src/**"] },
      },
    ],
    "^.+\\.m?js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", esModuleInterop: true, isolatedModules: true }, diagnostics: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(strip-bom|uuid|office-addin-manifest|@microsoft/app-manifest)/)"],
  testTimeout: 60000,
};
