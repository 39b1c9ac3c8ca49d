/**
 * One payable amount (READING "what is paid"): a table is validated, then every output — the
 * validation summary the pane shows, the results table (CZ_Results, what the PivotTables sum),
 * each summary table, the chart's source block — adds up to the same grand total, which is the
 * sum over counted rows of min(entitlement, amount asked when given).
 */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import { CATALOGUE_2021, makeCreditCode } from "../../src/policy";
import { validateTable } from "../../src/validation/validate";
import { sumTotals, totalLine } from "../../src/validation/totals";
import { CANONICAL_HEADERS } from "../../src/validation/headers";
import { buildReports, pivotSpecs, resultHeader, sheetLayout, RESULT_COLUMNS } from "../../src/reports";

const code = (n: number) => makeCreditCode("341103", `MA2T${String(8000 + n)}`);
const keys = ["enterprise", "credit_code", "jurisdiction", "program", "project", "amount", "level", "date", "requested"] as const;
const rows: unknown[][] = [
  // # equipment_network 20% × 2,000,000 = 400,000; asked 250,000 → payable 250,000
  ["甲", code(1), "南谯区", "equipment_network", "产线A", 2000000, null, "2022-05-01", 250000],
  // # smart_factory 300,000; asked 0 → not given → payable 300,000 (warning)
  ["乙", code(2), "南谯区", "smart_factory", "工厂", null, null, "2022-06-01", 0],
  // # platform_national up to 2,000,000; nothing asked → the cap (warning)
  ["丙", code(3), "琅琊区", "platform_national", "平台", null, null, "2023-01-01", null],
  // # cloud_service 100% (provisional) × 33,333.33; 1:1 → 16,666.67 + 16,666.66
  ["丁", code(4), "天长市", "cloud_service", "上云", 33333.33, null, "2023-02-01", 33333.33],
  // # ic_tapeout 30% × 1,000,000 = 300,000; asked 300,000
  ["戊", code(5), "中新苏滁高新区", "ic_tapeout", "芯片", 1000000, null, "2024-01-01", 300000],
  // error: asked more than the entitlement (not counted)
  ["己", code(6), "凤阳县", "security_grading", "安全", 100000, null, "2023-03-01", 60000],
  // error: outside the window (not counted)
  ["庚", code(7), "凤阳县", "smart_factory", "工厂", null, null, "2021-01-01", 300000],
];
const values = [keys.map((k) => CANONICAL_HEADERS[k]), ...rows];
const report = validateTable({ values }, P);
const bundle = buildReports(report, P, { now: new Date(2026, 0, 1) });

const fen = (v: unknown) => (typeof v === "number" ? Math.round(v * 100) : 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
// # 250,000 + 300,000 + 2,000,000 + 33,333.33 + 300,000 = 2,883,333.33
const GRAND = 288333333;

test("the rows' payable amounts", () => {
  expect(report.rows.map((r) => (r.status === "error" ? null : r.payable))).toEqual([25000000, 30000000, 200000000, 3333333, 30000000, null, null]);
  expect(report.rows[0].total).toBe(40000000); // the entitlement stays visible
});

test("the validation summary (what the pane and the CLI show) is the grand total", () => {
  expect(report.summary.payable).toBe(GRAND);
  expect(report.summary.city + report.summary.beneficiary).toBe(GRAND);
});

test("the results table's payable column, the column every PivotTable sums, adds up to it", () => {
  const i = RESULT_COLUMNS.findIndex((c) => c.key === "total");
  expect(resultHeader("total")).toBe("应拨付奖补（元）");
  expect(sum(bundle.results.rows.map((r) => fen(r[i])))).toBe(GRAND);
  const city = sum(bundle.results.rows.map((r) => fen(r[i + 1])));
  const ben = sum(bundle.results.rows.map((r) => fen(r[i + 2])));
  expect(city + ben).toBe(GRAND);
  for (const p of pivotSpecs()) expect(p.values.some((v) => v.field === "应拨付奖补（元）")).toBe(true);
  for (const p of pivotSpecs()) for (const v of p.values) expect(["应拨付奖补（元）", "市财政承担（元）", "受益财政承担（元）"]).toContain(v.field);
});

test("every summary table's 合计 row is the grand total", () => {
  const s = bundle.summary;
  const main = s.rows.at(-1)!;
  expect(fen(main[4])).toBe(GRAND);
  const [src, jy, jur] = s.blocks!;
  expect(fen(src.rows.at(-1)![3])).toBe(GRAND);
  expect(fen(jy.rows.at(-1)!.at(-1))).toBe(GRAND);
  expect(fen(jur.rows.at(-1)![1])).toBe(GRAND);
  expect(bundle.data.summaries.grand.total).toBe(GRAND);
  // the chart's source block (by jurisdiction, without 合计) adds up to it too
  expect(sum(jur.rows.slice(0, -1).map((r) => fen(r[1])))).toBe(GRAND);
  expect(sheetLayout(s)).toHaveLength(4);
});

test("progress counts the same payable rows", () => {
  const p = bundle.data.progress;
  expect(p.measured.find((x) => x.code === "smart_factory_workshop" && x.year === 2022)!.actual).toBe(1);
  expect(p.measured.find((x) => x.code === "cloud_enterprises" && x.year === 2023)).toMatchObject({ actual: 1, actualText: "≥1" });
  expect(CATALOGUE_2021.targets.length).toBeGreaterThan(0);
});

describe("the one total with its parts (申报 / 应付 / 有误未计 / 需复核)", () => {
  const totals = report.summary.totals;
  test("应付 is the grand total, and its split adds up to it", () => {
    expect(totals.payable).toEqual({ rows: 5, amount: GRAND, city: report.summary.city, beneficiary: report.summary.beneficiary });
  });
  test("申报 is what every row claims: the amount asked, or the policy amount when none is asked", () => {
    // # 250,000 + 300,000 (asked 0: the entitlement) + 2,000,000 (nothing asked: the cap) + 33,333.33 + 300,000 + 60,000 + 300,000
    expect(totals.declared).toEqual({ rows: 7, amount: 324333333 });
  });
  test("有误未计 is the rows with errors and what they claim; 需复核 the payable rows with warnings", () => {
    expect(totals.heldBack).toEqual({ rows: 2, amount: 36000000 });
    const reviewRows = report.rows.filter((r) => r.status === "review");
    expect(totals.review.rows).toBe(reviewRows.length);
    expect(totals.review.amount).toBe(reviewRows.reduce((a, r) => a + (r.payable ?? 0), 0));
    expect(totals.review.rows).toBeGreaterThan(0);
  });
  test("a line of text in each language", () => {
    expect(totalLine(totals, "payable", "zh")).toBe("应付：2,883,333.33元（5行）");
    expect(totalLine(totals, "heldBack", "zh")).toBe("有误未计：36万元（2行）");
    expect(totalLine(totals, "payable", "en")).toBe("Payable: CNY 2,883,333.33 (5 rows)");
  });
  test("several sheets' totals add up part by part", () => {
    const two = sumTotals([totals, totals]);
    expect(two.payable.amount).toBe(2 * GRAND);
    expect(two.heldBack.rows).toBe(4);
    expect(two.payable.city + two.payable.beneficiary).toBe(2 * GRAND);
  });
});

test("a row whose program is unknown or empty still claims its amount asked in 申报 and 有误未计", () => {
  const r = validateTable(
    {
      values: [
        keys.map((k) => CANONICAL_HEADERS[k]),
        ["辛", code(8), "南谯区", "smart_fatory", "工厂", null, null, "2022-06-01", 300000],
        ["壬", code(9), "南谯区", null, "工厂", null, null, "2022-06-01", "70万"],
      ],
    },
    P,
  );
  expect(r.rows.map((x) => x.status)).toEqual(["error", "error"]);
  expect(r.summary.totals.heldBack).toEqual({ rows: 2, amount: 100000000 });
  expect(r.summary.totals.declared).toEqual({ rows: 2, amount: 100000000 });
  expect(r.summary.totals.payable.amount).toBe(0);
});
