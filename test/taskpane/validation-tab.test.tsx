/** @jest-environment jsdom */
/**
 * The validation tab in jsdom over a real ExcelJS workbook (browser mode): the corrected mapping
 * survives a tab switch and comes back for a file with the same headers (localStorage); a table
 * without a header row gets the mapping panel by column letters; the findings are one arrow-key
 * list; a selected finding shows its row with the cell marked.
 */
import ExcelJS from "exceljs";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { SHIPPED_POLICY } from "../../src/policy/shipped";
import { App } from "../../src/taskpane/App";
import { ExcelJsHost } from "../../src/host/exceljs-host";
import type { WorkbookHost } from "../../src/host/types";

beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
beforeEach(() => localStorage.clear());

const HEAD = ["企业名称", "统一社会信用代码", "所属地区", "项目类别", "申报金额（元）", "县级承担（万元）", "备用金额"];
const ROWS = [
  ["甲公司", "bad-code", "南谯区", "smart_factory", 300000, 15, 1],
  ["乙公司", "bad-code-2", "南谯区", "smart_factory", 300000, 15, 2],
  ["丙公司", "91341100MA2N000000", "外地", "no_such_program", 100, null, 3],
];

function workbook(rows: unknown[][]): WorkbookHost {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("申报表").addRows(rows);
  return new ExcelJsHost(wb);
}

function renderPane(host: WorkbookHost) {
  return render(<App detect={() => Promise.resolve({ mode: "browser", host })} policy={SHIPPED_POLICY} />);
}

async function openValidation() {
  await waitFor(() => expect(screen.getByTestId("tab-validation")).toBeTruthy());
  fireEvent.click(screen.getByTestId("tab-validation"));
  await waitFor(() => expect(screen.getByTestId<HTMLSelectElement>("source-select").value).toBe("s:申报表"));
}

test("a corrected mapping survives a tab switch and is remembered for the same headers", async () => {
  const view = renderPane(workbook([HEAD, ...ROWS]));
  await openValidation();
  await act(async () => {
    fireEvent.click(screen.getByTestId("read-table"));
  });
  const requested = () => screen.getByTestId<HTMLSelectElement>("map-requested");
  await waitFor(() => expect(requested().value).toBe("4"));
  // 县级承担（万元） is the beneficiary share, read in 万元 (×10,000 shown).
  expect(screen.getByTestId<HTMLSelectElement>("map-local_share").value).toBe("5");
  expect(screen.getByTestId("mapfield-local_share").textContent).toContain("×10,000");
  // Required columns are marked.
  expect(screen.getByTestId("mapfield-program").textContent).toContain("*");
  await act(async () => {
    fireEvent.change(requested(), { target: { value: "6" } });
  });
  expect((await screen.findByTestId("notice-mapping")).textContent).toContain("已保存列对应");
  fireEvent.click(screen.getByTestId("tab-catalogue"));
  expect(screen.queryByTestId("mapping")).toBeNull();
  fireEvent.click(screen.getByTestId("tab-validation"));
  expect(requested().value).toBe("6");
  view.unmount();

  // Another file with the same headers: the saved mapping is used.
  renderPane(workbook([HEAD, ...ROWS.slice(0, 1)]));
  await openValidation();
  await act(async () => {
    fireEvent.click(screen.getByTestId("read-table"));
  });
  await waitFor(() => expect(requested().value).toBe("6"));
  expect(screen.getByTestId("notice-mapping").textContent).toContain("上次保存");
  await act(async () => {
    fireEvent.click(screen.getByTestId("mapping-reset"));
  });
  expect(requested().value).toBe("4");
});

test("no header row: manual mapping by column letters, then validation", async () => {
  renderPane(workbook(ROWS));
  await openValidation();
  await act(async () => {
    fireEvent.click(screen.getByTestId("read-table"));
  });
  expect((await screen.findByTestId("notice-mapping")).textContent).toContain("未找到表头");
  const program = screen.getByTestId<HTMLSelectElement>("map-program");
  expect([...program.options].map((o) => o.textContent).slice(0, 3)).toEqual(["（未对应）", "A 列", "B 列"]);
  expect(screen.getByTestId<HTMLButtonElement>("run-validation").disabled).toBe(true);
  for (const [key, v] of [["enterprise", "0"], ["credit_code", "1"], ["jurisdiction", "2"], ["program", "3"], ["requested", "4"]] as const) {
    await act(async () => {
      fireEvent.change(screen.getByTestId(`map-${key}`), { target: { value: v } });
    });
  }
  await act(async () => {
    fireEvent.click(screen.getByTestId("run-validation"));
  });
  await screen.findByTestId("results");
  expect(screen.getByTestId("total-declared").getAttribute("data-rows")).toBe("3");
  // Every data row (from row 1) was checked.
  const rows = screen.getAllByTestId("finding").map((f) => Number(f.getAttribute("data-row")));
  expect(Math.min(...rows)).toBe(1);
});

test("findings: one Tab stop, arrow keys move, Enter selects; the row view marks the cell", async () => {
  renderPane(workbook([HEAD, ...ROWS]));
  await openValidation();
  await act(async () => {
    fireEvent.click(screen.getByTestId("run-validation"));
  });
  await screen.findByTestId("results");
  // The list's options (the filters' native <option>s are options too).
  const options = () => within(screen.getByRole("listbox")).getAllByRole("option");
  expect(options().length).toBeGreaterThan(3);
  expect(options().filter((o) => o.tabIndex === 0)).toHaveLength(1);
  await waitFor(() => expect(document.activeElement).toBe(options()[0]));
  const list = screen.getByRole("listbox");
  fireEvent.keyDown(list, { key: "ArrowDown" });
  expect(document.activeElement).toBe(options()[1]);
  fireEvent.keyDown(list, { key: "End" });
  expect(document.activeElement).toBe(options()[options().length - 1]);
  fireEvent.keyDown(list, { key: "Home" });
  expect(document.activeElement).toBe(options()[0]);
  expect(options().filter((o) => o.tabIndex === 0)).toEqual([options()[0]]);
  await act(async () => {
    fireEvent.keyDown(list, { key: "Enter" });
  });
  expect(options()[0].getAttribute("aria-selected")).toBe("true");
  const rowView = screen.getByTestId("row-view");
  const row = options()[0].getAttribute("data-row");
  expect(rowView.textContent).toContain(`第 ${row} 行（申报表）`);
  const hit = screen.getByTestId("row-view-hit");
  expect(hit.textContent).toContain("问题单元格");
  // Rule names, not codes.
  expect(screen.getByTestId("results").textContent).not.toContain("credit_code.");
});
