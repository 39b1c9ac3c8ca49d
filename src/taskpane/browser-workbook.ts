/**
 * Browser mode: open an .xlsx chosen by the user with the lazily loaded ExcelJS and wrap it in
 * ExcelJsHost; save it back (with any sheets the pane added) as a download. The file on disk
 * is never changed: the download is a new file.
 */
import { ExcelJsHost } from "../host/exceljs-host";
import { loadExcelJs } from "../host/load-exceljs";
import type { WorkbookHost } from "../host/types";
import type { BrowserFile } from "./context";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function openWorkbook(name: string, data: ArrayBuffer): Promise<{ host: WorkbookHost; file: BrowserFile }> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const host = new ExcelJsHost(wb);
  const file: BrowserFile = {
    name,
    async save() {
      const buf = await wb.xlsx.writeBuffer();
      return new Blob([buf], { type: XLSX_MIME });
    },
  };
  return { host, file };
}

/** "申报表.xlsx" → "申报表-校验.xlsx" style name for the download. */
export function downloadName(name: string, suffix: string): string {
  const base = name.replace(/\.xlsx$/i, "");
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
