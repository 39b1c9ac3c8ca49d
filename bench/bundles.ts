/**
 * Benchmark d: bundle sizes, minified and gzipped, and what the pane's first paint loads: the
 * initial pane chunk (the scripts taskpane.html loads from dist/, i.e. taskpane.js, the entry)
 * against the issue 10 target of 160 KB gzipped, and the lazy chunks loaded later (ExcelJS for the
 * browser mode, the Reports tab, the conversion planner …).
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";

/** Issue 10: the pane's first paint loads at most this much JavaScript from dist/, gzipped. */
export const INITIAL_PANE_TARGET_GZIP_BYTES = 160 * 1024;

export function benchBundles(dist = path.join(__dirname, "..", "dist")) {
  const files = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
  const sizes: Record<string, { min_bytes: number; gzip_bytes: number }> = {};
  for (const f of files) {
    const buf = fs.readFileSync(path.join(dist, f));
    sizes[f] = { min_bytes: buf.length, gzip_bytes: zlib.gzipSync(buf, { level: 9 }).length };
  }
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const firstPaint = [...html.matchAll(/<script[^>]*\ssrc=("[^"]+"|'[^']+'|[^\s>]+)/g)].map((m) => m[1].replace(/^["']|["']$/g, ""));
  const functionsJs = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
  // What the page's own <script> tags load from dist/ (office.js comes from the CDN): the pane's
  // entry chunk taskpane.js, and functions.js (the shared runtime's custom functions).
  const firstPaintFiles = firstPaint.map((s) => s.replace(/^\.?\//, "").split("?")[0]).filter((f) => sizes[f]);
  const lazy = files.filter((f) => f !== "functions.js" && f !== "taskpane.js" && !firstPaintFiles.includes(f));
  const sum = (fs_: string[], k: "min_bytes" | "gzip_bytes") => fs_.reduce((n, f) => n + (sizes[f]?.[k] ?? 0), 0);
  const entryGzip = sizes["taskpane.js"]?.gzip_bytes ?? -1;
  return {
    initial_pane: { file: "taskpane.js", min_bytes: sizes["taskpane.js"]?.min_bytes ?? -1, gzip_bytes: entryGzip, target_gzip_bytes: INITIAL_PANE_TARGET_GZIP_BYTES, within_target: entryGzip >= 0 && entryGzip <= INITIAL_PANE_TARGET_GZIP_BYTES },
    first_paint_from_dist: { files: firstPaintFiles, min_bytes: sum(firstPaintFiles, "min_bytes"), gzip_bytes: sum(firstPaintFiles, "gzip_bytes") },
    lazy_chunks: { files: lazy, min_bytes: sum(lazy, "min_bytes"), gzip_bytes: sum(lazy, "gzip_bytes") },
    functions_min_bytes: sizes["functions.js"]?.min_bytes ?? -1,
    functions_gzip_bytes: sizes["functions.js"]?.gzip_bytes ?? -1,
    functions_has_react: /react\.dev|__SECRET_INTERNALS|useState/.test(functionsJs),
    functions_has_exceljs: /exceljs|ExcelJS/.test(functionsJs),
    first_paint_scripts: firstPaint,
    first_paint_waits_for_exceljs: firstPaint.some((s) => /exceljs/i.test(s)),
    files: sizes,
  };
}
