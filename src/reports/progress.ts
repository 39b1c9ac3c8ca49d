/**
 * 行动计划进度: Action-Plan targets against what the application table shows, per READING's
 * counting table (catalogue Target.count):
 * - counts payable rows (no error, payable > 0) by the year of the qualifying event;
 * - counts each object once: distinct enterprises, or distinct enterprise + object (项目名称;
 *   the row itself when it names none) — the same platform at two levels is one platform;
 * - 5G cases only from rows whose 场景类别 says 5G; without that column the indicator is manual;
 * - lower bounds (登云企业, 亿元以上技改) are labelled as such ("≥");
 * - every other indicator is 需另行填报: an input cell, never a made-up 0. A reference figure
 *   (跨行业跨领域平台 awards beside 引进) is shown for information only.
 */
import { defineMessages, type Lang } from "../i18n";
import { nameKey } from "../validation/jurisdictions";
import type { PolicySet, Target, TargetCount } from "../policy/types";
import { formatMoney } from "../policy/money";
import type { SheetSpec } from "../host/types";
import type { RowResult, ValidationReport } from "../validation/types";
import { col, colLetter, COUNT_FMT, PCT_FMT, policyLine, type Row, sheetLayout, timeLine } from "./common";

export const progressText = defineMessages(
  "reports.progress",
  {
    sheet_name: "行动计划进度",
    about: "约{n}",
    list_sep: "、",
    min_base: "，基数≥{amount}",
    rule_enterprises: "当年可拨付的{list}的企业数（同一企业只计一次）{min}",
    rule_objects: "当年可拨付的{list}的对象数（按项目名称，同一对象只计一次）{min}",
    rule_5g: "“场景类别”含5G的{list}奖项数（各奖项只计一次）",
    lower_bound_note: "；为下限：未申请奖补的不在申报表中",
    no_scenario: "申报表无“场景类别”列，无法区分5G案例：需另行填报",
    cannot_measure: "申报表无法统计：请填写实际数",
    reference: "；参考：当年{programs}奖补{n}个（{note}）",
    lower_bound: "下限（≥）",
    count: "计数",
    undated: "另有{n}行无可读日期，未计入",
    title: "《滁州市工业互联网创新发展三年行动计划（2021—2023年）》目标完成情况",
    explain:
      "实际数：申报表中可拨付（无错误且应拨付额大于0）的行，按认定/完成日期的年度、每个对象只计一次（同一平台两级只计一次；“5G+工业互联网”案例仅计“场景类别”含5G的奖项）。标“下限”的指标只反映申报了奖补的部分。申报表无法统计的指标列于下方“需另行填报”，请填写实际数。",
    indicator: "指标",
    year: "年度",
    target: "目标",
    target_text: "目标说明",
    actual: "实际",
    actual_input: "实际（请填写）",
    kind: "口径",
    completion: "完成率",
    progress: "进度",
    counting_rule: "计数规则",
    note: "说明",
    manual_ratio: "需另行填报；目标{target}，请按比例填写（如 0.25 或 25%）",
    manual: "需另行填报；目标{target}",
    manual_join: "{text}。{note}",
    manual_title: "需另行填报（申报表无法统计，请在“实际（请填写）”列填写）",
  },
  {
    sheet_name: "Action Plan progress",
    about: "about {n}",
    list_sep: ", ",
    min_base: ", base ≥ {amount}",
    rule_enterprises: "Distinct enterprises with payable {list} rows that year{min}",
    rule_objects: "Distinct objects (项目名称) with payable {list} rows that year{min}",
    rule_5g: "{list} awards whose 场景类别 says 5G (each once)",
    lower_bound_note: "; a lower bound: what was not applied for is not in the table",
    no_scenario: "No 场景类别 column, so 5G cases cannot be told apart: to be reported separately",
    cannot_measure: "The applications cannot measure it: enter the figure",
    reference: "; for reference: {n} {programs} awards that year ({note})",
    lower_bound: "lower bound (≥)",
    count: "count",
    undated: "{n} more rows have no readable date and are not counted",
    title: "Action Plan (2021–2023): progress against targets",
    explain:
      "Actual: payable rows (no errors, payable > 0) by the year of the qualifying event, each object once (one platform at two levels counts once; 5G cases only from rows whose 场景类别 says 5G). Indicators marked lower bound only show what was applied for. Indicators the table cannot measure are listed below as 'to be reported separately': fill in the actual figures.",
    indicator: "Indicator",
    year: "Year",
    target: "Target",
    target_text: "Target as set",
    actual: "Actual",
    actual_input: "Actual (fill in)",
    kind: "Kind",
    completion: "Completion",
    progress: "Progress",
    counting_rule: "Counting rule",
    note: "Note",
    manual_ratio: "To be reported separately; target {target}: enter a share (0.25 or 25%)",
    manual: "To be reported separately; target {target}",
    manual_join: "{text}. {note}",
    manual_title: "To be reported separately (fill in the Actual column)",
  },
);
const msg = progressText;

/** The progress sheet's name: 行动计划进度 / Action Plan progress. */
export const progressSheetName = (lang: Lang): string => msg(lang, "sheet_name");

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
  /** The applications show only part of the figure: actual is a lower bound. */
  lowerBound: boolean;
  /** "12" or "≥12" (lower bound). */
  actualText: string;
  /** actual / target (0.6 = 60%). */
  ratio: number;
  /** "██████░░░░ 60%". */
  bar: string;
  programs: string[];
  /** How it is counted, in words. */
  rule: string;
  /** Payable rows of these programs left out because their date is unreadable. */
  undated: number;
}

export interface ManualRow {
  code: string;
  name: string;
  year: number;
  target: number;
  targetText: string;
  ratioTarget: boolean;
  /** Why it is manual. */
  note: string;
  /** Awards shown for reference (never the actual figure), when the catalogue names some. */
  reference?: number;
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
      return msg(lang, "about", { n });
    default:
      return n;
  }
}

/** A payable row (READING: the progress report counts payable rows). */
const payableRow = (r: RowResult) => r.status !== "error" && r.payable !== null && r.payable > 0 && r.programCode !== null;

const enterpriseOf = (r: RowResult) => (r.creditCode ? "c:" + r.creditCode : "n:" + nameKey(r.enterprise));
const objectOf = (r: RowResult) => enterpriseOf(r) + "|" + (r.object ? nameKey(r.object) : `row:${r.row}`);
const is5g = (r: RowResult) => /5G/i.test(r.scenario.normalize("NFKC"));

/** The counting rule of an indicator in words, from its data (Target.count). */
export function countingRule(c: TargetCount, set: PolicySet, lang: Lang): string {
  const names = c.programs.map((code) => {
    const p = set.fallback.programs.find((x) => x.code === code) ?? set.catalogues.flatMap((x) => x.programs).find((x) => x.code === code);
    return p ? p.name[lang] : code;
  });
  const list = names.join(msg(lang, "list_sep"));
  const min = c.minAmount !== undefined ? msg(lang, "min_base", { amount: formatMoney(c.minAmount * 100, lang) }) : "";
  const key = c.how === "distinct_enterprises" ? "rule_enterprises" : c.how === "distinct_objects" ? "rule_objects" : "rule_5g";
  return msg(lang, key, { list, min }) + (c.lowerBound ? msg(lang, "lower_bound_note") : "");
}

/** The targets of every catalogue in the set (a later catalogue's target for the same code and year wins). */
function targetsOf(set: PolicySet): Array<{ tg: Target; year: number; value: number }> {
  const byKey = new Map<string, { tg: Target; year: number; value: number }>();
  for (const c of set.catalogues) for (const tg of c.targets) for (const [y, v] of Object.entries(tg.years)) byKey.set(`${tg.code}|${y}`, { tg, year: Number(y), value: v });
  return [...byKey.values()];
}

/** The progress data, for the sheet and the pane's panel. */
export function progress(report: Pick<ValidationReport, "rows" | "mapping">, set: PolicySet, lang: Lang = "zh"): Progress {
  const all = targetsOf(set);
  const years = [...new Set(all.map((x) => x.year))].sort();
  const measured: ProgressRow[] = [];
  const manual: ManualRow[] = [];
  const rows = report.rows.filter(payableRow);
  const hasScenario = !!report.mapping?.scenario;
  const name = (tg: Target) => tg.name[lang];
  const order = new Map(set.catalogues.flatMap((c) => c.targets.map((tg, i) => [tg.code, i] as const)));
  all.sort((a, b) => (order.get(a.tg.code) ?? 0) - (order.get(b.tg.code) ?? 0) || a.year - b.year);
  for (const { tg, year: y, value: target } of all) {
    const c = tg.count;
    if (!c || (c.how === "scenario_5g" && !hasScenario)) {
      const note = c
        ? msg(lang, "no_scenario")
        : msg(lang, "cannot_measure");
      const m: ManualRow = { code: tg.code, name: name(tg), year: y, target, targetText: targetText(tg, target, lang), ratioTarget: !!tg.ratio, note };
      if (tg.reference) {
        const progs = tg.reference.programs;
        m.reference = new Set(rows.filter((r) => r.year === y && progs.includes(r.programCode!)).map(objectOf)).size;
        m.note += msg(lang, "reference", { programs: progs.join(msg(lang, "list_sep")), n: m.reference, note: tg.reference.note[lang] });
      }
      manual.push(m);
      continue;
    }
    const inYear = rows.filter((r) => r.year === y && c.programs.includes(r.programCode!) && (c.minAmount === undefined || (r.amount !== null && r.amount >= c.minAmount)) && (c.how !== "scenario_5g" || is5g(r)));
    const keys = new Set(inYear.map(c.how === "distinct_enterprises" ? enterpriseOf : objectOf));
    const actual = keys.size;
    const undated = report.rows.filter((r) => payableRow(r) && r.year === null && c.programs.includes(r.programCode!)).length;
    const ratio = target > 0 ? actual / target : 0;
    const lowerBound = !!c.lowerBound;
    measured.push({
      code: tg.code, name: name(tg), year: y, target, upper: tg.upper, qualifier: tg.qualifier, targetText: targetText(tg, target, lang),
      actual, lowerBound, actualText: lowerBound ? `≥${actual}` : String(actual), ratio, bar: textBar(ratio), programs: c.programs,
      rule: countingRule(c, set, lang), undated,
    });
  }
  return { years, measured, manual };
}

export const PROGRESS_TABLES = { measured: "CZ_Progress", manual: "CZ_ProgressInput" } as const;

/** The progress sheet: measured indicators (CZ_Progress), then the 需另行填报 input table (CZ_ProgressInput). */
export function progressSheet(report: Pick<ValidationReport, "rows" | "policy" | "mapping">, set: PolicySet, lang: Lang = "zh", options: { now?: Date } = {}): { data: Progress; sheet: SheetSpec } {
  const data = progress(report, set, lang);
  const L = (key: Parameters<typeof msg>[1], params?: Parameters<typeof msg>[2]) => msg(lang, key, params);
  const now = options.now ?? new Date();
  const rows: Row[] = data.measured.map((p) => [
    p.name,
    p.year,
    p.target,
    p.targetText,
    p.actual,
    p.lowerBound ? L("lower_bound") : L("count"),
    p.ratio,
    p.bar,
    p.rule,
    p.undated > 0 ? L("undated", { n: p.undated }) : "",
  ]);
  const cat = set.fallback;
  const manualColumns = [col(L("indicator"), undefined, 30), col(L("year"), COUNT_FMT, 8), col(L("target"), undefined, 10), col(L("actual_input"), undefined, 14), col(L("completion"), PCT_FMT, 10), col(L("note"), undefined, 50)];
  const spec: SheetSpec = {
    name: L("sheet_name"),
    preamble: [
      L("title"),
      policyLine({ policy: { id: cat.id, title: cat.title[lang] } }, lang),
      timeLine(now, lang),
      L("explain"),
    ],
    columns: [
      col(L("indicator"), undefined, 30),
      col(L("year"), COUNT_FMT, 8),
      col(L("target"), COUNT_FMT, 8),
      col(L("target_text"), undefined, 10),
      col(L("actual"), COUNT_FMT, 8),
      col(L("kind"), undefined, 10),
      col(L("completion"), PCT_FMT, 10),
      col(L("progress"), undefined, 18),
      col(L("counting_rule"), undefined, 50),
      col(L("note"), undefined, 30),
    ],
    rows,
    tableName: PROGRESS_TABLES.measured,
    blocks: [],
  };
  const manualRows: Row[] = data.manual.map((m) => [
    m.name,
    m.year,
    m.target,
    null,
    null,
    L("manual_join", { text: L(m.ratioTarget ? "manual_ratio" : "manual", { target: m.targetText }), note: m.note }),
  ]);
  spec.blocks = [{ title: L("manual_title"), columns: manualColumns, rows: manualRows, tableName: PROGRESS_TABLES.manual }];
  if (manualRows.length) {
    const place = sheetLayout(spec)[1];
    const C = colLetter(2);
    const D = colLetter(3);
    manualRows.forEach((r, i) => {
      const row = place.firstDataRow + i;
      r[4] = { formula: `=IF(${D}${row}="","",${D}${row}/${C}${row})`, value: "" };
    });
  } else spec.blocks = [];
  return { data, sheet: spec };
}
