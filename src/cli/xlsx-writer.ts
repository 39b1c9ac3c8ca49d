/**
 * Streaming .xlsx output for `validate --out` and `report --out` (issue 12): sheets are written
 * row by row into a deflating zip entry (zip-writer.ts), so memory holds what the caller keeps
 * (the findings, the row results) and one 1 MB piece of XML, never a workbook model.
 *
 * - writeNewWorkbook: a new workbook of SheetSpecs (the report command).
 * - appendSheetToPackage: a copy of the user's file with one sheet added (validate --out). Every
 *   part of the user's workbook is copied byte for byte; only workbook.xml, its relationships,
 *   [Content_Types].xml and styles.xml get entries added. The user's cells, values and
 *   formatting cannot change, and ExcelJS's round-trip losses (charts, images …) cannot happen.
 *
 * Every written text cell holds at most 32,767 characters (Excel's limit): longer text is cut
 * and ends in "…（截断）"; the JSON output keeps the full text.
 * Both write to a temporary file beside the target, removed on failure or signal (cleanup.ts),
 * and renamed over the target at the end.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { a1, internalLink } from "../host/exceljs-host";
import { autoWidth, specText, uniqueHeaders } from "../host/column-layout";
import { uniqueSheetName, uniqueTableName } from "../sheet/names";
import { fitCellText as cellText } from "../sheet/limits";
import type { CellSpec, ColumnSpec, SheetSpec } from "../host/types";
import { registerTemp, unregisterTemp } from "./cleanup";
import { CliError } from "./messages";
import { dataOffsets, type Inspection } from "./xlsx-file";
import { ZipWriter, type EntryWriter } from "./zip-writer";


const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_WS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const CT_WS = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

// eslint-disable-next-line no-control-regex
const XML_BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(s: string): string {
  return s.replace(XML_BAD, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const l = e.toLowerCase();
    if (l === "lt") return "<";
    if (l === "gt") return ">";
    if (l === "quot") return '"';
    if (l === "apos") return "'";
    if (l === "amp") return "&";
    return String.fromCodePoint(l.startsWith("#x") ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
  });
}

// ---------------------------------------------------------------- styles

type FontKind = "bold" | "title" | "link";

/**
 * Cell formats used by the written sheets. For a new workbook it writes the whole styles.xml;
 * for a copied package it adds its fonts, fill, number formats and cell formats to the user's
 * styles.xml (existing entries keep their indexes). When that styles.xml cannot be read safely,
 * styling is off and every cell uses the default format.
 */
class StyleBook {
  private readonly fonts: FontKind[] = [];
  private fill = false;
  private readonly numFmts = new Map<string, number>();
  private readonly xfs: Array<{ font: number; fill: number; numFmt: number }> = [];
  private readonly memo = new Map<string, number>();
  enabled = true;

  constructor(
    private readonly base: { fonts: number; fills: number; xfs: number; nextNumFmt: number },
  ) {}

  private fontId(k: FontKind): number {
    let i = this.fonts.indexOf(k);
    if (i < 0) i = this.fonts.push(k) - 1;
    return this.base.fonts + i;
  }

  private numFmtId(code: string): number {
    const builtin: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };
    if (code in builtin) return builtin[code];
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.base.nextNumFmt + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  xf(o: { font?: FontKind; fill?: boolean; numFmt?: string }): number {
    if (!this.enabled || (!o.font && !o.fill && !o.numFmt)) return 0;
    const key = `${o.font ?? ""}|${o.fill ? 1 : 0}|${o.numFmt ?? ""}`;
    let id = this.memo.get(key);
    if (id === undefined) {
      if (o.fill) this.fill = true;
      id = this.base.xfs + this.xfs.push({ font: o.font ? this.fontId(o.font) : 0, fill: o.fill ? this.base.fills : 0, numFmt: o.numFmt ? this.numFmtId(o.numFmt) : 0 }) - 1;
      this.memo.set(key, id);
    }
    return id;
  }

  private fontXml(k: FontKind): string {
    if (k === "bold") return '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
    if (k === "title") return '<font><b/><sz val="13"/><name val="Calibri"/><family val="2"/></font>';
    return '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font>';
  }
  private fillXml(): string {
    return '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>';
  }
  private xfXml(x: { font: number; fill: number; numFmt: number }): string {
    return `<xf numFmtId="${x.numFmt}" fontId="${x.font}" fillId="${x.fill}" borderId="0" xfId="0"${x.numFmt ? ' applyNumberFormat="1"' : ""}${x.font ? ' applyFont="1"' : ""}${x.fill ? ' applyFill="1"' : ""}/>`;
  }
  private numFmtsXml(): string {
    return [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`).join("");
  }

  /** styles.xml of a new workbook. */
  newStylesXml(): string {
    const fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>', ...this.fonts.map((k) => this.fontXml(k))];
    const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', ...(this.fill ? [this.fillXml()] : [])];
    const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...this.xfs.map((x) => this.xfXml(x))];
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
      (this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${this.numFmtsXml()}</numFmts>` : "") +
      `<fonts count="${fonts.length}">${fonts.join("")}</fonts><fills count="${fills.length}">${fills.join("")}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }

  /** The user's styles.xml with this book's entries appended (null when nothing was added). */
  patchStylesXml(xml: string): string | null {
    if (!this.xfs.length) return null;
    let out = appendChildren(xml, "fonts", this.fonts.map((k) => this.fontXml(k)).join(""), this.fonts.length);
    out = appendChildren(out, "fills", this.fill ? this.fillXml() : "", this.fill ? 1 : 0);
    out = appendChildren(out, "cellXfs", this.xfs.map((x) => this.xfXml(x)).join(""), this.xfs.length);
    if (this.numFmts.size) {
      if (/<numFmts\b/.test(out)) out = appendChildren(out, "numFmts", this.numFmtsXml(), this.numFmts.size);
      else out = out.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="${this.numFmts.size}">${this.numFmtsXml()}</numFmts>`);
    }
    return out;
  }

  /** Base counts read from a user's styles.xml; null when it is not in the plain form this code edits. */
  static baseOf(xml: string): { fonts: number; fills: number; xfs: number; nextNumFmt: number } | null {
    if (!/<styleSheet\b/.test(xml)) return null;
    const count = (tag: string, child: string): number | null => {
      const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
      if (!m) return null;
      return (m[1].match(new RegExp(`<${child}[\\s/>]`, "g")) ?? []).length;
    };
    const fonts = count("fonts", "font");
    const fills = count("fills", "fill");
    const xfs = count("cellXfs", "xf");
    if (fonts === null || fills === null || xfs === null || fonts === 0 || xfs === 0) return null;
    let next = 164;
    for (const m of xml.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"/g)) next = Math.max(next, Number(m[1]) + 1);
    return { fonts, fills, xfs, nextNumFmt: next };
  }
}

/** Append children to <tag …>…</tag> and fix its count attribute. */
function appendChildren(xml: string, tag: string, children: string, added: number): string {
  if (!added) return xml;
  const re = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`);
  return xml.replace(re, (_m, attrs: string, inner: string) => {
    const n = (inner.match(new RegExp(`<${tag === "cellXfs" ? "xf" : tag.slice(0, -1)}[\\s/>]`, "g")) ?? []).length + added;
    const a = /\bcount="\d+"/.test(attrs) ? attrs.replace(/\bcount="\d+"/, `count="${n}"`) : `${attrs} count="${n}"`;
    return `<${tag}${a}>${inner}${children}</${tag}>`;
  });
}

// ---------------------------------------------------------------- sheets

interface TableDef {
  name: string;
  ref: string;
  headers: string[];
}

/** One cell's XML (empty string for an empty cell). */
function cellXml(ref: string, v: CellSpec | undefined, s: number, linkStyle: number): string {
  const sa = s ? ` s="${s}"` : "";
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v === "" ? "" : `<c r="${ref}" t="inlineStr"${sa}><is><t xml:space="preserve">${xmlEscape(cellText(v))}</t></is></c>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${sa}><v>${v}</v></c>` : "";
  if (typeof v === "boolean") return `<c r="${ref}" t="b"${sa}><v>${v ? 1 : 0}</v></c>`;
  if ("link" in v) {
    const target = internalLink(v.link.sheet, v.link.cell).replace(/"/g, '""');
    const text = cellText(String(v.text));
    const f = `HYPERLINK("${target}","${text.replace(/"/g, '""')}")`;
    return `<c r="${ref}" t="str"${linkStyle ? ` s="${linkStyle}"` : sa}><f>${xmlEscape(f)}</f><v>${xmlEscape(text)}</v></c>`;
  }
  if ("formula" in v) {
    const f = xmlEscape(v.formula.replace(/^=/, ""));
    if (v.value === undefined) return `<c r="${ref}"${sa}><f>${f}</f></c>`;
    if (typeof v.value === "number") return `<c r="${ref}"${sa}><f>${f}</f><v>${v.value}</v></c>`;
    if (typeof v.value === "boolean") return `<c r="${ref}" t="b"${sa}><f>${f}</f><v>${v.value ? 1 : 0}</v></c>`;
    return `<c r="${ref}" t="str"${sa}><f>${f}</f><v>${xmlEscape(cellText(v.value))}</v></c>`;
  }
  return "";
}

/** A SheetSpec laid out as ExcelJsHost.writeSheet lays it out (src/reports sheetLayout), streamed. */
async function writeSheetXml(w: EntryWriter, spec: SheetSpec, styles: StyleBook, tableNames: string[], onRows?: (n: number) => void): Promise<TableDef[]> {
  const tables: TableDef[] = [];
  const preamble = spec.preamble ?? [];
  const headerRow = preamble.length ? preamble.length + 2 : 1;
  const widthCols = Math.max(spec.columns.length, ...(spec.blocks ?? []).map((b) => b.columns.length), 1);
  const cols: string[] = [];
  for (let c = 0; c < widthCols; c++) {
    const given = spec.columns[c]?.width ?? (spec.blocks ?? []).map((b) => b.columns[c]?.width).find((x) => x !== undefined);
    const width = given ?? autoWidth([spec.columns[c]?.header, ...spec.rows.slice(0, 200).map((r) => specText(r[c]))]);
    cols.push(`<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`);
  }
  const pane = spec.freezeHeader
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="${a1(headerRow + 1, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${a1(headerRow + 1, 0)}" sqref="${a1(headerRow + 1, 0)}"/></sheetView></sheetViews>`
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  w.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${pane}<sheetFormatPr defaultRowHeight="15"/><cols>${cols.join("")}</cols><sheetData>`);

  const linkStyle = styles.xf({ font: "link" });
  const titleStyle = styles.xf({ font: "title" });
  const boldStyle = styles.xf({ font: "bold" });
  const headStyle = styles.xf({ font: "bold", fill: true });
  let row = 1;
  const line = (cells: string) => {
    if (cells) w.write(`<row r="${row}">${cells}</row>`);
    row++;
  };
  preamble.forEach((text, i) => line(cellXml(a1(row, 0), text, i === 0 ? titleStyle : 0, linkStyle)));
  if (preamble.length) row++;

  const block = async (columns: ColumnSpec[], rows: CellSpec[][], tableName: string | undefined) => {
    const width = columns.length;
    const top = row;
    const asTable = !!tableName && width > 0;
    const headers = asTable ? uniqueHeaders(columns.map((c) => c.header), cellText) : columns.map((c) => c.header);
    line(headers.map((h, j) => cellXml(a1(top, j), h, asTable ? 0 : headStyle, linkStyle)).join(""));
    const fmt = columns.map((c) => (c.numFmt ? styles.xf({ numFmt: c.numFmt }) : 0));
    let n = 0;
    for (const r of rows) {
      let cells = "";
      for (let j = 0; j < Math.max(width, r.length); j++) {
        const v = r[j];
        const numeric = typeof v === "number" || (v !== null && typeof v === "object" && "formula" in v);
        cells += cellXml(a1(row, j), v, numeric ? (fmt[j] ?? 0) : 0, linkStyle);
      }
      line(cells);
      // Let the event loop run now and then: a signal (Ctrl+C) is handled mid-write, not after it.
      if (++n % 2000 === 0) {
        onRows?.(n);
        await new Promise((r) => setImmediate(r));
      }
    }
    if (asTable && rows.length === 0) row++; // a table needs one (empty) data row
    if (asTable) {
      const name = uniqueTableName(tableName, tableNames);
      tableNames.push(name);
      tables.push({ name, ref: `${a1(top, 0)}:${a1(row - 1, width - 1)}`, headers });
    }
  };
  await block(spec.columns, spec.rows, spec.tableName);
  for (const b of spec.blocks ?? []) {
    row++;
    line(cellXml(a1(row, 0), b.title, boldStyle, linkStyle));
    await block(b.columns, b.rows, b.tableName);
  }
  w.write("</sheetData>");
  if (tables.length) w.write(`<tableParts count="${tables.length}">${tables.map((_t, i) => `<tablePart r:id="rIdT${i + 1}"/>`).join("")}</tableParts>`);
  w.write("</worksheet>");
  return tables;
}

function tableXml(id: number, t: TableDef): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS_MAIN}" id="${id}" name="${xmlEscape(t.name)}" displayName="${xmlEscape(t.name)}" ref="${t.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${t.ref}"/><tableColumns count="${t.headers.length}">${t.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(h)}"/>`).join("")}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}

function sheetRelsXml(firstTable: number, count: number, tablePath: (k: number) => string): string {
  const rels = Array.from({ length: count }, (_x, i) => `<Relationship Id="rIdT${i + 1}" Type="${REL_TABLE}" Target="${tablePath(firstTable + i)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
}

// ---------------------------------------------------------------- files

/** Open a temporary file beside the target; the caller writes, then commit() renames it over the target. */
function openTemp(target: string): { fd: number; tmp: string; commit: () => void; abort: () => void } {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  registerTemp(tmp);
  let fd: number;
  try {
    fd = fs.openSync(tmp, "wx");
  } catch (e) {
    unregisterTemp(tmp);
    throw new CliError("write_failed", { reason: (e as Error).message.split("\n")[0] });
  }
  let closed = false;
  const close = () => {
    if (!closed) fs.closeSync(fd);
    closed = true;
  };
  return {
    fd,
    tmp,
    commit: () => {
      close();
      fs.renameSync(tmp, target);
      unregisterTemp(tmp);
    },
    abort: () => {
      close();
      fs.rmSync(tmp, { force: true });
      unregisterTemp(tmp);
    },
  };
}

async function guarded<T>(target: string, body: (zip: ZipWriter) => Promise<T>): Promise<T> {
  const t = openTemp(target);
  try {
    const zip = new ZipWriter(t.fd);
    const r = await body(zip);
    zip.finish();
    fs.fsyncSync(t.fd);
    t.commit();
    return r;
  } catch (e) {
    t.abort();
    if (e instanceof CliError) throw e;
    throw new CliError("write_failed", { reason: (e as Error).message.split("\n")[0] });
  }
}

/** Write a new workbook holding the given sheets, in order. Returns the sheet names used. */
export async function writeNewWorkbook(target: string, specs: SheetSpec[], onRows?: (n: number) => void): Promise<string[]> {
  return guarded(target, async (zip) => {
    const styles = new StyleBook({ fonts: 1, fills: 2, xfs: 1, nextNumFmt: 164 });
    const names: string[] = [];
    const tableNames: string[] = [];
    let tableNo = 0;
    const ct: string[] = [];
    for (const [i, spec] of specs.entries()) {
      const name = uniqueSheetName(spec.name, names);
      names.push(name);
      const w = zip.entry(`xl/worksheets/sheet${i + 1}.xml`);
      const tables = await writeSheetXml(w, spec, styles, tableNames, onRows);
      w.end();
      ct.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_WS}"/>`);
      if (tables.length) {
        zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheetRelsXml(tableNo + 1, tables.length, (k) => `../tables/table${k}.xml`));
        tables.forEach((t) => {
          tableNo++;
          zip.file(`xl/tables/table${tableNo}.xml`, tableXml(tableNo, t));
          ct.push(`<Override PartName="/xl/tables/table${tableNo}.xml" ContentType="${CT_TABLE}"/>`);
        });
      }
    }
    zip.file("xl/styles.xml", styles.newStylesXml());
    zip.file(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews><sheets>` +
        names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        '</sheets><calcPr calcId="191029"/></workbook>',
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names.map((_n, i) => `<Relationship Id="rId${i + 1}" Type="${REL_WS}" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    );
    zip.file(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    );
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        ct.join("") +
        "</Types>",
    );
    return names;
  });
}

function readEntryText(fd: number, e: { method: number; compressed: number }, start: number): string {
  const buf = Buffer.alloc(e.compressed);
  let got = 0;
  while (got < buf.length) {
    const n = fs.readSync(fd, buf, got, buf.length - got, start + got);
    if (n <= 0) break;
    got += n;
  }
  return (e.method === 8 ? zlib.inflateRawSync(buf) : buf).toString("utf8");
}

/**
 * Copy the user's workbook (already inspected and size-checked) to `target` with `spec` added
 * as a new last sheet (a unique name). Returns the sheet name used.
 */
export async function appendSheetToPackage(insp: Inspection, target: string, spec: SheetSpec, onRows?: (n: number) => void): Promise<string> {
  const located = dataOffsets(insp);
  const byName = new Map(located.map((x) => [x.e.name, x]));
  const src = fs.openSync(insp.path, "r");
  try {
    const text = (name: string): string | null => {
      const x = byName.get(name);
      return x ? readEntryText(src, x.e, x.start) : null;
    };
    const workbook = text("xl/workbook.xml");
    const rels = text("xl/_rels/workbook.xml.rels");
    const types = text("[Content_Types].xml");
    if (!workbook || !rels || !types || !/<\/sheets>/.test(workbook) || !/<\/Relationships>/.test(rels) || !/<\/Types>/.test(types)) {
      throw new CliError("write_failed", { reason: "workbook structure not supported (xl/workbook.xml)" });
    }
    const existing = [...workbook.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => xmlUnescape(m[1]));
    const name = uniqueSheetName(spec.name, existing);
    let sheetId = 1;
    for (const m of workbook.matchAll(/<sheet\b[^>]*?\bsheetId="(\d+)"/g)) sheetId = Math.max(sheetId, Number(m[1]) + 1);
    let relNo = 1;
    while (rels.includes(`Id="rIdCz${relNo}"`)) relNo++;
    const relId = `rIdCz${relNo}`;
    let sheetNo = 1;
    while (byName.has(`xl/worksheets/sheet${sheetNo}.xml`)) sheetNo++;
    const tableParts = located.filter((x) => /^xl\/tables\/[^/]+\.xml$/.test(x.e.name));
    const tableNames: string[] = [];
    let tableId = 0;
    for (const x of tableParts) {
      const t = readEntryText(src, x.e, x.start).slice(0, 4096);
      const id = /\bid="(\d+)"/.exec(t);
      if (id) tableId = Math.max(tableId, Number(id[1]));
      const n = /\bname="([^"]*)"/.exec(t);
      if (n) tableNames.push(xmlUnescape(n[1]));
    }
    let tableFile = 1;

    // The r: prefix of the relationships namespace in workbook.xml (declared on its root).
    const rootTag = /<(?:\w+:)?workbook\b[^>]*>/.exec(workbook)?.[0] ?? "";
    const prefix = new RegExp(`xmlns:(\\w+)="${NS_R.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"`).exec(rootTag)?.[1];
    let wb2 = workbook;
    let rp = prefix;
    if (!rp) {
      rp = "czr";
      wb2 = wb2.replace(rootTag, rootTag.replace(/(\/?>)$/, ` xmlns:czr="${NS_R}"$1`));
    }
    const sheetsClose = /<\/(\w+:)?sheets>/.exec(wb2)!;
    const sp = sheetsClose[1] ?? "";
    wb2 = wb2.replace(sheetsClose[0], `<${sp}sheet name="${xmlEscape(name)}" sheetId="${sheetId}" ${rp}:id="${relId}"/>${sheetsClose[0]}`);
    const sheetPath = `xl/worksheets/sheet${sheetNo}.xml`;
    const rels2 = rels.replace("</Relationships>", `<Relationship Id="${relId}" Type="${REL_WS}" Target="worksheets/sheet${sheetNo}.xml"/></Relationships>`);

    const stylesXml = text("xl/styles.xml");
    const base = stylesXml ? StyleBook.baseOf(stylesXml) : null;
    const styles = new StyleBook(base ?? { fonts: 1, fills: 2, xfs: 1, nextNumFmt: 164 });
    if (!base) styles.enabled = false;

    const replaced = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);
    return await guarded(target, async (zip) => {
      for (const x of located) {
        if (replaced.has(x.e.name)) continue;
        zip.copy(src, x.e, x.start);
        await new Promise((r) => setImmediate(r));
      }
      const w = zip.entry(sheetPath);
      const tables = await writeSheetXml(w, spec, styles, tableNames, onRows);
      w.end();
      const ct: string[] = [`<Override PartName="/${sheetPath}" ContentType="${CT_WS}"/>`];
      if (tables.length) {
        const paths: string[] = [];
        for (const t of tables) {
          while (byName.has(`xl/tables/table${tableFile}.xml`)) tableFile++;
          const p = `xl/tables/table${tableFile++}.xml`;
          paths.push(p);
          zip.file(p, tableXml(++tableId, t));
          ct.push(`<Override PartName="/${p}" ContentType="${CT_TABLE}"/>`);
        }
        zip.file(`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`, sheetRelsXml(1, tables.length, (k) => `../${paths[k - 1].slice(3)}`));
      }
      if (stylesXml !== null) zip.file("xl/styles.xml", (base && styles.patchStylesXml(stylesXml)) || stylesXml);
      zip.file("xl/workbook.xml", wb2);
      zip.file("xl/_rels/workbook.xml.rels", rels2);
      zip.file("[Content_Types].xml", types.replace("</Types>", `${ct.join("")}</Types>`));
      return name;
    });
  } finally {
    fs.closeSync(src);
  }
}
