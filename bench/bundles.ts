/** Benchmark d: bundle sizes, minified and gzipped, and what the pane's first paint loads. */
import fs from "fs";
import path from "path";
import zlib from "zlib";

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
  return {
    functions_min_bytes: sizes["functions.js"]?.min_bytes ?? -1,
    functions_gzip_bytes: sizes["functions.js"]?.gzip_bytes ?? -1,
    functions_has_react: /react\.dev|__SECRET_INTERNALS|useState/.test(functionsJs),
    functions_has_exceljs: /exceljs|ExcelJS/.test(functionsJs),
    first_paint_scripts: firstPaint,
    first_paint_waits_for_exceljs: firstPaint.some((s) => /exceljs/i.test(s)),
    files: sizes,
  };
}
