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
import { fenToYuan, formatFen, type Lang } from "../policy";
import { buildReports, pivotPlan, type SummaryLine, type Sums } from "../reports";
import type { ParsedArgs } from "./args";
import type { Io } from "./io";
import { CliError } from "./messages";
import { renderTable } from "./text-table";
import type { SheetSpec } from "../host/types";
import type { ValidationReport } from "../validation/types";
import { ProgressLine, fmtInt } from "./progress";
import { checkWorkbook, fileHash, skippedText, totalSummary, type CheckedSheet } from "./validate";
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

const T = {
  zh: {
    head: (file: string, sheet: string, rows: number, inc: number, exc: number) => `报表：${file} · 工作表“${sheet}” · 申报 ${rows} 条（计入汇总 ${inc} 条，未计入 ${exc} 条：有错误或无核定金额；金额为应拨付额）`,
    byProgram: "按项目汇总（元）",
    byJurisdiction: "按地区汇总（元）",
    cols: ["", "条数", "申报", "应拨付", "市财政", "受益财政"],
    grand: "合计",
    written: (p: string) => `已写入报表：${p}`,
    sheets: (s: string[]) => `工作表：${s.map((x) => `“${x}”`).join("、")}`,
    noPivots: "说明：命令行不写入真正的数据透视表，汇总表中的表格由核心精确计算（与透视结果相同）；在 Excel 中可基于 CZ_Results 表自行插入数据透视表。",
  },
  en: {
    head: (file: string, sheet: string, rows: number, inc: number, exc: number) => `Report: ${file} · sheet "${sheet}" · ${rows} applications (${inc} counted, ${exc} left out: errors or no award computed)`,
    byProgram: "By program (CNY)",
    byJurisdiction: "By jurisdiction (CNY)",
    cols: ["", "rows", "requested", "payable", "city", "beneficiary"],
    grand: "Total",
    written: (p: string) => `Report written: ${p}`,
    sheets: (s: string[]) => `Sheets: ${s.map((x) => `"${x}"`).join(", ")}`,
    noPivots: "Note: the CLI writes no real PivotTables, so the summary sheet holds plain tables computed exactly by the core (the same figures); in Excel, insert a PivotTable over the CZ_Results table if wanted.",
  },
};

const money = (fen: number) => formatFen(fen) + (fen % 100 === 0 ? ".00" : "");

function sumsTable(lines: SummaryLine[], grand: Sums, lang: Lang): string {
  const t = T[lang];
  const row = (label: string, s: Sums) => [label, String(s.count), money(s.requested), money(s.total), money(s.city), money(s.beneficiary)];
  return renderTable([t.cols, ...lines.map((l) => row(l.label, l)), row(t.grand, grand)], [false, true, true, true, true, true]);
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
  spec.columns = [{ header: lang === "zh" ? "工作表" : "Sheet", width: 14 }, ...spec.columns];
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
    bundle = buildReports(report, policy, { lang, now: new Date() });
    if (checked.sheets.length > 1) withSheetColumn(bundle.results, checked.sheets, lang);
    plan = pivotPlan({ supportsPivots: () => false });
    if (fileHash(file) !== before) throw new CliError("internal", { reason: "input changed while reading" });
    written = await writeNewWorkbook(args.out, [bundle.results, bundle.summary, bundle.progress], (n) => progress.update(lang === "zh" ? `写入报表：${fmtInt(n)} 行` : `Writing the report: ${fmtInt(n)} rows`));
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
          byProgram: s.byProgram.map((l) => ({ key: l.key, label: l.label, ...sumsJson(l) })),
          byJurisdiction: s.byJurisdiction.map((l) => ({ key: l.key, label: l.label, ...sumsJson(l) })),
        },
      }),
    );
    return 0;
  }
  const t = T[lang];
  const out: string[] = [];
  out.push(t.head(path.basename(file), report.sheet, report.rows.length, s.included, s.excluded));
  out.push("");
  out.push(t.byProgram);
  out.push(sumsTable(s.byProgram, s.grand, lang));
  out.push("");
  out.push(t.byJurisdiction);
  out.push(sumsTable(s.byJurisdiction, s.grand, lang));
  out.push("");
  out.push(plan.mode === "pivot" ? plan.note[lang] : t.noPivots);
  out.push(t.written(args.out));
  out.push(t.sheets(written));
  if (skipped.length) out.push(skippedText(skipped, lang));
  io.out(out.join("\n"));
  return 0;
}
