/**
 * A counting Office.js mock on office-addin-mock, shared by the host tests and the sync
 * benchmark. The mock objects carry the real Office.js names the host calls (getActiveCell,
 * getTables, getSurroundingRegion, worksheets.add, …); Excel.run returns the callback's result
 * (the README's mock does not). context.sync is counted, and so are the bytes queued per request.
 */
import { OfficeMockObject } from "office-addin-mock";
import { colLetters } from "../../src/host/office-host";

export const HEADER = ["企业名称", "统一社会信用代码", "所属地区", "项目类别", "项目名称", "计算基数（元）", "认定等级/条件", "认定日期", "申报金额（元）"];

export function table(rows: number): unknown[][] {
  const out: unknown[][] = [HEADER];
  for (let i = 0; i < rows; i++) out.push([`企业${i}`, "91341100MA2N0000XX", "琅琊区", "smart_factory", "", "", "", 44800, 300000]);
  return out;
}

/**
 * A collection as Office.js has it: `items` is readable only after load("items/…") and a sync.
 * (office-addin-mock cannot navigate into arrays, so collections are small hand-made objects.)
 */
function collection<T>(items: T[], pending: Array<() => void>) {
  const c = {
    _items: items,
    _loaded: false,
    get items(): T[] {
      if (!c._loaded) throw new Error("PropertyNotLoaded: items");
      return c._items;
    },
    load(props: string) {
      if (!/^items(\/\w+)?(,\s*items\/\w+)*$/.test(props)) throw new Error(`unexpected load ${props}`);
      pending.push(() => (c._loaded = true));
      return c;
    },
  };
  return c;
}

export interface Recorded {
  syncs: number;
  /** Every property set on a write target, with the bytes queued since the last sync. */
  sets: Array<{ target: string; prop: string; value: unknown }>;
  requestBytes: number[];
  added: string[];
  selected: string[];
}

/** A write-recording Range/Worksheet stand-in for sheets the host creates. */
function recorder(name: string, rec: Recorded, bytes: { n: number }): Record<string, unknown> {
  const make = (target: string): unknown =>
    new Proxy(
      {},
      {
        get(_t, prop: string) {
          if (prop === "format") return make(`${target}.format`);
          if (prop === "font") return make(`${target}.font`);
          if (prop === "freezePanes") return { freezeRows: (n: number) => rec.sets.push({ target, prop: "freezeRows", value: n }) };
          if (prop === "tables") return { add: (addr: string, hasHeaders: boolean) => { rec.sets.push({ target, prop: "tables.add", value: [addr, hasHeaders] }); return make(`${target}.table(${addr})`); } };
          if (prop === "getRange") return (addr: string) => make(`${name}!${addr}`);
          if (prop === "activate") return () => rec.sets.push({ target, prop: "activate", value: true });
          return undefined;
        },
        set(_t, prop: string, value) {
          rec.sets.push({ target, prop, value });
          bytes.n += JSON.stringify(value).length;
          return true;
        },
      },
    );
  return make(name) as Record<string, unknown>;
}

export function mockExcel(rows: number, opts: { tableAtCell?: boolean; sheets?: string[]; tables?: string[] } = {}) {
  const values = table(rows);
  const rec: Recorded = { syncs: 0, sets: [], requestBytes: [], added: [], selected: [] };
  const pending: Array<() => void> = [];
  const bytes = { n: 0 };
  const region = { address: `申报表!A1:${colLetters(HEADER.length - 1)}${rows + 1}`, values, rowIndex: 0, columnIndex: 0 };
  const tableRange = { ...region, address: `申报表!B3:${colLetters(HEADER.length)}${rows + 3}`, rowIndex: 2, columnIndex: 1 };
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        activeCell: {
          address: "申报表!C5",
          region,
          getSurroundingRegion: function () {
            return this.region;
          },
        },
        getActiveCell: function () {
          return this.activeCell;
        },
        named: {
          range: tableRange,
          getRange: function () {
            return this.range;
          },
        },
      },
    },
    run: async function (callback: (ctx: unknown) => Promise<unknown>) {
      return callback(this.context); // the README's version drops the result
    },
  }) as unknown as { context: { workbook: Record<string, unknown>; sync: () => Promise<void> }; run: (cb: unknown) => Promise<unknown> };

  const wb = mock.context.workbook as Record<string, any>;
  const namedTable = Object.assign(wb.named, { name: "申报表格" });
  wb.activeCell.getTables = () => collection(opts.tableAtCell ? [namedTable] : [], pending);
  const tableNames = opts.tables ?? ["申报表格"];
  wb.tables = {
    getItem: (n: string) => (n === "申报表格" ? namedTable : (() => { throw new Error("ItemNotFound"); })()),
    load: (p: string) => collection(tableNames.map((n) => ({ name: n })), pending).load(p),
    get items() {
      return tableNames.map((n) => ({ name: n }));
    },
  };
  const sheetNames = opts.sheets ?? ["申报表"];
  wb.worksheets = {
    load: (p: string) => collection(sheetNames.map((n) => ({ name: n })), pending).load(p),
    get items() {
      return sheetNames.map((n) => ({ name: n }));
    },
    add: (n: string) => {
      rec.added.push(n);
      return recorder(n, rec, bytes);
    },
    getItem: (n: string) => ({
      activate: () => rec.selected.push(`activate ${n}`),
      getRange: (a: string) => ({ select: () => rec.selected.push(`${n}!${a}`) }),
    }),
  };
  const origSync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    rec.syncs++;
    rec.requestBytes.push(bytes.n);
    bytes.n = 0;
    pending.splice(0).forEach((f) => f());
    await origSync();
  };
  (global as any).Excel = {
    run: (cb: unknown) => mock.run(cb),
    AggregationFunction: { sum: "Sum", count: "Count" },
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
  };
  return { rec, region, values };
}

