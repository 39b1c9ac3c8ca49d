/** 复制摘要 (memoText), the validation report sheet and the findings export on a small table run through the real validator. */
import ExcelJS from "exceljs";
import { ExcelJsHost } from "../../src/host/exceljs-host";
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import { makeCreditCode } from "../../src/policy";
import { parityProblems } from "../../src/i18n";
import { validateTable } from "../../src/validation/validate";
import { CANONICAL_HEADERS } from "../../src/validation/headers";
import { findingsExportSheet, memoText, payableByJurisdiction, REPORT_CATALOGUES, resultsSheet, ruleLabel, validationReportSheet } from "../../src/reports";

const code = (n: number) => makeCreditCode("341103", `MA2T${String(8000 + n)}`);
const keys = ["enterprise", "credit_code", "jurisdiction", "program", "project", "amount", "level", "date", "requested"] as const;
const rows: unknown[][] = [
  // # equipment_network 20% × 2,000,000 = 400,000; asked 250,000 → payable 250,000 (beneficiary pays)
  ["甲", code(1), "南谯区", "equipment_network", "产线A", 2000000, null, "2022-05-01", 250000],
  // # smart_factory 300,000, 1:1 → 150,000 + 150,000
  ["乙", code(2), "南谯区", "smart_factory", "工厂", null, null, "2022-06-01", 300000],
  // # platform_national up to 2,000,000; asked 1,000,000 → 1,000,000 (city pays)
  ["丙", code(3), "琅琊区", "platform_national", "平台", null, null, "2023-01-01", 1000000],
  // # ic_tapeout 30% × 1,000,000 = 300,000
  ["戊", code(5), "中新苏滁高新区", "ic_tapeout", "芯片", 1000000, null, "2024-01-01", 300000],
  // # security_grading: asked 60,000 above the entitlement → error, held back
  ["己", code(6), "凤阳县", "security_grading", "安全", 100000, null, "2023-03-01", 60000],
  // # outside the window → error, held back (300,000 asked)
  ["庚", code(7), "凤阳县", "smart_factory", "工厂二", null, null, "2021-01-01", 300000],
  // # the same one-time award twice for 乙's 工厂 → error, held back
  ["乙", code(2), "南谯区", "smart_factory", "工厂", null, null, "2022-07-01", 300000],
];
const values = [keys.map((k) => CANONICAL_HEADERS[k]), ...rows];
const report = validateTable({ values, sheet: "申报表" }, P);
const source = [{ sheet: "申报表", address: "A1:I8", firstCol: 0, report }];

test("the table's parts, checked by hand", () => {
  const t = report.summary.totals;
  // # 250,000 + 300,000 + 1,000,000 + 300,000 = 1,850,000 payable; rows 3 and 8 are a duplicate pair (the later one held back);
  // # the credit codes are registered in 南谯区 (341103): 丙 (琅琊区) and 戊 (中新苏滁高新区) get a warning, so they are to review
  expect(report.rows.map((r) => r.status)).toEqual(["pass", "pass", "review", "review", "error", "error", "error"]);
  expect(t.review).toEqual({ rows: 2, amount: 130000000 }); // # 1,000,000 + 300,000
  expect(t.payable.amount).toBe(185000000);
  expect(t.heldBack).toEqual({ rows: 3, amount: 66000000 }); // # 60,000 + 300,000 + 300,000
});

test("memoText (zh): counts, 应付 with its split and jurisdictions, held back, review, the top problems by name, the policy", () => {
  const s = report.summary;
  const text = memoText(report, "zh");
  expect(text.startsWith(`经校验，“申报表”共7行申报：错误${s.errors}处、警告${s.warnings}处、提示${s.infos}处，有错误的申报3行。`)).toBe(true);
  // # city: 150,000 (smart_factory 1:1) + 1,000,000 (platform_national, city) = 1,150,000;
  // # beneficiary: 250,000 (equipment_network) + 150,000 + 300,000 (ic_tapeout, beneficiary) = 700,000
  expect(text).toContain("应付：185万元（4行），其中市财政承担115万元，受益财政承担70万元。");
  // # by jurisdiction: 琅琊区 1,000,000; 南谯区 250,000 + 300,000 = 550,000; 中新苏滁高新区 300,000 — three, all listed, largest first
  expect(text).toContain("按地区：琅琊区100万元、南谯区55万元、中新苏滁高新区30万元。");
  expect(text).toContain("有误未计：66万元（3行）；需复核：130万元（2行）。");
  // # errors first (one each, by code), then warnings: the three errors fill the top 3
  expect(text).toContain("主要问题：申报金额高于核定金额1处、一次性奖补重复申报1处、日期不在政策有效期内1处。");
  expect(text).not.toMatch(/cross\.|amount\.|date\./); // names, never codes
  expect(text.endsWith("政策版本：滁州市支持工业互联网发展若干政策（2021）（chuzhou-ii-2021）。")).toBe(true);
});

test("memoText (en) and options", () => {
  const en = memoText(report, "en");
  expect(en).toContain("\"申报表\": 7 application rows checked;");
  expect(en).toContain("Payable: CNY 1,850,000 (4 rows); city finance");
  expect(en).toContain("By jurisdiction: 琅琊区 CNY 1,000,000, 南谯区 CNY 550,000, 中新苏滁高新区 CNY 300,000.");
  expect(en).toContain("Held back (errors): CNY 660,000 (3 rows); To review:");
  expect(en).toMatch(/Main problems: .*One-time award claimed twice \(\d+\)/);
  expect(en).not.toMatch(/[\u4e00-\u9fff]{2}.*处/);
  // One jurisdiction shown, the rest summed.
  expect(memoText(report, "zh", { jurisdictions: 1 })).toContain("按地区：琅琊区100万元、其余2个地区85万元。");
  expect(memoText(report, "zh", { topProblems: 1 }).match(/主要问题：([^。]*)。/)![1].split("、")).toHaveLength(1);
  expect(payableByJurisdiction([report]).map((j) => j.amount)).toEqual([100000000, 55000000, 30000000]);
});

test("memoText on several sheets adds them part by part", () => {
  const two = memoText([report, report], "zh");
  expect(two).toContain("经校验，“申报表”、“申报表”共14行申报");
  expect(two).toContain("应付：370万元（8行）");
  expect(two).toContain("有误未计：132万元（6行）");
});

test("the validation report sheet: rule names, enterprise and project per finding, code last, counts by name", () => {
  const sheet = validationReportSheet(source, "zh", { now: new Date(2026, 0, 2, 3, 4, 5) });
  expect(sheet.columns.map((c) => c.header)).toEqual(["严重程度", "问题", "单元格", "行号", "列", "企业名称", "项目名称", "说明", "规则代码"]);
  const dup = sheet.rows.find((r) => r.at(-1) === "cross.duplicate_one_time")!;
  expect(dup[1]).toBe("一次性奖补重复申报");
  expect(dup[5]).toBe("乙");
  expect(dup[6]).toBe("工厂");
  expect(dup[2]).toMatchObject({ link: { sheet: "申报表" } });
  // Errors first.
  const sev = sheet.rows.map((r) => r[0]);
  expect(sev.indexOf("警告") === -1 || sev.lastIndexOf("错误") < sev.indexOf("警告")).toBe(true);
  const byRule = sheet.blocks![0];
  expect(byRule.title).toBe("按问题统计");
  expect(byRule.rows.reduce((a, r) => a + (r[2] as number), 0)).toBe(report.findings.length);
  expect(byRule.rows.find((r) => r[3] === "cross.duplicate_one_time")![0]).toBe("一次性奖补重复申报");
  expect(sheet.blocks!.at(-1)!.rows.map((r) => r[0])).toEqual(["申报", "应付", "其中：市财政承担", "其中：受益财政承担", "有误未计", "需复核"]);
  const en = validationReportSheet(source, "en");
  expect(en.name).toBe("Validation report");
  expect(en.rows.find((r) => r.at(-1) === "cross.duplicate_one_time")![1]).toBe("One-time award claimed twice");
});

test("the findings export: one row a finding, plain text location, from A1", () => {
  const sheet = findingsExportSheet(source, "zh");
  expect(sheet.name).toBe("问题清单");
  expect(sheet.preamble).toBeUndefined();
  expect(sheet.columns.map((c) => c.header)).toEqual(["严重程度", "问题", "单元格", "企业名称", "项目名称", "说明", "规则代码"]);
  expect(sheet.rows).toHaveLength(report.findings.length);
  for (const r of sheet.rows) expect(typeof r[2]).toBe("string");
  const dup = sheet.rows.find((r) => r[6] === "cross.duplicate_one_time")!;
  expect(dup.slice(0, 5)).toEqual(["错误", "一次性奖补重复申报", expect.stringMatching(/^申报表![A-Z]+\d+$/), "乙", "工厂"]);
});

test("the results table: 项目类别 and the applicant's 项目名称, and a link to the source row", () => {
  const sheet = resultsSheet(report, "zh", { firstCol: 2 });
  const H = sheet.columns.map((c) => c.header);
  const r = sheet.rows[0];
  expect(r[H.indexOf("项目类别")]).toBe("工业设备网络化技术改造"); // the program's name
  expect(r[H.indexOf("项目名称")]).toBe("产线A");
  // The enterprise cell of Excel row 2, in a table starting at column C.
  expect(r[H.indexOf("来源行")]).toEqual({ text: "申报表!C2", link: { sheet: "申报表", cell: "C2" } });
  const plain = resultsSheet(report, "zh", { links: false, sheetOf: () => "2023年" });
  expect(plain.rows[6][H.indexOf("来源行")]).toBe("2023年!A8");
});

test("rule labels: the core's names, the CLI reader's uncached formula, an unknown code as it is", () => {
  expect(ruleLabel("credit_code.check", "zh")).toBe("信用代码校验位错误");
  expect(ruleLabel("formula.uncached", "zh")).toBe("公式未计算");
  expect(ruleLabel("formula.uncached", "en")).toBe("Formula not calculated");
  expect(ruleLabel("no.such_rule", "zh")).toBe("no.such_rule");
});

test("every report catalogue has the same keys in zh and en", () => {
  for (const c of REPORT_CATALOGUES) expect(parityProblems(c)).toEqual([]);
});

test("a clean table: no findings, no count block, the totals block still there", () => {
  const clean = validateTable({ values: [values[0], values[2]], sheet: "申报表" }, P); // 乙: smart_factory, asked what the policy gives
  expect(clean.findings).toEqual([]);
  const sheet = validationReportSheet([{ sheet: "申报表", address: "A1:I2", firstCol: 0, report: clean }], "zh");
  expect(sheet.rows).toEqual([]);
  expect(sheet.blocks!.map((b) => b.title)).toEqual(["合计（申报 / 应付 / 有误未计 / 需复核）"]);
});

test("the findings export written by the ExcelJS host into a new workbook: a table from A1 with the finding rows", async () => {
  const spec = findingsExportSheet(source, "zh");
  const wb = new ExcelJS.Workbook();
  const written = await new ExcelJsHost(wb).writeSheet(spec);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()));
  const ws = back.getWorksheet(written.name)!;
  expect(written.tableAddress.startsWith("A1:")).toBe(true);
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(spec.columns.map((c) => c.header));
  expect(ws.rowCount).toBe(1 + report.findings.length);
  const dupRow = spec.rows.findIndex((r) => r[6] === "cross.duplicate_one_time") + 2;
  expect(ws.getCell(dupRow, 2).value).toBe("一次性奖补重复申报");
  expect(ws.getCell(dupRow, 4).value).toBe("乙");
});
