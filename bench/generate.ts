/** Generated application tables for benchmarks: realistic, valid rows across every program. */
import { CATALOGUE_2021, CHUZHOU_DIVISIONS, makeCreditCode } from "../src/policy";

export const HEADER = ["企业名称", "统一社会信用代码", "所属地区", "项目类别", "项目名称", "计算基数（元）", "认定等级/条件", "认定日期", "申报金额（元）", "市财政承担（元）", "受益财政承担（元）", "服务企业数"];

const DIVISIONS = Object.entries(CHUZHOU_DIVISIONS);
const CASES: Array<[string, number | null, string | number | boolean | null, number]> = [
  ["equipment_network", 800000, null, 160000],
  ["cloud_service", 300000, null, 300000],
  ["identifier_node", 1000000, null, 300000],
  ["security_grading", 400000, null, 200000],
  ["ic_rd_equipment", 1000000, null, 200000],
  ["ic_tapeout", 500000, null, 150000],
  ["service_platform", 6000000, null, 1800000],
  ["base_station_5g", 100, true, 200000],
  ["platform_national", null, null, 2000000],
  ["ic_industrialization", 5000000, 20000000, 500000],
];

/** n data rows (plus the header row). Each enterprise applies for one rate program per row. */
export function generateRows(n: number): unknown[][] {
  const rows: unknown[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    const [div, jur] = DIVISIONS[i % DIVISIONS.length];
    const stem = "M" + String(1000000 + i).slice(-7);
    const [program, amount, level, award] = CASES[i % CASES.length];
    const p = CATALOGUE_2021.programs.find((x) => x.code === program)!;
    const city = p.payer === "C" ? award : p.payer === "B" ? 0 : award / 2;
    const served = program === "service_platform" ? 120 : null;
    rows.push([`滁州测试企业${i}有限公司`, makeCreditCode(div, stem), jur, program, `项目${i}`, amount, level, 44800 + (i % 300), award, city, award - city, served]);
  }
  return rows;
}

/** Write the rows to an .xlsx with ExcelJS's streaming writer (what a county's export looks like). */
export async function writeXlsx(file: string, rows: unknown[][]): Promise<void> {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet("申报表");
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}
