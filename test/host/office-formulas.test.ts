/**
 * OfficeHost.readFormulas / writeFormulas (转换为普通公式 in Excel) against a small model of the
 * Office.js Range API. The model keeps the names and rules the host relies on, as documented:
 * properties can be read only after load() and a sync (else "PropertyNotLoaded"), *OrNullObject
 * methods give isNullObject, Range.formulas gives a cell's value when it has no formula (so a
 * quote-prefixed '=CZ… text reads back as "=CZ…"), and null in a 2-D array written to
 * Range.formulas leaves that cell unchanged. Every sync records the cells it returned and every
 * assignment the cells it wrote.
 */
import { OfficeHost } from "../../src/host/office-host";
import { planConversion, writesOf } from "../../src/convert/plan";
import { errorText } from "../../src/taskpane/context";
import { convertFormula } from "../../src/policy/native-formula";
import { SHIPPED_POLICY } from "../../src/policy/shipped";
import { cellAddress } from "../../src/sheet/a1";

type Cell = { formula?: string; value: unknown };

interface Model {
  sheet: string;
  grid: Map<string, Cell>;
  selection: Array<[number, number, number, number]>; // areas: row0, col0, rows, cols (0-based)
  tables: Array<{ name: string; body: [number, number, number, number] }>;
  spills: Map<string, [number, number]>; // anchor "r,c" → rows, cols
  syncs: number;
  /** Cells returned by each sync (formulas + values loaded). */
  returned: number[];
  assignments: Array<{ address: string; values: unknown[][] }>;
}

function model(sheet = "计算"): Model {
  return { sheet, grid: new Map(), selection: [], tables: [], spills: new Map(), syncs: 0, returned: [], assignments: [] };
}
const key = (r: number, c: number) => `${r},${c}`;

function install(m: Model) {
  let pending: Array<() => number> = [];
  const cellAt = (r: number, c: number) => m.grid.get(key(r, c));

  function range(r0: number, c0: number, rows: number, cols: number, isNull = false): Record<string, unknown> {
    const loaded = new Set<string>();
    const data: Record<string, unknown> = {};
    const self: Record<string, unknown> = {
      load(props: string) {
        const names = props.split(",").map((p) => p.trim());
        pending.push(() => {
          let n = 0;
          for (const p of names) {
            loaded.add(p);
            if (p === "formulas" || p === "values") {
              const out: unknown[][] = [];
              for (let i = 0; i < rows; i++) {
                const line: unknown[] = [];
                for (let j = 0; j < cols; j++) {
                  const x = cellAt(r0 + i, c0 + j);
                  line.push(p === "formulas" ? (x?.formula ?? x?.value ?? "") : (x?.value ?? ""));
                  n++;
                }
                out.push(line);
              }
              data[p] = out;
            }
          }
          return n;
        });
        return self;
      },
      getUsedRangeOrNullObject() {
        let top = Infinity, left = Infinity, bottom = -1, right = -1;
        for (const [k, v] of m.grid) {
          const [r, c] = k.split(",").map(Number);
          if (r < r0 || r >= r0 + rows || c < c0 || c >= c0 + cols || (v.value === "" && !v.formula)) continue;
          top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
        }
        return bottom < 0 ? range(0, 0, 1, 1, true) : range(top, left, bottom - top + 1, right - left + 1);
      },
      getCell: (i: number, j: number) => range(r0 + i, c0 + j, 1, 1),
      getResizedRange: (dr: number, dc: number) => range(r0, c0, rows + dr, cols + dc),
      getSpillingToRangeOrNullObject() {
        const s = m.spills.get(key(r0, c0));
        return s ? range(r0, c0, s[0], s[1]) : range(0, 0, 1, 1, true);
      },
      get worksheet() {
        return worksheet;
      },
      set formulas(v: unknown[][]) {
        if (v.length !== rows || v.some((line) => line.length !== cols)) throw new Error("InvalidArgument: the array does not match the range");
        m.assignments.push({ address: self.addressNow as string, values: v });
        v.forEach((line, i) =>
          line.forEach((x, j) => {
            if (x === null) return; // documented: null leaves the cell unchanged
            m.grid.set(key(r0 + i, c0 + j), typeof x === "string" && x.startsWith("=") ? { formula: x, value: "(recalc)" } : { value: x });
          }),
        );
      },
      addressNow: `${m.sheet}!${cellAddress(r0 + 1, c0)}${rows * cols > 1 ? ":" + cellAddress(r0 + rows, c0 + cols - 1) : ""}`,
    };
    const props: Record<string, () => unknown> = {
      address: () => self.addressNow,
      rowIndex: () => r0,
      columnIndex: () => c0,
      rowCount: () => rows,
      columnCount: () => cols,
      formulas: () => data.formulas,
      values: () => data.values,
    };
    for (const [p, get] of Object.entries(props)) {
      Object.defineProperty(self, p, {
        get() {
          if (!loaded.has(p) && !(p === "formulas" && "formulas" in data)) throw new Error(`PropertyNotLoaded: ${p}`);
          return get();
        },
        set: p === "formulas" ? (Object.getOwnPropertyDescriptor(self, "formulas")?.set as (v: unknown) => void) : undefined,
        configurable: true,
      });
    }
    Object.defineProperty(self, "isNullObject", { get: () => isNull });
    return self;
  }

  const tables = {
    _loaded: false,
    load() {
      pending.push(() => ((tables._loaded = true), 0));
      return tables;
    },
    get items() {
      if (!tables._loaded) throw new Error("PropertyNotLoaded: items");
      return m.tables.map((t) => ({ name: t.name, getDataBodyRange: () => range(...t.body) }));
    },
  };
  const worksheet = {
    tables,
    getRange: (a?: string) => (a === undefined ? range(0, 0, 1048576, 16384) : (() => { throw new Error("not modelled"); })()),
    getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => range(r, c, rows, cols),
  };
  const ctx = {
    workbook: {
      getSelectedRanges() {
        const o = {
          load() {
            pending.push(() => 0);
            return o;
          },
          areaCount: m.selection.length,
        };
        return o;
      },
      getSelectedRange: () => range(...m.selection[0]),
      worksheets: { getItem: () => worksheet, getActiveWorksheet: () => worksheet },
    },
    async sync() {
      m.syncs++;
      const jobs = pending;
      pending = [];
      m.returned.push(jobs.reduce((n, f) => n + f(), 0));
    },
  };
  (globalThis as Record<string, unknown>).Excel = { run: (cb: (c: unknown) => Promise<unknown>) => cb(ctx) };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

const set = (m: Model, a1: string, cell: Cell) => {
  const mm = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let c = 0;
  for (const ch of mm[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  m.grid.set(key(Number(mm[2]) - 1, c - 1), cell);
};
const get = (m: Model, a1: string) => {
  const mm = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let c = 0;
  for (const ch of mm[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return m.grid.get(key(Number(mm[2]) - 1, c - 1));
};

test("a whole selected column is read as its used cells only, in chunks that stay small", async () => {
  const m = model();
  m.selection = [[0, 2, 1048576, 1]]; // column C
  for (let r = 1; r <= 10; r++) set(m, `C${r}`, { formula: `=CZ.SUBSIDY("smart_factory")`, value: 300000 });
  install(m);
  const b = await new OfficeHost({ readCells: 4 }).readFormulas({ kind: "selection" });
  expect(b).toMatchObject({ sheet: "计算", address: "C1:C10", firstRow: 1, firstCol: 2 });
  expect(b.formulas).toHaveLength(10);
  // Never the 1,048,576-cell column; each read returned at most 4 cells × (formulas + values).
  expect(Math.max(...m.returned)).toBeLessThanOrEqual(8);
  expect(m.returned.reduce((a, n) => a + n, 0)).toBe(20);
});

test("several selected areas are refused with a clear message; an empty selection too", async () => {
  const m = model();
  m.selection = [[0, 0, 2, 2], [5, 5, 1, 1]];
  install(m);
  const err = await new OfficeHost().readFormulas({ kind: "selection" }).catch((e) => e);
  expect(errorText(err, "zh")).toBe("选中了多个不相邻的区域，请只选中一个连续区域后再转换");
  expect(errorText(err, "en")).toMatch(/Several separate ranges/);
  expect(m.syncs).toBe(1); // refused before anything was read
  m.selection = [[0, 0, 3, 3]];
  const empty = await new OfficeHost().readFormulas({ kind: "selection" }).catch((e) => e);
  expect(errorText(empty, "zh")).toBe("所选区域中没有内容");
});

test("spill ranges of CZ.PROGRAMS and table bodies are read, so the plan writes whole blocks and whole columns", async () => {
  const m = model();
  m.selection = [[0, 0, 10, 10]];
  set(m, "E1", { formula: "=CZ.PROGRAMS()", value: "代码" });
  set(m, "F1", { value: "中文名" });
  set(m, "E2", { value: "smart_factory" });
  set(m, "F2", { value: "省级智能工厂" });
  m.spills.set(key(0, 4), [2, 2]);
  m.tables = [{ name: "申报", body: [1, 0, 3, 3] }]; // A2:C4
  set(m, "A1", { value: "项目" });
  set(m, "B2", { value: 800000 });
  install(m);
  const b = await new OfficeHost().readFormulas({ kind: "selection" });
  expect(b.spills).toEqual([{ row: 1, col: 4, rows: 2, cols: 2, values: [["代码", "中文名"], ["smart_factory", "省级智能工厂"]] }]);
  expect(b.tables).toEqual([{ name: "申报", top: 2, bottom: 4, left: 0, right: 2 }]);
  const items = planConversion(b, "value", "zh", SHIPPED_POLICY);
  const writes = writesOf(items, b.tables);
  expect(writes).toEqual([{ row: 1, col: 4, values: [["代码", "中文名"], ["smart_factory", "省级智能工厂"]] }]);
  await new OfficeHost().writeFormulas("计算", writes);
  expect(m.assignments.map((a) => a.address)).toEqual(["计算!E1:F2"]); // one assignment: the whole spill
  expect(get(m, "E1")).toEqual({ value: "代码" });
  expect(get(m, "F2")).toEqual({ value: "省级智能工厂" });
});

test("a table column with a different CZ formula per row: one assignment over the column, each row its own native formula; text is never converted", async () => {
  const m = model();
  m.selection = [[0, 0, 6, 4]];
  m.tables = [{ name: "申报", body: [1, 0, 4, 4] }]; // A2:D5
  set(m, "A1", { value: "项目" });
  const rows = [
    ["equipment_network", 800000, '=CZ.SUBSIDY("equipment_network",B2)', 160000],
    ["equipment_network", 400000, '=CZ.SUBSIDY("equipment_network",B3)', 0],
    ["smart_factory", null, '=CZ.SUBSIDY("smart_factory")', 300000],
  ] as const;
  rows.forEach(([p, a, f, v], i) => {
    set(m, `A${i + 2}`, { value: p });
    if (a !== null) set(m, `B${i + 2}`, { value: a });
    set(m, `C${i + 2}`, { formula: f, value: v });
  });
  // Row 5: a quote-prefixed text cell: Office.js gives the text as both formula and value.
  set(m, "C5", { value: '=CZ.SUBSIDY("smart_factory")' });
  install(m);
  const host = new OfficeHost();
  const b = await host.readFormulas({ kind: "selection" });
  const items = planConversion(b, "formula", "zh", SHIPPED_POLICY);
  expect(items.map((x) => x.address)).toEqual(["C2", "C3", "C4"]); // not C5
  const n = await host.writeFormulas("计算", writesOf(items, b.tables));
  expect(n).toBe(3);
  expect(m.assignments).toHaveLength(1);
  expect(m.assignments[0].address).toBe("计算!C2:C5");
  expect(m.assignments[0].values[3]).toEqual([null]); // the text cell is left as it is
  for (let i = 0; i < 3; i++) expect(get(m, `C${i + 2}`)!.formula).toBe((convertFormula(rows[i][2], { policy: SHIPPED_POLICY }) as { native: string }).native);
  expect(get(m, "C5")).toEqual({ value: '=CZ.SUBSIDY("smart_factory")' });
});

test("a write bigger than the request budget is cut into row slices, each under the budget", async () => {
  const m = model();
  install(m);
  const values = Array.from({ length: 100 }, (_, i) => [`=IF(B${i + 2}>0,1,0)`]);
  const n = await new OfficeHost({ requestBudget: 1000 }).writeFormulas("计算", [{ row: 2, col: 2, values }]);
  expect(n).toBe(100);
  expect(m.assignments.length).toBeGreaterThan(1);
  expect(m.assignments.reduce((a, x) => a + x.values.length, 0)).toBe(100);
  for (const a of m.assignments) expect(JSON.stringify(a.values).length * 3).toBeLessThan(1200);
  expect(get(m, "C101")!.formula).toBe("=IF(B101>0,1,0)");
});

test("reads are sized by what the cells weigh: long formulas give smaller chunks, each response under the budget", async () => {
  const m = model();
  m.selection = [[0, 0, 200, 1]];
  const long = `=CZ.SUBSIDY("smart_factory")&"${"x".repeat(300)}"`;
  for (let r = 1; r <= 200; r++) set(m, `A${r}`, { formula: long, value: "y".repeat(300) });
  install(m);
  const b = await new OfficeHost({ requestBudget: 20_000, readCells: 50 }).readFormulas({ kind: "selection" });
  expect(b.formulas).toHaveLength(200);
  expect(b.formulas[199][0]).toBe(long);
  // Syncs: areas, used range, a first chunk of 50 rows (readCells), then chunks sized to ~half the
  // budget by the JSON size of what came back: ~640 bytes a row (formula + value) → 15 rows, 30 cells.
  const rowBytes = JSON.stringify([long, "y".repeat(300)]).length;
  const chunks = m.returned.slice(2).filter((n) => n > 0);
  expect(chunks[0]).toBe(100);
  expect(Math.max(...chunks.slice(1))).toBeLessThanOrEqual(Math.floor(20_000 / 2 / rowBytes) * 2);
  for (const cells of chunks.slice(1)) expect((cells / 2) * rowBytes).toBeLessThanOrEqual(20_000 / 2);
  expect(chunks.reduce((a, n) => a + n, 0)).toBe(400);
  expect(m.returned.length).toBeGreaterThan(10);
});
