/** @jest-environment jsdom */
/**
 * The catalogue in jsdom: 插入公式 in Excel writes a WORKING formula (the amount from the cell to
 * the left, R1C1) and says where; without the CZ functions (pane-only manifest) it is not offered;
 * in browser mode the button copies and says it copied, never "完成"; the 公式 section lists
 * every function; search finds rule text and levels.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, type Detected } from "../../src/taskpane/App";
import "../../src/taskpane/catalogue/CatalogueTab";
import "../../src/taskpane/ValidationTab";
import { STRINGS } from "../../src/taskpane/i18n";
import { SHIPPED_POLICY } from "../../src/policy/shipped";
import type { WorkbookHost } from "../../src/host/types";

const zh = STRINGS.zh;

beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

function fakeOfficeHost(calls: unknown[][]): WorkbookHost {
  return {
    kind: "office",
    listTables: async () => [],
    listSheets: async () => [],
    readRegion: async () => {
      throw new Error("unused");
    },
    selectCell: async () => undefined,
    writeSheet: async () => {
      throw new Error("unused");
    },
    insertFormula: async (formula: string, options?: { r1c1?: boolean }) => {
      calls.push([formula, options]);
      return { sheet: "计算", address: "C5" };
    },
  };
}

async function pane(d: Detected) {
  render(<App detect={() => Promise.resolve(d)} policy={SHIPPED_POLICY} />);
  await waitFor(() => expect(screen.queryByText(zh.mode_detecting)).toBeNull());
  return screen.findByPlaceholderText(zh.search_placeholder);
}

test("插入公式 for a program that needs an amount: R1C1 formula reading the cell to the left, and the pane says which", async () => {
  const calls: unknown[][] = [];
  const search = await pane({ mode: "office", host: fakeOfficeHost(calls) });
  fireEvent.change(search, { target: { value: "equipment_network" } });
  const card = await screen.findByTestId("program-equipment_network");
  expect(within(card).getByTestId("formula").textContent).toBe('=CZ.SUBSIDY("equipment_network",A2)');
  await act(async () => {
    fireEvent.click(within(card).getByTestId("insert-formula"));
  });
  expect(calls).toEqual([['=CZ.SUBSIDY("equipment_network",RC[-1])', { r1c1: true }]]);
  expect(within(card).getByTestId("formula-status").textContent).toBe("已在 计算!C5 插入公式，金额取自左侧单元格 B5");
  expect((await screen.findByTestId("success-bar")).textContent).toContain("金额取自左侧单元格 B5");
});

test("a tiered program reads its level from the left cell", async () => {
  const calls: unknown[][] = [];
  const search = await pane({ mode: "office", host: fakeOfficeHost(calls) });
  fireEvent.change(search, { target: { value: "3A" } });
  const card = await screen.findByTestId("program-dx_assessment");
  await act(async () => {
    fireEvent.click(within(card).getByTestId("insert-formula"));
  });
  expect(calls).toEqual([['=CZ.SUBSIDY("dx_assessment",,RC[-1])', { r1c1: true }]]);
});

test("Excel without the CZ functions (pane-only manifest): no 插入公式, copy only", async () => {
  await pane({ mode: "office", host: fakeOfficeHost([]), functions: false });
  const card = await screen.findByTestId("program-smart_factory");
  expect(within(card).queryByTestId("insert-formula")).toBeNull();
  expect(within(card).getByTestId("copy-formula")).toBeTruthy();
});

test("browser mode: copy says it copied; no success bar, no 完成", async () => {
  const copied: string[] = [];
  Object.defineProperty(navigator, "clipboard", { value: { writeText: async (s: string) => void copied.push(s) }, configurable: true });
  await pane({ mode: "browser", host: null });
  const card = await screen.findByTestId("program-smart_factory");
  expect(within(card).queryByTestId("insert-formula")).toBeNull();
  await act(async () => {
    fireEvent.click(within(card).getByTestId("copy-formula"));
  });
  expect(copied).toEqual(['=CZ.SUBSIDY("smart_factory")']);
  expect(within(card).getByTestId("formula-status").textContent).toBe('已复制：=CZ.SUBSIDY("smart_factory")');
  expect(screen.queryByTestId("success-bar")).toBeNull();
  expect(screen.queryByText(zh.success_title)).toBeNull();
});

test("公式: every function with Chinese argument names; the English view too", async () => {
  await pane({ mode: "browser", host: null });
  fireEvent.click(screen.getByTestId("view-formulas"));
  const items = (await screen.findAllByTestId(/^function-[A-Z]+$/)).filter((i) => i.tagName === "LI");
  expect(items.map((i) => i.getAttribute("data-testid"))).toEqual(["SUBSIDY", "SPLIT", "EXPLAIN", "ELIGIBLE", "CAP", "RATE", "PROGRAMS", "TARGET", "NATIVE"].map((x) => `function-${x}`));
  expect(items[0].textContent).toContain("CZ.SUBSIDY(项目, [金额], [等级], [日期])");
  expect(items[0].textContent).toContain('=CZ.SUBSIDY("equipment_network",2000000)');
  fireEvent.click(screen.getByTestId("lang-switch"));
  expect((await screen.findByTestId("function-SUBSIDY")).textContent).toContain("CZ.SUBSIDY(program, [amount], [level], [date])");
});

test("tabs: one tab stop, arrow keys move and select", async () => {
  await pane({ mode: "browser", host: null });
  const tabs = screen.getAllByRole("tab").filter((t) => /^tab-/.test(t.getAttribute("data-testid") ?? ""));
  expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
  fireEvent.keyDown(tabs[0], { key: "ArrowRight" });
  expect(screen.getByTestId("tab-validation").getAttribute("aria-selected")).toBe("true");
  expect(document.activeElement).toBe(screen.getByTestId("tab-validation"));
  fireEvent.keyDown(screen.getByTestId("tab-validation"), { key: "End" });
  expect(screen.getByTestId("tab-reports").getAttribute("aria-selected")).toBe("true");
});
