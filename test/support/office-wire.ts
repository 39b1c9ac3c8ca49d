/**
 * The REAL office.js request serializer, with a fake Excel on the other end of the wire.
 *
 * `@microsoft/office-js`'s Excel runtime (dist/excel-web-16.00.js, the script Excel on the web
 * loads) is evaluated in a jsdom window. Its `Excel.run`, proxies, `load`, `context.sync`,
 * request batching and JSON serialisation are Microsoft's own code. The one thing replaced is
 * the transport at the bottom of it, `OSF.DDA.RichApi.executeRichApiRequestAsync`, which in
 * Excel hands the serialised request text to the host. Here it hands it to `FakeExcel`, which:
 *   - records each request exactly as Excel would receive it (text, UTF-8 bytes, response bytes);
 *   - interprets the RichApi protocol (ObjectPaths + Actions) against a small in-memory workbook;
 *   - behaves like Excel where it matters for this add-in: a string written into a cell that is
 *     not formatted as text is parsed as if typed (digits → a number rounded to 15 significant
 *     digits, "=…" → a formula, a leading ' is swallowed, a lone "=" is refused), table names
 *     share one namespace with defined names, object paths created by methods get reference ids;
 *   - refuses what Excel on the web refuses: requests or responses over 5 MB (error codes
 *     5103/5104, which office.js turns into RequestPayloadSizeLimitExceeded /
 *     ResponsePayloadSizeLimitExceeded) and reads of more than 5,000,000 cells.
 *
 * Modelling choices that real Excel could not confirm here are marked ASSUMPTION.
 */
import fs from "fs";
import path from "path";

const { JSDOM } = require("jsdom") as { JSDOM: new (html: string, opts: Record<string, unknown>) => { window: any } };

export const WEB_LIMIT_BYTES = 5 * 1024 * 1024;
export const WEB_CELL_LIMIT = 5_000_000;

/* ------------------------------------------------------------------ loading office.js */

let officeWindow: any = null;

/** The jsdom window holding Microsoft's Excel runtime (loaded once per jest worker). */
export function officeJsWindow(): any {
  if (officeWindow) return officeWindow;
  const file = path.join(__dirname, "..", "..", "node_modules", "@microsoft", "office-js", "dist", "excel-web-16.00.js");
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { runScripts: "outside-only", url: "https://localhost:3000/taskpane.html" });
  dom.window.eval(fs.readFileSync(file, "utf8"));
  if (!dom.window.Excel || !dom.window.OfficeExtension) throw new Error("office.js did not define Excel");
  officeWindow = dom.window;
  return officeWindow;
}

/**
 * Wire the real office.js to `fake` and expose `Excel` (and a small `Office` with
 * requirements.isSetSupported) as globals, as in the task pane. Returns an undo function.
 */
export function connectOfficeJs(fake: FakeExcel): () => void {
  const w = officeJsWindow();
  w.OSF.DDA.RichApi = w.OSF.DDA.RichApi || {};
  w.OSF.DDA.RichApi.executeRichApiRequestAsync = (message: unknown[], callback: (r: unknown) => void) => {
    const result = fake.process(String(message[4]));
    void Promise.resolve().then(() => callback(result));
  };
  // office.js asks window.Office.context.requirements before version-gated calls (and splits
  // large value writes into 1,500-cell pieces from ExcelApi 1.3 on): answer as `fake` says.
  const requirements = { isSetSupported: (name: string, version?: string) => fake.isSetSupported(name, version) };
  const factory = (w.OSF._OfficeAppFactory = w.OSF._OfficeAppFactory || {});
  const windowGetContext = factory.getContext;
  factory.getContext = () => ({ requirements, displayLanguage: "zh-CN" });
  const g = globalThis as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  g.Excel = w.Excel;
  g.OfficeExtension = w.OfficeExtension;
  g.Office = {
    context: { requirements: { isSetSupported: (name: string, version?: string) => fake.isSetSupported(name, version) }, displayLanguage: "zh-CN" },
    HostType: { Excel: "Excel" },
  };
  return () => {
    factory.getContext = windowGetContext;
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  };
}

/* ------------------------------------------------------------------ the model */

export type CellValue = string | number | boolean | null;

export interface Cell {
  v: CellValue;
  /** Formula text ("=…") when the cell holds one. */
  f?: string;
  fmt?: string;
  link?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export class FakeSheet {
  rows: Array<Array<Cell | undefined> | undefined> = [];
  frozenRows = 0;
  columnWidths: Record<string, number> = {};
  deleted = false;
  constructor(public name: string) {}
  cell(r: number, c: number): Cell | undefined {
    return this.rows[r]?.[c];
  }
  ensure(r: number, c: number): Cell {
    const row = (this.rows[r] ??= []);
    return (row[c] ??= { v: null });
  }
  /** Fill from a 2-D array at (row 1-based, col 0-based), values stored as given (already in the file). */
  fill(values: unknown[][], top = 1, left = 0) {
    values.forEach((line, i) => line.forEach((v, j) => {
      if (v === null || v === undefined || v === "") return;
      this.ensure(top + i, left + j).v = v as CellValue;
    }));
  }
  usedBounds(): Bounds | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    this.rows.forEach((row, r) => row?.forEach((c, j) => {
      if (!c || (c.v === null && !c.f)) return;
      top = Math.min(top, r); bottom = Math.max(bottom, r); left = Math.min(left, j); right = Math.max(right, j);
    }));
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export interface Bounds { top: number; left: number; bottom: number; right: number }

export interface FakeTable { id: string; name: string; sheet: FakeSheet; bounds: Bounds; headers: string[] }
export interface FakePivot {
  name: string; sheet: FakeSheet; source: { kind: "table" | "range" | "string"; name: string }; headers: string[];
  rows: string[]; columns: string[]; data: Array<{ field: string; summarizeBy?: string; numberFormat?: string; name?: string }>;
}
export interface FakeChart { sheet: FakeSheet; type: string; source: string; title?: string; position?: [string, string?] }

export interface WireRecord {
  /** Label set by `fake.label()` (the operation under test). */
  label: string;
  bytes: number;
  responseBytes: number;
  actions: number;
  /** The parsed request, for assertions on its order and content. */
  body: { Actions: WireAction[]; ObjectPaths: Record<string, WirePath> };
  failed?: string;
  /** office.js's own clean-up at the end of Excel.run (only _RemoveReference calls). */
  cleanup: boolean;
}
export interface WireAction { Id: number; ActionType: number; Name: string; ObjectPathId: number; ArgumentInfo?: { Arguments: unknown[] }; QueryInfo?: { Select?: string[] } }
export interface WirePath { Id: number; ObjectPathType: number; Name: string; ParentObjectPathId?: number; ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } }

class WireError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

/* ------------------------------------------------------------------ A1 */

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function colName(i: number): string {
  let n = i + 1, s = "";
  while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
  return s;
}
function parseAddress(addr: string): { sheet?: string; b: Bounds } {
  let sheet: string | undefined;
  let a = addr;
  const bang = a.lastIndexOf("!");
  if (bang >= 0) {
    sheet = a.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    a = a.slice(bang + 1);
  }
  const parts = a.replace(/\$/g, "").split(":");
  const one = (p: string, end: boolean) => {
    let m = /^([A-Za-z]{1,3})(\d+)$/.exec(p);
    if (m) return { r: Number(m[2]), c: colIndex(m[1]) };
    m = /^([A-Za-z]{1,3})$/.exec(p);
    if (m) return { r: end ? 1048576 : 1, c: colIndex(m[1]) };
    m = /^(\d+)$/.exec(p);
    if (m) return { r: Number(m[1]), c: end ? 16383 : 0 };
    throw new WireError("InvalidArgument", `bad address ${addr}`);
  };
  const s = one(parts[0], false);
  const e = parts[1] ? one(parts[1], true) : /^[A-Za-z]+$/.test(parts[0]) ? one(parts[0], true) : s;
  return { sheet, b: { top: Math.min(s.r, e.r), left: Math.min(s.c, e.c), bottom: Math.max(s.r, e.r), right: Math.max(s.c, e.c) } };
}
function a1(b: Bounds): string {
  const s = `${colName(b.left)}${b.top}`;
  return b.top === b.bottom && b.left === b.right ? s : `${s}:${colName(b.right)}${b.bottom}`;
}
function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/* ------------------------------------------------------------------ typing: how Excel takes a string */

const FORMULA_START = /^[=+\-@]/;

/**
 * What Excel stores when a string is written through Range.values into a cell with format
 * `fmt`. A text-formatted cell ("@") takes the string literally (ASSUMPTION, the documented UI
 * behaviour of the Text format: nothing is parsed, no prefix is swallowed). Otherwise it is
 * parsed as if typed. Full-width ＝＋－＠ are treated as formula starts (ASSUMPTION, the
 * conservative reading: East Asian Excel converts them while typing).
 */
export function typeInto(s: string, fmt: string | undefined, date1904: boolean): Cell {
  if (fmt === "@") return { v: s };
  if (s === "") return { v: null };
  if (s.startsWith("'")) return { v: s.slice(1) };
  const n = s.normalize("NFKC");
  if (n === "=") throw new WireError("InvalidArgument", "The formula contains an error");
  if (FORMULA_START.test(n)) {
    const num = Number(n);
    if (/^[+-]\s*\d/.test(n) && Number.isFinite(num)) return { v: Number(num.toPrecision(15)) };
    const f = FORMULA_START.test(s) ? s : n;
    if (n.length > 1) return { v: evalFormula(f), f };
  }
  const t = s.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return { v: Number(Number(t).toPrecision(15)) };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { v: Number(t.replace(/,/g, "")) };
  if (/^[+-]?(\d+\.?\d*)%$/.test(t)) return { v: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === "true" };
  const d = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (d) {
    const ms = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    const serial = Math.round((ms - Date.UTC(1899, 11, 30)) / 86400000);
    return { v: date1904 ? serial - 1462 : serial };
  }
  return { v: s };
}

/** Just enough evaluation for the formulas this add-in writes: HYPERLINK shows its text. */
function evalFormula(f: string): CellValue {
  const m = /^=HYPERLINK\("((?:[^"]|"")*)"\s*,\s*"((?:[^"]|"")*)"\)$/i.exec(f);
  if (m) return m[2].replace(/""/g, '"');
  return null;
}

/* ------------------------------------------------------------------ server objects */

type Obj =
  | { t: "workbook" }
  | { t: "worksheets" }
  | { t: "worksheet"; ws: FakeSheet }
  | { t: "range"; ws: FakeSheet; b: Bounds }
  | { t: "rangeFormat"; ws: FakeSheet; b: Bounds }
  | { t: "font"; ws: FakeSheet; b: Bounds }
  | { t: "tables"; ws?: FakeSheet; only?: FakeTable[] }
  | { t: "table"; table: FakeTable }
  | { t: "names" }
  | { t: "pivotTables"; ws?: FakeSheet }
  | { t: "pivot"; pivot: FakePivot }
  | { t: "hierarchies"; pivot: FakePivot; kind: "all" | "rows" | "columns" | "data" }
  | { t: "hierarchy"; pivot: FakePivot; field: string }
  | { t: "dataHierarchy"; entry: FakePivot["data"][number] }
  | { t: "charts"; ws: FakeSheet }
  | { t: "chart"; chart: FakeChart }
  | { t: "chartTitle"; chart: FakeChart }
  | { t: "freezePanes"; ws: FakeSheet }
  | { t: "functions" }
  | { t: "functionResult"; value: unknown }
  | { t: "null" };

export interface FakeExcelOptions {
  /** ExcelApi version the host supports (requirements.isSetSupported). */
  excelApi?: string;
  date1904?: boolean;
}

/**
 * The ExcelApi version that introduced each call the add-in makes above 1.1 (Microsoft's
 * reference pages). This office.js build does not check versions on the client
 * (CommonUtility._doApiNotSupportedCheck stays false), so an older Excel refuses them on its
 * side with ApiNotFound: the fake does the same for its `excelApi`.
 */
const MIN_API: Record<string, string> = {
  "workbook.GetActiveCell": "1.7",
  "workbook.Functions": "1.2",
  "workbook.PivotTables": "1.3",
  "worksheets.GetItemOrNullObject": "1.4",
  "worksheets.GetFirst": "1.5",
  "worksheet.FreezePanes": "1.7",
  "worksheet.PivotTables": "1.3",
  "worksheet.GetUsedRange(valuesOnly)": "1.2",
  "range.GetTables": "1.9",
  "range.GetSurroundingRegion": "1.7",
  "range.GetResizedRange": "1.3",
  "rangeFormat.ColumnWidth": "1.2",
  "pivotTables.Add": "1.8",
  "pivot.Hierarchies": "1.8",
  "dataHierarchy.NumberFormat": "1.8",
};

/** An in-memory Excel that answers office.js requests. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: string[] = [];
  pivots: FakePivot[] = [];
  charts: FakeChart[] = [];
  date1904: boolean;
  excelApi: string;
  active: { sheet: FakeSheet; row: number; col: number } | null = null;
  selected: string[] = [];
  records: WireRecord[] = [];
  /** Make request number `n` (0-based) fail with this error code, e.g. to test rollback. */
  failRequest: ((index: number, body: WireRecord["body"]) => string | null) | null = null;
  private currentLabel = "";
  private refs = new Map<string, Obj>();
  private nextRef = 1;
  private nextTable = 1;

  constructor(opts: FakeExcelOptions = {}) {
    this.date1904 = opts.date1904 ?? false;
    this.excelApi = opts.excelApi ?? "1.12";
  }

  isSetSupported(name: string, version?: string): boolean {
    if (name !== "ExcelApi") return name !== "Pivot"; // office.js's runtime sets (RichApiRuntime …) are there
    if (this.excelApi === "none") return false;
    const [a, b] = (version ?? "1.1").split(".").map(Number);
    const [x, y] = this.excelApi.split(".").map(Number);
    return x > a || (x === a && y >= b);
  }

  /** Tag the requests that follow (for per-operation figures). */
  label(name: string) {
    this.currentLabel = name;
  }

  addSheet(name: string, values?: unknown[][], top = 1, left = 0): FakeSheet {
    const ws = new FakeSheet(name);
    if (values) ws.fill(values, top, left);
    this.sheets.push(ws);
    return ws;
  }

  addTable(name: string, sheet: FakeSheet, address: string): FakeTable {
    const { b } = parseAddress(address);
    const headers: string[] = [];
    for (let c = b.left; c <= b.right; c++) headers.push(String(sheet.cell(b.top, c)?.v ?? `Column${c - b.left + 1}`));
    const t: FakeTable = { id: String(this.nextTable++), name, sheet, bounds: b, headers };
    this.tables.push(t);
    return t;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Values of a block of a sheet as Excel would return them. */
  read(sheet: string, address: string): CellValue[][] {
    const ws = this.sheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    return this.values(ws, parseAddress(address).b);
  }

  /** The requests the add-in's code caused (one per context.sync), without office.js's clean-up. */
  get syncs(): WireRecord[] {
    return this.records.filter((r) => !r.cleanup);
  }

  maxRequestBytes(label?: string): number {
    return Math.max(0, ...this.records.filter((r) => label === undefined || r.label === label).map((r) => r.bytes));
  }
  maxResponseBytes(label?: string): number {
    return Math.max(0, ...this.records.filter((r) => label === undefined || r.label === label).map((r) => r.responseBytes));
  }

  /* -------------------------------------------------------------- the protocol */

  /** Handle one serialised request; returns what executeRichApiRequestAsync would call back with. */
  process(text: string): unknown {
    const body = JSON.parse(text) as WireRecord["body"];
    const cleanup = body.Actions.every((a) => a.ActionType === 1 || a.Name === "_RemoveReference") && body.Actions.some((a) => a.Name === "_RemoveReference");
    const rec: WireRecord = { label: this.currentLabel, bytes: utf8(text), responseBytes: 0, actions: body.Actions.length, body, cleanup };
    this.records.push(rec);
    const fail = (code: number, message: string) => {
      rec.failed = message;
      return { status: "failed", error: { code, message } };
    };
    if (rec.bytes > WEB_LIMIT_BYTES) return fail(5103, `request of ${rec.bytes} bytes is over the 5 MB limit`);
    const injected = this.failRequest?.(this.records.length - 1, body);
    const results: Array<{ ActionId: number; Value: unknown }> = [];
    let error: { Code: string; Message: string; HttpStatusCode: number; ActionIndex: number } | undefined;
    const cache = new Map<number, Obj>();
    for (const [i, action] of body.Actions.entries()) {
      try {
        if (injected && action.ActionType !== 1 && i === body.Actions.length - 1) throw new WireError(injected, `injected failure: ${injected}`);
        const value = this.act(action, body, cache);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        const err = e instanceof WireError ? e : new WireError("GeneralException", (e as Error).message);
        error = { Code: err.code, Message: err.message, HttpStatusCode: 400, ActionIndex: i };
        rec.failed = err.message;
        break;
      }
    }
    const response = JSON.stringify(error ? { Results: results, Error: error } : { Results: results });
    rec.responseBytes = utf8(response);
    if (rec.responseBytes > WEB_LIMIT_BYTES) return fail(5104, `response of ${rec.responseBytes} bytes is over the 5 MB limit`);
    return { status: "succeeded", value: { data: [200, [], response] } };
  }

  private resolve(id: number, body: WireRecord["body"], cache: Map<number, Obj>): Obj {
    const hit = cache.get(id);
    if (hit) return hit;
    const p = body.ObjectPaths[String(id)];
    if (!p) throw new WireError("InvalidObjectPath", `no object path ${id}`);
    let o: Obj;
    if (p.ObjectPathType === 1) o = { t: "workbook" };
    else if (p.ObjectPathType === 6) {
      const r = this.refs.get(p.Name);
      if (!r) throw new WireError("InvalidObjectPath", `unknown reference ${p.Name}`);
      o = r;
    } else {
      const parent = this.resolve(p.ParentObjectPathId!, body, cache);
      const args = (p.ArgumentInfo?.Arguments ?? []).map((a, k) => {
        const ref = p.ArgumentInfo?.ReferencedObjectPathIds?.[k];
        return ref ? this.resolve(ref, body, cache) : a;
      });
      if (p.ObjectPathType === 4) o = this.property(parent, p.Name);
      else if (p.ObjectPathType === 3) o = this.method(parent, p.Name, args) as Obj;
      else if (p.ObjectPathType === 5) o = this.method(parent, "GetItem", args) as Obj;
      else throw new WireError("InvalidObjectPath", `path type ${p.ObjectPathType}`);
    }
    cache.set(id, o);
    return o;
  }

  private act(a: WireAction, body: WireRecord["body"], cache: Map<number, Obj>): unknown {
    const path = body.ObjectPaths[String(a.ObjectPathId)];
    const o = this.resolve(a.ObjectPathId, body, cache);
    const args = a.ArgumentInfo?.Arguments ?? [];
    switch (a.ActionType) {
      case 1: // Instantiate: objects made by a method keep a reference id for later requests
        if (o.t === "null") return null;
        if (path?.ObjectPathType === 3) {
          const ref = `ref${this.nextRef++}`;
          this.refs.set(ref, o);
          return { _ReferenceId: ref };
        }
        return undefined;
      case 2:
        return this.query(o, a.QueryInfo?.Select ?? []);
      case 3:
        if (a.Name.startsWith("_")) return undefined; // _KeepReference, _RemoveReference …
        return this.method(o, a.Name, args.map((x, k) => {
          const ref = (a.ArgumentInfo as { ReferencedObjectPathIds?: number[] } | undefined)?.ReferencedObjectPathIds?.[k];
          return ref ? this.resolve(ref, body, cache) : x;
        }), true) ?? null;
      case 4:
        this.setProp(o, a.Name, args[0]);
        return undefined;
      default:
        return undefined;
    }
  }

  private sheetOf(name: string): FakeSheet {
    const ws = this.sheet(name);
    if (!ws) throw new WireError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    return ws;
  }

  private nameTaken(name: string, except?: FakeTable): boolean {
    const n = name.toLowerCase();
    return this.tables.some((t) => t !== except && t.name.toLowerCase() === n) || this.names.some((x) => x.toLowerCase() === n);
  }

  private gate(key: string) {
    const v = MIN_API[key];
    if (v && !this.isSetSupported("ExcelApi", v)) throw new WireError("ApiNotFound", `${key} needs ExcelApi ${v}; this Excel has ${this.excelApi}`);
  }

  private property(o: Obj, name: string): Obj {
    this.gate(`${o.t}.${name}`);
    switch (`${o.t}.${name}`) {
      case "workbook.Worksheets": return { t: "worksheets" };
      case "workbook.Tables": return { t: "tables" };
      case "workbook.Names": return { t: "names" };
      case "workbook.PivotTables": return { t: "pivotTables" };
      case "workbook.Functions": return { t: "functions" };
      case "worksheet.Tables": return { t: "tables", ws: (o as { ws: FakeSheet }).ws };
      case "worksheet.PivotTables": return { t: "pivotTables", ws: (o as { ws: FakeSheet }).ws };
      case "worksheet.Charts": return { t: "charts", ws: (o as { ws: FakeSheet }).ws };
      case "worksheet.FreezePanes": return { t: "freezePanes", ws: (o as { ws: FakeSheet }).ws };
      case "range.Format": { const r = o as { ws: FakeSheet; b: Bounds }; return { t: "rangeFormat", ws: r.ws, b: r.b }; }
      case "range.Worksheet": return { t: "worksheet", ws: (o as { ws: FakeSheet }).ws };
      case "rangeFormat.Font": { const r = o as { ws: FakeSheet; b: Bounds }; return { t: "font", ws: r.ws, b: r.b }; }
      case "pivot.Hierarchies": return { t: "hierarchies", pivot: (o as { pivot: FakePivot }).pivot, kind: "all" };
      case "pivot.RowHierarchies": return { t: "hierarchies", pivot: (o as { pivot: FakePivot }).pivot, kind: "rows" };
      case "pivot.ColumnHierarchies": return { t: "hierarchies", pivot: (o as { pivot: FakePivot }).pivot, kind: "columns" };
      case "pivot.DataHierarchies": return { t: "hierarchies", pivot: (o as { pivot: FakePivot }).pivot, kind: "data" };
      case "chart.Title": return { t: "chartTitle", chart: (o as { chart: FakeChart }).chart };
      default: throw new WireError("ApiNotFound", `property ${o.t}.${name} is not modelled`);
    }
  }

  private rangeOn(ws: FakeSheet, address: string): Obj {
    const { sheet, b } = parseAddress(address);
    return { t: "range", ws: sheet ? this.sheetOf(sheet) : ws, b };
  }

  private method(o: Obj, name: string, args: unknown[], isAction = false): unknown {
    const key = `${o.t}.${name}`;
    this.gate(key);
    if (key === "worksheet.GetUsedRange" && args[0] !== undefined && args[0] !== null) this.gate("worksheet.GetUsedRange(valuesOnly)");
    switch (key) {
      case "worksheets.Add": {
        const n = String(args[0] ?? `Sheet${this.sheets.length + 1}`);
        if (this.sheet(n)) throw new WireError("ItemAlreadyExists", `A sheet named ${n} already exists`);
        return { t: "worksheet", ws: this.addSheet(n) };
      }
      case "worksheets.GetItem": return { t: "worksheet", ws: this.sheetOf(String(args[0])) };
      case "worksheets.GetItemOrNullObject": { const ws = this.sheet(String(args[0])); return ws ? { t: "worksheet", ws } : { t: "null" }; }
      case "worksheets.GetItemAt": return { t: "worksheet", ws: this.sheets[Number(args[0])] ?? this.sheetOf("#" + args[0]) };
      case "worksheets.GetFirst": return { t: "worksheet", ws: this.sheets[0] };
      case "worksheets.GetActiveWorksheet": return { t: "worksheet", ws: this.active?.sheet ?? this.sheets[0] };
      case "worksheet.GetRange": return this.rangeOn((o as { ws: FakeSheet }).ws, String(args[0] ?? "A1"));
      case "worksheet.GetRangeByIndexes": {
        // (startRow, startColumn, rowCount, columnCount), all 0-based; Bounds rows are 1-based.
        const [r0, c0, n, m] = args.map(Number);
        return { t: "range", ws: (o as { ws: FakeSheet }).ws, b: { top: r0 + 1, left: c0, bottom: r0 + n, right: c0 + m - 1 } };
      }
      case "worksheet.GetUsedRange": {
        const ws = (o as { ws: FakeSheet }).ws;
        return { t: "range", ws, b: ws.usedBounds() ?? { top: 1, left: 0, bottom: 1, right: 0 } };
      }
      case "worksheet.Activate": this.selected.push(`activate ${(o as { ws: FakeSheet }).ws.name}`); return null;
      case "worksheet.Delete": {
        const ws = (o as { ws: FakeSheet }).ws;
        ws.deleted = true;
        this.sheets = this.sheets.filter((s) => s !== ws);
        this.tables = this.tables.filter((t) => t.sheet !== ws);
        this.pivots = this.pivots.filter((p) => p.sheet !== ws);
        this.charts = this.charts.filter((c) => c.sheet !== ws);
        return null;
      }
      case "workbook.GetActiveCell": {
        if (!this.active) throw new WireError("ItemNotFound", "no active cell");
        return { t: "range", ws: this.active.sheet, b: { top: this.active.row, left: this.active.col, bottom: this.active.row, right: this.active.col } };
      }
      case "workbook.GetSelectedRange": {
        if (!this.active) throw new WireError("ItemNotFound", "no selection");
        return { t: "range", ws: this.active.sheet, b: { top: this.active.row, left: this.active.col, bottom: this.active.row, right: this.active.col } };
      }
      case "range.Select": { const r = o as { ws: FakeSheet; b: Bounds }; this.selected.push(`${r.ws.name}!${a1(r.b)}`); return null; }
      case "range.GetTables": {
        const r = o as { ws: FakeSheet; b: Bounds };
        const hit = this.tables.filter((t) => t.sheet === r.ws && !(t.bounds.bottom < r.b.top || t.bounds.top > r.b.bottom || t.bounds.right < r.b.left || t.bounds.left > r.b.right));
        return { t: "tables", only: hit };
      }
      case "range.GetSurroundingRegion": { const r = o as { ws: FakeSheet; b: Bounds }; return { t: "range", ws: r.ws, b: this.region(r.ws, r.b) }; }
      case "range.GetCell": {
        const r = o as { ws: FakeSheet; b: Bounds };
        const top = r.b.top + Number(args[0]), left = r.b.left + Number(args[1]);
        return { t: "range", ws: r.ws, b: { top, left, bottom: top, right: left } };
      }
      case "range.GetRow": {
        const r = o as { ws: FakeSheet; b: Bounds };
        const row = r.b.top + Number(args[0]);
        return { t: "range", ws: r.ws, b: { top: row, left: r.b.left, bottom: row, right: r.b.right } };
      }
      case "range.GetBoundingRect": {
        const r = o as { ws: FakeSheet; b: Bounds };
        const other = args[0] as Obj;
        const ob = typeof other === "string" ? parseAddress(other).b : (other as { b: Bounds }).b;
        return { t: "range", ws: r.ws, b: { top: Math.min(r.b.top, ob.top), left: Math.min(r.b.left, ob.left), bottom: Math.max(r.b.bottom, ob.bottom), right: Math.max(r.b.right, ob.right) } };
      }
      case "range.GetResizedRange": {
        const r = o as { ws: FakeSheet; b: Bounds };
        return { t: "range", ws: r.ws, b: { ...r.b, bottom: r.b.bottom + Number(args[0]), right: r.b.right + Number(args[1]) } };
      }
      case "freezePanes.FreezeRows": (o as { ws: FakeSheet }).ws.frozenRows = Number(args[0]); return null;
      case "tables.GetItem": {
        const n = String(args[0]).toLowerCase();
        const t = this.tables.find((x) => x.name.toLowerCase() === n || x.id === String(args[0]));
        if (!t) throw new WireError("ItemNotFound", `no table ${args[0]}`);
        return { t: "table", table: t };
      }
      case "tables.GetItemAt": {
        const list = (o as { only?: FakeTable[] }).only ?? this.tables;
        const t = list[Number(args[0])];
        if (!t) throw new WireError("ItemNotFound", `no table at ${args[0]}`);
        return { t: "table", table: t };
      }
      case "tables.Add": {
        const parsed = parseAddress(String(args[0]));
        const ws = parsed.sheet ? this.sheetOf(parsed.sheet) : (o as { ws?: FakeSheet }).ws;
        if (!ws) throw new WireError("InvalidArgument", "table address needs a sheet");
        const b = parsed.b;
        if (this.tables.some((t) => t.sheet === ws && !(t.bounds.bottom < b.top || t.bounds.top > b.bottom || t.bounds.right < b.left || t.bounds.left > b.right))) {
          throw new WireError("InvalidArgument", "A table can't overlap another table");
        }
        let n = this.tables.length + 1;
        while (this.nameTaken(`Table${n}`)) n++;
        const table = this.addTable(`Table${n}`, ws, a1(b));
        return { t: "table", table };
      }
      case "table.GetRange": { const t = (o as { table: FakeTable }).table; return { t: "range", ws: t.sheet, b: t.bounds }; }
      case "table.Delete": { const t = (o as { table: FakeTable }).table; this.tables = this.tables.filter((x) => x !== t); return null; }
      case "pivotTables.Add": {
        const ws = (o as { ws?: FakeSheet }).ws;
        const pname = String(args[0]);
        // ASSUMPTION (conservative): a PivotTable name already used anywhere in the workbook is refused.
        if (this.pivots.some((p) => p.name.toLowerCase() === pname.toLowerCase())) throw new WireError("InvalidArgument", `PivotTable name ${pname} is taken`);
        const src = args[1] as Obj | string;
        let source: FakePivot["source"];
        let headers: string[];
        if (typeof src === "string") {
          const t = this.tables.find((x) => x.name.toLowerCase() === src.toLowerCase());
          if (!t) throw new WireError("InvalidArgument", `PivotTable source ${src} is not an address`);
          source = { kind: "string", name: src };
          headers = t.headers;
        } else if (src.t === "table") {
          source = { kind: "table", name: src.table.name };
          headers = src.table.headers;
        } else if (src.t === "range") {
          source = { kind: "range", name: `${src.ws.name}!${a1(src.b)}` };
          headers = [];
          for (let c = src.b.left; c <= src.b.right; c++) headers.push(String(src.ws.cell(src.b.top, c)?.v ?? ""));
        } else throw new WireError("InvalidArgument", "bad PivotTable source");
        const dest = args[2] as Obj;
        const sheet = dest && typeof dest === "object" && dest.t === "range" ? dest.ws : ws;
        if (!sheet) throw new WireError("InvalidArgument", "no destination");
        const pivot: FakePivot = { name: pname, sheet, source, headers, rows: [], columns: [], data: [] };
        this.pivots.push(pivot);
        return { t: "pivot", pivot };
      }
      case "pivotTables.GetItemAt": {
        const list = (o as { ws?: FakeSheet }).ws ? this.pivots.filter((p) => p.sheet === (o as { ws?: FakeSheet }).ws) : this.pivots;
        return { t: "pivot", pivot: list[Number(args[0])] };
      }
      case "pivot.Delete": { const pv = (o as { pivot: FakePivot }).pivot; this.pivots = this.pivots.filter((p) => p !== pv); return null; }
      case "hierarchies.GetItem": {
        const h = o as { pivot: FakePivot };
        const field = String(args[0]);
        if (!h.pivot.headers.includes(field)) throw new WireError("ItemNotFound", `no field ${field}`);
        return { t: "hierarchy", pivot: h.pivot, field };
      }
      case "hierarchies.Add": {
        const h = o as { pivot: FakePivot; kind: string };
        const f = (args[0] as { field: string }).field;
        if (h.kind === "rows") h.pivot.rows.push(f);
        else if (h.kind === "columns") h.pivot.columns.push(f);
        else if (h.kind === "data") {
          const entry = { field: f };
          h.pivot.data.push(entry);
          return { t: "dataHierarchy", entry };
        }
        return { t: "null" };
      }
      case "charts.Add": {
        const src = args[1] as Obj;
        const chart: FakeChart = { sheet: (o as { ws: FakeSheet }).ws, type: String(args[0]), source: src && src.t === "range" ? `${src.ws.name}!${a1(src.b)}` : String(src) };
        this.charts.push(chart);
        return { t: "chart", chart };
      }
      case "chart.SetPosition": (o as { chart: FakeChart }).chart.position = [String(args[0]), args[1] === undefined ? undefined : String(args[1])]; return null;
      case "functions.Date": {
        const [y, m, d] = args.map(Number);
        const serial = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
        return { t: "functionResult", value: this.date1904 ? serial - 1462 : serial };
      }
      default:
        if (isAction && /^(Autofit|Clear)/.test(name)) return null;
        throw new WireError("ApiNotFound", `method ${key} is not modelled`);
    }
  }

  private setProp(o: Obj, name: string, value: unknown) {
    this.gate(`${o.t}.${name}`);
    if (o.t === "range") {
      const { ws, b } = o;
      const rows = b.bottom - b.top + 1, cols = b.right - b.left + 1;
      const at = (grid: unknown, i: number, j: number) => (Array.isArray(grid) ? (Array.isArray(grid[i]) ? grid[i][j] : grid[i]) : grid);
      if (Array.isArray(value) && (value.length !== rows || (Array.isArray(value[0]) && value[0].length !== cols))) {
        throw new WireError("InvalidArgument", `${name}: ${value.length}×${(value[0] as unknown[])?.length} for a ${rows}×${cols} range`);
      }
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const v = at(value, i, j);
          const r = b.top + i, c = b.left + j;
          if (name === "NumberFormat") ws.ensure(r, c).fmt = String(v);
          else if (name === "Values" || name === "Formulas") {
            // null in a 2-D array leaves that cell as it is (learn.microsoft.com: excel-add-ins-blank-null-values).
            if (v === null && Array.isArray(value)) continue;
            const cell = ws.ensure(r, c);
            const next: Cell = typeof v === "string" ? typeInto(v, cell.fmt, this.date1904) : { v: (v as CellValue) ?? null };
            cell.v = next.v;
            if (next.f) cell.f = next.f;
            else delete cell.f;
          } else if (name === "Hyperlink") {
            const cell = ws.ensure(r, c);
            const link = value as Cell["link"];
            cell.link = link;
            // ASSUMPTION: the display text is taken like typed text in the cell's format.
            if (link?.textToDisplay !== undefined) {
              const next = typeInto(link.textToDisplay, cell.fmt, this.date1904);
              cell.v = next.v;
              if (next.f) cell.f = next.f;
            }
          } else throw new WireError("ApiNotFound", `range.${name} is not modelled`);
        }
      }
      return;
    }
    if (o.t === "rangeFormat") {
      if (name === "ColumnWidth") o.ws.columnWidths[a1(o.b)] = Number(value);
      return;
    }
    if (o.t === "font") return;
    if (o.t === "table") {
      const n = String(value);
      if (name === "Name") {
        if (this.nameTaken(n, o.table)) throw new WireError("InvalidArgument", `The name ${n} is already used by a table or a defined name`);
        o.table.name = n;
      }
      return;
    }
    if (o.t === "dataHierarchy") {
      if (name === "SummarizeBy") o.entry.summarizeBy = String(value);
      else if (name === "NumberFormat") o.entry.numberFormat = String(value);
      else if (name === "Name") o.entry.name = String(value);
      return;
    }
    if (o.t === "chartTitle") {
      o.chart.title = String(value);
      return;
    }
    throw new WireError("ApiNotFound", `set ${o.t}.${name} is not modelled`);
  }

  private values(ws: FakeSheet, b: Bounds): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const line: CellValue[] = [];
      for (let c = b.left; c <= b.right; c++) {
        const v = ws.cell(r, c)?.v;
        line.push(v === null || v === undefined ? "" : v);
      }
      out.push(line);
    }
    return out;
  }

  private query(o: Obj, select: string[]): unknown {
    const want = (p: string) => select.length === 0 || select.includes(p) || select.includes(p.charAt(0).toLowerCase() + p.slice(1));
    const items = (list: Array<Record<string, unknown>>) => ({ _Items: list });
    switch (o.t) {
      case "worksheets": return items(this.sheets.map((s) => ({ Name: s.name })));
      case "worksheet": return { Name: o.ws.name };
      case "tables": return items((o.only ?? (o.ws ? this.tables.filter((t) => t.sheet === o.ws) : this.tables)).map((t) => ({ Name: t.name })));
      case "table": return { Name: o.table.name };
      case "names": return items(this.names.map((n) => ({ Name: n })));
      case "functionResult": return { Value: o.value };
      case "pivotTables": return items((o.ws ? this.pivots.filter((p) => p.sheet === o.ws) : this.pivots).map((p) => ({ Name: p.name })));
      case "pivot": return { Name: o.pivot.name };
      case "null": return null;
      case "range": {
        const { ws, b } = o;
        const rows = b.bottom - b.top + 1, cols = b.right - b.left + 1;
        const out: Record<string, unknown> = {};
        if (want("Address")) out.Address = `${quoteSheet(ws.name)}!${a1(b)}`;
        if (want("RowIndex")) out.RowIndex = b.top - 1;
        if (want("ColumnIndex")) out.ColumnIndex = b.left;
        if (want("RowCount")) out.RowCount = rows;
        if (want("ColumnCount")) out.ColumnCount = cols;
        if (want("CellCount")) out.CellCount = rows * cols;
        const big = ["Values", "Formulas", "NumberFormat", "Text"].filter((p) => select.some((s) => s.toLowerCase() === p.toLowerCase()));
        if (big.length && rows * cols > WEB_CELL_LIMIT) throw new WireError("ResponsePayloadSizeLimitExceeded", `read of ${rows * cols} cells is over the 5,000,000-cell limit`);
        if (big.includes("Values")) out.Values = this.values(ws, b);
        if (big.includes("Formulas")) out.Formulas = this.values(ws, b).map((line, i) => line.map((v, j) => ws.cell(b.top + i, b.left + j)?.f ?? v));
        if (big.includes("NumberFormat")) out.NumberFormat = this.values(ws, b).map((line, i) => line.map((_, j) => ws.cell(b.top + i, b.left + j)?.fmt ?? "General"));
        return out;
      }
      default:
        return {};
    }
  }

  /** The current region around `b`: grow the rectangle while a bordering cell holds a value. */
  private region(ws: FakeSheet, start: Bounds): Bounds {
    const b = { ...start };
    const filled = (r: number, c: number) => r >= 1 && c >= 0 && ws.cell(r, c) !== undefined && ws.cell(r, c)!.v !== null;
    for (let changed = true; changed; ) {
      changed = false;
      const rowHas = (r: number) => { for (let c = b.left - 1; c <= b.right + 1; c++) if (filled(r, c)) return true; return false; };
      const colHas = (c: number) => { for (let r = b.top - 1; r <= b.bottom + 1; r++) if (filled(r, c)) return true; return false; };
      if (b.top > 1 && rowHas(b.top - 1)) { b.top--; changed = true; }
      if (rowHas(b.bottom + 1)) { b.bottom++; changed = true; }
      if (b.left > 0 && colHas(b.left - 1)) { b.left--; changed = true; }
      if (colHas(b.right + 1)) { b.right++; changed = true; }
    }
    return b;
  }
}

/** The Actions of a request that set `prop` on a range, with the range's A1 address. */
export function rangeSets(rec: WireRecord, prop: string): Array<{ actionIndex: number; address: string; value: unknown }> {
  const out: Array<{ actionIndex: number; address: string; value: unknown }> = [];
  rec.body.Actions.forEach((a, i) => {
    if (a.ActionType !== 4 || a.Name !== prop) return;
    const p = rec.body.ObjectPaths[String(a.ObjectPathId)];
    const address = p?.Name === "GetRange" ? String(p.ArgumentInfo?.Arguments?.[0]) : `#${a.ObjectPathId}`;
    out.push({ actionIndex: i, address, value: a.ArgumentInfo?.Arguments?.[0] });
  });
  return out;
}
