/**
 * CI installs fonts-noto-cjk so that the pane's screenshots show Chinese, not empty boxes
 * (issue 12). This checks the PIXELS of a screenshot, not the DOM text: the pane's title
 * "滁州工业互联网奖补" of the built pane (browser mode) is cut out of a page screenshot and
 * compared with the same element drawn with Private-Use-Area characters, which no font has and
 * which Chromium draws as the same missing-glyph box (tofu) each. Real glyphs leave ink and differ
 * from the tofu rendering; without a CJK font both would be the same boxes. A control pair of two
 * different tofu strings shows the comparison does see boxes as equal.
 */
import { execSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DIST, haveChromium, launchChromium, OFFICE_JS, ROOT, serve } from "../support/e2e";

// The pane's h1 (the browser-mode hint became a one-line caption; the title is a leaf with exactly this text).
const TITLE = "滁州工业互联网奖补";

const describeE2E = haveChromium ? describe : describe.skip;


/** Ink share of a and b and the share of pixels where they differ (luminance), over their common area; computed in a blank page (the pane's CSP refuses data: URLs). */
async function compare(page: Page, a: Buffer, b: Buffer): Promise<{ inkA: number; inkB: number; diff: number }> {
  return page.evaluate(
    async ([da, db]) => {
      const load = async (d: string) => {
        const bmp = await createImageBitmap(await (await fetch(d)).blob());
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = c.getContext("2d")!;
        ctx.drawImage(bmp, 0, 0);
        return ctx.getImageData(0, 0, bmp.width, bmp.height);
      };
      const [x, y] = [await load(da), await load(db)];
      const w = Math.min(x.width, y.width);
      const h = Math.min(x.height, y.height);
      const lum = (im: ImageData, i: number, j: number) => {
        const k = (j * im.width + i) * 4;
        return 0.299 * im.data[k] + 0.587 * im.data[k + 1] + 0.114 * im.data[k + 2];
      };
      let inkA = 0;
      let inkB = 0;
      let diff = 0;
      for (let j = 0; j < h; j++)
        for (let i = 0; i < w; i++) {
          const la = lum(x, i, j);
          const lb = lum(y, i, j);
          if (la < 128) inkA++;
          if (lb < 128) inkB++;
          if (Math.abs(la - lb) > 64) diff++;
        }
      const n = w * h;
      return { inkA: inkA / n, inkB: inkB / n, diff: diff / n };
    },
    [`data:image/png;base64,${a.toString("base64")}`, `data:image/png;base64,${b.toString("base64")}`] as const,
  );
}

describeE2E("screenshots show Chinese glyphs, not boxes", () => {
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let scratch: Page;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) execSync("npm run build", { cwd: ROOT, stdio: "inherit" });
    server = await serve(DIST);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 420, height: 700 }, locale: "zh-CN" });
    scratch = await browser.newPage();
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      const m = /\/hosted\/([^?#]+)/.exec(url) ?? /\/(office\.js)(\?|$)/.exec(url);
      if (m) {
        const local = path.join(path.dirname(OFFICE_JS), m[1]);
        if (local.startsWith(path.dirname(OFFICE_JS)) && fs.existsSync(local)) return route.fulfill({ path: local, contentType: "text/javascript" });
      }
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.getByTestId("browser-banner").waitFor({ timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(null)));
  });

  test("the banner title in a page screenshot has real CJK glyphs", async () => {
    const title = page.getByText(TITLE, { exact: true }).first();
    const box = (await title.boundingBox())!;
    expect(box.width).toBeGreaterThan(20);
    const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.ceil(box.height) };
    const real = await page.screenshot({ clip });

    // The same element, same place, same clip, with every CJK character replaced by a
    // Private-Use-Area one (tofu); restored afterwards.
    const twin = async (offset: number): Promise<Buffer> => {
      await page.evaluate(
        ([text, off]) => {
          const el = [...document.querySelectorAll("body *")].find((e) => e.childElementCount === 0 && e.textContent === text) as HTMLElement;
          el.textContent = text.replace(/[\u4e00-\u9fff]/g, (_c, i: number) => String.fromCharCode(0xe000 + off + i));
          el.dataset.czTofu = "1";
        },
        [TITLE, offset] as const,
      );
      const shot = await page.screenshot({ clip });
      await page.evaluate((text) => {
        const el = document.querySelector("[data-cz-tofu]") as HTMLElement;
        el.textContent = text;
        delete el.dataset.czTofu;
      }, TITLE);
      return shot;
    };
    const tofuA = await twin(0);
    const tofuB = await twin(100);

    // Control: two different tofu strings look the same (the comparison sees boxes as equal).
    const control = await compare(scratch, tofuA, tofuB);
    expect(control.diff).toBeLessThan(0.01);

    // The real title: ink on the page, and clearly not the tofu rendering.
    const c = await compare(scratch, real, tofuA);
    expect(c.inkA).toBeGreaterThan(0.03);
    expect(c.diff).toBeGreaterThan(0.05);
  }, 120_000);
});
