/**
 * Browser mode: open a file chosen by the user with the lazily loaded ExcelJS and wrap it in
 * ExcelJsHost; save it back (with any sheets the pane added) as a download. The file on disk
 * is never changed: the download is a new file.
 *
 * What a file is comes from its first bytes, not its name:
 * - a ZIP (PK\3\4) is read as .xlsx; if ExcelJS cannot read it, one sentence says to re-save it;
 * - an OLE compound file (D0 CF 11 E0) is an old .xls, or an .xlsx with an open password (its
 *   EncryptedPackage stream): each gets its own sentence;
 * - text is read as CSV (UTF-8, with or without BOM; GB18030/GBK when it is not UTF-8) into a
 *   one-sheet workbook, downloaded as .xlsx;
 * - anything else gets "请另存为 .xlsx 后再打开". Never a raw library error or URL.
 */
import { ExcelJsHost } from "../host/exceljs-host";
import { loadExcelJs } from "../host/load-exceljs";
import type { WorkbookHost } from "../host/types";
import type { BrowserFile } from "./context";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file the pane cannot open, with a message key (host_<code> in i18n.ts). */
export class FileOpenError extends Error {
  readonly params: Record<string, string> = {};
  constructor(
    public readonly code: "file_xls" | "file_encrypted" | "file_not_xlsx" | "file_damaged" | "file_empty" | "file_text_encoding",
    public readonly detail?: string,
  ) {
    super(code);
    // errorText() shows HostErrors by their code in the user's language.
    this.name = "HostError";
  }
}

export type FileKind = "xlsx" | "ole" | "text" | "empty" | "unknown";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the bytes are. */
export function sniff(data: ArrayBuffer | Uint8Array): FileKind {
  const b = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (b.length === 0) return "empty";
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return "xlsx";
  if (b.length >= 8 && OLE.every((x, i) => b[i] === x)) return "ole";
  // Text: no NUL byte in the first 4 KB (UTF-16 is not taken for CSV).
  const head = b.subarray(0, 4096);
  return head.includes(0) ? "unknown" : "text";
}

/** An OLE file holding an encrypted OOXML package (an .xlsx with an open password). */
export function isEncryptedPackage(data: ArrayBuffer | Uint8Array): boolean {
  const b = data instanceof Uint8Array ? data : new Uint8Array(data);
  // Directory entries name their streams in UTF-16LE: look for "EncryptedPackage".
  const needle = Array.from("EncryptedPackage").flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Text of a CSV file: UTF-8 (BOM dropped); GB18030 (a superset of GBK) when it is not valid UTF-8. */
export function decodeText(data: ArrayBuffer | Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  const b = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(b), encoding: "utf-8" };
  } catch {
    try {
      return { text: new TextDecoder("gb18030", { fatal: true }).decode(b), encoding: "gb18030" };
    } catch {
      throw new FileOpenError("file_text_encoding");
    }
  }
}

/** The field separator of a CSV: the one among , ; and tab most often in the first line (comma on a tie). */
function separatorOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  let best = ",";
  let count = first.split(",").length;
  for (const s of ["\t", ";"]) {
    const n = first.split(s).length;
    if (n > count) {
      best = s;
      count = n;
    }
  }
  return best;
}

/** Parse CSV text (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const sep = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === sep) endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endRow();
      i++;
    } else if (c === "\n" || c === "\r") endRow();
    else field += c;
    i++;
  }
  if (field !== "" || row.length) endRow();
  // Trailing empty lines carry no data.
  while (rows.length && rows[rows.length - 1].every((x) => x === "")) rows.pop();
  return rows;
}

/** A CSV field as a cell value: plain decimal numbers become numbers (not codes with leading zeros or long digit strings). */
export function csvValue(s: string): string | number | null {
  const v = s.trim();
  if (v === "") return null;
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(v)) return Number(v);
  return s;
}

/** A sheet name Excel accepts, from a file name. */
export function sheetNameFor(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, "").replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim();
  return (base || "Sheet1").slice(0, 31);
}

export async function openWorkbook(name: string, data: ArrayBuffer): Promise<{ host: WorkbookHost; file: BrowserFile }> {
  const kind = sniff(data);
  if (kind === "empty") throw new FileOpenError("file_empty");
  if (kind === "ole") throw new FileOpenError(isEncryptedPackage(data) ? "file_encrypted" : "file_xls");
  if (kind === "unknown") throw new FileOpenError("file_not_xlsx");
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  let fileKind: "xlsx" | "csv" = "xlsx";
  if (kind === "xlsx") {
    try {
      await wb.xlsx.load(data);
    } catch (err) {
      throw new FileOpenError("file_damaged", String((err as Error)?.message ?? err));
    }
  } else {
    // Text: read as CSV unless the name says it should have been a workbook.
    if (/\.(xlsx|xlsm|xls)$/i.test(name)) throw new FileOpenError("file_not_xlsx");
    const rows = parseCsv(decodeText(data).text);
    if (!rows.length) throw new FileOpenError("file_empty");
    const ws = wb.addWorksheet(sheetNameFor(name));
    for (const r of rows) ws.addRow(r.map(csvValue));
    fileKind = "csv";
  }
  const host = new ExcelJsHost(wb);
  const file: BrowserFile = {
    name,
    kind: fileKind,
    async save() {
      // Let the busy state paint before the (long, synchronous in parts) serialisation starts.
      await new Promise((r) => setTimeout(r, 0));
      const buf = await wb.xlsx.writeBuffer();
      return new Blob([buf], { type: XLSX_MIME });
    },
  };
  return { host, file };
}

/** "申报表.xlsx" → "申报表-校验.xlsx" style name for the download (a CSV becomes an .xlsx). */
export function downloadName(name: string, suffix: string): string {
  const base = name.replace(/\.(xlsx|csv|txt)$/i, "");
  return `${base}-${suffix}.xlsx`;
}

/** Offer a Blob as a download. */
export function offerDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
