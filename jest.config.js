/**
 * jest: ts-jest for TypeScript; office-addin-mock's ESM-only dependencies are transformed too.
 * Test files are type-checked as they are compiled (diagnostics on), so a type error in a test fails
 * `npx jest` too, not only `npm test`'s `tsc --noEmit`; src/ is type-checked by that tsc run (once).
 * Two workers on the 2-core machine (jest's default would leave one core idle while tests wait on
 * the CLI, LibreOffice or Chromium).
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  maxWorkers: "100%",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", moduleResolution: "node", esModuleInterop: true, allowJs: true }, diagnostics: { exclude: ["**/src/**"] } }],
    "^.+\\.m?js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", esModuleInterop: true, isolatedModules: true }, diagnostics: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(strip-bom|uuid|office-addin-manifest|office-addin-mock|@microsoft/app-manifest)/)"],
  testTimeout: 60000,
};
