/**
 * A corrected column mapping, remembered per header signature (validation/headers
 * headerSignature): in Excel in the workbook's own settings (host.saveSetting, kept in the file),
 * in the browser in localStorage. Only the column index and the 万元 flag are kept; a saved
 * mapping that no longer fits the table (a column beyond its width) is ignored.
 */
import type { WorkbookHost } from "../../host/types";
import { COLUMN_KEYS, type ColumnKey, type ColumnMapping } from "../../validation/types";

const PREFIX = "cz-subsidy.mapping.";

interface Saved {
  v: 1;
  m: Partial<Record<ColumnKey, [number, boolean]>>;
}

export function settingKey(signature: string): string {
  return PREFIX + signature;
}

export function serializeMapping(mapping: ColumnMapping): string {
  const m: Saved["m"] = {};
  for (const k of COLUMN_KEYS) {
    const b = mapping[k];
    if (b) m[k] = [b.index, b.wan];
  }
  return JSON.stringify({ v: 1, m } satisfies Saved);
}

/** The saved mapping with header texts from `headers`; null when absent, unreadable or not fitting. */
export function parseMapping(text: string | null | undefined, headers: readonly string[]): ColumnMapping | null {
  if (!text) return null;
  let saved: Saved;
  try {
    saved = JSON.parse(text) as Saved;
  } catch {
    return null;
  }
  if (!saved || saved.v !== 1 || typeof saved.m !== "object" || saved.m === null) return null;
  const out: ColumnMapping = {};
  for (const k of COLUMN_KEYS) {
    const e = saved.m[k];
    if (!e) continue;
    const [index, wan] = e;
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) return null;
    out[k] = { index, header: headers[index] ?? "", wan: wan === true };
  }
  return out;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage disabled by policy
  }
}

async function loadText(host: WorkbookHost | null, key: string): Promise<string | null> {
  if (host?.loadSetting) return host.loadSetting(key);
  return storage()?.getItem(key) ?? null;
}

export async function loadMapping(host: WorkbookHost | null, signature: string, headers: readonly string[]): Promise<ColumnMapping | null> {
  try {
    return parseMapping(await loadText(host, settingKey(signature)), headers);
  } catch {
    return null; // an unreadable setting is as good as none: the detected mapping is used
  }
}

/** Remember (or with null forget) the mapping of a header signature. Throws when the host cannot save. */
export async function saveMapping(host: WorkbookHost | null, signature: string, mapping: ColumnMapping | null): Promise<void> {
  const key = settingKey(signature);
  const text = mapping ? serializeMapping(mapping) : null;
  if (host?.saveSetting) return host.saveSetting(key, text);
  const s = storage();
  if (!s) return;
  if (text === null) s.removeItem(key);
  else s.setItem(key, text);
}
