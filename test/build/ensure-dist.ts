/**
 * The BUILT dist/ for the build and manifest tests. CI runs `npm run build` before `npm test`, so
 * dist/ is normally fresh and reused. When dist/functions.js is missing, or older than what the
 * functions bundle, the metadata or the manifest are built from, the production build runs once
 * (a lock directory keeps parallel jest workers from building at the same time).
 */
import { execSync } from "child_process";
import fs from "fs";
import path from "path";

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

const INPUTS = ["src/functions", "src/policy", "src/i18n", "webpack.config.js", "manifest.xml", "scripts/build-locales.js", "scripts/pane-only-manifest.js", "src/taskpane/taskpane.html", "assets"];
const OUTPUTS = ["functions.js", "functions.json", "functions.zh-cn.json", "functions.en-us.json", "taskpane.html", "taskpane.js", "manifest.xml", "manifest-pane-only.xml"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

function isFresh(): boolean {
  const outs = OUTPUTS.map((f) => path.join(DIST, f));
  if (!outs.every((f) => fs.existsSync(f))) return false;
  const built = Math.min(...outs.map((f) => fs.statSync(f).mtimeMs));
  const source = Math.max(...INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  return built >= source;
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureDist(): string {
  if (isFresh()) return DIST;
  const lock = path.join(ROOT, "node_modules", ".cz-build-lock");
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} is held: remove it if no build is running`);
      sleep(500);
    }
  }
  try {
    if (!isFresh()) execSync("npm run build", { cwd: ROOT, stdio: "pipe" });
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return DIST;
}
