/** @jest-environment jsdom */
/**
 * Host detection without a race: with office.js present, Office.onReady decides; a browser-mode
 * fallback after the timeout is replaced by Office mode when onReady reports Excel later.
 */
import { render, screen, waitFor, act } from "@testing-library/react";
import { App, type Detected } from "../../src/taskpane/App";
// The tabs are lazy chunks in the pane: load (and compile) them before the tests, so the first
// test does not spend its waitFor time in ts-jest.
import "../../src/taskpane/catalogue/CatalogueTab";
import "../../src/taskpane/ValidationTab";
import "../../src/taskpane/reports/ReportsTab";
import "../../src/taskpane/reports/ConvertPanel";
import { detectHost } from "../../src/taskpane/detect-host";
import { STRINGS } from "../../src/taskpane/i18n";
import { SHIPPED_POLICY } from "../../src/policy/shipped";

function fakeOffice(onReady: () => Promise<{ host: string | null }>) {
  (globalThis as any).Office = { onReady, HostType: { Excel: "Excel" }, context: { displayLanguage: "zh-CN" } };
}

beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(() => {
  delete (globalThis as any).Office;
  jest.useRealTimers();
});

test("no office.js: browser mode at once", async () => {
  await expect(detectHost(10)).resolves.toEqual({ mode: "browser", host: null });
});

test("onReady reports Excel in time: Office mode, and no late call", async () => {
  fakeOffice(() => Promise.resolve({ host: "Excel" }));
  const late = jest.fn();
  const d = await detectHost(1000, late);
  expect(d.mode).toBe("office");
  expect(d.host?.kind).toBe("office");
  expect(d.displayLanguage).toBe("zh-CN");
  expect(late).not.toHaveBeenCalled();
});

test("a slow onReady: browser fallback first, then the switch to Office mode when Excel answers", async () => {
  jest.useFakeTimers();
  let ready!: (v: { host: string | null }) => void;
  fakeOffice(() => new Promise((r) => (ready = r)));
  const late = jest.fn();
  const first = detectHost(8000, late);
  jest.advanceTimersByTime(8000);
  await expect(first).resolves.toEqual({ mode: "browser", host: null });
  ready({ host: "Excel" });
  // The Office host is a lazy import: let it resolve.
  jest.useRealTimers();
  await waitFor(() => expect(late).toHaveBeenCalledTimes(1));
  expect(late.mock.calls[0][0].mode).toBe("office");
});

test("a slow onReady outside Excel (a plain browser with office.js) stays in browser mode", async () => {
  jest.useFakeTimers();
  let ready!: (v: { host: string | null }) => void;
  fakeOffice(() => new Promise((r) => (ready = r)));
  const late = jest.fn();
  const first = detectHost(100, late);
  jest.advanceTimersByTime(100);
  await first;
  ready({ host: null });
  await Promise.resolve();
  await Promise.resolve();
  expect(late).not.toHaveBeenCalled();
});

/** An async office.js tag as taskpane.html has it; `load()` makes office.js "arrive". */
function officeTag() {
  const tag = document.createElement("script");
  tag.id = "cz-office-js";
  document.head.appendChild(tag);
  return {
    tag,
    load(host: string | null) {
      fakeOffice(() => Promise.resolve({ host }));
      tag.dispatchEvent(new Event("load"));
    },
  };
}

describe("office.js loads without blocking (async tag)", () => {
  afterEach(() => {
    document.getElementById("cz-office-js")?.remove();
    document.querySelector('meta[name="cz-functions"]')?.remove();
    delete (globalThis as any).__CZ_FUNCTIONS_LOADED__;
  });

  test("a hanging CDN: browser mode after the short wait, never the full timeout", async () => {
    officeTag();
    const t0 = Date.now();
    const d = await detectHost(8000, undefined, 50);
    expect(d).toEqual({ mode: "browser", host: null });
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  test("a failed office.js (error event): browser mode at once", async () => {
    const { tag } = officeTag();
    const p = detectHost(8000, undefined, 5000);
    tag.dispatchEvent(new Event("error"));
    await expect(p).resolves.toEqual({ mode: "browser", host: null });
  });

  test("office.js arrives in time in Excel: functions.js runs first, then Office.onReady decides", async () => {
    const office = officeTag();
    const meta = document.createElement("meta");
    meta.name = "cz-functions";
    meta.content = "functions.js";
    document.head.appendChild(meta);
    const appended: string[] = [];
    const orig = document.head.appendChild.bind(document.head);
    const spy = jest.spyOn(document.head, "appendChild").mockImplementation(<T extends Node>(n: T): T => {
      if (n instanceof HTMLScriptElement) {
        appended.push(n.getAttribute("src") ?? "");
        // The functions bundle sets its marker when it runs; then its load event fires.
        (globalThis as any).__CZ_FUNCTIONS_LOADED__ = true;
        setTimeout(() => n.dispatchEvent(new Event("load")), 0);
        return n;
      }
      return orig(n);
    });
    try {
      const p = detectHost(8000, undefined, 5000);
      office.load("Excel");
      const d = await p;
      expect(appended).toEqual(["functions.js"]);
      expect(d.mode).toBe("office");
      expect(d.host?.kind).toBe("office");
    } finally {
      spy.mockRestore();
    }
  });

  test("office.js arrives after the pane fell back to browser mode, in Excel: the late switch", async () => {
    const office = officeTag();
    const late = jest.fn();
    const d = await detectHost(8000, late, 10);
    expect(d.mode).toBe("browser");
    office.load("Excel");
    await waitFor(() => expect(late).toHaveBeenCalledTimes(1));
    expect(late.mock.calls[0][0].mode).toBe("office");
  });

  test("office.js arrives late in a plain browser: stays in browser mode", async () => {
    const office = officeTag();
    const late = jest.fn();
    await detectHost(8000, late, 10);
    office.load(null);
    await new Promise((r) => setTimeout(r, 50));
    expect(late).not.toHaveBeenCalled();
  });
});

test("the pane leaves browser mode (file picker) when Excel reports itself late", async () => {
  let late!: (d: Detected) => void;
  const officeHost = { kind: "office" as const, listTables: async () => [], listSheets: async () => [], readRegion: async () => { throw new Error("unused"); }, selectCell: async () => undefined, writeSheet: async () => { throw new Error("unused"); } };
  render(<App detect={(onLate) => ((late = onLate), Promise.resolve({ mode: "browser", host: null }))} policy={SHIPPED_POLICY} />);
  expect(await screen.findByTestId("browser-banner")).toBeTruthy();
  expect(screen.getByTestId("file-input")).toBeTruthy();
  act(() => late({ mode: "office", host: officeHost }));
  await waitFor(() => expect(screen.queryByTestId("browser-banner")).toBeNull());
  expect(screen.queryByTestId("file-input")).toBeNull();
  expect(screen.queryByText(STRINGS.zh.mode_detecting)).toBeNull();
});
