/**
 * The engine against READING.md, program by program. Expected arithmetic is written next to
 * each case so that a reviewer can check it against the clause without running anything.
 */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import { calculate, CalcInput, errorMessage, explain, fenToYuan, CATALOGUE_2021, capOf, rateOf, programByCode, ERROR_KIND } from "../../src/policy";

function award(program: string, amount?: unknown, level?: unknown, date?: unknown): number {
  const o = calculate({ program, amount, level, date }, P);
  if (!o.ok) throw new Error(`expected a number, got ${o.error.code}: ${errorMessage(o.error)}`);
  return fenToYuan(o.result.total);
}
function split(program: string, amount?: unknown, level?: unknown, date?: unknown): [number, number] {
  const o = calculate({ program, amount, level, date }, P);
  if (!o.ok) throw new Error(o.error.code);
  return [fenToYuan(o.result.city), fenToYuan(o.result.beneficiary)];
}
function errorOf(input: CalcInput): string {
  const o = calculate(input, P);
  if (o.ok) throw new Error(`expected an error, got ${o.result.total}`);
  return o.error.code;
}

describe("catalogue", () => {
  const codes = CATALOGUE_2021.programs.map((p) => p.code);
  test("has exactly the 19 money programs of READING.md and the 9 non-money measures", () => {
    expect(codes).toEqual([
      "platform_cross_industry", "platform_national", "platform_provincial", "cloud_service",
      "equipment_network", "dx_assessment", "digital_workshop", "smart_factory",
      "network_upgrade", "identifier_node", "service_platform", "base_station_5g",
      "ic_tapeout", "ic_rd_equipment", "ic_industrialization",
      "scenario_national", "scenario_provincial", "empowerment_demo", "security_grading",
    ]);
    // The non-money measures, with the closing provisions (READING "Non-money measures").
    expect(CATALOGUE_2021.measures.map((m) => m.section)).toEqual(["一", "三", "五", "七", "八", "结尾", "结尾", "结尾", "结尾"]);
  });
  test("every entry quotes its clause from the source text and names responsible units", () => {
    const fs = require("fs");
    const path = require("path");
    const source: string = fs.readFileSync(path.join(__dirname, "../../docs/policy/chuzhou-industrial-internet-policy-2021.zh.txt"), "utf8");
    for (const p of CATALOGUE_2021.programs) {
      expect(source.includes(p.clause)).toBe(true);
      expect(p.units.length).toBeGreaterThan(0);
      expect(p.name.zh && p.name.en).toBeTruthy();
    }
    for (const m of CATALOGUE_2021.measures) {
      for (const piece of m.clause.split("……")) expect(source.includes(piece)).toBe(true);
    }
  });
  test("payers follow READING.md", () => {
    const payer = Object.fromEntries(CATALOGUE_2021.programs.map((p) => [p.code, p.payer]));
    expect(payer).toMatchObject({
      platform_cross_industry: "C", platform_national: "C", platform_provincial: "1:1", cloud_service: "1:1",
      equipment_network: "B", dx_assessment: "C", digital_workshop: "1:1", smart_factory: "1:1",
      network_upgrade: "B", identifier_node: "B", service_platform: "B", base_station_5g: "C",
      ic_tapeout: "B", ic_rd_equipment: "B", ic_industrialization: "B",
      scenario_national: "C", scenario_provincial: "1:1", empowerment_demo: "C", security_grading: "B",
    });
  });
  test("per-enterprise caps are the three 单个企业 clauses", () => {
    expect(CATALOGUE_2021.programs.filter((p) => p.capScope === "enterprise").map((p) => p.code)).toEqual(["ic_tapeout", "ic_rd_equipment", "ic_industrialization"]);
  });
  test("validity window and jurisdictions", () => {
    expect([CATALOGUE_2021.validFrom, CATALOGUE_2021.validTo]).toEqual(["2021-09-27", "2024-09-26"]);
    expect(CATALOGUE_2021.jurisdictions).toHaveLength(10);
  });
});

describe("the issue's examples", () => {
  test("smart_factory → 300000, split 150000/150000", () => {
    expect(award("smart_factory")).toBe(300000);
    expect(split("smart_factory")).toEqual([150000, 150000]);
  });
  test("equipment_network 800000 → 160000 (800,000 × 20%)", () => expect(award("equipment_network", 800000)).toBe(160000));
  test("equipment_network 400000 → 0 (below 500,000)", () => expect(award("equipment_network", 400000)).toBe(0));
  test("dx_assessment 5A → 500000", () => expect(award("dx_assessment", null, "5A")).toBe(500000));
  test("ic_industrialization 8,000,000 with 15,000,000 invested → 800000 (10%)", () => expect(award("ic_industrialization", 8000000, 15000000)).toBe(800000));
  test("EXPLAIN line", () => {
    const o = calculate({ program: "equipment_network", amount: 800000 }, P);
    expect(o.ok && explain(o.result)).toBe("政策第二部分第1项（加快工业设备网络化技术改造）·工业设备网络化技术改造：投资80万元≥50万元，按20%计16万元，未超上限200万元；受益财政承担");
  });
});

describe("up-to programs (最高不超过)", () => {
  test.each([
    ["platform_cross_industry", 5000000],
    ["platform_national", 2000000],
    ["platform_provincial", 1000000],
  ])("%s: omitted or 0 → the maximum; below → as asked; above → the maximum", (code, cap) => {
    expect(award(code)).toBe(cap);
    expect(award(code, 0)).toBe(cap); // Excel desktop passes 0 for an empty cell
    expect(award(code, "")).toBe(cap);
    expect(award(code, cap - 0.01)).toBe(cap - 0.01);
    expect(award(code, cap)).toBe(cap);
    expect(award(code, cap + 0.01)).toBe(cap);
  });
  test("asked amounts are rounded half-up to the 分", () => {
    expect(award("platform_national", 1234.565)).toBe(1234.57);
    expect(award("platform_national", 1234.564)).toBe(1234.56);
  });
  test("provincial platform is split 1:1", () => expect(split("platform_provincial", 333333.33)).toEqual([166666.67, 166666.66]));
});

describe("rate programs", () => {
  test("cloud_service: 100% up to 1,000,000 per project (READING decision), split 1:1", () => {
    expect(award("cloud_service", 250000)).toBe(250000);
    expect(award("cloud_service", 1000000)).toBe(1000000);
    expect(award("cloud_service", 1000000.01)).toBe(1000000);
    expect(split("cloud_service", 0.03)).toEqual([0.02, 0.01]); // 0.015 → 0.02 half-up; 0.03 − 0.02
  });
  test("equipment_network threshold 500,000 inclusive, 20%, cap 2,000,000", () => {
    expect(award("equipment_network", 499999.99)).toBe(0);
    expect(award("equipment_network", 500000)).toBe(100000); // 500,000 × 20%
    expect(award("equipment_network", 10000000)).toBe(2000000); // 10,000,000 × 20% = cap
    expect(award("equipment_network", 10000000.05)).toBe(2000000); // capped
    expect(award("equipment_network", 9999999.95)).toBe(1999999.99); // 1,999,999.99
    expect(split("equipment_network", 800000)).toEqual([0, 160000]);
  });
  test("identifier_node 30%, cap 2,000,000; exact decimal rounding", () => {
    expect(award("identifier_node", 1000000.05)).toBe(300000.02); // 300,000.015 → .02
    expect(award("identifier_node", 6666666.66)).toBe(2000000); // 1,999,999.998 → 2,000,000.00 = the cap
    expect(award("identifier_node", 6666666.63)).toBe(1999999.99); // 1,999,999.989 → .99
    expect(award("identifier_node", 0.05)).toBe(0.02); // 0.015 → 0.02
    expect(award("identifier_node", 0.01)).toBe(0); // 0.003 → 0.00
  });
  test("service_platform threshold 5,000,000, 30%, cap 3,000,000", () => {
    expect(award("service_platform", 4999999.99)).toBe(0);
    expect(award("service_platform", 5000000)).toBe(1500000);
    expect(award("service_platform", 10000000)).toBe(3000000);
    expect(award("service_platform", 9999999.99)).toBe(3000000); // 2,999,999.997 → 3,000,000.00
  });
  test("ic_tapeout 30% cap 2,000,000; ic_rd_equipment 20% cap 5,000,000", () => {
    expect(award("ic_tapeout", 1000000)).toBe(300000);
    expect(award("ic_tapeout", 7000000)).toBe(2000000);
    expect(award("ic_rd_equipment", 1000000)).toBe(200000);
    expect(award("ic_rd_equipment", 25000000)).toBe(5000000);
    expect(award("ic_rd_equipment", 25000005)).toBe(5000000);
  });
  test("ic_industrialization gate on completed investment (level)", () => {
    expect(award("ic_industrialization", 8000000, 10000000)).toBe(800000); // 1000万元及以上 inclusive
    expect(award("ic_industrialization", 8000000, 9999999.99)).toBe(0);
    expect(award("ic_industrialization", 8000000, "1000万")).toBe(800000);
    expect(award("ic_industrialization", 8000000)).toBe(800000); // investment not given: not checked
    expect(award("ic_industrialization", 30000000, 50000000)).toBe(2000000); // 3,000,000 capped
    expect(errorOf({ program: "ic_industrialization", amount: 8000000, level: -1 })).toBe("negative_amount");
    expect(errorOf({ program: "ic_industrialization", amount: 8000000, level: "很多" })).toBe("bad_amount");
  });
  test("empowerment_demo 20% cap 5,000,000 paid by the city", () => {
    expect(award("empowerment_demo", 10000000)).toBe(2000000);
    expect(award("empowerment_demo", 30000000)).toBe(5000000);
    expect(split("empowerment_demo", 1000000)).toEqual([200000, 0]);
  });
  test("security_grading 50% cap 300,000", () => {
    expect(award("security_grading", 400000)).toBe(200000);
    expect(award("security_grading", 600000)).toBe(300000);
    expect(award("security_grading", 600000.02)).toBe(300000);
    expect(award("security_grading", 0.01)).toBe(0.01); // 0.005 → 0.01 half-up
  });
  test("a required amount that is 0 or empty is an error (amount_empty), not a silent 0", () => {
    expect(errorOf({ program: "security_grading", amount: 0 })).toBe("amount_empty");
    expect(errorOf({ program: "equipment_network", amount: "" })).toBe("amount_empty");
    expect(errorOf({ program: "equipment_network", amount: "0万" })).toBe("amount_empty");
  });
});

describe("fixed, tiered and per-unit programs", () => {
  test.each([
    ["digital_workshop", 200000, [100000, 100000]],
    ["smart_factory", 300000, [150000, 150000]],
    ["network_upgrade", 500000, [0, 500000]],
    ["scenario_national", 500000, [500000, 0]],
    ["scenario_provincial", 200000, [100000, 100000]],
  ])("%s → %d", (code, amount, sp) => {
    expect(award(code)).toBe(amount);
    expect(split(code)).toEqual(sp);
    expect(award(code, 123456)).toBe(amount); // the amount plays no part in a fixed award
  });
  test("dx_assessment levels", () => {
    expect(award("dx_assessment", null, "3A")).toBe(200000);
    expect(award("dx_assessment", null, "4A")).toBe(300000);
    expect(award("dx_assessment", null, "AAAAA")).toBe(500000);
    expect(award("dx_assessment", null, "aaaa")).toBe(300000);
    expect(award("dx_assessment", null, "5A级")).toBe(500000);
    expect(award("dx_assessment", null, "５Ａ")).toBe(500000);
    expect(award("dx_assessment", null, "2A")).toBe(0);
    expect(award("dx_assessment", null, "A")).toBe(0);
    expect(errorOf({ program: "dx_assessment" })).toBe("missing_level");
    expect(errorOf({ program: "dx_assessment", level: 0 })).toBe("missing_level");
    expect(errorOf({ program: "dx_assessment", level: "6A" })).toBe("bad_level");
    expect(errorOf({ program: "dx_assessment", level: "gold" })).toBe("bad_level");
  });
  test("base_station_5g: 2,000 per station, FALSE → 0", () => {
    expect(award("base_station_5g", 120)).toBe(240000);
    expect(award("base_station_5g", 120, true)).toBe(240000);
    expect(award("base_station_5g", 120, false)).toBe(0);
    expect(award("base_station_5g", 120, "否")).toBe(0);
    expect(award("base_station_5g", 120, "FALSE")).toBe(0);
    expect(errorOf({ program: "base_station_5g", amount: 12.5 })).toBe("not_integer_count");
    expect(errorOf({ program: "base_station_5g", amount: 10, level: "maybe" })).toBe("bad_task_flag");
    expect(errorOf({ program: "base_station_5g" })).toBe("amount_empty");
    expect(errorOf({ program: "base_station_5g", amount: 0 })).toBe("amount_empty");
  });
});

describe("validity window 2021-09-27 … 2024-09-26 inclusive", () => {
  test.each([
    ["2021-09-26", 0],
    ["2021-09-27", 300000],
    ["2024-09-26", 300000],
    ["2024-09-27", 0],
    [44466, 300000], // Excel serial of 2021-09-27
    [44465, 0],
    [45561, 300000], // 2024-09-26
    [45562, 0],
    ["2022年3月1日", 300000],
    ["2022/3/1", 300000],
  ])("%s → %d", (date, expected) => expect(award("smart_factory", null, null, date)).toBe(expected));
  test("omitted date (null, '' or 0 from an empty cell) skips the check", () => {
    expect(award("smart_factory", null, null, null)).toBe(300000);
    expect(award("smart_factory", null, null, 0)).toBe(300000);
  });
  test("unreadable dates are errors", () => {
    expect(errorOf({ program: "smart_factory", date: "2022-02-30" })).toBe("bad_date");
    expect(errorOf({ program: "smart_factory", date: "下个月" })).toBe("bad_date");
    expect(errorOf({ program: "smart_factory", date: true })).toBe("bad_date");
  });
  test("outside the window the trace says why", () => {
    const o = calculate({ program: "equipment_network", amount: 800000, date: "2024-10-01" }, P);
    expect(o.ok && explain(o.result)).toContain("不在政策有效期（2021-09-27至2024-09-26）内");
  });
});

describe("amount text", () => {
  test.each([
    ["80万", 160000],
    ["80万元", 160000],
    ["800,000", 160000],
    ["800,000元", 160000],
    ["８０万", 160000],
    ["￥800,000.00", 160000],
    [" 80 万 ", 160000],
    ["0.008亿", 160000],
  ])("%s", (text, expected) => expect(award("equipment_network", text)).toBe(expected));
  test.each([["abc"], ["80万万"], ["1.2.3"], ["--5"]])("unreadable %s → bad_amount", (text) => expect(errorOf({ program: "equipment_network", amount: text })).toBe("bad_amount"));
  test("negative → negative_amount; negative zero is zero", () => {
    expect(errorOf({ program: "equipment_network", amount: -1 })).toBe("negative_amount");
    expect(errorOf({ program: "equipment_network", amount: "-80万" })).toBe("negative_amount");
    expect(errorOf({ program: "security_grading", amount: -0 })).toBe("amount_empty"); // -0 is 0
  });
  test("absurd sizes → too_large", () => {
    expect(errorOf({ program: "equipment_network", amount: 1e300 })).toBe("too_large");
    expect(errorOf({ program: "equipment_network", amount: Infinity })).toBe("too_large");
  });
  test("booleans are not amounts", () => expect(errorOf({ program: "equipment_network", amount: true })).toBe("bad_amount"));
  test("float noise from a spreadsheet formula is cut at 15 significant digits, like Excel", () => {
    expect(award("identifier_node", 0.1 + 0.2)).toBe(0.09); // 0.3 × 30% = 0.09
    expect(award("equipment_network", 800000.0000000001)).toBe(160000);
  });
});

describe("programs by name, errors", () => {
  test("codes are case-insensitive; Chinese names, short names and English names work", () => {
    expect(award("SMART_FACTORY")).toBe(300000);
    expect(award("省级智能工厂")).toBe(300000);
    expect(award("智能工厂")).toBe(300000);
    expect(award("Provincial smart factory")).toBe(300000);
    expect(award("国家级行业型(区域型、专业型)工业互联网平台")).toBe(2000000); // half-width brackets
    expect(award("“工业互联网赋能”示范项目", 1000000)).toBe(200000);
  });
  test("unknown program → #N/A with the nearest code", () => {
    const o = calculate({ program: "smart_factroy" }, P);
    expect(o.ok).toBe(false);
    if (!o.ok) {
      expect(ERROR_KIND[o.error.code]).toBe("na");
      expect(errorMessage(o.error)).toContain("smart_factory");
    }
  });
  test("non-money measures → #N/A saying so", () => {
    for (const m of ["diagnosis_consulting", "人才培养", "资本市场"]) {
      const o = calculate({ program: m }, P);
      expect(!o.ok && o.error.code).toBe("non_money");
      if (!o.ok) expect(errorMessage(o.error)).toContain("非资金支持措施");
    }
  });
  test("missing program", () => {
    expect(errorOf({ program: null })).toBe("missing_program");
    expect(errorOf({ program: "  " })).toBe("missing_program");
  });
  test("missing required amount → #VALUE!", () => {
    expect(errorOf({ program: "equipment_network" })).toBe("amount_empty");
    expect(ERROR_KIND.amount_empty).toBe("value");
  });
});

describe("caps and rates", () => {
  const p = (c: string) => programByCode(c, CATALOGUE_2021)!;
  test("capOf", () => {
    expect(capOf(p("smart_factory"), null)).toEqual({ ok: true, fen: 30000000 });
    expect(capOf(p("equipment_network"), null)).toEqual({ ok: true, fen: 200000000 });
    expect(capOf(p("dx_assessment"), "4A")).toEqual({ ok: true, fen: 30000000 });
    expect(capOf(p("dx_assessment"), null)).toEqual({ ok: true, fen: 50000000 });
    expect(capOf(p("base_station_5g"), null).ok).toBe(false);
  });
  test("rateOf", () => {
    expect(rateOf(p("equipment_network"))).toBe(0.2);
    expect(rateOf(p("security_grading"))).toBe(0.5);
    expect(rateOf(p("smart_factory"))).toBeNull();
  });
});

describe("split always adds up", () => {
  test("1:1 city is half rounded half-up, beneficiary is the rest", () => {
    for (const amt of [0.01, 0.03, 1, 333333.33, 999999.99]) {
      const o = calculate({ program: "cloud_service", amount: amt }, P);
      if (!o.ok) throw new Error();
      expect(o.result.city + o.result.beneficiary).toBe(o.result.total);
      expect(o.result.city - o.result.beneficiary).toBeGreaterThanOrEqual(0);
      expect(o.result.city - o.result.beneficiary).toBeLessThanOrEqual(1);
    }
  });
});

describe("error messages say what to fix", () => {
  const msg = (input: CalcInput, lang: "zh" | "en" = "zh") => {
    const o = calculate(input, P);
    if (o.ok) throw new Error("expected an error");
    return errorMessage(o.error, lang);
  };
  test.each([
    [{ program: "equipment_network" }, "金额为空或为0：请填写投资"],
    [{ program: "base_station_5g" }, "金额为空或为0：请填写基站数量"],
    [{ program: "equipment_network", amount: "约五十万" }, "无法识别金额“约五十万”，请填写数字，如 800000 或 80万"],
    [{ program: "dx_assessment" }, "缺少等级，请填写 3A/4A/5A"],
    [{ program: "smart_factory", date: "明天" }, "无法识别日期“明天”，请填写日期，如 2022-03-01"],
  ])("%j", (input, text) => expect(msg(input as CalcInput)).toBe(text));
  test("English", () => expect(msg({ program: "equipment_network" }, "en")).toBe("The amount is empty or 0: enter the completed investment"));
});
