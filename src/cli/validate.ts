/**
 * `validate <file.xlsx> [--sheet NAME] [--json] [--out report.xlsx [--force]]`.
 * Without --sheet every visible sheet with an application header is checked (hidden sheets are
 * skipped and listed); the exit code covers all of them. The input file is only read; --out gets
 * a byte-for-byte copy with a report sheet added, streamed (xlsx-writer.ts) and renamed at the end.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { fenToYuan, formatFen, type Lang } from "../policy";
import type { TableError } from "../validation/headers";
import type { ValidationReport } from "../validation/types";
import { sumTotals } from "../validation/totals";
import { SEVERITY_ORDER as SEV_ORDER } from "../sheet/severity";
import type { ParsedArgs } from "./args";
import type { Io } from "./io";
import { CliError } from "./messages";
import { ProgressLine, fmtInt } from "./progress";
import { buildValidationSheet } from "./report-sheet";
import { renderTable } from "./text-table";
import { ruleTitle, validateRegion } from "./validation-api";
import type { PolicySet } from "../policy/types";
import { checkOut, inspectXlsx, openBook, type Inspection, type OpenedBook, type SheetRead } from "./xlsx-file";
import { appendSheetToPackage } from "./xlsx-writer";

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

const PROGRESS_TEXT = {
  zh: { read: (s: string, n: number) => `读取“${s}”：${fmtInt(n)} 行`, check: (s: string, d: number, t: number) => `校验“${s}”：${fmtInt(d)} / ${fmtInt(t)} 行` },
  en: { read: (s: string, n: number) => `Reading "${s}": ${fmtInt(n)} rows`, check: (s: string, d: number, t: number) => `Checking "${s}": ${fmtInt(d)} / ${fmtInt(t)} rows` },
};

/**
 * Open and validate. With a sheet name: that sheet (even a hidden one), or exit 2. Without:
 * every visible sheet with a recognisable header, in workbook order (one pass over a streamed
 * file); hidden sheets, empty sheets and sheets without a header are skipped and listed; exit 2
 * only when no sheet at all could be checked.
 */
export async function checkWorkbook(file: string, sheet: string | undefined, insp: Inspection, policy: PolicySet, progress: ProgressLine = new ProgressLine(false), lang: Lang = "zh"): Promise<CheckedBook> {
  const pt = PROGRESS_TEXT[lang];
  const book = await openBook(file, insp, { progress: (s, n) => progress.update(pt.read(s, n)) });
  const validate = (read: SheetRead) => validateRegion(read.region, policy, { onProgress: (d, t) => progress.update(pt.check(read.region.sheet, d, t)) });
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

const yuanSums = (r: ValidationReport["summary"]) => ({
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
    findings: c.sheets.flatMap(({ sheet, report: r }) => r.findings.map((f) => ({ sheet, row: f.row, column: f.column, severity: f.severity, rule: f.rule, message: lang === "en" ? f.messageEn : f.message }))),
    summary: { file: path.basename(file), sheets: c.sheets.map((s) => s.sheet), policy: c.sheets[0].report.policy.id, ...yuanSums(totalSummary(c.sheets.map((s) => s.report.summary))) },
    sheets: c.sheets.map((s) => ({ sheet: s.sheet, address: s.address, ...yuanSums(s.report.summary) })),
    skipped: c.skipped,
  };
}

const T = {
  zh: {
    head: (file: string, sheet: string, addr: string, rows: number) => `校验：${file} · 工作表“${sheet}”（${addr}）· 申报 ${rows} 条`,
    policy: (t: string) => `政策：${t}`,
    counts: (e: number, w: number, i: number, rows: number) => `结果：错误 ${e} · 警告 ${w} · 提示 ${i}（有错误的申报 ${rows} 条）`,
    clean: "未发现错误。",
    sev: { error: "错误", warning: "警告", info: "提示" },
    rule: (rule: string, n: number) => `${rule}（${n} 处）`,
    row: (row: number) => `第${row}行`,
    more: (n: number) => `…… 另有 ${n} 处（--json 可查看全部）`,
    totals: "合计（元）",
    totalsHead: ["项目", "金额（元）"],
    requested: "申报金额",
    computed: "核定金额",
    payable: "应拨付金额",
    city: "市财政承担",
    beneficiary: "受益财政承担",
    written: (p: string, s: string) => `已写入校验报告：${p}（工作表“${s}”；原文件未改动）`,
    skipped: (list: string) => `未校验的工作表：${list}`,
    reason: { hidden: "隐藏", empty: "空白", no_header: "无表头" },
    all: (n: number, e: number, w: number, i: number) => `共校验 ${n} 个工作表：错误 ${e} · 警告 ${w} · 提示 ${i}`,
  },
  en: {
    head: (file: string, sheet: string, addr: string, rows: number) => `Checked: ${file} · sheet "${sheet}" (${addr}) · ${rows} applications`,
    policy: (t: string) => `Policy: ${t}`,
    counts: (e: number, w: number, i: number, rows: number) => `Result: ${e} errors · ${w} warnings · ${i} notes (${rows} applications with errors)`,
    clean: "No errors found.",
    sev: { error: "Errors", warning: "Warnings", info: "Notes" },
    rule: (rule: string, n: number) => `${rule} (${n})`,
    row: (row: number) => `row ${row}`,
    more: (n: number) => `… ${n} more (see --json for all)`,
    totals: "Totals (CNY)",
    totalsHead: ["item", "amount (CNY)"],
    requested: "requested",
    computed: "computed",
    payable: "payable",
    city: "city finance",
    beneficiary: "beneficiary finance",
    written: (p: string, s: string) => `Report written: ${p} (sheet "${s}"; the input is unchanged)`,
    skipped: (list: string) => `Sheets not checked: ${list}`,
    reason: { hidden: "hidden", empty: "empty", no_header: "no header" },
    all: (n: number, e: number, w: number, i: number) => `${n} sheets checked: ${e} errors · ${w} warnings · ${i} notes`,
  },
};

/** Human-readable report: counts, findings grouped by rule (severity first), totals. */
export function validationText(r: ValidationReport, lang: Lang, file: string, address: string, perRule = 30): string {
  const t = T[lang];
  const s = r.summary;
  const lines: string[] = [];
  lines.push(t.head(path.basename(file), r.sheet, address, s.rows));
  lines.push(t.policy(r.policy.title));
  lines.push(t.counts(s.errors, s.warnings, s.infos, s.rowsWithErrors));
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
      lines.push(`${t.sev[sev]}`);
      lastSev = sev;
    }
    lines.push(`  ${t.rule(ruleTitle(g[0].rule, lang), g.length)}`);
    const sorted = [...g].sort((a, b) => a.row - b.row);
    for (const f of sorted.slice(0, perRule)) lines.push(`    ${t.row(f.row)}  ${lang === "en" ? f.messageEn : f.message}`);
    if (sorted.length > perRule) lines.push(`    ${t.more(sorted.length - perRule)}`);
  }
  if (s.errors === 0) {
    lines.push("");
    lines.push(t.clean);
  }
  lines.push("");
  lines.push(t.totals);
  const money = (fen: number) => formatFen(fen) + (fen % 100 === 0 ? ".00" : "");
  lines.push(
    renderTable(
      [t.totalsHead, [t.requested, money(s.requested)], [t.computed, money(s.computed)], [t.payable, money(s.payable)], [t.city, money(s.city)], [t.beneficiary, money(s.beneficiary)]],
      [false, true],
    ),
  );
  return lines.join("\n");
}

export function skippedText(skipped: CheckedBook["skipped"], lang: Lang): string {
  const t = T[lang];
  return t.skipped(skipped.map((x) => (lang === "zh" ? `“${x.sheet}”（${t.reason[x.reason]}）` : `"${x.sheet}" (${t.reason[x.reason]})`)).join(lang === "zh" ? "、" : ", "));
}

export async function runValidate(args: ParsedArgs, io: Io, policy: PolicySet): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new CliError("missing_file", { cmd: "validate" });
  if (args.positional.length > 1) throw new CliError("too_many_args", { cmd: "validate", extra: args.positional.slice(1).join(" ") });
  if (args.out !== undefined) checkOut(args.out, file, args.force);

  const insp = inspectXlsx(file);
  const before = args.out !== undefined ? fileHash(file) : null;
  const progress = ProgressLine.for(args.quiet);
  let checked: CheckedBook;
  let written: { path: string; sheet: string } | null = null;
  try {
    checked = await checkWorkbook(file, args.sheet, insp, policy, progress, args.lang);
    if (args.out !== undefined) {
      const spec = buildValidationSheet(checked.sheets, path.basename(file), new Date(), checked.skipped);
      // Paranoia: the input must still be byte-identical before anything is written.
      if (fileHash(file) !== before) throw new CliError("internal", { reason: "input changed while reading" });
      const name = await appendSheetToPackage(insp, args.out, spec, (n) => progress.update(args.lang === "zh" ? `写入报告：${fmtInt(n)} 行` : `Writing the report: ${fmtInt(n)} rows`));
      written = { path: args.out, sheet: name };
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
      text += "\n\n" + T[args.lang].all(checked.sheets.length, tot.errors, tot.warnings, tot.infos);
    }
    if (checked.skipped.length) text += "\n" + skippedText(checked.skipped, args.lang);
    io.out(text);
    if (written) io.out("\n" + T[args.lang].written(written.path, written.sheet));
  }
  return checked.sheets.some((c) => c.report.summary.errors > 0) ? 1 : 0;
}
