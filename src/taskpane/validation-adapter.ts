/**
 * The pane's link to src/validation: header detection, validation with progress (yielding to
 * the browser between chunks so the pane stays responsive), rule names.
 * TEMPORARY: src/validation does not exist yet; wired once it does.
 */
import type { RegionData } from "../host/types";
import type { ColumnKey, ColumnMapping, ValidationReport } from "../validation/types";
import type { UiLang } from "./i18n";

export const REQUIRED_KEYS: ColumnKey[] = ["enterprise", "credit_code", "program"];

export function detect(region: RegionData): { mapping: ColumnMapping; headerIndex: number } {
  void region;
  return { mapping: {}, headerIndex: 0 };
}

export async function runValidation(
  region: RegionData,
  mapping: ColumnMapping,
  headerIndex: number,
  onProgress: (done: number, total: number) => void,
): Promise<ValidationReport> {
  void region;
  void mapping;
  void headerIndex;
  void onProgress;
  throw Object.assign(new Error("validation_unavailable"), { name: "HostError", code: "validation_unavailable" });
}

/** A header that gives amounts in 万元 (scaled by 10,000). */
export function isWanHeader(header: string): boolean {
  return /万元/.test(header.normalize("NFKC"));
}

export function ruleLabel(rule: string, lang: UiLang): string {
  void lang;
  return rule;
}
