/**
 * Formula cells saved without a cached value (by a generator, or by Excel with calculation off).
 * Their value is unknown: it must never be read as empty. A reader (the CLI's xlsx reader, the
 * pane's ExcelJS host) puts an UncachedFormula marker in such a cell; after validation,
 * applyUncachedFormulas turns every marker in a mapped column of a data row into one error finding
 * `formula.uncached` on that cell. Shared by the CLI and the pane's browser mode. Pure.
 */
import { defineMessages } from "../i18n";
import { colLetters } from "../sheet/a1";
import { detectHeader } from "./headers";
import { computeTotals } from "./totals";
import type { ColumnKey, Finding, ValidationReport } from "./types";

/** The marker a reader puts in a formula cell that has no cached result. */
export class UncachedFormula {
  constructor(readonly formula: string) {}
  toString(): string {
    return "";
  }
}

/** The marker for an ExcelJS-style cell value `{formula|sharedFormula, result?}` without a result; else null. */
export function uncachedOf(v: unknown): UncachedFormula | null {
  if (v === null || typeof v !== "object" || v instanceof Date) return null;
  const o = v as { formula?: unknown; sharedFormula?: unknown; result?: unknown };
  if (("formula" in o || "sharedFormula" in o) && o.result === undefined) return new UncachedFormula(String(o.formula ?? o.sharedFormula ?? ""));
  return null;
}

/** The rule code (not in the core's rule table: the core never sees the marker's cause). */
export const UNCACHED_RULE = "formula.uncached";
/** The rule's words: its meaning, and its finding ({formula}: the formula's first 40 characters, or nothing). */
export const uncachedText = defineMessages(
  "uncached",
  {
    meaning: "公式未计算（文件中没有公式的计算结果）",
    finding: (p) => `公式未计算，请在 Excel 中重新计算并保存（${p.header}，${p.cell}${p.formula ? `：=${p.formula}` : ""}）`,
  },
  {
    meaning: "Formula not calculated (no cached result in the file)",
    finding: (p) => `Formula not calculated: recalculate and save the file in Excel (${p.header}, ${p.cell}${p.formula ? `: =${p.formula}` : ""})`,
  },
);

/** The block that was validated: values as read, with markers. */
export interface UncachedSource {
  values: readonly (readonly unknown[])[];
  firstRow: number;
  firstCol: number;
}

/**
 * After validateTable: every marker in a mapped column of a data row becomes one error finding
 * "公式未计算，请在 Excel 中重新计算并保存" on that cell, replacing the core's findings on the same
 * cell; the row's status becomes "error", so no report counts or pays it. Summary counts and the
 * one total (summary.totals) are recomputed. `headerIndex` is the header row's index in values
 * (detected when omitted).
 */
export function applyUncachedFormulas(report: ValidationReport, region: UncachedSource, headerIndex?: number): ValidationReport {
  const values = region.values;
  if (headerIndex === undefined) {
    try {
      headerIndex = detectHeader(values, region.firstRow).headerIndex;
    } catch {
      return report;
    }
  }
  const { added, hit } = uncachedFindings(report, region, headerIndex);
  if (!added.length) return report;
  return mergeFindings(report, added, hit);
}

/** One error finding per marker in a mapped column of a data row, and the row|column keys they cover. */
function uncachedFindings(report: ValidationReport, region: UncachedSource, headerIndex: number): { added: Finding[]; hit: Set<string> } {
  const values = region.values;
  const mapped = Object.entries(report.mapping).filter(([, b]) => b) as Array<[ColumnKey, { index: number; header: string }]>;
  const added: Finding[] = [];
  const hit = new Set<string>();
  for (let i = headerIndex + 1; i < values.length; i++) {
    const line = values[i];
    if (!line) continue;
    for (const [key, b] of mapped) {
      const v = line[b.index];
      if (!(v instanceof UncachedFormula)) continue;
      const row = region.firstRow + i;
      const col = region.firstCol + b.index;
      hit.add(`${row}|${key}`);
      const cell = `${colLetters(col)}${row}`;
      const params = { header: b.header, cell, formula: v.formula ? v.formula.slice(0, 40) : "" };
      added.push({ row, column: key, col, severity: "error", rule: UNCACHED_RULE, message: uncachedText("zh", "finding", params), messageEn: uncachedText("en", "finding", params) });
    }
  }
  return { added, hit };
}

/** Drop the core's findings on the same cells, add ours, keep row order, re-point rows; recount. */
function mergeFindings(report: ValidationReport, added: Finding[], hit: Set<string>): ValidationReport {
  const kept = report.findings.map((f, i) => ({ f, old: i })).filter(({ f }) => !(f.column && hit.has(`${f.row}|${f.column}`)));
  const all = [...kept, ...added.map((f) => ({ f, old: -1 }))];
  all.sort((a, b) => a.f.row - b.f.row);
  const newIndex = new Map<number, number>();
  all.forEach((x, i) => {
    if (x.old >= 0) newIndex.set(x.old, i);
  });
  const findings = all.map((x) => x.f);
  const byRow = new Map<number, number[]>();
  findings.forEach((f, i) => {
    if (f.rule !== UNCACHED_RULE) return;
    const l = byRow.get(f.row);
    if (l) l.push(i);
    else byRow.set(f.row, [i]);
  });
  const s = { ...report.summary, errors: 0, warnings: 0, infos: 0, rowsWithErrors: 0, byRule: {} as Record<string, number> };
  for (const f of findings) {
    if (f.severity === "error") s.errors++;
    else if (f.severity === "warning") s.warnings++;
    else s.infos++;
    s.byRule[f.rule] = (s.byRule[f.rule] ?? 0) + 1;
  }
  for (const rr of report.rows) {
    const own = rr.findings.map((i) => newIndex.get(i)).filter((i): i is number => i !== undefined);
    const extra = byRow.get(rr.row);
    if (extra) own.push(...extra);
    rr.findings = own.sort((a, b) => a - b);
    if (extra) rr.status = "error";
    else if (rr.status === "error" && !rr.findings.some((i) => findings[i].severity === "error")) rr.status = rr.findings.some((i) => findings[i].severity === "warning") ? "review" : "pass";
    if (rr.status === "error") s.rowsWithErrors++;
  }
  // A row held back now is no longer payable: the one total follows the statuses.
  if (report.rows.length) s.totals = computeTotals(report.rows);
  return { ...report, findings, summary: s };
}
