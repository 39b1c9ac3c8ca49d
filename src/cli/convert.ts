/**
 * `convert IN.xlsx --out OUT.xlsx [--json] [--lang en]`: a copy of the workbook for colleagues
 * without the add-in (WPS, Office 2016/2019, LibreOffice). Every CZ.SUBSIDY / CZ.SPLIT /
 * CZ.ELIGIBLE formula becomes its native Excel formula; where there is none (other CZ functions,
 * nested or complex arguments, a program read from a cell outside the sheet's data), the formula
 * becomes its current (cached) value. The same plan as the pane's 转换为普通公式
 * (src/convert/plan.ts, mode "auto"), so the same rules hold: text that looks like a
 * formula is never converted, CZ.SPLIT writes both of its cells, CZ.PROGRAMS becomes its whole
 * spill block or is left alone with a reason.
 *
 * Lists every cell it changed and every CZ formula it left (with the reason). IN is only read
 * (its hash is checked after the work); OUT is written atomically.
 * Exit codes: 0 every CZ formula converted; 1 the copy is written but some CZ formulas could not
 * be converted (they are listed, and show #NAME? without the add-in); 2 unusable input.
 */
import * as path from "path";
import { ExcelJsHost } from "../host/exceljs-host";
import { defineMessages, type Lang } from "../i18n";
import type { PolicySet } from "../policy/types";
import { planConversion, writesOf, cellsWritten, type ConvertItem } from "../convert/plan";
import type { ParsedArgs } from "./args";
import type { Io } from "./io";
import { CliError, cliText } from "./messages";
import { fileHash } from "./validate";
import { checkOut, inspectXlsx, loadWorkbook } from "./xlsx-file";
import * as fs from "fs";
import type * as ExcelJSTypes from "exceljs";

/** Write the workbook to a temporary file beside the target, then rename it: OUT is whole or absent. */
async function writeWorkbookAtomic(wb: ExcelJSTypes.Workbook, target: string): Promise<void> {
  const tmp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new CliError("write_failed", { reason: String((e as Error).message ?? e).split("\n")[0] });
  }
}

const text = defineMessages(
  "cli-convert",
  {
    head: "转换：{file} · 找到 {n} 个 CZ 公式",
    native: "普通公式 {after}",
    value: "数值 {after}",
    kept: "未转换：{reason}",
    none: "没有 CZ 公式：输出文件是原工作簿的副本",
    written: "已写入：{path}（修改 {n} 个单元格；原文件未改动）",
    left: "{n} 个 CZ 公式未能转换，在未安装加载项的 Excel/WPS 中将显示 #NAME?",
  },
  {
    head: "Convert: {file} · {n} CZ formulas found",
    native: "native formula {after}",
    value: "value {after}",
    kept: "not converted: {reason}",
    none: "No CZ formulas: the output is a copy of the workbook",
    written: "Written: {path} ({n} cells changed; the input is unchanged)",
    left: "{n} CZ formulas could not be converted; without the add-in they show #NAME?",
  },
);

interface Line {
  sheet: string;
  cell: string;
  before: string;
  kind: "native" | "value" | "kept";
  after: string | number | boolean | null;
  reason: string | null;
  /** The right-hand cell of a CZ.SPLIT (not a CZ formula of its own). */
  spill: boolean;
}

function lineOf(sheet: string, x: ConvertItem): Line {
  const kind = x.after === null ? "kept" : typeof x.after === "string" && x.after.startsWith("=") ? "native" : "value";
  const shown = x.block && x.block.length * (x.block[0]?.length ?? 0) > 1 ? `${JSON.stringify(x.after)} … (${x.block.length}×${x.block[0].length})` : x.after;
  return { sheet, cell: x.address, before: x.before, kind, after: shown, reason: x.reason, spill: x.spill };
}

export async function runConvert(args: ParsedArgs, io: Io, policy: PolicySet): Promise<number> {
  const file = args.positional[0];
  if (!file) throw new CliError("missing_file", { cmd: "convert" });
  if (args.positional.length > 1) throw new CliError("too_many_args", { cmd: "convert", extra: args.positional.slice(1).join(" ") });
  if (!args.out) throw new CliError("missing_out");
  checkOut(args.out, file, args.force);
  const lang: Lang = args.lang;

  inspectXlsx(file);
  const before = fileHash(file);
  const wb = await loadWorkbook(file);
  if (args.sheet && !wb.worksheets.some((w) => w.name === args.sheet)) throw new CliError("unknown_sheet", { name: args.sheet, list: wb.worksheets.map((w) => w.name).join(cliText(lang, "list_sep")) });
  const host = new ExcelJsHost(wb);
  const lines: Line[] = [];
  let written = 0;
  for (const ws of wb.worksheets) {
    if (args.sheet && ws.name !== args.sheet) continue;
    let block;
    try {
      block = await host.readFormulas({ kind: "sheet", name: ws.name });
    } catch {
      continue; // an empty sheet: nothing to convert
    }
    const items = planConversion(block, "auto", lang, policy);
    if (!items.length) continue;
    written += cellsWritten(writesOf(items, block.tables));
    await host.writeFormulas(ws.name, writesOf(items, block.tables));
    for (const x of items) lines.push(lineOf(ws.name, x));
  }

  if (fileHash(file) !== before) throw new CliError("internal", { reason: "input changed while reading" });
  await writeWorkbookAtomic(wb, args.out);

  const formulas = lines.filter((l) => !l.spill);
  const kept = lines.filter((l) => l.kind === "kept");
  if (args.json) {
    io.out(JSON.stringify({ input: path.resolve(file), output: path.resolve(args.out), czFormulas: formulas.length, cellsWritten: written, converted: lines.filter((l) => l.kind !== "kept"), notConverted: kept }, null, 2));
  } else {
    io.out(text(lang, "head", { file, n: formulas.length }));
    if (!lines.length) io.out(text(lang, "none"));
    for (const l of lines) {
      const what = l.kind === "kept" ? text(lang, "kept", { reason: l.reason ?? "" }) : text(lang, l.kind, { after: typeof l.after === "string" ? l.after : JSON.stringify(l.after) });
      io.out(`  ${l.sheet}!${l.cell}  ${l.before}  →  ${what}`);
    }
    io.out(text(lang, "written", { path: args.out, n: written }));
    if (kept.length) io.out(text(lang, "left", { n: kept.length }));
  }
  return kept.length ? 1 : 0;
}
