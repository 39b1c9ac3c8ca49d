/** The one place the CLI calls the validation core (src/validation/). */
import type { RegionData } from "../host/types";
import { defineMessages, type Lang } from "../i18n";
import { detectHeader, isTableError, RULE_BY_CODE, validateTable, type ColumnKey, type Finding, type RuleCode, type TableError, type ValidationReport } from "../validation";
import { colLetters } from "../sheet/a1";
import type { PolicySet } from "../policy/types";
import { UncachedFormula } from "./xlsx-file";

export type Validated = { ok: true; report: ValidationReport } | { ok: false; error: TableError };

/** Validate a block read from a sheet; { ok: false } when it has no usable header row. */
export function validateRegion(region: RegionData, policy: PolicySet, options: { onProgress?: (done: number, total: number) => void } = {}): Validated {
  try {
    const report = validateTable(
      { values: region.values, firstRow: region.firstRow, firstCol: region.firstCol, sheet: region.sheet, date1904: region.date1904 },
      policy,
      { keepOutcomes: false, onProgress: options.onProgress, progressEvery: 5000 },
    );
    return { ok: true, report: applyUncachedFormulas(report, region) };
  } catch (e) {
    if (isTableError(e)) return { ok: false, error: e };
    throw e;
  }
}

/** The CLI's own rule (not in src/validation's table): a formula saved without its cached value. */
export const UNCACHED_RULE = "formula.uncached";
/** The CLI's own rule's words: its meaning, and its finding ({formula}: ": =…" / "：=…" or nothing). */
export const uncachedText = defineMessages(
  "cli-uncached",
  {
    meaning: "公式未计算（文件中没有公式的计算结果）",
    finding: (p) => `公式未计算，请在 Excel 中重新计算并保存（${p.header}，${p.cell}${p.formula ? `：=${p.formula}` : ""}）`,
  },
  {
    meaning: "Formula not calculated (no cached result in the file)",
    finding: (p) => `Formula not calculated: recalculate and save the file in Excel (${p.header}, ${p.cell}${p.formula ? `: =${p.formula}` : ""})`,
  },
);

/**
 * Hook for formula cells saved without a cached value (xlsx-file.ts puts an UncachedFormula
 * marker in such a cell). The core already refuses the marker where it reads a number, a date or
 * a program (the row gets no award), but with a message about the wrong thing, and it reads it
 * as text elsewhere. Here, after validateTable: every marker in a mapped column of a data row
 * becomes one error finding "公式未计算，请在 Excel 中重新计算并保存" on that cell, replacing the
 * core's findings on the same cell; the row's status becomes "error", so no report counts or
 * pays it (src/reports/common.ts counts()). Summary counts are recomputed.
 */
export function applyUncachedFormulas(report: ValidationReport, region: RegionData): ValidationReport {
  const values = region.values;
  let headerIndex: number;
  try {
    headerIndex = detectHeader(values, region.firstRow).headerIndex;
  } catch {
    return report;
  }
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
      added.push({
        row,
        column: key,
        col,
        severity: "error",
        rule: UNCACHED_RULE,
        message: uncachedText("zh", "finding", params),
        messageEn: uncachedText("en", "finding", params),
      });
    }
  }
  if (!added.length) return report;

  // Merge: drop the core's findings on the same cells, add ours, keep row order, re-point rows.
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
  return { ...report, findings, summary: s };
}

/** "credit_code.check · 统一社会信用代码校验位错误" */
export function ruleTitle(rule: string, lang: Lang): string {
  if (rule === UNCACHED_RULE) return `${rule} · ${uncachedText(lang, "meaning")}`;
  const info = RULE_BY_CODE.get(rule as RuleCode);
  return info ? `${rule} · ${info.meaning[lang]}` : rule;
}
