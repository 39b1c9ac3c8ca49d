// ESLint flat config: recommended JS + TypeScript rules, a curated set of type-aware rules (the
// promise mistakes a test or a handler can hide, and assertions the types make useless), and React's
// hooks rules (eslint-plugin-react-hooks' recommended set, with the React Compiler checks) on the
// pane. `npm test` runs it with --max-warnings 0.
//
// Type-aware rules read the TypeScript program (parserOptions.projectService, the project's
// tsconfig.json): they apply to .ts/.tsx files; plain .js files (scripts, config) are linted
// without types. Not chosen: the no-unsafe-* family (the code reads untyped cells and Office
// payloads as `unknown`/`any` on purpose), only-throw-error (custom functions must throw
// CustomFunctions.Error), require-await (async interface implementations without an await are fine).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "**/*.min.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", require: "readonly", module: "writable", __dirname: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_" }],
      "no-new-func": "error",
      "no-eval": "error",
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits: an `expect(…).rejects` that cannot fail, an error that vanishes.
      "@typescript-eslint/no-floating-promises": "error",
      // A promise where a plain value is expected (`if (promise)`, a forEach callback). React's
      // onClick={async () => …} is allowed: the handler reports its own errors.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/prefer-promise-reject-errors": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },
  { files: ["src/taskpane/**/*.{ts,tsx}", "test/**/*.tsx"], ...reactHooks.configs.flat.recommended },
);
