/**
 * Every rule, positive and negative. Expected arithmetic is written as a comment next to the
 * case (e.g. "# 20% × 2,000,000 = 400,000"), so a reviewer can check it against the policy.
 */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import { creditCheckChar, orgCheckChar } from "../../src/policy";
import { RULES, type RuleCode } from "../../src/validation/rules";
import { validateTable } from "../../src/validation/validate";
import { code, okRow, run, rulesAt, at, rowOf, table, type RowSpec } from "./support";

interface Case {
  name: string;
  rule: RuleCode;
  /** Rows of the table; the finding is expected on rows[row]. */
  pos: RowSpec[];
  row?: number;
  /** Rows on which the rule must not fire at all. */
  neg: RowSpec[];
  /** The finding's column (default: the rule's). */
  column?: string | null;
  /** Text the zh message must contain. */
  says?: string;
}

const same = code("341103");
const sameTapeout = code("341171");
const demoCodes = [code("341172"), code("341172"), code("341172")];

// A code whose GB 32100 check is right but whose embedded GB 11714 organisation check is wrong.
function orgBroken(): string {
  const stem = "MA2TX001";
  const good = orgCheckChar(stem);
  const wrong = good === "1" ? "2" : "1";
  const first17 = "91341103" + stem + wrong;
  return first17 + creditCheckChar(first17);
}

function badCheck(c: string): string {
  return c.slice(0, 17) + (c[17] === "1" ? "2" : "1");
}

const cases: Case[] = [
  { name: "empty enterprise", rule: "required.missing", pos: [okRow({ enterprise: null })], neg: [okRow()], column: "enterprise", says: "企业名称" },
  { name: "empty jurisdiction", rule: "required.missing", pos: [okRow({ jurisdiction: "  " })], neg: [okRow()], column: "jurisdiction" },
  { name: "unknown program", rule: "program.unknown", pos: [okRow({ program: "智能工场" })], neg: [okRow({ program: "省级智能工厂" }), okRow({ program: "SMART_FACTORY" })], says: "smart_factory" },
  { name: "non-money measure", rule: "program.non_money", pos: [okRow({ program: "人才培养" })], neg: [okRow()], says: "非资金" },
  { name: "credit code length", rule: "credit_code.format", pos: [okRow({ credit_code: "91341103MA2T0001" })], neg: [okRow()] },
  { name: "credit code chars", rule: "credit_code.format", pos: [okRow({ credit_code: "91341103MA2T0001IO" })], neg: [okRow()] },
  { name: "credit code check", rule: "credit_code.check", pos: [okRow({ credit_code: badCheck(code()) })], neg: [okRow(), okRow({ credit_code: " " + code().toLowerCase() + " " })] },
  { name: "org code check", rule: "credit_code.org_check", pos: [okRow({ credit_code: orgBroken() })], neg: [okRow()] },
  {
    name: "division of another county",
    rule: "credit_code.division_mismatch",
    pos: [okRow({ credit_code: code("341102"), jurisdiction: "南谯区" })],
    // 341100 (the city) and a non-Chuzhou division give no finding (a park firm may register anywhere).
    neg: [okRow({ credit_code: code("341100") }), okRow({ credit_code: code("320100") }), okRow({ credit_code: code("341171"), jurisdiction: "中新苏滁高新区" })],
    says: "琅琊区",
  },
  {
    name: "jurisdiction not one of the ten",
    rule: "jurisdiction.unknown",
    pos: [okRow({ jurisdiction: "南京市" })],
    neg: [okRow({ jurisdiction: "滁州市南谯区" }), okRow({ jurisdiction: "南谯区 " }), okRow({ credit_code: code("341172"), jurisdiction: "经开区" })],
  },
  { name: "jurisdiction typo suggests", rule: "jurisdiction.unknown", pos: [okRow({ jurisdiction: "南樵区" })], neg: [], says: "南谯区" },
  // READING: a required amount that is empty or 0 is an error ("金额为空或为0"), not a silent 0.
  { name: "amount empty", rule: "amount.empty", pos: [okRow({ program: "equipment_network", amount: null, requested: 100000 })], neg: [okRow({ program: "equipment_network", amount: 500000, requested: 100000 })], says: "金额为空或为0" },
  { name: "amount 0", rule: "amount.empty", pos: [okRow({ program: "identifier_node", amount: 0, requested: 0 })], neg: [] },
  { name: "amount text", rule: "amount.not_number", pos: [okRow({ program: "equipment_network", amount: "约五十万", requested: 100000 })], neg: [okRow({ program: "equipment_network", amount: "50万", requested: 100000 })] },
  { name: "amount error value", rule: "amount.not_number", pos: [okRow({ program: "equipment_network", amount: "#N/A", requested: 100000 })], neg: [] },
  { name: "amount negative", rule: "amount.negative", pos: [okRow({ program: "identifier_node", amount: -5, requested: 0 })], neg: [okRow({ program: "identifier_node", amount: 10, requested: 0 })] },
  { name: "amount too large", rule: "amount.too_large", pos: [okRow({ program: "identifier_node", amount: 1e13, requested: 0 })], neg: [okRow({ program: "identifier_node", amount: 1e6, requested: 300000 })] },
  // # 5G: 2,000 元 per station; 10.5 stations cannot be
  { name: "station count not whole", rule: "amount.not_integer", pos: [okRow({ program: "base_station_5g", amount: 10.5, level: "TRUE", requested: 21000 })], neg: [okRow({ program: "base_station_5g", amount: 10, level: "TRUE", requested: 20000 })] },
  {
    name: "investment 80 in a 元 column",
    rule: "amount.wan_suspect",
    // # 20% × 800,000 = 160,000 is what was meant; as typed 80 < 500,000 threshold → 0
    pos: [okRow({ program: "equipment_network", amount: 80, requested: 160000 })],
    neg: [okRow({ program: "equipment_network", amount: 800000, requested: 160000 }), okRow({ program: "base_station_5g", amount: 3, level: "TRUE", requested: 6000 })],
    column: "amount",
    says: "800000",
  },
  {
    name: "requested 30 for a 30万 award",
    rule: "amount.wan_suspect",
    pos: [okRow({ requested: 30 })],
    neg: [okRow({ requested: 300000 })],
    column: "requested",
  },
  {
    name: "completed investment 1500 (万元 meant)",
    rule: "amount.wan_suspect",
    // # gate: completed investment ≥ 10,000,000; 1500 < gate → 0
    pos: [okRow({ program: "ic_industrialization", amount: 3000000, level: 1500, requested: 0 })],
    neg: [okRow({ program: "ic_industrialization", amount: 3000000, level: 15000000, requested: 300000 })],
    column: "level",
  },
  { name: "level missing", rule: "level.missing", pos: [okRow({ program: "dx_assessment", level: null, requested: 300000 })], neg: [okRow({ program: "dx_assessment", level: "AAAA", requested: 300000 })] },
  { name: "level unknown", rule: "level.unknown", pos: [okRow({ program: "dx_assessment", level: "6A", requested: 300000 })], neg: [okRow({ program: "dx_assessment", level: "4A级", requested: 300000 })] },
  { name: "task flag unreadable", rule: "level.task_flag", pos: [okRow({ program: "base_station_5g", amount: 10, level: "也许", requested: 20000 })], neg: [okRow({ program: "base_station_5g", amount: 10, level: "已完成", requested: 20000 })] },
  { name: "completed investment unreadable", rule: "level.investment", pos: [okRow({ program: "ic_industrialization", amount: 3000000, level: "很多", requested: 300000 })], neg: [okRow({ program: "ic_industrialization", amount: 3000000, level: "1500万", requested: 300000 })] },
  {
    name: "condition not filled in",
    rule: "level.condition_missing",
    pos: [okRow({ program: "base_station_5g", amount: 10, requested: 20000 }), okRow({ program: "ic_industrialization", amount: 3000000, requested: 300000 })],
    neg: [okRow({ program: "base_station_5g", amount: 10, level: true, requested: 20000 })],
  },
  { name: "date missing", rule: "date.missing", pos: [okRow({ date: null })], neg: [okRow()] },
  { name: "date unreadable", rule: "date.unreadable", pos: [okRow({ date: "2022-13-45" })], neg: [okRow({ date: "2022年5月1日" }), okRow({ date: 44682 }), okRow({ date: new Date(Date.UTC(2022, 4, 1)) })] },
  {
    name: "date outside validity",
    rule: "date.outside",
    pos: [okRow({ date: "2024-09-27" })],
    // inclusive window 2021-09-27 … 2024-09-26
    neg: [okRow({ date: "2021-09-27" }), okRow({ date: "2024-09-26" })],
    says: "2021-09-27",
  },
  // READING "what is paid": an asked amount that is empty or 0 counts as not given → payable = entitlement, with a warning.
  { name: "requested missing", rule: "requested.missing", pos: [okRow({ requested: null }), okRow({ requested: 0 })], neg: [okRow()] },
  {
    name: "up-to award with no amount asked",
    rule: "requested.cap_assumed",
    // # platform_national: 最高不超过200万元; nothing asked → computed at 2,000,000
    pos: [okRow({ program: "platform_national", requested: null }), okRow({ program: "platform_provincial", amount: 0, requested: 0 })],
    neg: [okRow({ program: "platform_national", requested: 1500000 }), okRow({ program: "platform_national", amount: 1500000, requested: null })],
    says: "未填申请额，按最高额",
  },
  {
    name: "provisional parameter left to the 实施细则",
    rule: "provisional.parameter",
    pos: [okRow({ program: "cloud_service", amount: 50000, requested: 50000 }), okRow({ program: "service_platform", amount: 6000000, requested: 1800000, served: 80 })],
    neg: [okRow({ program: "equipment_network", amount: 600000, requested: 120000 })],
    says: "实施细则",
  },
  { name: "requested unreadable", rule: "requested.not_number", pos: [okRow({ requested: "三十万" })], neg: [okRow({ requested: "30万元" })] },
  { name: "requested negative", rule: "requested.not_number", pos: [okRow({ requested: -1 })], neg: [] },
  {
    name: "ineligible but money requested",
    rule: "award.ineligible",
    // # 400,000 < 500,000 threshold → 0
    pos: [okRow({ program: "equipment_network", amount: 400000, requested: 80000 })],
    neg: [okRow({ program: "equipment_network", amount: 500000, requested: 100000 }), okRow({ program: "dx_assessment", level: "2A", requested: 0 })],
    says: "不予奖补",
  },
  { name: "2A level with money", rule: "award.ineligible", pos: [okRow({ program: "dx_assessment", level: "2A", requested: 200000 })], neg: [] },
  { name: "task not completed with money", rule: "award.ineligible", pos: [okRow({ program: "base_station_5g", amount: 10, level: "FALSE", requested: 20000 })], neg: [] },
  {
    name: "over the award",
    rule: "amount.over_award",
    // # 20% × 2,000,000 = 400,000
    pos: [okRow({ program: "equipment_network", amount: 2000000, requested: 400000.01 })],
    neg: [okRow({ program: "equipment_network", amount: 2000000, requested: 400000 })],
    says: "0.01",
  },
  {
    name: "under the award",
    rule: "amount.under_award",
    pos: [okRow({ requested: 299999.99 })],
    neg: [okRow({ requested: 300000 })],
  },
  { name: "share unreadable", rule: "share.not_number", pos: [okRow({ city_share: "一半", local_share: 150000 })], neg: [okRow({ city_share: 150000, local_share: "15万" })], column: "city_share" },
  {
    name: "1:1 split to the 分",
    rule: "share.mismatch",
    // # cloud: 100% × 100,000.03 = 100,000.03; city = ÷2 half-up = 50,000.02; beneficiary 50,000.01
    pos: [okRow({ program: "cloud_service", amount: 100000.03, requested: 100000.03, city_share: 50000.01, local_share: 50000.02 })],
    neg: [okRow({ program: "cloud_service", amount: 100000.03, requested: 100000.03, city_share: 50000.02, local_share: 50000.01 })],
  },
  {
    name: "beneficiary-only program",
    rule: "share.mismatch",
    pos: [okRow({ program: "network_upgrade", requested: 500000, city_share: 250000, local_share: 250000 })],
    neg: [okRow({ program: "network_upgrade", requested: 500000, city_share: 0, local_share: 500000 }), okRow({ program: "network_upgrade", requested: 500000, local_share: 500000 })],
  },
  {
    name: "shares follow what is requested when less",
    rule: "share.mismatch",
    pos: [okRow({ requested: 200000, city_share: 150000, local_share: 150000 })],
    neg: [okRow({ requested: 200000, city_share: 100000, local_share: 100000 })],
  },
  { name: "served missing", rule: "served.missing", pos: [okRow({ program: "service_platform", amount: 6000000, requested: 1800000 })], neg: [okRow({ program: "service_platform", amount: 6000000, requested: 1800000, served: 80 })] },
  { name: "served unreadable", rule: "served.invalid", pos: [okRow({ program: "service_platform", amount: 6000000, requested: 1800000, served: "很多" })], neg: [okRow({ program: "service_platform", amount: 6000000, requested: 1800000, served: "80家" })] },
  {
    name: "one-time award twice",
    rule: "cross.duplicate_one_time",
    pos: [okRow({ credit_code: same }), okRow({ credit_code: same, date: "2023-05-01", program: "省级智能工厂" })],
    row: 1,
    // different firms; a non-one-time program twice; a first claim from before the policy took effect
    neg: [okRow(), okRow(), okRow({ credit_code: demoCodes[0], date: "2021-06-01", requested: 0 }), okRow({ credit_code: demoCodes[0] }), okRow({ credit_code: same, program: "equipment_network", amount: 600000, requested: 120000 }), okRow({ credit_code: same, program: "equipment_network", amount: 600000, requested: 120000 })],
    says: "第2行",
  },
  {
    name: "per-enterprise cap across rows",
    rule: "cross.enterprise_cap",
    // # tape-out 30%: 1,500,000 → 450,000; 3,000,000 → 900,000; 3,000,000 → 900,000; sum 2,250,000 > 2,000,000
    pos: [
      okRow({ credit_code: sameTapeout, jurisdiction: "中新苏滁高新区", program: "ic_tapeout", amount: 1500000, requested: 450000, date: "2023-01-05" }),
      okRow({ credit_code: sameTapeout, jurisdiction: "中新苏滁高新区", program: "ic_tapeout", amount: 3000000, requested: 900000, date: "2023-03-05" }),
      okRow({ credit_code: sameTapeout, jurisdiction: "中新苏滁高新区", program: "ic_tapeout", amount: 3000000, requested: 900000, date: "2023-06-05" }),
    ],
    row: 2,
    // ic_rd_equipment's cap period is one application year: 2,000,000 a year → 20% = 400,000 … capped 5,000,000 per year, three years apart are separate.
    neg: [
      okRow({ credit_code: sameTapeout, jurisdiction: "中新苏滁高新区", program: "ic_rd_equipment", amount: 20000000, requested: 4000000, date: "2022-03-05" }),
      okRow({ credit_code: sameTapeout, jurisdiction: "中新苏滁高新区", program: "ic_rd_equipment", amount: 20000000, requested: 4000000, date: "2023-03-05" }),
      okRow({ credit_code: sameTapeout, jurisdiction: "中新苏滁高新区", program: "ic_rd_equipment", amount: 20000000, requested: 4000000, date: "2024-03-05" }),
    ],
    says: "最多可补", // 2,000,000 − 1,350,000 = 650,000
  },
  {
    name: "tape-out cap across years (the whole policy period)",
    rule: "cross.enterprise_cap",
    // # 900,000 (2022) + 900,000 (2023) + 900,000 (2024) = 2,700,000 > 2,000,000 over 2021-09-27…2024-09-26; the third row can get 200,000
    pos: [
      okRow({ credit_code: sameTapeout, jurisdiction: "中新苏滁高新区", program: "ic_tapeout", project: "芯片A", amount: 3000000, requested: 900000, date: "2022-03-05" }),
      okRow({ credit_code: sameTapeout, jurisdiction: "中新苏滁高新区", program: "ic_tapeout", project: "芯片B", amount: 3000000, requested: 900000, date: "2023-03-05" }),
      okRow({ credit_code: sameTapeout, jurisdiction: "中新苏滁高新区", program: "ic_tapeout", project: "芯片C", amount: 3000000, requested: 900000, date: "2024-03-05" }),
    ],
    row: 2,
    neg: [],
    says: "政策有效期内",
  },
  {
    name: "the same award object twice",
    rule: "cross.duplicate_one_time",
    pos: [okRow({ credit_code: same, program: "scenario_national", project: "5G+质检", requested: 500000 }), okRow({ credit_code: same, program: "scenario_national", project: "5G+质检 ", requested: 500000, date: "2023-01-01" })],
    row: 1,
    // two different awards of one firm are both paid; two years of one operator's 5G task are two objects
    neg: [
      okRow({ credit_code: same, program: "scenario_national", project: "5G+质检", requested: 500000 }),
      okRow({ credit_code: same, program: "scenario_national", project: "标识解析应用", requested: 500000 }),
      okRow({ credit_code: demoCodes[1], program: "base_station_5g", amount: 100, level: true, requested: 200000, date: "2022-12-20" }),
      okRow({ credit_code: demoCodes[1], program: "base_station_5g", amount: 100, level: true, requested: 200000, date: "2023-12-20" }),
    ],
  },
  {
    name: "object name missing",
    rule: "cross.object_missing",
    pos: [okRow({ credit_code: same, program: "identifier_node", project: "二级节点一期", amount: 1000000, requested: 300000 }), okRow({ credit_code: same, program: "identifier_node", amount: 1000000, requested: 300000 })],
    row: 1,
    neg: [okRow({ credit_code: same, program: "identifier_node", project: "二级节点一期", amount: 1000000, requested: 300000 })],
  },
  {
    name: "another object of the same program",
    rule: "cross.other_object",
    pos: [okRow({ credit_code: same, program: "scenario_national", project: "5G+质检", requested: 500000 }), okRow({ credit_code: same, program: "scenario_national", project: "标识解析应用", requested: 500000 })],
    row: 1,
    neg: [okRow({ credit_code: demoCodes[1], program: "base_station_5g", amount: 100, level: true, requested: 200000, date: "2022-12-20" }), okRow({ credit_code: demoCodes[1], program: "base_station_5g", amount: 100, level: true, requested: 200000, date: "2023-12-20" })],
    says: "标识解析应用",
  },
  {
    name: "one project under two programs",
    rule: "cross.project_programs",
    // # equipment_network 20% × 10,000,000 = 2,000,000 (cap) + security_grading 50% × 10,000,000 capped 300,000 = 2,300,000 beside 1000万元
    pos: [
      okRow({ credit_code: same, program: "equipment_network", project: "智能产线", amount: 10000000, requested: 2000000 }),
      okRow({ credit_code: same, program: "security_grading", project: "智能产线", amount: 10000000, requested: 300000 }),
    ],
    row: 1,
    neg: [okRow({ credit_code: same, program: "equipment_network", project: "智能产线", amount: 10000000, requested: 2000000 }), okRow({ credit_code: same, program: "security_grading", project: "安全分级", amount: 600000, requested: 300000 })],
    says: "合计奖补230万元，项目投资1000万元",
  },
  {
    name: "the same platform at a higher level",
    rule: "cross.higher_level",
    pos: [okRow({ credit_code: same, program: "platform_provincial", project: "云平台", requested: 1000000, date: "2022-01-10" }), okRow({ credit_code: same, program: "platform_national", project: "云平台", requested: 2000000, date: "2023-01-10" })],
    row: 1,
    neg: [okRow({ credit_code: same, program: "platform_provincial", project: "云平台", requested: 1000000 }), okRow({ credit_code: same, program: "platform_national", project: "另一平台", requested: 2000000 })],
    says: "就高补差",
  },
  {
    name: "a higher DX assessment level",
    rule: "cross.higher_level",
    pos: [okRow({ credit_code: same, program: "dx_assessment", level: "3A", requested: 200000, date: "2022-01-10" }), okRow({ credit_code: same, program: "dx_assessment", level: "4A", requested: 300000, date: "2023-01-10" })],
    row: 1,
    neg: [okRow({ credit_code: same, program: "dx_assessment", level: "4A", requested: 300000 }), okRow({ credit_code: same, program: "dx_assessment", level: "4A", requested: 300000 })],
  },
  {
    name: "third empowerment demo in a year",
    rule: "cross.demo_per_year",
    pos: demoCodes.map((c) => okRow({ credit_code: c, jurisdiction: "滁州经开区", program: "empowerment_demo", amount: 1000000, requested: 200000, date: "2023-04-01" })),
    row: 2,
    neg: [
      okRow({ credit_code: demoCodes[0], jurisdiction: "滁州经开区", program: "empowerment_demo", amount: 1000000, requested: 200000, date: "2023-04-01" }),
      okRow({ credit_code: demoCodes[1], jurisdiction: "滁州经开区", program: "empowerment_demo", amount: 1000000, requested: 200000, date: "2023-04-01" }),
      okRow({ credit_code: demoCodes[2], jurisdiction: "滁州经开区", program: "empowerment_demo", amount: 1000000, requested: 200000, date: "2024-04-01" }),
    ],
  },
  {
    name: "one code, two names",
    rule: "cross.name_mismatch",
    pos: [okRow({ credit_code: same, program: "digital_workshop", requested: 200000 }), okRow({ credit_code: same, enterprise: "滁州另一家公司" })],
    row: 1,
    neg: [okRow({ credit_code: same, enterprise: "滁州测试(科技)有限公司", program: "digital_workshop", requested: 200000 }), okRow({ credit_code: same, enterprise: "滁州测试（科技） 有限公司" })],
  },
];

const fired = new Set<string>();

describe("every rule, positive and negative", () => {
  test.each(cases.map((c) => [c.rule, c.name, c] as const))("%s: %s", (_rule, _name, c) => {
    const info = RULES.find((r) => r.code === c.rule)!;
    expect(info).toBeDefined();
    if (c.pos.length) {
      const rep = run(c.pos);
      const rows = c.row === undefined ? c.pos.map((_, i) => rowOf(i)) : [rowOf(c.row)];
      for (const r of rows) {
        const f = at(rep, r).find((x) => x.rule === c.rule);
        expect(f).toBeDefined();
        expect(f!.severity).toBe(info.severity);
        if (c.column !== undefined) expect(f!.column).toBe(c.column);
        else if (info.column) expect(f!.column).toBe(info.column);
        if (c.says) expect(f!.message).toContain(c.says);
        expect(f!.messageEn.length).toBeGreaterThan(5);
        fired.add(c.rule);
      }
      // The rule fires only where expected.
      const elsewhere = rep.findings.filter((f) => f.rule === c.rule && !rows.includes(f.row));
      expect(elsewhere).toEqual([]);
    }
    if (c.neg.length) {
      const rep = run(c.neg);
      expect(rep.findings.filter((f) => f.rule === c.rule)).toEqual([]);
    }
  });
});

describe("table-level rules", () => {
  test("mapping.missing_column: no 所属地区 column → error at the header row; rows are still checked", () => {
    const keys = ["enterprise", "credit_code", "program", "date", "requested"] as const;
    const rep = validateTable({ values: table([okRow()], keys), firstRow: 5 }, P);
    const f = rep.findings.find((x) => x.rule === "mapping.missing_column")!;
    expect(f).toMatchObject({ row: 5, column: "jurisdiction", severity: "error" });
    expect(f.message).toContain("所属地区");
    // no per-row "required.missing" flood for the absent column
    expect(rep.findings.filter((x) => x.rule === "required.missing")).toEqual([]);
    expect(rep.rows[0].total).toBe(30000000);
    fired.add("mapping.missing_column");
    const full = run([okRow()]);
    expect(full.findings.filter((x) => x.rule === "mapping.missing_column")).toEqual([]);
  });

  test("mapping.duplicate_column: the first 企业名称 column is used", () => {
    const values = table([okRow()]);
    values[0].push("企业名称");
    values[1].push("别的名字");
    const rep = validateTable({ values }, P);
    const f = rep.findings.find((x) => x.rule === "mapping.duplicate_column")!;
    expect(f).toMatchObject({ row: 1, severity: "warning", col: 13 });
    expect(rep.rows[0].enterprise).toBe("滁州测试科技有限公司");
    fired.add("mapping.duplicate_column");
  });

  test("row.skipped_total: a 合计 row is not an application", () => {
    const rep = run([okRow(), { enterprise: "合计", requested: 300000 }]);
    expect(rulesAt(rep, 3)).toEqual(["row.skipped_total"]);
    expect(rep.rows.length).toBe(1);
    expect(rep.summary.rows).toBe(1);
    expect(rep.summary.requested).toBe(30000000);
    fired.add("row.skipped_total");
    // a firm whose name merely starts with "合" is checked as usual
    const rep2 = run([okRow({ enterprise: "合肥某公司", credit_code: null })]);
    expect(rulesAt(rep2, 2)).toContain("required.missing");
  });
});

afterAll(() => {
  // Every documented rule has a positive case above.
  const missing = RULES.map((r) => r.code).filter((c) => !fired.has(c));
  expect(missing).toEqual([]);
});
