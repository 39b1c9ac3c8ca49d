/**
 * What the Chromium E2E tests share: the paths they use, whether Chromium is here, how it is
 * launched (Debian's binary with the flags this machine needs), the web server for dist/, and
 * axe-core run in the page.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.join(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const CHROMIUM = "/usr/bin/chromium";
export const SAMPLE = path.join(ROOT, "examples/applications-sample.xlsx");
export const OFFICE_JS = path.join(ROOT, "node_modules/@microsoft/office-js/dist/office.js");
export const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");

export const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`E2E skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

/** Serves a folder (the built dist/) on 127.0.0.1 at a free port, as a deployment's web server would; "/" is taskpane.html. Nothing outside the folder is served. */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = path.normalize(path.join(dir, url === "/" ? "taskpane.html" : url));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string; html: string; failureSummary: string }>;
}

/** axe-core's violations in the page, or inside the element `include` selects. */
export async function axeViolations(page: Page, include: string | null = null): Promise<AxeViolation[]> {
  // Through the DevTools protocol: the pane's CSP (script-src 'self') rightly blocks an injected <script>.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(fs.readFileSync(AXE, "utf8"));
  return page.evaluate(async (sel) => {
    type Raw = { id: string; impact: string; help: string; nodes: Array<{ target: unknown[]; html?: string; failureSummary?: string }> };
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Raw[] }> } }).axe;
    const r = await axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html ?? "", failureSummary: n.failureSummary ?? "" })) }));
  }, include);
}

export const isSerious = (v: Pick<AxeViolation, "impact">): boolean => v.impact === "serious" || v.impact === "critical";
