/**
 * Security checks on the BUILT add-in (run `npm run build` first):
 * - the pane and the functions make no network requests: the CSP allows only 'self' plus
 *   Microsoft's office.js CDN, and no new origin may appear anywhere in the built HTML or JS;
 * - no eval / new Function / Function(...) in any built bundle;
 * - the manifest asks for ReadWriteDocument and nothing more.
 */
import fs from "fs";
import path from "path";

const DIST = path.join(__dirname, "..", "..", "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/**
 * Origins that appear in the bundles as text but are never fetched: XML namespaces inside
 * .xlsx files (ExcelJS), licence comments and React's error-page link in messages. A new
 * origin fails the test: check it, and add it here only if nothing loads from it.
 */
const TEXT_ONLY_ORIGINS = new Set([
  "http://schemas.openxmlformats.org",
  "http://schemas.microsoft.com",
  "http://www.w3.org",
  "http://purl.org",
  "https://github.com",
  "https://stuk.github.io",
  "https://react.dev",
]);

const built = fs.existsSync(DIST) ? fs.readdirSync(DIST).filter((f) => /\.(js|html)$/.test(f)) : [];

test("the build exists", () => {
  expect(built).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "taskpane.html"]));
});

test("no origin but 'self' and the office.js CDN, and text-only namespaces", () => {
  const found = new Map<string, string>();
  for (const f of built) {
    const text = fs.readFileSync(path.join(DIST, f), "utf8");
    for (const m of text.matchAll(/\b(?:https?|wss?|ftp):\/\/[a-zA-Z0-9.-]+(?::\d+)?/g)) found.set(m[0], f);
  }
  const unexpected = [...found].filter(([o]) => o !== OFFICE_CDN && !TEXT_ONLY_ORIGINS.has(o));
  expect(unexpected).toEqual([]);
});

test("the functions bundle and the pane's first script name no origin at all (apart from text-only namespaces)", () => {
  const fn = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  expect(fn.match(/https?:\/\/[a-zA-Z0-9.-]+/g) ?? []).toEqual([]);
  expect(fn).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon/);
});

test("the pane's CSP allows only 'self' and the office.js CDN", () => {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const m = /http-equiv=["']?Content-Security-Policy["']?\s+content=("([^"]*)"|'([^']*)')/i.exec(html);
  expect(m).not.toBeNull();
  const csp = (m![2] ?? m![3]).split(";").map((d) => d.trim()).filter(Boolean);
  const dir = Object.fromEntries(csp.map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)]));
  expect(dir["default-src"]).toEqual(["'self'"]);
  expect(dir["script-src"].sort()).toEqual(["'self'", OFFICE_CDN].sort());
  for (const [name, sources] of Object.entries(dir)) {
    for (const s of sources) {
      expect(["'self'", "'none'", "'unsafe-inline'", OFFICE_CDN, "data:", "blob:"]).toContain(s);
      if (s === "'unsafe-inline'") expect(name).toBe("style-src"); // Fluent's Griffel injects styles
    }
  }
  expect(dir["script-src"]).not.toContain("'unsafe-eval'");
  expect(dir["connect-src"] ?? dir["default-src"]).not.toContain(OFFICE_CDN);
  // Every script the page loads is ours or office.js.
  for (const s of html.matchAll(/<script[^>]*\ssrc=("[^"]+"|'[^']+'|[^\s>]+)/g)) {
    const src = s[1].replace(/^["']|["']$/g, "");
    expect(src.startsWith(OFFICE_CDN + "/") || !/^[a-z]+:/i.test(src)).toBe(true);
  }
});

test.each(built.filter((f) => f.endsWith(".js")))("no eval or Function constructor in %s", (f) => {
  const text = fs.readFileSync(path.join(DIST, f), "utf8");
  expect(text.match(/[^\w$.]eval\s*\(/g) ?? []).toEqual([]);
  expect(text.match(/new\s+Function\b|[^\w$.]Function\s*\(/g) ?? []).toEqual([]);
});

test("the manifest asks for ReadWriteDocument only", () => {
  const xml = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  const perms = [...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1].trim());
  expect(perms).toEqual(["ReadWriteDocument"]);
});
