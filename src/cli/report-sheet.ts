/**
 * The validation report sheet written by `validate --out`: every finding with a link to its
 * cell, the policy version and the time, then counts by rule and the totals.
 */
import { fenToYuan } from "../policy";
import { a1 } from "../host/exceljs-host";
import type { CellSpec, RegionData, SheetSpec } from "../host/types";
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

export function buildValidationSheet(report: ValidationReport, region: RegionData, fileName: string, now: Date): SheetSpec {
  const s = report.summary;
  const findings = [...report.findings].sort((a, b) => SEV_ORDER[a.severity] - SEV_ORDER[b.severity] || a.row - b.row || a.rule.localeCompare(b.rule));
  const rows: CellSpec[][] = findings.map((f) => {
    const col = f.col ?? (f.column && report.mapping[f.column] ? region.firstCol + report.mapping[f.column]!.index : region.firstCol);
    const cell = a1(f.row, col);
    return [{ text: `${cell}`, link: { sheet: report.sheet, cell } }, f.row, headerOf(report, f.column), SEV_ZH[f.severity], f.rule, f.message, f.messageEn];
  });
  const byRule = new Map<string, { severity: keyof typeof SEV_ZH; n: number }>();
  for (const f of report.findings) {
    const e = byRule.get(f.rule);
    if (e) e.n++;
    else byRule.set(f.rule, { severity: f.severity, n: 1 });
  }
  const ruleRows: CellSpec[][] = [...byRule.entries()]
    .sort((a, b) => SEV_ORDER[a[1].severity] - SEV_ORDER[b[1].severity] || a[0].localeCompare(b[0]))
    .map(([rule, e]) => [rule, SEV_ZH[e.severity], e.n]);
  return {
    name: "CZ校验报告",
    preamble: [
      "滁州工业互联网奖补 · 申报表校验报告",
      `源文件：${fileName} · 工作表“${report.sheet}”（${region.address}）· 申报 ${s.rows} 条`,
      `政策版本：${report.policy.title}（${report.policy.id}）`,
      `校验时间：${stamp(now)}`,
      `结果：错误 ${s.errors} · 警告 ${s.warnings} · 提示 ${s.infos}；有错误的申报 ${s.rowsWithErrors} 条`,
    ],
    columns: [
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
          ["申报金额", fenToYuan(s.requested)],
          ["核定金额", fenToYuan(s.computed)],
          ["市财政承担", fenToYuan(s.city)],
          ["受益财政承担", fenToYuan(s.beneficiary)],
        ],
      },
    ],
  };
}
