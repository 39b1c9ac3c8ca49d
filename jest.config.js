/** jest: ts-jest for TypeScript; office-addin-mock's ESM-only dependencies are transformed too. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", moduleResolution: "node", esModuleInterop: true, allowJs: true, isolatedModules: true }, diagnostics: false }],
    "^.+\\.m?js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", esModuleInterop: true, isolatedModules: true }, diagnostics: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(strip-bom|uuid|office-addin-manifest|office-addin-mock|@microsoft/app-manifest)/)"],
  testTimeout: 60000,
};
