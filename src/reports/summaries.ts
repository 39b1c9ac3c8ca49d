/**
 * 汇总表: summary tables computed by the core, exact in 分 and shown in 元. Every table has a
 * grand-total row; its rows add up exactly to it, and city + beneficiary = total on every row.
 * Which rows count: countingRuleText (no errors, award computed).
 */
import { defineMessages, type Lang } from "../i18n";
import type { Fen } from "../policy/money";
import type { Catalogue } from "../policy/types";
import type { ChartSpec, SheetSpec } from "../host/types";
import type { RowResult, ValidationReport } from "../validation/types";
import { col, colLetter, COUNT_FMT, counts, countingRuleText, policyLine, type Row, sheetLayout, timeLine, YUAN_FMT, yuan } from "./common";
import { totalsLines } from "./totals-block";

export const summaryText = defineMessages(
  "reports.summary",
  {
    sheet_name: "汇总表",
    title: "滁州市工业互联网奖补汇总表",
    no_jurisdiction: "（未填地区）",
    no_year: "（无日期）",
    grand: "合计",
    program_code: "项目代码",
    program: "项目类别",
    rows: "件数",
    requested: "申报金额（元）",
    payable: "应拨付奖补（元）",
    city: "市财政（元）",
    beneficiary: "受益财政（元）",
    total: "合计（元）",
    jurisdiction: "所属地区",
    by_source: "按项目 × 资金来源",
    by_jurisdiction_year: "按地区 × 年度（应拨付奖补，元）",
    by_jurisdiction: "按地区",
    chart_title: "各地区应拨付奖补（元）",
  },
  {
    sheet_name: "Summary",
    title: "Chuzhou industrial internet subsidies: summary",
    no_jurisdiction: "(no jurisdiction)",
    no_year: "(no date)",
    grand: "Total",
    program_code: "Program code",
    program: "Program",
    rows: "Rows",
    requested: "Requested (CNY)",
    payable: "Payable (CNY)",
    city: "City (CNY)",
    beneficiary: "Beneficiary (CNY)",
    total: "Total (CNY)",
    jurisdiction: "Jurisdiction",
    by_source: "By program × funding source",
    by_jurisdiction_year: "By jurisdiction × year (payable, CNY)",
    by_jurisdiction: "By jurisdiction",
    chart_title: "Payable awards by jurisdiction (CNY)",
  },
);
const msg = summaryText;

/** The summary sheet's name: 汇总表 / Summary. */
export const summarySheetName = (lang: Lang): string => msg(lang, "sheet_name");

/** Sums in 分. `total` is the payable amount (READING "what is paid"), `city` + `beneficiary` its split; `entitlement` the policy's award before the amount asked. */
export interface Sums {
  count: number;
  requested: Fen;
  entitlement: Fen;
  total: Fen;
  city: Fen;
  beneficiary: Fen;
}

export interface SummaryLine extends Sums {
  /** Program code, jurisdiction name, or "" for a missing jurisdiction. */
  key: string;
  label: string;
}

export interface Summaries {
  /** Rows counted / left out. */
  included: number;
  excluded: number;
  grand: Sums;
  /** By program, in catalogue order (programs with counted rows only). */
  byProgram: SummaryLine[];
  /** By jurisdiction: the catalogue's ten first (when present), then others, then blank. */
  byJurisdiction: SummaryLine[];
  /** Jurisdiction × year award totals. years: ascending, null (no date) last. */
  byJurisdictionYear: { jurisdictions: string[]; years: (number | null)[]; cells: Fen[][]; rowTotals: Fen[]; colTotals: Fen[]; grand: Fen };
}

const zero = (): Sums => ({ count: 0, requested: 0, entitlement: 0, total: 0, city: 0, beneficiary: 0 });

function add(s: Sums, r: RowResult): void {
  s.count += 1;
  s.requested += r.requested ?? 0;
  s.entitlement += r.total ?? 0;
  s.total += r.payable ?? 0;
  s.city += r.payableCity ?? 0;
  s.beneficiary += r.payableBeneficiary ?? 0;
}

/** Compute every summary from the validated rows. */
export function summaries(report: Pick<ValidationReport, "rows">, catalogue: Catalogue, lang: Lang = "zh"): Summaries {
  const rows = report.rows.filter(counts);
  const grand = zero();
  const byProg = new Map<string, { label: string; sums: Sums }>();
  const byJur = new Map<string, Sums>();
  const jy = new Map<string, Map<number | null, Fen>>();
  const years = new Set<number | null>();
  for (const r of rows) {
    add(grand, r);
    const pk = r.programCode ?? r.programName;
    let p = byProg.get(pk);
    if (!p) byProg.set(pk, (p = { label: r.programName, sums: zero() }));
    add(p.sums, r);
    const jk = r.jurisdiction.trim();
    let j = byJur.get(jk);
    if (!j) byJur.set(jk, (j = zero()));
    add(j, r);
    let m = jy.get(jk);
    if (!m) jy.set(jk, (m = new Map()));
    m.set(r.year, (m.get(r.year) ?? 0) + (r.payable ?? 0));
    years.add(r.year);
  }

  const progOrder = catalogue.programs.map((p) => p.code);
  const byProgram = [...byProg.entries()]
    .sort(([a], [b]) => rank(progOrder, a) - rank(progOrder, b) || a.localeCompare(b))
    .map(([key, v]) => {
      const p = catalogue.programs.find((x) => x.code === key);
      return { key, label: p ? p.name[lang] : v.label, ...v.sums };
    });

  const jurOrder = catalogue.jurisdictions;
  const jurKeys = [...byJur.keys()].sort((a, b) => (a === "" ? 1 : 0) - (b === "" ? 1 : 0) || rank(jurOrder, a) - rank(jurOrder, b) || a.localeCompare(b, "zh"));
  const jurLabel = (k: string) => (k === "" ? msg(lang, "no_jurisdiction") : k);
  const byJurisdiction = jurKeys.map((key) => ({ key, label: jurLabel(key), ...(byJur.get(key) as Sums) }));

  const yearList = [...years].sort((a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0) || (a ?? 0) - (b ?? 0));
  const cells = jurKeys.map((k) => yearList.map((y) => jy.get(k)?.get(y) ?? 0));
  const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const colTotals = yearList.map((_, i) => cells.reduce((a, r) => a + r[i], 0));
  return {
    included: rows.length,
    excluded: report.rows.length - rows.length,
    grand,
    byProgram,
    byJurisdiction,
    byJurisdictionYear: { jurisdictions: jurKeys.map(jurLabel), years: yearList, cells, rowTotals, colTotals, grand: rowTotals.reduce((a, b) => a + b, 0) },
  };
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

export const SUMMARY_TABLES = {
  program: "CZ_Sum_Program",
  programSource: "CZ_Sum_ProgramSource",
  jurisdictionYear: "CZ_Sum_JurisdictionYear",
  jurisdiction: "CZ_Sum_Jurisdiction",
} as const;

/** The summary sheet: by program (main), program × funding source, jurisdiction × year, by jurisdiction. */
export function summarySheet(report: Pick<ValidationReport, "rows" | "policy" | "summary">, catalogue: Catalogue, lang: Lang = "zh", options: { now?: Date } = {}): SheetSpec {
  const s = summaries(report, catalogue, lang);
  const now = options.now ?? new Date();
  const L = (key: Parameters<typeof msg>[1]) => msg(lang, key);
  const money = (h: string) => col(h, YUAN_FMT, 16);
  const g = s.grand;

  const programRows: Row[] = s.byProgram.map((p) => [p.key, p.label, p.count, yuan(p.requested), yuan(p.total)]);
  programRows.push([L("grand"), "", g.count, yuan(g.requested), yuan(g.total)]);

  const sourceRows: Row[] = s.byProgram.map((p) => [p.label, yuan(p.city), yuan(p.beneficiary), yuan(p.total)]);
  sourceRows.push([L("grand"), yuan(g.city), yuan(g.beneficiary), yuan(g.total)]);

  const jy = s.byJurisdictionYear;
  const yearHeader = (y: number | null) => (y === null ? L("no_year") : String(y));
  const jyRows: Row[] = jy.jurisdictions.map((j, i) => [j, ...jy.cells[i].map(yuan), yuan(jy.rowTotals[i])]);
  jyRows.push([L("grand"), ...jy.colTotals.map(yuan), yuan(jy.grand)]);

  const jurRows: Row[] = s.byJurisdiction.map((j) => [j.label, yuan(j.total), yuan(j.city), yuan(j.beneficiary), j.count, yuan(j.requested)]);
  jurRows.push([L("grand"), yuan(g.total), yuan(g.city), yuan(g.beneficiary), g.count, yuan(g.requested)]);

  return {
    name: L("sheet_name"),
    preamble: [
      L("title"),
      policyLine(report, lang),
      timeLine(now, lang),
      ...totalsLines(report.summary.totals, lang),
      countingRuleText(lang),
    ],
    columns: [col(L("program_code"), undefined, 22), col(L("program"), undefined, 34), col(L("rows"), COUNT_FMT, 8), money(L("requested")), money(L("payable"))],
    rows: programRows,
    tableName: SUMMARY_TABLES.program,
    blocks: [
      {
        title: L("by_source"),
        columns: [col(L("program")), money(L("city")), money(L("beneficiary")), money(L("total"))],
        rows: sourceRows,
        tableName: SUMMARY_TABLES.programSource,
      },
      {
        title: L("by_jurisdiction_year"),
        columns: [col(L("jurisdiction")), ...jy.years.map((y) => money(yearHeader(y))), money(L("total"))],
        rows: jyRows,
        tableName: SUMMARY_TABLES.jurisdictionYear,
      },
      {
        title: L("by_jurisdiction"),
        columns: [col(L("jurisdiction")), money(L("payable")), money(L("city")), money(L("beneficiary")), col(L("rows"), COUNT_FMT, 8), money(L("requested"))],
        rows: jurRows,
        tableName: SUMMARY_TABLES.jurisdiction,
      },
    ],
    freezeHeader: false,
  };
}

/** Index of the by-jurisdiction block in summarySheet's blocks (its chart source). */
const JURISDICTION_BLOCK = 3; // 0 = main table, then the blocks in order

/**
 * The chart of awards by jurisdiction: its data range is the by-jurisdiction block of the
 * summary sheet (header + one row per jurisdiction, without the grand-total row; first column
 * the jurisdiction, second the award). `sheetName` is the name the host actually gave the sheet.
 */
export function awardsChart(summary: SheetSpec, sheetName: string, lang: Lang = "zh"): ChartSpec {
  const place = sheetLayout(summary)[JURISDICTION_BLOCK];
  const last = Math.max(place.lastDataRow - 1, place.firstDataRow); // leave out 合计
  return {
    title: msg(lang, "chart_title"),
    sheet: sheetName,
    range: `A${place.headerRow}:${colLetter(1)}${last}`,
    type: "bar",
  };
}
