/**
 * `report <applications.xlsx> --out <report.xlsx> [--sheet NAME] [--json]`: validates the table,
 * then writes a NEW workbook with the report sheets built by src/reports (results table
 * CZ_Results, summary tables, Action-Plan progress), streamed row by row (xlsx-writer.ts).
 * The CLI writes no PivotTables (ExcelJsHost.supportsPivots() is false), so the summaries are
 * plain tables computed by the core. Without --sheet, every visible sheet with a header is
 * counted (see validate.ts checkWorkbook). The input is only read; the output goes to a temporary
 * file renamed at the end. Exit 0 when the report is written.
 */
import * as path from "path";
import { defineMessages } from "../i18n";
import { fenToYuan, formatFen, type Lang } from "../policy";
import { buildReports, pivotPlan, totalsJson, type SummaryLine, type Sums } from "../reports";
import type { ParsedArgs } from "./args";
import type { Io } from "./io";
import { CliError } from "./messages";
import { renderTable } from "./text-table";
import type { SheetSpec } from "../host/types";
import type { ValidationReport } from "../validation/types";
import { ProgressLine, fmtInt } from "./progress";
import { checkWorkbook, fileHash, skippedText, totalSummary, totalsText, type CheckedSheet } from "./validate";
import { checkOut, inspectXlsx } from "./xlsx-file";
import { writeNewWorkbook } from "./xlsx-writer";
import type { PolicySet } from "../policy/types";

/** Several checked sheets as one report (row results and findings concatenated, in workbook order). */
function mergeReports(sheets: CheckedSheet[]): ValidationReport {
  if (sheets.length === 1) return sheets[0].report;
  const findings: ValidationReport["findings"] = [];
  const rows: ValidationReport["rows"] = [];
  for (const c of sheets) {
    const off = findings.length;
    for (const f of c.report.findings) findings.push(f);
    for (const r of c.report.rows) {
      r.findings = r.findings.map((i) => i + off);
      rows.push(r);
    }
  }
  return { ...sheets[0].report, findings, rows, summary: totalSummary(sheets.map((c) => c.report.summary)), sheet: sheets.map((c) => c.sheet).join("、") };
}

const msg = defineMessages(
  "cli.report",
  {
    head: "报表：{file} · 工作表“{sheet}” · 申报 {rows} 条（计入汇总 {included} 条，未计入 {excluded} 条：有错误或无核定金额；金额为应拨付额）",
    by_program: "按项目汇总（元）",
    by_jurisdiction: "按地区汇总（元）",
    col_rows: "条数",
    col_requested: "申报",
    col_payable: "应拨付",
    col_city: "市财政",
    col_beneficiary: "受益财政",
    grand: "合计",
    written: "已写入报表：{path}",
    sheets: "工作表：{list}",
    sheet_item: "“{name}”",
    list_sep: "、",
    sheet_col: "工作表",
    writing: "写入报表：{n} 行",
    no_pivots: "说明：命令行不写入真正的数据透视表，汇总表中的表格由核心精确计算（与透视结果相同）；在 Excel 中可基于 CZ_Results 表自行插入数据透视表。",
  },
  {
    head: "Report: {file} · sheet \"{sheet}\" · {rows} applications ({included} counted, {excluded} left out: errors or no award computed)",
    by_program: "By program (CNY)",
    by_jurisdiction: "By jurisdiction (CNY)",
    col_rows: "rows",
    col_requested: "requested",
    col_payable: "payable",
    col_city: "city",
    col_beneficiary: "beneficiary",
    grand: "Total",
    written: "Report written: {path}",
    sheets: "Sheets: {list}",
    sheet_item: "\"{name}\"",
    list_sep: ", ",
    sheet_col: "Sheet",
    writing: "Writing the report: {n} rows",
    no_pivots: "Note: the CLI writes no real PivotTables, so the summary sheet holds plain tables computed exactly by the core (the same figures); in Excel, insert a PivotTable over the CZ_Results table if wanted.",
  },
);

const money = (fen: number) => formatFen(fen) + (fen % 100 === 0 ? ".00" : "");

function sumsTable(lines: SummaryLine[], grand: Sums, lang: Lang): string {
  const row = (label: string, s: Sums) => [label, String(s.count), money(s.requested), money(s.total), money(s.city), money(s.beneficiary)];
  const cols = ["", msg(lang, "col_rows"), msg(lang, "col_requested"), msg(lang, "col_payable"), msg(lang, "col_city"), msg(lang, "col_beneficiary")];
  return renderTable([cols, ...lines.map((l) => row(l.label, l)), row(msg(lang, "grand"), grand)], [false, true, true, true, true, true]);
}

const sumsJson = (s: Sums) => ({ count: s.count, requested: fenToYuan(s.requested), total: fenToYuan(s.total), city: fenToYuan(s.city), beneficiary: fenToYuan(s.beneficiary) });

/**
 * Several sheets in one results table: a first column names the sheet each row comes from (row
 * numbers alone would be ambiguous). Rows are in the merged order, sheet after sheet.
 */
function withSheetColumn(spec: SheetSpec, sheets: CheckedSheet[], lang: Lang): void {
  if (spec.rows.length !== sheets.reduce((n, c) => n + c.report.rows.length, 0)) return;
  const names: string[] = [];
  for (const c of sheets) for (let i = 0; i < c.report.rows.length; i++) names.push(c.sheet);
  spec.columns = [{ header: msg(lang, "sheet_col"), width: 14 }, ...spec.columns];
  spec.rows = spec.rows.map((r, i) => [names[i], ...r]);
}

export async function runReport(args: ParsedArgs, io: Io, policy: PolicySet): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new CliError("missing_file", { cmd: "report" });
  if (args.positional.length > 1) throw new CliError("too_many_args", { cmd: "report", extra: args.positional.slice(1).join(" ") });
  if (!args.out) throw new CliError("missing_out");
  checkOut(args.out, file, args.force);

  const insp = inspectXlsx(file);
  const before = fileHash(file);
  const lang = args.lang;
  const progress = ProgressLine.for(args.quiet);
  let report: ValidationReport;
  let written: string[];
  let skipped: Awaited<ReturnType<typeof checkWorkbook>>["skipped"];
  let bundle: ReturnType<typeof buildReports>;
  let plan: ReturnType<typeof pivotPlan>;
  try {
    const checked = await checkWorkbook(file, args.sheet, insp, policy, progress, lang);
    skipped = checked.skipped;
    report = mergeReports(checked.sheets);
    // The report is a new workbook without the source sheets: the source row is named, not linked.
    const sheetOf: string[] = checked.sheets.flatMap((c) => c.report.rows.map(() => c.sheet));
    bundle = buildReports(report, policy, { lang, now: new Date(), links: false, sheetOf: (i) => sheetOf[i] ?? report.sheet, firstCol: checked.sheets.length === 1 ? checked.sheets[0].firstCol : 0 });
    if (checked.sheets.length > 1) withSheetColumn(bundle.results, checked.sheets, lang);
    plan = pivotPlan({ supportsPivots: () => false });
    if (fileHash(file) !== before) throw new CliError("internal", { reason: "input changed while reading" });
    written = await writeNewWorkbook(args.out, [bundle.results, bundle.summary, bundle.progress], (n) => progress.update(msg(lang, "writing", { n: fmtInt(n) })));
  } finally {
    progress.done();
  }

  const s = bundle.data.summaries;
  if (args.json) {
    io.out(
      JSON.stringify({
        out: args.out,
        sheets: written,
        pivots: plan.mode,
        skipped,
        summary: {
          rows: report.rows.length,
          included: s.included,
          excluded: s.excluded,
          grand: sumsJson(s.grand),
          totals: totalsJson(report.summary.totals, lang),
          byProgram: s.byProgram.map((l) => ({ key: l.key, label: l.label, ...sumsJson(l) })),
          byJurisdiction: s.byJurisdiction.map((l) => ({ key: l.key, label: l.label, ...sumsJson(l) })),
        },
      }),
    );
    return 0;
  }
  const out: string[] = [];
  out.push(msg(lang, "head", { file: path.basename(file), sheet: report.sheet, rows: report.rows.length, included: s.included, excluded: s.excluded }));
  out.push("");
  out.push(totalsText(report.summary.totals, lang));
  out.push("");
  out.push(msg(lang, "by_program"));
  out.push(sumsTable(s.byProgram, s.grand, lang));
  out.push("");
  out.push(msg(lang, "by_jurisdiction"));
  out.push(sumsTable(s.byJurisdiction, s.grand, lang));
  out.push("");
  out.push(plan.mode === "pivot" ? plan.note[lang] : msg(lang, "no_pivots"));
  out.push(msg(lang, "written", { path: args.out }));
  out.push(msg(lang, "sheets", { list: written.map((name) => msg(lang, "sheet_item", { name })).join(msg(lang, "list_sep")) }));
  if (skipped.length) out.push(skippedText(skipped, lang));
  io.out(out.join("\n"));
  return 0;
}
