/**
 * webpack 5 build, laid out like the yo office shared-runtime template.
 *
 * SHARED RUNTIME (our choice, Microsoft's current recommendation for functions + task pane):
 * the custom functions and the task pane run in ONE JavaScript runtime, the page
 * dist/taskpane.html (manifest: <Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/>,
 * and the functions' <Page> is that same URL). taskpane.html loads office.js from Microsoft's
 * CDN with an async tag (never blocking the first paint) and taskpane.js; taskpane.js adds
 * functions.js once office.js has loaded (src/taskpane/detect-host.ts).
 *
 * Entries:
 *   functions  src/functions/functions.ts → dist/functions.js. Only the policy core is bundled
 *              (no React, Fluent or ExcelJS; test/build checks ≤ 60 KB). It registers every
 *              function through CustomFunctions.associate when evaluated alone, because
 *              custom-functions-metadata-plugin appends the associate calls to functions.ts
 *              and generates dist/functions.json from its JSDoc.
 *   taskpane   src/taskpane/index.tsx → dist/taskpane.js (+ lazy chunks, e.g. ExcelJS).
 * The two entries share no chunk, so functions.js stands alone.
 *
 * Also: dist/functions.zh-cn.json and dist/functions.en-us.json (scripts/build-locales.js, from
 * src/functions/metadata-text.json), dist/manifest.xml with every URL rewritten to the base URL,
 * and dist/assets/ (icons).
 *
 * Options (npm run build -- --env …):
 *   baseUrl=https://intranet.example/cz/   where dist/ is served (default https://localhost:3000/)
 *   officeJs=<url>                          office.js URL (default Microsoft's CDN; e.g. a 21Vianet
 *                                           or intranet mirror); its origin is the only non-self
 *                                           origin the page's CSP allows for scripts.
 *   officeJs=local                          serve office.js from dist/office-js/ (copied from
 *                                           @microsoft/office-js, zh-CN and en-US resources only):
 *                                           the intranet build needs no outside origin at all.
 * Dev certificates (~/.office-addin-dev-certs) are read only by `webpack serve`.
 */
"use strict";
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizedFunctionsMetadataPlugin, mainCompilationOnly } = require("./scripts/build-locales");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Where officeJs=local puts office.js (relative to taskpane.html). */
const LOCAL_OFFICE_JS = "office-js/office.js";
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** A base URL ending in "/"; only http(s). */
function normaliseBaseUrl(raw) {
  const u = new URL(String(raw));
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error(`baseUrl must be http(s): ${raw}`);
  u.search = "";
  u.hash = "";
  return u.href.endsWith("/") ? u.href : u.href + "/";
}

/** The page's Content-Security-Policy: 'self' plus the office.js origin for scripts, nothing else. */
function contentSecurityPolicy(officeJsUrl) {
  // A relative office.js URL (officeJs=local) is served by this server: 'self' covers it.
  const officeOrigin = /^https?:\/\//i.test(officeJsUrl) ? new URL(officeJsUrl).origin : null;
  return [
    "default-src 'self'",
    officeOrigin ? `script-src 'self' ${officeOrigin}` : "script-src 'self'",
    // Fluent UI v9 (Griffel) inserts its CSS at run time into <style> elements: checked in headless
    // Chromium, without 'unsafe-inline' every such style is refused ("Applying inline style violates…").
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

const { paneOnlyManifest } = require("./scripts/pane-only-manifest");

/**
 * officeJs=local: office.js and the files it loads next to itself, from @microsoft/office-js,
 * without debug builds and without the resource folders of languages the pane does not speak.
 */
function localOfficeJsPattern() {
  const from = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
  const locale = /^[a-z]{2,3}(-[a-z]{2,4})*-[a-z]{2}$/;
  const keep = new Set(["en-us", "zh-cn"]);
  return {
    from,
    to: "office-js",
    globOptions: { ignore: ["**/*.debug.js"] },
    filter: (file) => {
      const top = path.relative(from, file).split(path.sep)[0].toLowerCase();
      return !locale.test(top) || keep.has(top);
    },
  };
}

/** dist/manifest.xml: every https://localhost:3000/ URL becomes the base URL. */
function rewriteManifest(content, baseUrl) {
  return content.toString().split(DEV_URL).join(baseUrl);
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const baseUrl = normaliseBaseUrl(env.baseUrl || DEV_URL);
  const localOfficeJs = env.officeJs === "local";
  const officeJs = localOfficeJs ? LOCAL_OFFICE_JS : env.officeJs || OFFICE_JS_CDN;
  const serving = Boolean(env.WEBPACK_SERVE);

  const config = {
    mode,
    devtool: dev ? "source-map" : false,
    // Development builds (npm start's dev server) keep webpack's cache on disk (node_modules/.cache/webpack),
    // so a second start, and the test that starts the server, compile in a fraction of the time.
    // Production builds (what is shipped) always compile from scratch.
    cache: dev ? { type: "filesystem", buildDependencies: { config: [__filename, require.resolve("./scripts/build-locales")] } } : false,
    target: ["web", "es2020"],
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      // Always write the outputs, even when unchanged: test/build/ensure-dist.ts judges dist/ by mtimes,
      // and a source edit that leaves the bundle identical would otherwise rebuild it on every test run.
      compareBeforeEmit: false,
      // dist/cli/ holds the CLI bundle (scripts/build-cli.js), built after this compilation.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          // ExcelJS's browser build (lazy chunk of the pane): strip its eval-style fallbacks.
          test: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
          use: { loader: path.resolve(__dirname, "scripts/no-eval-loader.js") },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `tsc --noEmit` (npm test / CI); the build only transpiles.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      mainCompilationOnly(new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" })),
      new LocalizedFunctionsMetadataPlugin({ asset: "functions.json" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions and the pane in one page. Only the pane is a tag: functions.js
        // must run after office.js, which loads async, so the pane adds it (src/taskpane/detect-host.ts).
        chunks: ["taskpane"],
        scriptLoading: "defer",
        templateParameters: { officeJs, csp: contentSecurityPolicy(officeJs) },
        minify: dev ? false : { collapseWhitespace: true, removeComments: true },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content, baseUrl) },
          // Pane only, no shared runtime (Office Online Server, volume Office 2016/2019): scripts/pane-only-manifest.js.
          { from: "manifest.xml", to: "manifest-pane-only.xml", transform: (content) => paneOnlyManifest(rewriteManifest(content, baseUrl)) },
          ...(localOfficeJs ? [localOfficeJsPattern()] : []),
        ],
      }),
    ],
  };

  if (serving) {
    // Read the dev certificates only here, when serving (never for a production build).
    const { httpsServerOptions } = require("./scripts/dev-certs");
    config.devServer = {
      port: DEV_PORT,
      server: { type: "https", options: await httpsServerOptions() },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: false,
      client: false,
      devMiddleware: { writeToDisk: false },
    };
  }
  return config;
};

module.exports.normaliseBaseUrl = normaliseBaseUrl;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_URL = DEV_URL;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
