/**
 * RowResult fixtures built with the core's calculate(), standing in for the validator until
 * src/validation's validateTable exists. Each row is what a validated application row would be.
 */
import { computeTotals } from "../../src/validation/totals";
import { calculate, isoToSerial, CATALOGUE_2021 } from "../../src/policy";
import { SHIPPED_POLICY } from "../../src/policy/shipped";
import type { Finding, RowResult, RowStatus, ValidationReport } from "../../src/validation/types";

export interface Case {
  enterprise: string;
  jurisdiction: string;
  program: string;
  amount?: number | string | null;
  level?: unknown;
  date?: string | null;
  requested?: number | null;
  /** The object (项目名称); default "<enterprise>项目". */
  object?: string;
  scenario?: string;
  creditCode?: string;
  /** Force a status and add a finding of that severity (e.g. a duplicate one-time award). */
  status?: RowStatus;
  note?: string;
}

export function buildReport(cases: Case[], sheet = "申报表", scenarioColumn = false): ValidationReport {
  const findings: Finding[] = [];
  const rows: RowResult[] = cases.map((c, i) => {
    const rowNo = i + 2;
    const outcome = calculate({ program: c.program, amount: c.amount ?? null, level: c.level ?? null, date: c.date ? isoToSerial(c.date) : null, asked: c.requested ?? null }, SHIPPED_POLICY);
    const own: number[] = [];
    let status: RowStatus = c.status ?? (outcome.ok ? "pass" : "error");
    if (!outcome.ok) {
      status = "error";
      own.push(findings.length);
      findings.push({ row: rowNo, column: "program", severity: "error", rule: `calc.${outcome.error.code}`, message: `计算失败：${outcome.error.code}`, messageEn: `calculation failed: ${outcome.error.code}` });
    } else if (c.status && c.status !== "pass") {
      own.push(findings.length);
      findings.push({ row: rowNo, column: null, severity: c.status === "error" ? "error" : "warning", rule: "fixture", message: c.note ?? "需人工复核", messageEn: c.note ?? "check by hand" });
    }
    const r = outcome.ok ? outcome.result : null;
    return {
      row: rowNo,
      enterprise: c.enterprise,
      creditCode: c.creditCode ?? "", // the enterprise is then its name (one firm may have several rows)
      jurisdiction: c.jurisdiction,
      project: c.object ?? `${c.enterprise}项目`,
      object: c.object ?? `${c.enterprise}项目`,
      scenario: c.scenario ?? "",
      catalogueId: r ? r.catalogue.id : null,
      programCode: r ? r.program.code : CATALOGUE_2021.programs.find((p) => p.code === c.program)?.code ?? null,
      programName: r ? r.program.name.zh : c.program,
      section: r ? r.program.section : "",
      year: c.date ? Number(c.date.slice(0, 4)) : null,
      dateIso: c.date ?? null,
      requested: c.requested === undefined ? (r ? r.total : null) : c.requested === null ? null : Math.round(c.requested * 100),
      total: r ? r.total : null,
      city: r ? r.city : null,
      beneficiary: r ? r.beneficiary : null,
      payable: r ? r.payable : null,
      payableCity: r ? r.payableCity : null,
      payableBeneficiary: r ? r.payableBeneficiary : null,
      amount: typeof c.amount === "number" ? c.amount : null,
      status,
      findings: own,
      outcome,
    };
  });
  const counted = rows.filter((r) => r.total !== null);
  return {
    findings,
    rows,
    summary: {
      rows: rows.length,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      infos: 0,
      rowsWithErrors: rows.filter((r) => r.status === "error").length,
      requested: counted.reduce((a, r) => a + (r.requested ?? 0), 0),
      computed: counted.reduce((a, r) => a + (r.total ?? 0), 0),
      totals: computeTotals(rows),
      payable: counted.reduce((a, r) => a + (r.payable ?? 0), 0),
      city: counted.reduce((a, r) => a + (r.payableCity ?? 0), 0),
      beneficiary: counted.reduce((a, r) => a + (r.payableBeneficiary ?? 0), 0),
      byRule: {},
    },
    mapping: scenarioColumn ? { scenario: { index: 12, header: "场景类别", wan: false } } : {},
    policy: { id: CATALOGUE_2021.id, title: CATALOGUE_2021.title.zh },
    catalogues: [CATALOGUE_2021.id],
    sheet,
  };
}

/** A mixed sample: every payer, odd 分 splits, errors, reviews, blanks, years 2021–2024. */
export const SAMPLE: Case[] = [
  { enterprise: "滁州智造一厂", jurisdiction: "琅琊区", program: "smart_factory", date: "2021-10-08" },
  { enterprise: "滁州智造二厂", jurisdiction: "南谯区", program: "smart_factory", date: "2022-04-01" },
  { enterprise: "天长车间", jurisdiction: "天长市", program: "digital_workshop", date: "2022-05-20" },
  { enterprise: "天长车间", jurisdiction: "天长市", program: "smart_factory", date: "2022-06-20" },
  { enterprise: "明光车间", jurisdiction: "明光市", program: "digital_workshop", date: "2023-03-03" },
  { enterprise: "早认定工厂", jurisdiction: "来安县", program: "smart_factory", date: "2021-05-01" }, // outside the window: 0, still a factory
  { enterprise: "重复工厂", jurisdiction: "来安县", program: "smart_factory", date: "2022-07-01", status: "error", note: "一次性奖补重复申报" },
  { enterprise: "网联设备", jurisdiction: "全椒县", program: "equipment_network", amount: 800000, date: "2022-02-02" },
  { enterprise: "亿元技改", jurisdiction: "定远县", program: "equipment_network", amount: 120000000, date: "2022-08-08" },
  { enterprise: "亿元技改二", jurisdiction: "凤阳县", program: "equipment_network", amount: 99999999.99, date: "2022-09-09" },
  { enterprise: "小技改", jurisdiction: "凤阳县", program: "equipment_network", amount: 499999.99, date: "2023-01-10" },
  { enterprise: "省平台", jurisdiction: "滁州经开区", program: "platform_provincial", amount: 100000.03, date: "2022-11-11" },
  { enterprise: "云服务甲", jurisdiction: "中新苏滁高新区", program: "cloud_service", amount: 33333.33, date: "2023-02-14" },
  { enterprise: "云服务乙", jurisdiction: "中新苏滁高新区", program: "cloud_service", amount: 0.01, date: "2023-02-15" },
  { enterprise: "云服务丙", jurisdiction: "琅琊区", program: "cloud_service", amount: 1000000.05, date: "2023-06-30" },
  { enterprise: "标识节点", jurisdiction: "南谯区", program: "identifier_node", amount: 1000000.05, date: "2023-07-07" },
  { enterprise: "评估5A", jurisdiction: "天长市", program: "dx_assessment", level: "5A", date: "2022-12-12", requested: 600000, status: "review", note: "申报金额与核定不一致" },
  { enterprise: "评估2A", jurisdiction: "天长市", program: "dx_assessment", level: "2A", date: "2022-12-13" },
  { enterprise: "国家场景", jurisdiction: "明光市", program: "scenario_national", date: "2022-03-15" },
  { enterprise: "省级场景", jurisdiction: "全椒县", program: "scenario_provincial", date: "2023-04-16" },
  { enterprise: "省级场景二", jurisdiction: "", program: "scenario_provincial", date: "2023-05-17" },
  { enterprise: "双跨平台", jurisdiction: "滁州经开区", program: "platform_cross_industry", date: "2021-12-01" },
  { enterprise: "运营商", jurisdiction: "琅琊区", program: "base_station_5g", amount: 321, level: true, date: "2022-10-10" },
  { enterprise: "芯片设计", jurisdiction: "中新苏滁高新区", program: "ic_tapeout", amount: 3333333.33, date: "2023-08-08" },
  { enterprise: "芯片产业化", jurisdiction: "中新苏滁高新区", program: "ic_industrialization", amount: 8000000.05, level: 15000000, date: "2024-03-01" },
  { enterprise: "安全分级", jurisdiction: "定远县", program: "security_grading", amount: 100000.01, date: null },
  { enterprise: "赋能示范", jurisdiction: "凤阳县", program: "empowerment_demo", amount: 12345678.91, date: "2024-09-26" },
  { enterprise: "无日期工厂", jurisdiction: "琅琊区", program: "smart_factory", date: null },
  { enterprise: "未知项目", jurisdiction: "南谯区", program: "smart_fctory", date: "2022-01-01" },
  { enterprise: "负数金额", jurisdiction: "南谯区", program: "equipment_network", amount: -5, date: "2022-01-01" },
  { enterprise: "过期", jurisdiction: "南谯区", program: "equipment_network", amount: 900000, date: "2024-09-27" },
];
