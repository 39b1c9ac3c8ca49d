/**
 * `validate <file.xlsx> [--sheet NAME] [--json] [--out report.xlsx]`.
 * The input file is only read; --out gets a copy with a report sheet added, written atomically.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { fenToYuan, formatFen, type Lang } from "../policy";
import type { TableError } from "../validation/headers";
import type { ValidationReport } from "../validation/types";
import type { ParsedArgs } from "./args";
import type { Io } from "./index";
import { CliError } from "./messages";
import { buildValidationSheet } from "./report-sheet";
import { renderTable } from "./text-table";
import { ruleTitle, validateRegion } from "./validation-api";
import type { PolicySet } from "../policy/types";
import { checkOut, inspectXlsx, openBook, writeWorkbookAtomic, type Inspection, type OpenedBook, type SheetRead } from "./xlsx-file";

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

export interface LoadedValidation {
  book: OpenedBook;
  read: SheetRead;
  report: ValidationReport;
}

/** Open, pick the sheet and validate. Without --sheet: the first sheet with a recognisable header. */
export async function loadAndValidate(file: string, sheet: string | undefined, forceFull: boolean, insp: Inspection, policy: PolicySet): Promise<LoadedValidation> {
  const book = await openBook(file, insp, forceFull ? { forceMode: "full" } : {});
  if (sheet !== undefined) {
    const read = await book.readSheet(sheet);
    const v = validateRegion(read.region, policy);
    if (!v.ok) throw noHeader(read, v.error);
    return { book, read, report: v.report };
  }
  // The first sheet, else the first other sheet that has a header (an instructions sheet may come first).
  let firstFailure: CliError | null = null;
  for (const name of book.sheetNames) {
    let read: SheetRead;
    try {
      read = await book.readSheet(name);
    } catch (e) {
      if (e instanceof CliError && e.key === "empty_sheet") {
        firstFailure ??= e;
        continue;
      }
      throw e;
    }
    const v = validateRegion(read.region, policy);
    if (v.ok) return { book, read, report: v.report };
    firstFailure ??= noHeader(read, v.error);
    if (book.mode === "stream") break; // each streamed read is a full pass: do not scan every sheet of a big file
  }
  throw firstFailure ?? new CliError("empty_sheet", { name: book.sheetNames[0] ?? "" });
}

function noHeader(read: SheetRead, error: TableError): CliError {
  if (read.mergedNearTop.length && error.code === "no_header") return new CliError("no_header_merged", { name: read.region.sheet, cells: read.mergedNearTop.slice(0, 4).join("、") });
  // The validation core's own wording, per language, with the sheet name in front.
  return new CliError("table_error", { name: read.region.sheet, text: error.message, textEn: error.messageEn });
}

const SEV_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The JSON shape: exactly one object. */
export function validationJson(r: ValidationReport, lang: Lang, file: string) {
  return {
    findings: r.findings.map((f) => ({ row: f.row, column: f.column, severity: f.severity, rule: f.rule, message: lang === "en" ? f.messageEn : f.message })),
    summary: {
      file: path.basename(file),
      sheet: r.sheet,
      policy: r.policy.id,
      rows: r.summary.rows,
      errors: r.summary.errors,
      warnings: r.summary.warnings,
      infos: r.summary.infos,
      rowsWithErrors: r.summary.rowsWithErrors,
      requested: fenToYuan(r.summary.requested),
      computed: fenToYuan(r.summary.computed),
      payable: fenToYuan(r.summary.payable),
      city: fenToYuan(r.summary.city),
      beneficiary: fenToYuan(r.summary.beneficiary),
      byRule: r.summary.byRule,
    },
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

export async function runValidate(args: ParsedArgs, io: Io, policy: PolicySet): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new CliError("missing_file", { cmd: "validate" });
  if (args.positional.length > 1) throw new CliError("too_many_args", { cmd: "validate", extra: args.positional.slice(1).join(" ") });
  if (args.out !== undefined) checkOut(args.out, file);

  const insp = inspectXlsx(file);
  const before = args.out !== undefined ? fileHash(file) : null;
  const { book, read, report } = await loadAndValidate(file, args.sheet, args.out !== undefined, insp, policy);

  let written: { path: string; sheet: string } | null = null;
  if (args.out !== undefined && book.host && book.workbook) {
    const spec = buildValidationSheet(report, read.region, path.basename(file), new Date());
    const ws = await book.host.writeSheet(spec);
    // Paranoia: the input must still be byte-identical before anything is written.
    if (fileHash(file) !== before) throw new CliError("internal", { reason: "input changed while reading" });
    await writeWorkbookAtomic(book.workbook, args.out);
    written = { path: args.out, sheet: ws.name };
  }

  if (args.json) {
    io.out(JSON.stringify(validationJson(report, args.lang, file)));
  } else {
    io.out(validationText(report, args.lang, file, read.region.address));
    if (written) io.out("\n" + T[args.lang].written(written.path, written.sheet));
  }
  return report.summary.errors > 0 ? 1 : 0;
}
