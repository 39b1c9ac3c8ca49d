/** @jest-environment jsdom */
/**
 * Host detection without a race: with office.js present, Office.onReady decides; a browser-mode
 * fallback after the timeout is replaced by Office mode when onReady reports Excel later.
 */
import { render, screen, waitFor, act } from "@testing-library/react";
import { App, type Detected } from "../../src/taskpane/App";
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
  await Promise.resolve();
  await Promise.resolve();
  expect(late).toHaveBeenCalledTimes(1);
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
