/**
 * READING.md's corrected tables, read clause by clause against the catalogue data and the engine.
 * Each expectation quotes the reading it checks; expected arithmetic is written beside it.
 */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import { calculate, CATALOGUE_2021, citeText, errorMessage, explain, formatFenZh, formatFenEn, programByCode, type Program } from "../../src/policy";
import * as fs from "node:fs";
import * as path from "node:path";

const prog = (code: string): Program => programByCode(code, CATALOGUE_2021)!;
const ok = (input: Parameters<typeof calculate>[0]) => {
  const o = calculate(input, P);
  if (!o.ok) throw new Error(`${o.error.code}: ${errorMessage(o.error)}`);
  return o.result;
};
const SOURCE = fs.readFileSync(path.join(__dirname, "../../docs/policy/chuzhou-industrial-internet-policy-2021.zh.txt"), "utf8");

describe("One-time, cap period and date (READING table)", () => {
  // code → [one-time for, cap period, qualifying event]
  const TABLE: Record<string, [string | undefined, string | undefined, string]> = {
    platform_cross_industry: ["object", undefined, "获评"],
    platform_national: ["object", undefined, "获评"],
    platform_provincial: ["object", undefined, "获评"],
    cloud_service: [undefined, undefined, "服务合同/付费"],
    equipment_network: [undefined, undefined, "竣工（上线）"],
    dx_assessment: ["enterprise", undefined, "评估发证"],
    digital_workshop: ["enterprise", undefined, "认定"],
    smart_factory: ["enterprise", undefined, "认定"],
    network_upgrade: ["enterprise", undefined, "认定（验收）"],
    identifier_node: ["object", undefined, "建成"],
    service_platform: [undefined, undefined, "建成运营"],
    base_station_5g: ["operator_year", undefined, "年度任务完成"],
    ic_tapeout: ["object", "policy", "流片（合同）"],
    ic_rd_equipment: [undefined, "application_year", "申报（上年度购置）"],
    ic_industrialization: [undefined, "application_year", "申报（上年度项目）"],
    scenario_national: ["object", undefined, "获评"],
    scenario_provincial: ["object", undefined, "获评"],
    empowerment_demo: ["object", undefined, "评选"],
    security_grading: ["object", undefined, "项目完成"],
  };
  test.each(Object.entries(TABLE))("%s", (code, [once, period, event]) => {
    const p = prog(code);
    expect(p.onceFor).toBe(once);
    expect(p.capPeriod).toBe(period);
    expect(p.event.zh).toBe(event);
    // 单个企业最高 only on the three IC clauses, each with its period.
    expect(p.capScope === "enterprise").toBe(period !== undefined);
  });
  test("platforms rank provincial < national < cross-industry (a later, higher recognition is a warning)", () => {
    expect(["platform_provincial", "platform_national", "platform_cross_industry"].map((c) => prog(c).upgrade?.rank)).toEqual([1, 2, 3]);
  });
  test("empowerment demos: 每年评选1—2个 → at most 2 a year citywide", () => expect(prog("empowerment_demo").maxPerYear).toBe(2));
});

describe("不超过 X% is a ceiling; 实施细则 gaps are provisional, never silent", () => {
  test("identifier_node and security_grading: 按照不超过…的比例 → ceiling, computed at the ceiling and said so", () => {
    for (const c of ["identifier_node", "security_grading"]) {
      const r = prog(c).rule;
      expect(r.kind === "rate" && r.ceiling).toBe(true);
      expect(prog(c).clause).toContain("不超过项目投资额");
    }
    // # 1,000,000 × 30% = 300,000
    const r = ok({ program: "identifier_node", amount: 1000000 });
    expect(r.total).toBe(30000000);
    expect(r.notes).toContain("ceiling_rate");
    expect(explain(r)).toContain("按不超过30%的上限比例测算30万元");
    // equipment_network "按投资额的20%" is not a ceiling
    const e = prog("equipment_network").rule;
    expect(e.kind === "rate" && e.ceiling).toBeFalsy();
  });
  test("cloud_service: the rate is left to the 实施细则 → 100% as a provisional parameter with a note", () => {
    const p = prog("cloud_service");
    expect(p.rule.kind === "rate" && p.rule.provisional?.zh).toContain("实施细则");
    expect(p.provisional?.map((x) => x.key)).toEqual(["rate", "eligibility"]);
    // # 450,000 × 100% = 450,000; cap 1,000,000 per project
    const r = ok({ program: "cloud_service", amount: 450000 });
    expect(r.total).toBe(45000000);
    expect(r.notes).toContain("provisional_rate");
    expect(explain(r)).toContain("临时参数");
    expect(explain(r, "en")).toContain("provisional");
  });
  test("service_platform: the number of served firms is a provisional parameter", () => {
    expect(prog("service_platform").provisional?.map((x) => x.key)).toEqual(["served_min"]);
    expect(prog("service_platform").needsServed).toBe(true);
  });
  test("base_station_5g: empty task flag → paid, but the trace says completion was not confirmed; FALSE → 0; TRUE → paid", () => {
    // # 10 × 2,000 = 20,000
    const empty = ok({ program: "base_station_5g", amount: 10 });
    expect(empty.total).toBe(2000000);
    expect(empty.notes).toContain("task_unconfirmed");
    expect(explain(empty)).toContain("未确认是否完成年度5G基站投资建设任务");
    expect(ok({ program: "base_station_5g", amount: 10, level: false }).total).toBe(0);
    expect(ok({ program: "base_station_5g", amount: 10, level: true }).notes).toEqual([]);
  });
  test("TRUE where a level or an investment is expected is an error value, as in the native formulas", () => {
    expect(calculate({ program: "dx_assessment", level: true }, P)).toMatchObject({ ok: false, error: { code: "bad_level" } });
    expect(calculate({ program: "ic_industrialization", amount: 1000000, level: true }, P)).toMatchObject({ ok: false, error: { code: "bad_amount", field: "level" } });
    // FALSE on the investment means "not given": the gate is not checked, and said so.
    const r = ok({ program: "ic_industrialization", amount: 1000000, level: false });
    expect(r.notes).toContain("gate_unchecked");
  });
});

describe("up-to amounts and what is paid", () => {
  test("omitted, empty or 0 → the cap, and the trace says 未填申请额，按最高额测算", () => {
    for (const amount of [null, "", 0]) {
      const r = ok({ program: "platform_cross_industry", amount });
      expect(r.total).toBe(500000000); // 最高不超过500万元
      expect(r.notes).toEqual(["cap_assumed"]);
      expect(explain(r)).toContain("未填申请额，按最高额测算500万元");
    }
  });
  test("a required amount that is 0 or empty is an error: 金额为空或为0", () => {
    for (const amount of [null, "", 0, "0"]) {
      const o = calculate({ program: "equipment_network", amount }, P);
      expect(o.ok).toBe(false);
      if (!o.ok) {
        expect(o.error.code).toBe("amount_empty");
        expect(errorMessage(o.error)).toContain("金额为空或为0");
        expect(errorMessage(o.error, "en")).toContain("The amount is empty or 0");
      }
    }
  });
  test("payable = the entitlement, or the amount asked when that is lower; empty or 0 asked = not given", () => {
    // # 20% × 2,000,000 = 400,000 entitlement
    expect(ok({ program: "equipment_network", amount: 2000000, asked: 250000 }).payable).toBe(25000000);
    expect(ok({ program: "equipment_network", amount: 2000000, asked: 500000 }).payable).toBe(40000000);
    expect(ok({ program: "equipment_network", amount: 2000000, asked: 0 }).payable).toBe(40000000);
    expect(ok({ program: "equipment_network", amount: 2000000, asked: null }).payable).toBe(40000000);
    // the split of a payable amount: 1:1 → city = half rounded half-up
    const r = ok({ program: "smart_factory", asked: 250000.01 });
    expect([r.payableCity, r.payableBeneficiary]).toEqual([12500001, 12500000]);
    expect(explain(r)).toContain("按申请额拨付");
    expect(calculate({ program: "smart_factory", asked: "三十万" }, P)).toMatchObject({ ok: false, error: { code: "bad_asked", field: "asked" } });
  });
  test("several unreadable inputs are all reported, each with its field (validation reads none of them again)", () => {
    const o = calculate({ program: "ic_industrialization", amount: "abc", level: "很多", date: "2022-13-45" }, P);
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.errors.map((e) => e.field).sort()).toEqual(["amount", "date", "level"]);
  });
});

describe("the date tested is the qualifying event's", () => {
  test("the trace names the event", () => {
    expect(explain(ok({ program: "equipment_network", amount: 800000, date: "2022-03-01" }))).toContain("竣工（上线）日期2022-03-01在政策有效期内");
    expect(explain(ok({ program: "smart_factory", date: "2024-09-27" }))).toContain("认定日期2024-09-27不在政策有效期（2021-09-27至2024-09-26）内，不予奖补");
  });
});

describe("citations by part and item; amounts in 元 / 万元 / 亿元", () => {
  test("every entry cites 政策第X部分第N项 (or the closing provisions), never 第X条", () => {
    for (const e of [...CATALOGUE_2021.programs, ...CATALOGUE_2021.measures]) {
      const c = citeText(e.citation);
      expect(c).toMatch(/^政策(第[一二三四五六七八]部分第\d项|结尾部分)（.+）$/);
      expect(c).not.toMatch(/第.条/);
      if (e.citation.part !== "结尾") expect(e.citation.part).toBe(e.section);
    }
    expect(citeText(prog("equipment_network").citation)).toBe("政策第二部分第1项（加快工业设备网络化技术改造）");
    expect(citeText(prog("base_station_5g").citation)).toBe("政策第三部分第4项（支持5G网络建设）");
  });
  test("item headings are the Policy's own words where the paragraph has one", () => {
    for (const p of CATALOGUE_2021.programs) {
      if (["ic_rd_equipment", "ic_industrialization", "empowerment_demo", "security_grading"].includes(p.code)) continue; // paragraphs without a heading
      expect(SOURCE).toContain(p.citation.title);
    }
  });
  test("元 below 1万, 万元 (≤ 2 decimals) below 1亿, 亿元 from 1亿: 1000万元 and 1亿元, never 10000万元", () => {
    expect(formatFenZh(999900)).toBe("9,999元");
    expect(formatFenZh(1000000)).toBe("1万元");
    expect(formatFenZh(1230000)).toBe("1.23万元"); // 12,300 元
    expect(formatFenZh(1234000)).toBe("12,340元"); // 1.234万 needs 3 decimals: written in 元, exact (Decision)
    expect(formatFenZh(999900000)).toBe("999.9万元");
  });
});

describe("the non-money measures, the closing provisions included", () => {
  test("云服务商优惠, 标识深化应用, 诊断咨询, 人才培养, 资本市场, 实施细则与申报指南, 及时兑现, 叠加奖补, 资金监管与审计", () => {
    expect(CATALOGUE_2021.measures.map((m) => m.code)).toEqual([
      "cloud_provider_discount", "identifier_application", "diagnosis_consulting", "talent_training", "capital_market",
      "implementing_rules", "timely_payment", "stacking", "fund_supervision",
    ]);
    for (const m of CATALOGUE_2021.measures) for (const piece of m.clause.split("……")) expect(SOURCE).toContain(piece);
    for (const name of ["云服务商优惠", "叠加奖补", "实施细则"]) {
      const o = calculate({ program: name }, P);
      expect(!o.ok && o.error.code).toBe("non_money");
      if (!o.ok) expect(errorMessage(o.error)).toMatch(/政策(第.部分第\d项|结尾部分)/);
    }
  });
});

describe("Action-Plan indicators carry their counting rules", () => {
  const t = (code: string) => CATALOGUE_2021.targets.find((x) => x.code === code)!;
  test("counted from applications: how, which programs, lower bounds", () => {
    expect(t("smart_factory_workshop").count).toEqual({ how: "distinct_enterprises", programs: ["smart_factory", "digital_workshop"] });
    expect(t("case_5g").count).toEqual({ how: "scenario_5g", programs: ["scenario_national", "scenario_provincial"] });
    expect(t("cloud_enterprises").count).toMatchObject({ how: "distinct_enterprises", lowerBound: true });
    expect(t("tech_reform_100m").count).toMatchObject({ how: "distinct_objects", minAmount: 100000000, lowerBound: true });
    expect(t("platform_industry").count).toEqual({ how: "distinct_objects", programs: ["platform_national", "platform_provincial"] });
  });
  test("需另行填报: robots, AI, 引进 (not 获评; awards shown for reference), enterprise platforms, ratios", () => {
    for (const c of ["industrial_robots", "industrial_ai", "platform_cross_industry", "platform_enterprise", "efficiency_gain", "new_mode_rate"]) expect(t(c).count).toBeUndefined();
    expect(t("platform_cross_industry").reference?.programs).toEqual(["platform_cross_industry"]);
  });
});

test("formatters: one per language", () => {
  expect(formatFenZh(100000000)).toBe("100万元");
  expect(formatFenZh(1000000000)).toBe("1000万元");
  expect(formatFenZh(10000000000)).toBe("1亿元");
  expect(formatFenZh(15000000000)).toBe("1.5亿元");
  expect(formatFenZh(30000002)).toBe("300,000.02元"); // not exact in 万元 with 2 decimals
  expect(formatFenEn(16000000)).toBe("CNY 160,000");
});
