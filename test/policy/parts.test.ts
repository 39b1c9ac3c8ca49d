/** Money, dates, credit codes, targets, the programs table and the explanation text. */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import {
  decFromNumber, decFromString, mulRateToFen, splitHalf, formatFenZh, formatFen,
  parseDate, serialToIso, isoToSerial, checkCreditCode, makeCreditCode, creditCheckChar, orgCheckChar,
  targetValue, programTable, calculate, explain, errorMessage, parseAmount, catalogueFor, CATALOGUE_2021, calculate as calc, decToString,
} from "../../src/policy";
import type { Catalogue } from "../../src/policy";

describe("exact money", () => {
  test("30% of 1,000,000.05 is 300,000.02 (300,000.015 half-up)", () => {
    expect(mulRateToFen(decFromNumber(1000000.05)!, 30, 100)).toBe(30000002);
  });
  test("decimal strings, exponents and large values", () => {
    expect(decFromString("1000000.05")).toEqual({ c: 100000005, s: 2 });
    expect(decFromString("8e5")).toEqual({ c: 800000, s: 0 });
    expect(decFromString("1.5e-3")).toEqual({ c: 15, s: 4 });
    expect(decFromString("abc")).toBeNull();
    expect(decFromString(".")).toBeNull();
  });
  test("the BigInt path gives the same result as the fast path", () => {
    // 123456789012.345678 has more digits than doubles keep; 15 significant digits are used.
    const d = decFromNumber(123456789012.3456)!;
    expect(mulRateToFen(d, 30, 100)).toBe(Math.round(123456789012.346 * 30)); // 3,703,703,670,370.38 fen → exact
  });
  test("split: city rounded half-up, beneficiary the rest", () => {
    expect(splitHalf(1)).toEqual({ city: 1, beneficiary: 0 });
    expect(splitHalf(3)).toEqual({ city: 2, beneficiary: 1 });
    expect(splitHalf(30000000)).toEqual({ city: 15000000, beneficiary: 15000000 });
  });
  test("formatting", () => {
    expect(formatFenZh(16000000)).toBe("16万元");
    expect(formatFenZh(200000)).toBe("2,000元");
    expect(formatFenZh(30000002)).toBe("300,000.02元");
    expect(formatFen(123456789)).toBe("1,234,567.89");
  });
});

describe("dates", () => {
  test("Excel serials, including the 1900 leap-year quirk", () => {
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(59)).toBe("1900-02-28");
    expect(serialToIso(60)).toBeNull();
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(44466)).toBe("2021-09-27");
    expect(serialToIso(44466.75)).toBe("2021-09-27");
    expect(isoToSerial("2024-09-26")).toBe(45561);
    expect(isoToSerial("1900-01-01")).toBe(1);
  });
  test("text forms", () => {
    expect(parseDate("2022-3-1")).toEqual({ ok: true, iso: "2022-03-01" });
    expect(parseDate("2022.03.01")).toEqual({ ok: true, iso: "2022-03-01" });
    expect(parseDate("20220301")).toEqual({ ok: true, iso: "2022-03-01" });
    expect(parseDate("２０２２年３月１日")).toEqual({ ok: true, iso: "2022-03-01" });
    expect(parseDate("2022-03-01T08:00:00")).toEqual({ ok: true, iso: "2022-03-01" });
    expect(parseDate(new Date(Date.UTC(2022, 2, 1)))).toEqual({ ok: true, iso: "2022-03-01" });
    expect(parseDate("2023-02-29").ok).toBe(false);
    expect(parseDate(-5).ok).toBe(false);
  });
});

describe("credit codes (GB 32100 / GB 11714)", () => {
  test("a made code passes; one changed character fails the check", () => {
    const code = makeCreditCode("341102", "MA2T5B7K");
    expect(checkCreditCode(code)).toMatchObject({ ok: true, division: "341102" });
    const wrongLast = code.slice(0, 17) + (code[17] === "0" ? "1" : "0");
    expect(checkCreditCode(wrongLast)).toMatchObject({ ok: false, problem: "check", expected: code[17] });
  });
  test("the check character formula of READING.md on a hand-worked code", () => {
    // 91341100 + org 1234567 + ... : the value of each char × weight, Σ mod 31, 31 − r.
    const first17 = "91341102MA2T5B7K" + orgCheckChar("MA2T5B7K");
    let sum = 0;
    const cs = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    for (let i = 0; i < 17; i++) sum += cs.indexOf(first17[i]) * w[i];
    expect(creditCheckChar(first17)).toBe(cs[(31 - (sum % 31)) % 31]);
  });
  test("length, characters, organisation code check", () => {
    expect(checkCreditCode("9134110").problem).toBe("length");
    expect(checkCreditCode("91341102MA2T5B7KIO").problem).toBe("chars"); // I and O are not used
    expect(checkCreditCode(" 91341102ma2t5b7k" + "x").code).toBe("91341102MA2T5B7KX");
  });
  test("org check: the organisation code's own check digit", () => {
    // Classic GB 11714 example: D2143569 → check digit X.
    expect(orgCheckChar("D2143569")).toBe("X");
  });
});

describe("Action-Plan targets", () => {
  test("yearly values and ranges", () => {
    expect(targetValue("smart_factory_workshop", 2022, P)).toMatchObject({ ok: true, value: 30 });
    expect(targetValue("新增登云企业", null, P)).toMatchObject({ ok: true, value: 200 });
    expect(targetValue("industrial_robots", "2023年", P)).toMatchObject({ ok: true, value: 600 });
    expect(targetValue("case_5g", 2021, P)).toMatchObject({ ok: true, value: 1 });
    expect(targetValue("platform_industry", 2022, P)).toMatchObject({ ok: true, value: 1 });
    expect(targetValue("efficiency_gain", 2023, P)).toMatchObject({ ok: true, value: 0.2 });
  });
  test("errors", () => {
    const r1 = targetValue("platform_industry", null, P);
    expect(!r1.ok && r1.error.code).toBe("year_required");
    const r2 = targetValue("platform_industry", 2021, P);
    expect(!r2.ok && r2.error.code).toBe("year_not_in_plan");
    const r3 = targetValue("cloud_enterprise", 2022, P);
    expect(!r3.ok && errorMessage(r3.error)).toContain("cloud_enterprises");
    const r4 = targetValue("industrial_ai", "明年", P);
    expect(!r4.ok && r4.error.code).toBe("bad_year");
  });
});

describe("programs table", () => {
  test("header row plus 19 programs plus 9 non-money measures, 8 columns", () => {
    const t = programTable(CATALOGUE_2021);
    expect(t[0]).toEqual(["代码", "中文名", "条款", "规则", "比例", "上限", "门槛", "承担"]);
    expect(t).toHaveLength(1 + 19 + 9);
    expect(t.every((r) => r.length === 8)).toBe(true);
    const eq = t.find((r) => r[0] === "equipment_network")!;
    expect(eq.slice(2)).toEqual(["政策第二部分第1项", "投资≥50万元，按投资的20%，单个项目最高200万元", 0.2, 2000000, 500000, "受益财政"]);
  });
});

describe("explanations", () => {
  const line = (p: string, a?: unknown, l?: unknown, d?: unknown) => {
    const o = calculate({ program: p, amount: a, level: l, date: d }, P);
    if (!o.ok) throw new Error(o.error.code);
    return explain(o.result);
  };
  test("cites the clause, then the arithmetic, then who pays", () => {
    expect(line("smart_factory")).toBe("政策第二部分第3项（建设智能工厂和数字化车间）·省级智能工厂：定额奖补30万元；市财政、受益财政按1:1分担：市财政15万元，受益财政15万元");
    expect(line("equipment_network", 20000000)).toBe("政策第二部分第1项（加快工业设备网络化技术改造）·工业设备网络化技术改造：投资2000万元≥50万元，按20%计400万元，超过上限，按200万元计；受益财政承担");
    expect(line("dx_assessment", null, "2A")).toBe("政策第二部分第2项（提升企业数字化转型能力）·数字化转型能力评估：评估等级2A，低于3A，不予奖补；奖补0元");
    expect(line("ic_tapeout", 1000000, null, "2023-05-01")).toBe("政策第四部分第1项（推动集成电路产业“强链补链延链”）·集成电路设计企业首轮流片：流片或掩膜版合同金额100万元，按30%计30万元，未超单个企业上限200万元；流片（合同）日期2023-05-01在政策有效期内；受益财政承担");
    // READING: amounts in 元 below 1万, 万元 (≤ 2 decimals) below 1亿, 亿元 from 1亿: 1亿 × 20% = 2000万元 → capped 200万元.
    expect(line("equipment_network", 100000000)).toContain("投资1亿元≥50万元，按20%计2000万元");
    // Never "第X条": the Policy has parts and items only.
    expect(line("security_grading", 100000)).toBe("政策第六部分第1项（支持工业互联网安全体系建设）·工业互联网网络安全分类分级：项目投资额10万元，按不超过50%的上限比例测算5万元，未超上限30万元；受益财政承担");
    expect(line("cloud_service", 50000)).toContain("比例暂按100%测算（补助比例由实施细则确定，暂按100%测算，临时参数）5万元");
    expect(line("platform_national")).toContain("未填申请额，按最高额测算200万元");
    expect(line("base_station_5g", 10)).toContain("未确认是否完成年度5G基站投资建设任务，暂按已完成测算");
  });
  test("English", () => {
    const o = calculate({ program: "equipment_network", amount: 800000 }, P);
    expect(o.ok && explain(o.result, "en")).toBe("Policy part 2, item 1 (Speed up networked technical upgrades of industrial equipment) · Networked technical upgrade of industrial equipment: completed investment CNY 800,000 ≥ CNY 500,000, 20% = CNY 160,000, within the cap CNY 2,000,000; paid by beneficiary finance");
  });
});

describe("a successor policy is data, not code", () => {
  test("a second dated catalogue is chosen by the date", () => {
    const next: Catalogue = {
      ...CATALOGUE_2021,
      id: "chuzhou-ii-2025",
      validFrom: "2025-01-01",
      validTo: "2027-12-31",
      programs: CATALOGUE_2021.programs.map((p) => (p.code === "smart_factory" ? { ...p, rule: { kind: "fixed", amount: 400000 } } : p)),
    };
    const cats = [CATALOGUE_2021, next];
    expect(catalogueFor("2025-06-01", cats)).toBe(next);
    expect(catalogueFor("2024-12-01", cats)).toBeNull();
    const a = calc({ program: "smart_factory", date: "2025-06-01" }, { catalogues: cats, fallback: CATALOGUE_2021 });
    expect(a.ok && a.result.total).toBe(40000000);
    const b = calc({ program: "smart_factory", date: "2022-06-01" }, { catalogues: cats, fallback: CATALOGUE_2021 });
    expect(b.ok && b.result.total).toBe(30000000);
    const gap = calc({ program: "smart_factory", date: "2024-12-01" }, { catalogues: cats, fallback: CATALOGUE_2021 });
    expect(gap.ok && gap.result.total).toBe(0);
  });
});

describe("parseAmount", () => {
  test("omitted forms", () => {
    expect(parseAmount(null)).toEqual({ ok: true, omitted: true });
    expect(parseAmount("")).toEqual({ ok: true, omitted: true });
    expect(parseAmount("   ")).toEqual({ ok: true, omitted: true });
  });
  test("万 is exact", () => {
    expect(parseAmount("80.5万")).toEqual({ ok: true, dec: { c: 805000, s: 0 } });
    expect(parseAmount("0.0001万")).toEqual({ ok: true, dec: { c: 1, s: 0 } });
    expect(parseAmount("0.00001万")).toEqual({ ok: true, dec: { c: 1, s: 1 } });
  });
});

describe("hot-path shortcuts agree with the general path", () => {
  const fc = require("fast-check");
  test("decFromNumber's whole-分 shortcut equals Excel's 15-significant-digit reading", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 1e12 }).map((f: number) => f / 100), fc.double({ min: 0, max: 1e12, noNaN: true })), (x: number) => {
        const d = decFromNumber(x)!;
        return Number(decToString(d)) === Number(x.toPrecision(15));
      }),
      { numRuns: 5000 },
    );
  });
  test("serialToIso by arithmetic equals the Date-based conversion", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (n: number) => serialToIso(n) === new Date(Date.UTC(1899, 11, 30) + n * 86400000).toISOString().slice(0, 10)),
      { numRuns: 5000 },
    );
  });
});
