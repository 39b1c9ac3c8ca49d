/**
 * The tab's link to the workbook and the validation core: reading the chosen table (skipping a
 * cover sheet, falling back to manual mapping when there is no header row), validating in chunks
 * with progress, and the uncached-formula findings the browser reader can raise.
 */
import type { RegionData, RegionSource, WorkbookHost } from "../../host/types";
import { colLetters } from "../../sheet/a1";
import { REQUIRED_KEYS as VALIDATION_REQUIRED, detectHeader, detectMapping, headerSignature, isTableError, locateHeaderSheet, splitHeader, HEADER_SCAN_ROWS } from "../../validation/headers";
import { applyUncachedFormulas } from "../../validation/uncached";
import { validateTableAsync } from "../../validation/validate";
import type { ColumnKey, ColumnMapping, ValidationReport } from "../../validation/types";
import type { PolicySet } from "../../policy/types";
import type { ReadTable } from "./state";

export const REQUIRED_KEYS: readonly ColumnKey[] = VALIDATION_REQUIRED;

export function parseSourceKey(k: string): RegionSource {
  if (k === "sel" || k === "") return k === "sel" ? { kind: "selection" } : { kind: "sheet" };
  if (k.startsWith("t:")) return { kind: "table", name: k.slice(2) };
  return { kind: "sheet", name: k.slice(2) };
}

/** The header row (0-based index into region.values) and the detected mapping. Throws TableError. */
export function detect(region: RegionData): { mapping: ColumnMapping; headerIndex: number } {
  const d = detectHeader(region.values, region.firstRow);
  return { mapping: d.mapping, headerIndex: d.headerIndex };
}

/** A header that gives amounts in 万元 (scaled by 10,000). */
export function isWanHeader(header: string): boolean {
  return splitHeader(header).unit === "万元";
}

/** The header texts of a read table (column letters for a headerless one). */
export function headerTexts(table: ReadTable): string[] {
  return (table.region.values[table.headerIndex] ?? []).map((v) => (v === null || v === undefined ? "" : String(v)));
}

/**
 * A table without a header row, as one with a synthetic header of column letters above it (one
 * row up), so that the core validates every row of it with a manual mapping.
 */
export function withLetterHeader(region: RegionData): RegionData {
  const width = region.values.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const letters = Array.from({ length: width }, (_, i) => colLetters(region.firstCol + i));
  return { ...region, values: [letters, ...region.values], firstRow: region.firstRow - 1 };
}

export interface ReadOutcome {
  table: ReadTable;
  mapping: ColumnMapping;
  /** The sheet actually read, when the header was found on another sheet than the chosen one. */
  switched?: { from: string; to: string };
  /** No header row: the table is offered for manual mapping by column letters. */
  noHeader?: { sheet: string; scanned: number };
}

function tableOf(region: RegionData, headerIndex: number, headerless: boolean): ReadTable {
  const header = region.values[headerIndex] ?? [];
  return { region, headerIndex, headerless, signature: headerless ? `letters-${header.length}` : headerSignature(header) };
}

/**
 * Read the chosen source and find its header. A sheet without a header (a cover page, an
 * instructions sheet, an empty sheet) is skipped for the next sheets that have one; with none, the
 * chosen block comes back headerless for manual mapping. A header row without a program column
 * keeps its detected columns (the panel marks 项目类别 as missing).
 */
export async function readTable(host: WorkbookHost, source: string, sheets: readonly string[]): Promise<ReadOutcome> {
  const src = parseSourceKey(source);
  let region: RegionData | null = null;
  let readError: unknown = null;
  try {
    region = await host.readRegion(src);
    const d = detectHeader(region.values, region.firstRow);
    return { table: tableOf(region, d.headerIndex, false), mapping: d.mapping };
  } catch (e) {
    if (isTableError(e) && e.code === "no_program_column" && region) {
      const headerIndex = Number(e.params.row) - region.firstRow;
      return { table: tableOf(region, headerIndex, false), mapping: detectMapping(region.values[headerIndex] ?? []).mapping };
    }
    const hostEmpty = (e as { name?: string; code?: string } | null)?.name === "HostError" && (e as { code?: string }).code?.startsWith("empty");
    if (!(isTableError(e) && e.code !== "no_program_column") && !hostEmpty) throw e;
    readError = e;
  }
  if (src.kind === "sheet") {
    const current = region?.sheet ?? src.name ?? sheets[0] ?? "";
    const at = sheets.indexOf(current);
    const others = [...sheets.slice(at + 1), ...sheets.slice(0, Math.max(at, 0))].filter((n) => n !== current);
    const read = new Map<string, RegionData>();
    const found = await locateHeaderSheet(
      others.map((name) => ({
        name,
        read: async () => {
          const r = await host.readRegion({ kind: "sheet", name });
          read.set(name, r);
          return r;
        },
      })),
    );
    if (found) {
      const r = read.get(found.name)!;
      return { table: tableOf(r, found.detection.headerIndex, false), mapping: found.detection.mapping, switched: { from: current, to: found.name } };
    }
  }
  if (!region || (isTableError(readError) && readError.code === "empty")) throw readError;
  const lettered = withLetterHeader(region);
  return { table: tableOf(lettered, 0, true), mapping: {}, noHeader: { sheet: region.sheet, scanned: Math.min(region.values.length, HEADER_SCAN_ROWS) } };
}

/** Let the browser paint (progress bar) between chunks of work. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

/** Chunked validation (validateTableAsync), then the uncached-formula findings. */
export async function runValidation(
  region: RegionData,
  mapping: ColumnMapping,
  headerIndex: number,
  onProgress: (done: number, total: number) => void,
  policy: PolicySet,
): Promise<ValidationReport> {
  await yieldToBrowser();
  const report = await validateTableAsync(
    { values: region.values, firstRow: region.firstRow, firstCol: region.firstCol, sheet: region.sheet, mapping, headerRow: region.firstRow + headerIndex, date1904: region.date1904 },
    policy,
    { onProgress, chunkSize: 2000 },
  );
  return applyUncachedFormulas(report, region, headerIndex);
}
