/**
 * The validation report sheet written by `validate --out`: every finding of every checked sheet
 * with a link to its cell, the policy version and the time, then counts by rule and the totals.
 */
import { fenToYuan } from "../policy";
import { a1 } from "../host/exceljs-host";
import type { CellSpec, SheetSpec } from "../host/types";
import type { ValidationReport } from "../validation/types";

const SEV_ZH = { error: "错误", warning: "警告", info: "提示" } as const;
const SEV_ORDER = { error: 0, warning: 1, info: 2 } as const;
const YUAN = "#,##0.00";

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Header text of the source column a finding points at, when known. */
function headerOf(report: ValidationReport, column: string | null): string {
  if (!column) return "";
  const b = report.mapping[column as keyof ValidationReport["mapping"]];
  return b ? b.header : column;
}

/** One checked sheet as the report needs it. */
export interface ReportedSheet {
  sheet: string;
  address: string;
  firstCol: number;
  report: ValidationReport;
}

export function buildValidationSheet(sheets: ReportedSheet[], fileName: string, now: Date, skipped: Array<{ sheet: string; reason: "hidden" | "empty" | "no_header" }> = []): SheetSpec {
  const reasons = { hidden: "隐藏", empty: "空白", no_header: "无表头" } as const;
  const tot = { rows: 0, errors: 0, warnings: 0, infos: 0, rowsWithErrors: 0, requested: 0, computed: 0, payable: 0, city: 0, beneficiary: 0 };
  const byRule = new Map<string, { severity: keyof typeof SEV_ZH; n: number }>();
  const rows: CellSpec[][] = [];
  for (const { sheet, firstCol, report } of sheets) {
    const s = report.summary;
    for (const k of Object.keys(tot) as Array<keyof typeof tot>) tot[k] += s[k];
    const findings = [...report.findings].sort((a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity] || a.row - b.row || a.rule.localeCompare(b.rule));
    for (const f of findings) {
      const col = f.col ?? (f.column && report.mapping[f.column] ? firstCol + report.mapping[f.column]!.index : firstCol);
      const cell = a1(f.row, col);
      rows.push([sheet, { text: `${cell}`, link: { sheet, cell } }, f.row, headerOf(report, f.column), SEV_ZH[f.severity], f.rule, f.message, f.messageEn]);
      const e = byRule.get(f.rule);
      if (e) e.n++;
      else byRule.set(f.rule, { severity: f.severity, n: 1 });
    }
  }
  const ruleRows: CellSpec[][] = [...byRule.entries()]
    .sort((a, b) => SEV_ORDER[a[1].severity] - SEV_ORDER[b[1].severity] || a[0].localeCompare(b[0]))
    .map(([rule, e]) => [rule, SEV_ZH[e.severity], e.n]);
  const policy = sheets[0].report.policy;
  return {
    name: "CZ校验报告",
    preamble: [
      "滁州工业互联网奖补 · 申报表校验报告",
      `源文件：${fileName} · ${sheets.map((x) => `工作表“${x.sheet}”（${x.address}）`).join("、")} · 申报 ${tot.rows} 条`,
      ...(skipped.length ? [`未校验的工作表：${skipped.map((x) => `“${x.sheet}”（${reasons[x.reason]}）`).join("、")}`] : []),
      `政策版本：${policy.title}（${policy.id}）`,
      `校验时间：${stamp(now)}`,
      `结果：错误 ${tot.errors} · 警告 ${tot.warnings} · 提示 ${tot.infos}；有错误的申报 ${tot.rowsWithErrors} 条`,
    ],
    columns: [
      { header: "工作表", width: 14 },
      { header: "单元格", width: 10 },
      { header: "行号", width: 8 },
      { header: "列", width: 18 },
      { header: "严重程度", width: 10 },
      { header: "规则", width: 26 },
      { header: "说明", width: 70 },
      { header: "Message (English)", width: 60 },
    ],
    rows,
    tableName: "CZ_Findings",
    freezeHeader: true,
    blocks: [
      { title: "按规则统计", columns: [{ header: "规则" }, { header: "严重程度" }, { header: "数量", numFmt: "#,##0" }], rows: ruleRows },
      {
        title: "合计（元）",
        columns: [{ header: "项目" }, { header: "金额（元）", numFmt: YUAN }],
        rows: [
          ["申报金额", fenToYuan(tot.requested)],
          ["核定金额", fenToYuan(tot.computed)],
          ["应拨付金额", fenToYuan(tot.payable)],
          ["市财政承担", fenToYuan(tot.city)],
          ["受益财政承担", fenToYuan(tot.beneficiary)],
        ],
      },
    ],
  };
}
