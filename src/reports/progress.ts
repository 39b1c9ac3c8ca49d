/**
 * 行动计划进度: Action-Plan targets (catalogue.targets) against what the application table shows.
 *
 * Counting: one row = one recognition / project. A row counts for an indicator in year Y when it
 * has no errors (通过 or 需复核: duplicates of one-time awards are errors, so they never count
 * twice), its program is one of the indicator's measure programs, its date falls in Y, and — when
 * the indicator sets minAmount — its amount (base, 元) is ≥ minAmount. The award itself does not
 * matter: a factory recognised before the policy's validity still counts as built. Rows are
 * counted, not distinct enterprises (an enterprise with a smart factory and a digital workshop
 * has built two). Rows without a readable date are reported, not counted.
 *
 * Indicators the table cannot measure (no `measure`: robots, cloud enterprises, ratios …) are
 * listed as 需另行填报 in an input table the analyst fills; its 完成率 is a formula.
 */
import { DEFAULT_CATALOGUE } from "../policy/catalogues";
import type { Catalogue, Target } from "../policy/types";
import type { CellSpec, SheetSpec } from "../host/types";
import type { RowResult, ValidationReport } from "../validation/types";
import { col, colLetter, COUNT_FMT, type Lang, PCT_FMT, policyLine, type Row, sheetLayout, t, timeLine } from "./common";

export interface ProgressRow {
  code: string;
  name: string;
  year: number;
  /** The target (lower end for a range). */
  target: number;
  upper?: number;
  qualifier: Target["qualifier"];
  /** "≥200", "1–2", "约2", "30". */
  targetText: string;
  actual: number;
  /** actual / target (0.6 = 60%). */
  ratio: number;
  /** "██████░░░░ 60%". */
  bar: string;
  programs: string[];
  /** Rows of these programs left out because their date is unreadable (not per year: same on each year). */
  undated: number;
}

export interface ManualRow {
  code: string;
  name: string;
  year: number;
  target: number;
  targetText: string;
  ratioTarget: boolean;
}

export interface Progress {
  years: number[];
  measured: ProgressRow[];
  manual: ManualRow[];
}

/** A text bar of `width` cells, capped at full, and the percent: "██████░░░░ 60%". */
export function textBar(ratio: number, width = 10): string {
  const r = Number.isFinite(ratio) && ratio > 0 ? ratio : 0;
  const filled = Math.min(width, Math.round(r * width));
  return "█".repeat(filled) + "░".repeat(width - filled) + ` ${Math.round(r * 100)}%`;
}

function targetText(tg: Target, v: number, lang: Lang): string {
  const n = tg.ratio ? `${Math.round(v * 1000) / 10}%` : String(v);
  switch (tg.qualifier) {
    case "at_least":
      return `≥${n}`;
    case "range":
      return `${n}–${tg.upper ?? n}`;
    case "about":
      return t(lang, `约${n}`, `about ${n}`);
    default:
      return n;
  }
}

/** Does a row count for this indicator in this year? */
function countsFor(r: RowResult, tg: Target, year: number): boolean {
  const m = tg.measure;
  if (!m || r.status === "error" || r.year !== year || !r.programCode || !m.programs.includes(r.programCode)) return false;
  if (m.minAmount !== undefined) return r.amount !== null && r.amount >= m.minAmount;
  return true;
}

/** The progress data, for the sheet and the pane's panel. */
export function progress(report: Pick<ValidationReport, "rows">, catalogue: Catalogue = DEFAULT_CATALOGUE, lang: Lang = "zh"): Progress {
  const years = [...new Set(catalogue.targets.flatMap((x) => Object.keys(x.years).map(Number)))].sort();
  const measured: ProgressRow[] = [];
  const manual: ManualRow[] = [];
  for (const tg of catalogue.targets) {
    const name = lang === "zh" ? tg.name.zh : tg.name.en;
    for (const y of years) {
      const target = tg.years[y];
      if (target === undefined) continue;
      if (!tg.measure) {
        manual.push({ code: tg.code, name, year: y, target, targetText: targetText(tg, target, lang), ratioTarget: !!tg.ratio });
        continue;
      }
      const programs = tg.measure.programs;
      const actual = report.rows.filter((r) => countsFor(r, tg, y)).length;
      const undated = report.rows.filter((r) => r.status !== "error" && r.year === null && r.programCode !== null && programs.includes(r.programCode)).length;
      const ratio = target > 0 ? actual / target : 0;
      measured.push({ code: tg.code, name, year: y, target, upper: tg.upper, qualifier: tg.qualifier, targetText: targetText(tg, target, lang), actual, ratio, bar: textBar(ratio), programs, undated });
    }
  }
  return { years, measured, manual };
}

export const PROGRESS_SHEET = { zh: "行动计划进度", en: "Action Plan progress" };
export const PROGRESS_TABLES = { measured: "CZ_Progress", manual: "CZ_ProgressInput" } as const;

/** The progress sheet: measured indicators (CZ_Progress), then the 需另行填报 input table (CZ_ProgressInput). */
export function progressSheet(report: Pick<ValidationReport, "rows" | "policy">, catalogue: Catalogue = DEFAULT_CATALOGUE, lang: Lang = "zh", options: { now?: Date } = {}): { data: Progress; sheet: SheetSpec } {
  const data = progress(report, catalogue, lang);
  const L = (zh: string, en: string) => t(lang, zh, en);
  const now = options.now ?? new Date();
  const rows: Row[] = data.measured.map((p) => [
    p.name,
    p.year,
    p.target,
    p.targetText,
    p.actual,
    p.ratio,
    p.bar,
    p.programs.join(", "),
    p.undated > 0 ? L(`另有${p.undated}行无可读日期，未计入`, `${p.undated} more rows have no readable date and are not counted`) : "",
  ]);

  const manualColumns = [col(L("指标", "Indicator"), undefined, 30), col(L("年度", "Year"), COUNT_FMT, 8), col(L("目标", "Target"), undefined, 10), col(L("实际（请填写）", "Actual (fill in)"), undefined, 14), col(L("完成率", "Completion"), PCT_FMT, 10), col(L("说明", "Note"), undefined, 36)];
  const spec: SheetSpec = {
    name: PROGRESS_SHEET[lang],
    preamble: [
      L("《滁州市工业互联网创新发展三年行动计划（2021—2023年）》目标完成情况", "Action Plan (2021–2023): progress against targets"),
      policyLine({ policy: { id: catalogue.id, title: lang === "zh" ? catalogue.title.zh : catalogue.title.en } }, lang),
      timeLine(now, lang),
      L(
        "实际数：申报表中无错误（通过或需复核）的行，按项目类别与日期年度计数（每行一项认定/项目，不按企业去重；亿元以上技改项目按投资额≥1亿元）。申报表无法统计的指标列于下方“需另行填报”，请填写实际数。",
        "Actual: rows without errors (passed or to review), by program and the year of the date (one row = one recognition/project, not de-duplicated by enterprise; ≥100-million projects by amount ≥ 100,000,000). Indicators the table cannot measure are listed below as 'to be reported separately': fill in the actual figures.",
      ),
    ],
    columns: [
      col(L("指标", "Indicator"), undefined, 30),
      col(L("年度", "Year"), COUNT_FMT, 8),
      col(L("目标", "Target"), COUNT_FMT, 8),
      col(L("目标说明", "Target as set"), undefined, 10),
      col(L("实际", "Actual"), COUNT_FMT, 8),
      col(L("完成率", "Completion"), PCT_FMT, 10),
      col(L("进度", "Progress"), undefined, 18),
      col(L("计入项目", "Programs counted"), undefined, 40),
      col(L("说明", "Note"), undefined, 30),
    ],
    rows,
    tableName: PROGRESS_TABLES.measured,
    blocks: [],
  };

  // The input table: its 完成率 formulas refer to cells of the same row (layout as the hosts write it).
  const manualRows: Row[] = data.manual.map((m) => [
    m.name,
    m.year,
    m.target,
    null,
    null,
    m.ratioTarget ? L(`需另行填报；目标${m.targetText}，请按比例填写（如 0.25 或 25%）`, `To be reported separately; target ${m.targetText}: enter a share (0.25 or 25%)`) : L(`需另行填报；目标${m.targetText}`, `To be reported separately; target ${m.targetText}`),
  ]);
  spec.blocks = [{ title: L("需另行填报（申报表无法统计，请在“实际（请填写）”列填写）", "To be reported separately (fill in the Actual column)"), columns: manualColumns, rows: manualRows, tableName: PROGRESS_TABLES.manual }];
  if (manualRows.length) {
    const place = sheetLayout(spec)[1];
    const C = colLetter(2);
    const D = colLetter(3);
    manualRows.forEach((r, i) => {
      const row = place.firstDataRow + i;
      r[4] = { formula: `=IF(${D}${row}="","",${D}${row}/${C}${row})`, value: "" } as CellSpec;
    });
  } else {
    spec.blocks = [];
  }
  return { data, sheet: spec };
}
