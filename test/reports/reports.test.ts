/** Report builders: results, summaries, pivots, progress — numbers checked against the core. */
import ExcelJS from "exceljs";
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import { calculate, CATALOGUE_2021, isoToSerial } from "../../src/policy";
import { ExcelJsHost } from "../../src/host/exceljs-host";
import { layoutSheet } from "../../src/host/office-host";
import type { CellSpec, SheetSpec } from "../../src/host/types";
import {
  awardsChart, buildReports, counts, pivotPlan, pivotReport, pivotSpecs, progress, progressSheet, RESULT_COLUMNS, resultHeader, resultsSheet,
  sheetLayout, summaries, summarySheet, textBar, YUAN_FMT,
} from "../../src/reports";
import { buildReport, SAMPLE } from "./fixtures";
import { evaluate } from "./excel-eval";

const NOW = new Date(2026, 10, 29, 9, 30);
const report = buildReport(SAMPLE);
const fen = (v: CellSpec) => (typeof v === "number" ? Math.round(v * 100) : v === null ? null : NaN);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("resultsSheet", () => {
  const sheet = resultsSheet(report, "zh", { now: NOW });
  const H = sheet.columns.map((c) => c.header);
  const ix = (h: string) => H.indexOf(h);

  test("one row per application, CZ_Results, the agreed columns and 元 formats", () => {
    expect(sheet.name).toBe("结果表");
    expect(sheet.tableName).toBe("CZ_Results");
    expect(sheet.rows).toHaveLength(SAMPLE.length);
    expect(H).toEqual(["企业名称", "统一社会信用代码", "所属地区", "项目代码", "项目类别", "项目名称", "条款", "年度", "申报金额（元）", "核定额（元）", "应拨付奖补（元）", "市财政承担（元）", "受益财政承担（元）", "状态", "校验意见", "来源行"]);
    for (const h of ["申报金额（元）", "核定额（元）", "应拨付奖补（元）", "市财政承担（元）", "受益财政承担（元）"]) expect(sheet.columns[ix(h)].numFmt).toBe(YUAN_FMT);
    expect(sheet.preamble?.join("\n")).toContain(CATALOGUE_2021.title.zh);
    expect(sheet.preamble?.join("\n")).toContain("2026-11-29 09:30");
    // Plain values only (no formulas in CZ_Results), but for the link to the source row.
    for (const r of sheet.rows) r.forEach((v, i) => i !== ix("来源行") && expect(v === null || ["string", "number", "boolean"].includes(typeof v)).toBe(true));
  });

  test("award cells are the core's amounts for counted rows, empty for rows with errors", () => {
    SAMPLE.forEach((c, i) => {
      const row = sheet.rows[i];
      const out = calculate({ program: c.program, amount: c.amount ?? null, level: c.level ?? null, date: c.date ? isoToSerial(c.date) : null }, P);
      const r = report.rows[i];
      if (counts(r) && out.ok) {
        expect(fen(row[ix("应拨付奖补（元）")])).toBe(out.result.payable);
        expect(fen(row[ix("市财政承担（元）")])).toBe(out.result.payableCity);
        expect(fen(row[ix("受益财政承担（元）")])).toBe(out.result.payableBeneficiary);
        expect((fen(row[ix("市财政承担（元）")]) as number) + (fen(row[ix("受益财政承担（元）")]) as number)).toBe(out.result.payable);
      } else {
        expect(row[ix("应拨付奖补（元）")]).toBeNull();
        expect(row[ix("状态")]).toBe("有误");
      }
    });
  });

  test("specific rows: exact 分, status, section, year, findings", () => {
    const byName = (n: string) => sheet.rows[SAMPLE.findIndex((c) => c.enterprise === n)];
    expect(byName("标识节点")[ix("应拨付奖补（元）")]).toBe(300000.02); // 30% of 1,000,000.05
    expect(byName("省平台")[ix("市财政承担（元）")]).toBe(50000.02); // 100000.03 / 2 half-up
    expect(byName("省平台")[ix("受益财政承担（元）")]).toBe(50000.01);
    expect(byName("网联设备")[ix("条款")]).toBe("政策第二部分"); // parts and items: the Policy has no 第X条
    expect(byName("网联设备")[ix("年度")]).toBe(2022);
    expect(byName("网联设备")[ix("状态")]).toBe("通过");
    expect(byName("评估5A")[ix("状态")]).toBe("需复核");
    expect(byName("评估5A")[ix("校验意见")]).toContain("[警告] 申报金额与核定不一致");
    const dup = byName("重复工厂");
    expect(dup[ix("状态")]).toBe("有误");
    expect(dup[ix("校验意见")]).toContain("[错误] 一次性奖补重复申报");
    expect(dup[ix("校验意见")]).toContain("按规则计算为300,000元，因有误未计入");
    expect(byName("未知项目")[ix("项目代码")]).toBe("");
    expect(byName("安全分级")[ix("年度")]).toBeNull();
  });

  test("English headers and status", () => {
    const en = resultsSheet(report, "en", { now: NOW });
    expect(en.columns[ix("核定额（元）")].header).toBe("Entitlement (CNY)");
    expect(en.columns[ix("应拨付奖补（元）")].header).toBe("Payable (CNY)");
    expect(en.columns[ix("项目类别")].header).toBe("Program");
    expect(en.columns[ix("项目名称")].header).toBe("Project");
    expect(en.rows[0][ix("状态")]).toBe("Passed");
    expect(en.rows[0][ix("条款")]).toBe("Policy part 2");
  });
});

describe("summaries", () => {
  const s = summaries(report, CATALOGUE_2021);
  const counted = report.rows.filter(counts);

  test("the grand total is the sum of the counted rows, and equals the results table's award column", () => {
    expect(s.included).toBe(counted.length);
    expect(s.excluded).toBe(report.rows.length - counted.length);
    expect(s.grand.total).toBe(sum(counted.map((r) => r.total as number)));
    const res = resultsSheet(report, "zh", { now: NOW });
    const at = (h: string) => res.columns.findIndex((c) => c.header === h);
    expect(sum(res.rows.map((r) => (fen(r[at("应拨付奖补（元）")])) ?? 0))).toBe(s.grand.total);
    expect(sum(res.rows.map((r) => (fen(r[at("市财政承担（元）")])) ?? 0))).toBe(s.grand.city);
    expect(sum(res.rows.map((r) => (fen(r[at("受益财政承担（元）")])) ?? 0))).toBe(s.grand.beneficiary);
  });

  test("city + beneficiary = total to the 分, on every line and overall", () => {
    for (const line of [...s.byProgram, ...s.byJurisdiction, s.grand]) expect(line.city + line.beneficiary).toBe(line.total);
  });

  test("every table adds up exactly to the same grand total", () => {
    for (const k of ["count", "requested", "total", "city", "beneficiary"] as const) {
      expect(sum(s.byProgram.map((p) => p[k]))).toBe(s.grand[k]);
      expect(sum(s.byJurisdiction.map((p) => p[k]))).toBe(s.grand[k]);
    }
    const jy = s.byJurisdictionYear;
    expect(jy.rowTotals).toEqual(jy.cells.map((r) => sum(r)));
    expect(jy.colTotals).toEqual(jy.years.map((_, i) => sum(jy.cells.map((r) => r[i]))));
    expect(jy.grand).toBe(s.grand.total);
    expect(sum(jy.colTotals)).toBe(s.grand.total);
    expect(jy.rowTotals).toEqual(s.byJurisdiction.map((j) => j.total));
  });

  test("known figures", () => {
    const prog = (code: string) => s.byProgram.find((p) => p.key === code)!;
    // smart_factory: 300000 (2021-10) + 300000 + 300000 (天长) + 0 (before the window) + 300000 (undated); the duplicate is excluded.
    expect(prog("smart_factory").total).toBe(120000000);
    expect(prog("smart_factory").count).toBe(4 + 1);
    // cloud_service: 33333.33 + 0.01 + 1,000,000 (cap)
    expect(prog("cloud_service").total).toBe(3333333 + 1 + 100000000);
    expect(prog("cloud_service").city).toBe(1666667 + 1 + 50000000);
    expect(s.byJurisdiction.map((j) => j.label)).toEqual(["琅琊区", "南谯区", "天长市", "明光市", "来安县", "全椒县", "定远县", "凤阳县", "滁州经开区", "中新苏滁高新区", "（未填地区）"]);
    expect(s.byJurisdictionYear.years).toEqual([2021, 2022, 2023, 2024, null]);
    // Payers: B programs put everything on the beneficiary side.
    expect(prog("equipment_network").city).toBe(0);
    expect(prog("scenario_national").beneficiary).toBe(0);
  });

  test("the summary sheet: four tables, each with a 合计 row equal to the grand total", () => {
    const sheet = summarySheet(report, CATALOGUE_2021, "zh", { now: NOW });
    expect(sheet.name).toBe("汇总表");
    expect(sheet.preamble?.join("\n")).toContain("计入汇总");
    const blocks = [{ rows: sheet.rows, columns: sheet.columns, title: "main" }, ...(sheet.blocks ?? [])];
    expect(blocks.map((b) => b.rows.at(-1)![0])).toEqual(["合计", "合计", "合计", "合计"]);
    const g = s.grand;
    const col = (b: (typeof blocks)[number], h: string) => b.columns.findIndex((c) => c.header === h);
    // main: by program
    const main = blocks[0];
    expect(fen(main.rows.at(-1)![col(main, "应拨付奖补（元）")])).toBe(g.total);
    expect(sum(main.rows.slice(0, -1).map((r) => fen(r[col(main, "应拨付奖补（元）")]) as number))).toBe(g.total);
    // program × source
    const src = blocks[1];
    const last = src.rows.at(-1)!;
    expect([fen(last[1]), fen(last[2]), fen(last[3])]).toEqual([g.city, g.beneficiary, g.total]);
    for (const r of src.rows) expect((fen(r[1]) as number) + (fen(r[2]) as number)).toBe(fen(r[3]));
    // jurisdiction × year: each row's cells add to its total; the bottom-right is the grand total
    const jy = blocks[2];
    for (const r of jy.rows) expect(sum(r.slice(1, -1).map((v) => fen(v) as number))).toBe(fen(r.at(-1)!));
    expect(fen(jy.rows.at(-1)!.at(-1)!)).toBe(g.total);
    expect(jy.columns.map((c) => c.header)).toEqual(["所属地区", "2021", "2022", "2023", "2024", "（无日期）", "合计（元）"]);
    // by jurisdiction
    const jur = blocks[3];
    expect(fen(jur.rows.at(-1)![1])).toBe(g.total);
    for (const b of blocks) for (const c of b.columns) if (/元/.test(c.header)) expect(c.numFmt).toBe(YUAN_FMT);
  });

  test("no counted rows: every table still has its 合计 row of zeros", () => {
    const empty = buildReport([{ enterprise: "x", jurisdiction: "琅琊区", program: "nope" }]);
    const sheet = summarySheet(empty, CATALOGUE_2021, "zh", { now: NOW });
    expect(sheet.rows).toEqual([["合计", "", 0, 0, 0]]);
    for (const b of sheet.blocks ?? []) expect(b.rows).toHaveLength(1);
  });
});

describe("layout: the chart and the input formulas point where the hosts write", () => {
  const sheet = summarySheet(report, CATALOGUE_2021, "zh", { now: NOW });

  test("sheetLayout agrees with the Office host's layoutSheet", () => {
    const mine = sheetLayout(sheet);
    const theirs = layoutSheet(sheet).blocks;
    expect(mine.map((b) => b.headerRow)).toEqual(theirs.map((b) => b.headerRow));
    expect(mine.slice(1).map((b) => b.titleRow)).toEqual(theirs.slice(1).map((b) => b.title?.row));
  });

  test("the chart range is the by-jurisdiction block (header + jurisdictions, no 合计), as ExcelJsHost writes it", async () => {
    const wb = new ExcelJS.Workbook();
    const host = new ExcelJsHost(wb);
    const written = await host.writeSheet(sheet);
    const chart = awardsChart(sheet, written.name);
    expect(chart.sheet).toBe(written.name);
    expect(chart.type).toBe("bar");
    const m = /^A(\d+):B(\d+)$/.exec(chart.range)!;
    const ws = wb.getWorksheet(written.name)!;
    const top = Number(m[1]);
    const bottom = Number(m[2]);
    expect(ws.getCell(top, 1).value).toBe("所属地区");
    expect(ws.getCell(top, 2).value).toBe("应拨付奖补（元）");
    const s = summaries(report, CATALOGUE_2021);
    const labels: unknown[] = [];
    const values: number[] = [];
    for (let r = top + 1; r <= bottom; r++) {
      labels.push(ws.getCell(r, 1).value);
      values.push(Math.round((ws.getCell(r, 2).value as number) * 100));
    }
    expect(labels).toEqual(s.byJurisdiction.map((j) => j.label));
    expect(values).toEqual(s.byJurisdiction.map((j) => j.total));
    expect(ws.getCell(bottom + 1, 1).value).toBe("合计");
  });
});

describe("pivots", () => {
  test("pivot fields are CZ_Results headers; program × source and jurisdiction × year", () => {
    const headers = RESULT_COLUMNS.map((c) => resultHeader(c.key));
    const specs = pivotSpecs();
    expect(specs).toHaveLength(2);
    for (const p of specs) {
      expect(p.sourceTable).toBe("CZ_Results");
      for (const f of [...p.rows, ...p.columns, ...p.values.map((v) => v.field)]) expect(headers).toContain(f);
    }
    expect(specs[0]).toMatchObject({ rows: ["项目类别"], columns: [], values: [{ field: "市财政承担（元）", summary: "sum" }, { field: "受益财政承担（元）", summary: "sum" }, { field: "应拨付奖补（元）", summary: "sum" }] });
    expect(specs[1]).toMatchObject({ rows: ["所属地区"], columns: ["年度"], values: [{ field: "应拨付奖补（元）", summary: "sum" }] });
    const en = pivotSpecs("en", "CZ_Results2");
    expect(en[1]).toMatchObject({ sourceTable: "CZ_Results2", rows: ["Jurisdiction"], columns: ["Year"] });
    const both = pivotReport(summarySheet(report, CATALOGUE_2021, "zh", { now: NOW }), "汇总表 (2)");
    expect(both.chart.sheet).toBe("汇总表 (2)");
    expect(both.pivots).toEqual(specs);
  });

  test("pivotPlan: pivots only when the host says so; otherwise tables, with a note", () => {
    expect(pivotPlan({ supportsPivots: () => true }).mode).toBe("pivot");
    const none = pivotPlan({});
    expect(none.mode).toBe("tables");
    expect(none.note.zh).toContain("ExcelApi 1.8");
    expect(none.note.en).toContain("ExcelApi 1.8");
    expect(pivotPlan({ supportsPivots: () => false }).mode).toBe("tables");
    expect(pivotPlan({ supportsPivots: () => { throw new Error("no"); } }).mode).toBe("tables");
  });
});

describe("progress", () => {
  const p = progress(report, P);
  const row = (code: string, year: number) => p.measured.find((x) => x.code === code && x.year === year)!;

  test("smart factories + digital workshops: distinct enterprises of payable rows, by the event's year", () => {
    // 2021: 一厂 (2021-10). 早认定工厂 (2021-05) is outside the window: payable 0, not counted.
    expect(row("smart_factory_workshop", 2021).actual).toBe(1);
    // 2022: 二厂, 天长车间 (a workshop and a factory of one firm: one enterprise); the duplicate has an error
    expect(row("smart_factory_workshop", 2022).actual).toBe(2);
    expect(row("smart_factory_workshop", 2023).actual).toBe(1);
    expect(row("smart_factory_workshop", 2022).target).toBe(30);
    expect(row("smart_factory_workshop", 2022).ratio).toBeCloseTo(2 / 30, 12);
    expect(row("smart_factory_workshop", 2022).bar).toBe("█░░░░░░░░░ 7%");
    expect(row("smart_factory_workshop", 2022).undated).toBe(1);
    expect(row("smart_factory_workshop", 2022).lowerBound).toBe(false);
  });

  test("lower bounds are labelled: 登云企业 and ≥1亿 technical upgrades (completed investment ≥ 100,000,000)", () => {
    expect(row("tech_reform_100m", 2022)).toMatchObject({ actual: 1, lowerBound: true, actualText: "≥1" }); // 120,000,000 yes; 99,999,999.99 no
    expect(row("cloud_enterprises", 2023)).toMatchObject({ actual: 3, lowerBound: true, actualText: "≥3" });
    expect(row("platform_industry", 2022).actual).toBe(1);
  });

  test("一个平台两级只计一次 (distinct objects, not rows)", () => {
    const two = buildReport([
      { enterprise: "平台公司", jurisdiction: "琅琊区", program: "platform_provincial", object: "工业云", date: "2022-03-01" },
      { enterprise: "平台公司", jurisdiction: "琅琊区", program: "platform_national", object: "工业云", date: "2022-09-01" },
      { enterprise: "平台公司", jurisdiction: "琅琊区", program: "platform_national", object: "另一平台", date: "2022-10-01" },
    ]);
    expect(progress(two, P).measured.find((x) => x.code === "platform_industry" && x.year === 2022)!.actual).toBe(2);
  });

  test("5G cases only from 场景类别; without that column: 需另行填报, never a made-up 0", () => {
    expect(p.measured.some((x) => x.code === "case_5g")).toBe(false);
    expect(p.manual.find((m) => m.code === "case_5g" && m.year === 2022)!.note).toContain("场景类别");
    const withCol = buildReport([
      { enterprise: "甲", jurisdiction: "琅琊区", program: "scenario_national", object: "5G+质检", scenario: "5G典型场景", date: "2022-03-01" },
      { enterprise: "乙", jurisdiction: "琅琊区", program: "scenario_provincial", object: "标识解析应用", scenario: "标识解析应用", date: "2022-03-01" },
      { enterprise: "丙", jurisdiction: "琅琊区", program: "scenario_provincial", object: "5G全连接工厂", scenario: "５Ｇ＋工业互联网", date: "2022-05-01" },
    ], "申报表", true);
    expect(progress(withCol, P).measured.find((x) => x.code === "case_5g" && x.year === 2022)!.actual).toBe(2);
  });

  test("引进 is not 获评: the cross-industry platform is manual, with the awards shown for reference", () => {
    expect(p.measured.some((x) => x.code === "platform_cross_industry")).toBe(false);
    const m = p.manual.find((x) => x.code === "platform_cross_industry" && x.year === 2021)!;
    expect(m.reference).toBe(1);
    expect(m.note).toContain("参考");
  });

  test("indicators the table cannot measure are listed for manual input, not hidden", () => {
    const manualCodes = [...new Set(p.manual.map((m) => m.code))];
    expect(manualCodes.sort()).toEqual(["case_5g", "efficiency_gain", "industrial_ai", "industrial_robots", "new_mode_rate", "platform_cross_industry", "platform_enterprise"]);
    expect(p.manual.filter((m) => m.code === "industrial_robots").map((m) => m.year)).toEqual([2021, 2022, 2023]);
    expect(p.manual.find((m) => m.code === "efficiency_gain")).toMatchObject({ year: 2023, target: 0.2, ratioTarget: true, targetText: "≥20%" });
  });

  test("the sheet: measured table, then the input table whose 完成率 formula reads its own row", () => {
    const { sheet, data } = progressSheet(report, P, "zh", { now: NOW });
    expect(sheet.name).toBe("行动计划进度");
    expect(sheet.tableName).toBe("CZ_Progress");
    expect(sheet.rows).toHaveLength(data.measured.length);
    expect(sheet.columns.find((c) => c.header === "完成率")?.numFmt).toBe("0%");
    const block = sheet.blocks![0];
    expect(block.tableName).toBe("CZ_ProgressInput");
    expect(block.title).toContain("需另行填报");
    expect(block.columns.map((c) => c.header).slice(0, 5)).toEqual(["指标", "年度", "目标", "实际（请填写）", "完成率"]);
    const place = sheetLayout(sheet)[1];
    block.rows.forEach((r, i) => {
      const excelRow = place.firstDataRow + i;
      const f = (r[4] as { formula: string }).formula;
      expect(f).toBe(`=IF(D${excelRow}="","",D${excelRow}/C${excelRow})`);
      expect(evaluate(f, { [`C${excelRow}`]: r[2] as number })).toBe("");
      expect(evaluate(f, { [`C${excelRow}`]: r[2] as number, [`D${excelRow}`]: (r[2] as number) * 0.75 })).toBeCloseTo(0.75, 12);
    });
  });

  test("the input formulas land on the right cells when ExcelJsHost writes the sheet", async () => {
    const { sheet } = progressSheet(report, P, "zh", { now: NOW });
    const wb = new ExcelJS.Workbook();
    const written = await new ExcelJsHost(wb).writeSheet(sheet);
    const ws = wb.getWorksheet(written.name)!;
    const place = sheetLayout(sheet)[1];
    for (let r = place.firstDataRow; r <= place.lastDataRow; r++) {
      const cell = ws.getCell(r, 5).value as { formula: string };
      expect(cell.formula).toBe(`IF(D${r}="","",D${r}/C${r})`);
      expect(typeof ws.getCell(r, 3).value).toBe("number"); // the target the formula divides by
      expect(ws.getCell(r, 4).value).toBeNull(); // the analyst's input cell
    }
  });

  test("textBar", () => {
    expect(textBar(0)).toBe("░░░░░░░░░░ 0%");
    expect(textBar(0.6)).toBe("██████░░░░ 60%");
    expect(textBar(2)).toBe("██████████ 200%");
  });
});

describe("buildReports", () => {
  test("all three sheets and the data, consistent", () => {
    const b = buildReports(report, P, { now: NOW });
    expect([b.results.name, b.summary.name, b.progress.name]).toEqual(["结果表", "汇总表", "行动计划进度"]);
    expect(b.data.summaries.grand.total).toBe(summaries(report, CATALOGUE_2021).grand.total);
    const asSheet: SheetSpec = b.summary;
    expect(asSheet.blocks).toHaveLength(3);
  });
});
