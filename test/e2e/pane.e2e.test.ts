/**
 * End to end in real headless Chromium (Debian `chromium` + playwright-core): serve the BUILT
 * pane (dist/), open it outside Excel (browser mode), upload the sample workbook, validate,
 * check the deliberate faults are found, click one, save a screenshot; then on 报表 build the
 * results table and the (plain-table) pivot report, check the progress panel, download the
 * workbook and read it back with ExcelJS; second screenshot.
 *
 * office.js comes from node_modules through page.route (the CDN is unreachable here); every
 * other non-local request is aborted, so the test also shows the pane needs no network.
 */
import { execSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import ExcelJS from "exceljs";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DIST, haveChromium, launchChromium, OFFICE_JS, ROOT, SAMPLE, serve } from "../support/e2e";

const FAULTS = path.join(ROOT, "examples/sample-faults.json");
const SHOT = path.join(__dirname, "screenshots/validation.png");
const SHOT_REPORTS = path.join(__dirname, "screenshots/reports.png");

const describeE2E = haveChromium ? describe : describe.skip;


/** Expected faults as {row, rule} pairs, whatever the exact shape of sample-faults.json. */
function expectedFaults(): Array<{ row: number; rule: string }> {
  if (!fs.existsSync(FAULTS)) return [];
  const out: Array<{ row: number; rule: string }> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.row === "number" && typeof o.rule === "string") out.push({ row: o.row, rule: o.rule });
      else Object.values(o).forEach(walk);
    }
  };
  walk(JSON.parse(fs.readFileSync(FAULTS, "utf8")));
  return out;
}

describeE2E("task pane in headless Chromium (browser mode)", () => {
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  const external: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
      execSync("npm run build", { cwd: ROOT, stdio: "inherit" });
    }
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 420, height: 1100 }, locale: "zh-CN" });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
      // office.js and the files it loads next to itself on the CDN, from node_modules.
      const m = /\/hosted\/([^?#]+)/.exec(url) ?? /\/(office\.js)(\?|$)/.exec(url);
      if (m) {
        const local = path.join(path.dirname(OFFICE_JS), m[1]);
        if (local.startsWith(path.dirname(OFFICE_JS)) && fs.existsSync(local)) return route.fulfill({ path: local, contentType: "text/javascript" });
      }
      // Anything else is a network request the pane must not make (office.js's own CDN extras excepted).
      if (!/^https:\/\/appsforoffice\.microsoft\.com\//.test(url)) external.push(url);
      return route.abort();
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(null)));
  });

  test("opens the sample, validates, finds the faults, selects one; screenshot", async () => {
    const pageErrors: string[] = [];
    // office.js outside Office may complain about its own helper scripts; only the pane's errors count.
    page.on("pageerror", (e) => {
      if (!/MicrosoftAjax/.test(String(e))) pageErrors.push(String(e));
    });
    await page.goto(`${base}/taskpane.html`);
    // Outside Excel: the file input (the shell's E2E covers the banner's wording).
    await page.getByTestId("file-input").waitFor({ state: "attached", timeout: 30_000 });
    // The static notice for webviews that cannot run the bundles (IE11) is gone once the pane runs.
    expect(await page.locator("#cz-no-runtime").count()).toBe(0);

    await page.getByTestId("file-input").setInputFiles(SAMPLE);
    await page.getByText("已打开：applications-sample.xlsx").first().waitFor({ timeout: 30_000 });

    await page.getByTestId("tab-validation").click();
    await page.getByTestId("run-validation").click();
    await page.getByTestId("results").waitFor({ timeout: 60_000 });

    const errors = Number((await page.getByTestId("count-error").innerText()).replace(/\D/g, ""));
    expect(errors).toBeGreaterThan(0);

    const found = await page.getByTestId("finding").evaluateAll((els) => els.map((e) => ({ row: Number(e.getAttribute("data-row")), rule: e.getAttribute("data-rule") })));
    const expected = expectedFaults();
    for (const f of expected) expect(found).toContainEqual(f);

    // Click the first error finding: it is selected and (browser mode) its row is shown, the cell marked.
    const first = page.getByTestId("finding").first();
    const row = await first.getAttribute("data-row");
    await first.click();
    await page.getByTestId("row-view").waitFor();
    expect(await page.getByTestId("row-view").innerText()).toContain(`第 ${row} 行（申报表）`);
    expect(await first.getAttribute("aria-selected")).toBe("true");

    await first.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, 0));
    // Nothing widens the pane beyond its 420 px (long rule names, messages).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await page.screenshot({ path: SHOT, fullPage: true });
    expect(fs.statSync(SHOT).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
    expect(external).toEqual([]);
  }, 120_000);

  test("reports: results table, summary tables with the fallback note, progress panel, download", async () => {
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => {
      if (!/MicrosoftAjax/.test(String(e))) pageErrors.push(String(e));
    });
    await page.getByTestId("tab-reports").click();
    // Built from the validation of the previous test.
    expect(await page.getByTestId("reports-source").innerText()).toMatch(/^基于最近一次校验：申报表!A1:M51，49 行/);

    await page.getByTestId("build-results").click();
    const success = page.getByTestId("success-bar");
    await success.getByText(/已生成结果表“结果表”（表格 CZ_Results）/).waitFor({ timeout: 30_000 });

    // Browser mode (ExcelJS): no PivotTables, so the summary tables and pivotPlan's note.
    await page.getByTestId("build-pivots").click();
    await success.getByText(/已生成汇总表“汇总表”/).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("pivot-note").innerText()).toContain("不支持数据透视表");
    expect(await page.getByTestId("written-sheets").innerText()).toBe("结果表\n汇总表");

    // Progress panel: bars per indicator and year; unmeasurable indicators listed.
    const panel = page.getByTestId("progress-panel");
    expect(await panel.getByRole("progressbar").count()).toBeGreaterThan(3);
    const indicators = await page.getByTestId("progress-indicator").evaluateAll((els) => els.map((e) => e.textContent ?? ""));
    expect(indicators.some((x) => /智能工厂|数字化车间/.test(x) && /\d+%/.test(x))).toBe(true);
    expect(await page.getByTestId("progress-separate").innerText()).toContain("需另行填报");

    // The download offers the workbook with the new sheets.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    const saved = path.join(os.tmpdir(), `cz-e2e-${process.pid}.xlsx`);
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    fs.rmSync(saved, { force: true });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["申报表", "结果表", "汇总表"].concat(wb.worksheets.slice(3).map((w) => w.name)));
    const results = wb.getWorksheet("结果表")!;
    const tables = (results as unknown as { getTables(): Array<{ name?: string; table?: { name?: string } } | Array<{ name?: string; table?: { name?: string } }>> }).getTables();
    const names = tables.map((x) => (Array.isArray(x) ? x[0] : x)).map((x) => x.table?.name ?? x.name);
    expect(names).toEqual(["CZ_Results"]);

    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await page.screenshot({ path: SHOT_REPORTS, fullPage: true });
    expect(fs.statSync(SHOT_REPORTS).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
    expect(external).toEqual([]);
  }, 120_000);
});
