/**
 * `validate <file.xlsx> [--sheet NAME] [--json] [--out report.xlsx [--force]]`.
 * Without --sheet every visible sheet with an application header is checked (hidden sheets are
 * skipped and listed); the exit code covers all of them. The input file is only read; --out gets
 * a byte-for-byte copy with a report sheet added, streamed (xlsx-writer.ts) and renamed at the end.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { defineMessages } from "../i18n";
import { fenToYuan, type Lang } from "../policy";
import { findingsExportSheet, skippedLine, totalsJson, totalsLines, validationReportSheet } from "../reports";
import type { TableError } from "../validation/headers";
import type { ValidationReport } from "../validation/types";
import { sumTotals } from "../validation/totals";
import { findingSentence } from "../validation/messages";
import { SEVERITY_ORDER as SEV_ORDER } from "../sheet/severity";
import type { ParsedArgs } from "./args";
import type { Io } from "./io";
import { CliError } from "./messages";
import { ProgressLine, fmtInt } from "./progress";
import { ruleTitle, validateRegion } from "./validation-api";
import type { PolicySet } from "../policy/types";
import { checkOut, inspectXlsx, openBook, samePath, type Inspection, type OpenedBook, type SheetRead } from "./xlsx-file";
import { appendSheetToPackage, writeNewWorkbook } from "./xlsx-writer";

export function fileHash(file: string): string {
  const h = crypto.createHash("sha256");
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest("hex");
}

/** Where a checked block sits (its values are dropped once validated). */
export interface CheckedSheet {
  sheet: string;
  address: string;
  firstRow: number;
  firstCol: number;
  report: ValidationReport;
}

export type SkipReason = "hidden" | "empty" | "no_header";

export interface CheckedBook {
  book: OpenedBook;
  sheets: CheckedSheet[];
  skipped: Array<{ sheet: string; reason: SkipReason }>;
}

const msg = defineMessages(
  "cli.validate",
  {
    read: "读取“{sheet}”：{n} 行",
    check: "校验“{sheet}”：{done} / {total} 行",
    write: "写入报告：{n} 行",
    head: "校验：{file} · 工作表“{sheet}”（{address}）· 申报 {rows} 条",
    policy: "政策：{title}",
    counts: "结果：错误 {errors} · 警告 {warnings} · 提示 {infos}（有错误的申报 {rowsWithErrors} 条）",
    clean: "未发现错误。",
    error: "错误",
    warning: "警告",
    info: "提示",
    rule: "{rule}（{n} 处）",
    row: "第{row}行",
    more: "…… 另有 {n} 处（--json 可查看全部）",
    totals: "合计",
    written: "已写入校验报告：{path}（工作表“{sheet}”；原文件未改动）",
    findings_written: "已导出问题清单：{path}（{n} 条）",
    all: "共校验 {n} 个工作表：错误 {errors} · 警告 {warnings} · 提示 {infos}",
    report_sheet: "CZ校验报告",
  },
  {
    read: "Reading \"{sheet}\": {n} rows",
    check: "Checking \"{sheet}\": {done} / {total} rows",
    write: "Writing the report: {n} rows",
    head: "Checked: {file} · sheet \"{sheet}\" ({address}) · {rows} applications",
    policy: "Policy: {title}",
    counts: "Result: {errors} errors · {warnings} warnings · {infos} notes ({rowsWithErrors} applications with errors)",
    clean: "No errors found.",
    error: "Errors",
    warning: "Warnings",
    info: "Notes",
    rule: "{rule} ({n})",
    row: "row {row}",
    more: "… {n} more (see --json for all)",
    totals: "Totals",
    written: "Report written: {path} (sheet \"{sheet}\"; the input is unchanged)",
    findings_written: "Findings exported: {path} ({n})",
    all: "{n} sheets checked: {errors} errors · {warnings} warnings · {infos} notes",
    report_sheet: "CZ校验报告",
  },
);

/**
 * Open and validate. With a sheet name: that sheet (even a hidden one), or exit 2. Without:
 * every visible sheet with a recognisable header, in workbook order (one pass over a streamed
 * file); hidden sheets, empty sheets and sheets without a header are skipped and listed; exit 2
 * only when no sheet at all could be checked.
 */
export async function checkWorkbook(file: string, sheet: string | undefined, insp: Inspection, policy: PolicySet, progress: ProgressLine = new ProgressLine(false), lang: Lang = "zh"): Promise<CheckedBook> {
  const book = await openBook(file, insp, { progress: (s, n) => progress.update(msg(lang, "read", { sheet: s, n: fmtInt(n) })) });
  const validate = (read: SheetRead) => validateRegion(read.region, policy, { onProgress: (d, t) => progress.update(msg(lang, "check", { sheet: read.region.sheet, done: fmtInt(d), total: fmtInt(t) })) });
  const keep = (read: SheetRead, report: ValidationReport): CheckedSheet => ({ sheet: read.region.sheet, address: read.region.address, firstRow: read.region.firstRow, firstCol: read.region.firstCol, report });
  if (sheet !== undefined) {
    const read = await book.readSheet(sheet);
    const v = validate(read);
    if (!v.ok) throw noHeader(read, v.error);
    return { book, sheets: [keep(read, v.report)], skipped: [] };
  }
  const skipped: CheckedBook["skipped"] = book.sheets.filter((s) => s.hidden).map((s) => ({ sheet: s.name, reason: "hidden" as const }));
  const visible = book.sheets.filter((s) => !s.hidden).map((s) => s.name);
  const sheets: CheckedSheet[] = [];
  let firstFailure: CliError | null = null;
  await book.readSheets(visible, (name, read) => {
    if (read instanceof CliError) {
      firstFailure ??= read;
      skipped.push({ sheet: name, reason: "empty" });
      return;
    }
    const v = validate(read);
    if (v.ok) sheets.push(keep(read, v.report));
    else {
      firstFailure ??= noHeader(read, v.error);
      skipped.push({ sheet: name, reason: "no_header" });
    }
  });
  if (!sheets.length) {
    if (!visible.length) throw new CliError("no_visible_sheet", { list: book.sheetNames.map((n) => `“${n}”`).join("、") });
    throw firstFailure ?? new CliError("empty_sheet", { name: visible[0] });
  }
  // Workbook order in the skipped list too.
  const order = new Map(book.sheetNames.map((n, i) => [n, i]));
  skipped.sort((a, b) => order.get(a.sheet)! - order.get(b.sheet)!);
  return { book, sheets, skipped };
}

function noHeader(read: SheetRead, error: TableError): CliError {
  if (read.mergedNearTop.length && error.code === "no_header") return new CliError("no_header_merged", { name: read.region.sheet, cells: read.mergedNearTop.slice(0, 4).join("、") });
  // The validation core's own wording, per language, with the sheet name in front.
  return new CliError("table_error", { name: read.region.sheet, text: error.message, textEn: error.messageEn });
}

const yuanSums = (r: ValidationReport["summary"], lang: Lang) => ({
  rows: r.rows,
  errors: r.errors,
  warnings: r.warnings,
  infos: r.infos,
  rowsWithErrors: r.rowsWithErrors,
  requested: fenToYuan(r.requested),
  computed: fenToYuan(r.computed),
  payable: fenToYuan(r.payable),
  city: fenToYuan(r.city),
  beneficiary: fenToYuan(r.beneficiary),
  byRule: r.byRule,
  totals: totalsJson(r.totals, lang),
});

/** Totals over several sheets' summaries (amounts in 分). */
export function totalSummary(list: ValidationReport["summary"][]): ValidationReport["summary"] {
  const t: ValidationReport["summary"] = { rows: 0, errors: 0, warnings: 0, infos: 0, rowsWithErrors: 0, requested: 0, computed: 0, payable: 0, city: 0, beneficiary: 0, byRule: {}, totals: sumTotals(list.map((s) => s.totals)) };
  for (const s of list) {
    t.rows += s.rows;
    t.errors += s.errors;
    t.warnings += s.warnings;
    t.infos += s.infos;
    t.rowsWithErrors += s.rowsWithErrors;
    t.requested += s.requested;
    t.computed += s.computed;
    t.payable += s.payable;
    t.city += s.city;
    t.beneficiary += s.beneficiary;
    for (const [k, n] of Object.entries(s.byRule)) t.byRule[k] = (t.byRule[k] ?? 0) + n;
  }
  return t;
}

/** The JSON shape: exactly one object (full message texts, never truncated). */
export function validationJson(c: Pick<CheckedBook, "sheets" | "skipped">, lang: Lang, file: string) {
  return {
    findings: c.sheets.flatMap(({ sheet, report: r }) => r.findings.map((f) => ({ sheet, row: f.row, column: f.column, severity: f.severity, rule: f.rule, message: findingSentence(f, lang) }))),
    summary: { file: path.basename(file), sheets: c.sheets.map((s) => s.sheet), policy: c.sheets[0].report.policy.id, ...yuanSums(totalSummary(c.sheets.map((s) => s.report.summary)), lang) },
    sheets: c.sheets.map((s) => ({ sheet: s.sheet, address: s.address, ...yuanSums(s.report.summary, lang) })),
    skipped: c.skipped,
  };
}

/** Human-readable report: counts, findings grouped by rule (severity first), the one total with its parts. */
export function validationText(r: ValidationReport, lang: Lang, file: string, address: string, perRule = 30): string {
  const s = r.summary;
  const lines: string[] = [];
  lines.push(msg(lang, "head", { file: path.basename(file), sheet: r.sheet, address, rows: s.rows }));
  lines.push(msg(lang, "policy", { title: r.policy.title }));
  lines.push(msg(lang, "counts", { errors: s.errors, warnings: s.warnings, infos: s.infos, rowsWithErrors: s.rowsWithErrors }));
  const groups = new Map<string, ValidationReport["findings"]>();
  for (const f of r.findings) {
    const k = `${SEV_ORDER[f.severity]}\u0000${f.rule}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
  }
  const keys = [...groups.keys()].sort();
  let lastSev = "";
  for (const k of keys) {
    const g = groups.get(k)!;
    const sev = g[0].severity;
    if (sev !== lastSev) {
      lines.push("");
      lines.push(msg(lang, sev));
      lastSev = sev;
    }
    lines.push(`  ${msg(lang, "rule", { rule: ruleTitle(g[0].rule, lang), n: g.length })}`);
    const sorted = [...g].sort((a, b) => a.row - b.row);
    for (const f of sorted.slice(0, perRule)) lines.push(`    ${msg(lang, "row", { row: f.row })}  ${findingSentence(f, lang)}`);
    if (sorted.length > perRule) lines.push(`    ${msg(lang, "more", { n: sorted.length - perRule })}`);
  }
  if (s.errors === 0) {
    lines.push("");
    lines.push(msg(lang, "clean"));
  }
  lines.push("");
  lines.push(totalsText(s.totals, lang));
  return lines.join("\n");
}

/** The one total with its parts as the CLI prints it: a heading and the four lines every sheet shows. */
export function totalsText(totals: ValidationReport["summary"]["totals"], lang: Lang): string {
  return [msg(lang, "totals"), ...totalsLines(totals, lang).map((l) => `  ${l}`)].join("\n");
}

export function skippedText(skipped: CheckedBook["skipped"], lang: Lang): string {
  return skippedLine(skipped, lang);
}

export async function runValidate(args: ParsedArgs, io: Io, policy: PolicySet): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new CliError("missing_file", { cmd: "validate" });
  if (args.positional.length > 1) throw new CliError("too_many_args", { cmd: "validate", extra: args.positional.slice(1).join(" ") });
  if (args.out !== undefined) checkOut(args.out, file, args.force);
  if (args.findingsOut !== undefined) {
    checkOut(args.findingsOut, file, args.force);
    if (args.out !== undefined && samePath(args.out, args.findingsOut)) throw new CliError("same_outputs", { path: args.findingsOut });
  }

  const insp = inspectXlsx(file);
  const before = args.out !== undefined ? fileHash(file) : null;
  const progress = ProgressLine.for(args.quiet);
  let checked: CheckedBook;
  let written: { path: string; sheet: string } | null = null;
  let exported: { path: string; n: number } | null = null;
  try {
    checked = await checkWorkbook(file, args.sheet, insp, policy, progress, args.lang);
    if (args.out !== undefined) {
      const spec = validationReportSheet(checked.sheets, args.lang, { now: new Date(), fileName: path.basename(file), skipped: checked.skipped, name: msg(args.lang, "report_sheet") });
      // Paranoia: the input must still be byte-identical before anything is written.
      if (fileHash(file) !== before) throw new CliError("internal", { reason: "input changed while reading" });
      const name = await appendSheetToPackage(insp, args.out, spec, (n) => progress.update(msg(args.lang, "write", { n: fmtInt(n) })));
      written = { path: args.out, sheet: name };
    }
    if (args.findingsOut !== undefined) {
      const spec = findingsExportSheet(checked.sheets, args.lang);
      await writeNewWorkbook(args.findingsOut, [spec]);
      exported = { path: args.findingsOut, n: spec.rows.length };
    }
  } finally {
    progress.done();
  }

  if (args.json) {
    io.out(JSON.stringify(validationJson(checked, args.lang, file)));
  } else {
    const parts = checked.sheets.map((c) => validationText(c.report, args.lang, file, c.address));
    let text = parts.join("\n\n" + "─".repeat(40) + "\n\n");
    if (checked.sheets.length > 1) {
      const tot = totalSummary(checked.sheets.map((c) => c.report.summary));
      text += "\n\n" + msg(args.lang, "all", { n: checked.sheets.length, errors: tot.errors, warnings: tot.warnings, infos: tot.infos }) + "\n" + totalsText(tot.totals, args.lang);
    }
    if (checked.skipped.length) text += "\n" + skippedText(checked.skipped, args.lang);
    io.out(text);
    if (written) io.out("\n" + msg(args.lang, "written", { path: written.path, sheet: written.sheet }));
    if (exported) io.out((written ? "" : "\n") + msg(args.lang, "findings_written", { path: exported.path, n: exported.n }));
  }
  return checked.sheets.some((c) => c.report.summary.errors > 0) ? 1 : 0;
}
