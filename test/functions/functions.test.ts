/**
 * The custom functions at source level (src/functions/functions.ts), with a stub CustomFunctions
 * global: the examples, every function, Excel-style arguments and the error values.
 */
import { call, StubCfError } from "./cf-stub";
import * as F from "../../src/functions/functions";
import { langOf } from "../../src/functions/locale";
import { programTableHeader, CATALOGUE_2021 as DEFAULT_CATALOGUE } from "../../src/policy";

function err(v: unknown): { code: string; message: string } {
  if (!(v instanceof StubCfError)) throw new Error(`expected an error value, got ${JSON.stringify(v)}`);
  return { code: v.code, message: v.message ?? "" };
}

describe("the issue's examples", () => {
  test.each([
    [["smart_factory"], 300000],
    [["equipment_network", 800000], 160000],
    [["equipment_network", 400000], 0],
    [["dx_assessment", null, "5A"], 500000],
    [["ic_industrialization", 8000000, 15000000], 800000],
  ])("SUBSIDY(%j) = %d", (args, expected) => {
    expect(call(F.subsidy, ...args)).toBe(expected);
  });
  test("SPLIT(smart_factory) = [[150000, 150000]]", () => {
    expect(call(F.split, "smart_factory")).toEqual([[150000, 150000]]);
  });
  test("EXPLAIN(equipment_network, 800000)", () => {
    expect(call(F.explainCase, "equipment_network", 800000)).toBe("政策第二部分第1项（加快工业设备网络化技术改造）·工业设备网络化技术改造：投资80万元≥50万元，按20%计16万元，未超上限200万元；受益财政承担");
  });
});

describe("SUBSIDY and friends", () => {
  test("exact decimal money: 30% of 1,000,000.05 is 300,000.02", () => {
    expect(call(F.subsidy, "identifier_node", 1000000.05)).toBe(300000.02);
  });
  test("Chinese name and text amounts", () => {
    expect(call(F.subsidy, "工业设备网络化技术改造", "80万")).toBe(160000);
    expect(call(F.subsidy, "EQUIPMENT_NETWORK", "1,000,000元")).toBe(200000);
  });
  test("SPLIT adds up to SUBSIDY, one row of two", () => {
    for (const args of [["smart_factory"], ["equipment_network", 800000], ["dx_assessment", null, "4A"], ["identifier_node", 1000000.05]] as unknown[][]) {
      const total = call(F.subsidy, ...args) as number;
      const s = call(F.split, ...args) as number[][];
      expect(s).toHaveLength(1);
      expect(s[0]).toHaveLength(2);
      expect(Math.round((s[0][0] + s[0][1]) * 100)).toBe(Math.round(total * 100));
    }
    // Beneficiary pays everything for equipment_network.
    expect(call(F.split, "equipment_network", 800000)).toEqual([[0, 160000]]);
  });
  test("ELIGIBLE", () => {
    expect(call(F.eligible, "equipment_network", 800000)).toBe(true);
    expect(call(F.eligible, "equipment_network", 400000)).toBe(false);
    expect(call(F.eligible, "smart_factory", null, null, "2025-01-01")).toBe(false);
    expect(call(F.eligible, "smart_factory", null, null, "2022-03-01")).toBe(true);
  });
  test("outside the validity window gives 0, not an error", () => {
    expect(call(F.subsidy, "smart_factory", null, null, "2024-09-27")).toBe(0);
    expect(call(F.subsidy, "smart_factory", null, null, "2024-09-26")).toBe(300000);
  });
  test("CAP", () => {
    expect(call(F.cap, "smart_factory")).toBe(300000);
    expect(call(F.cap, "equipment_network")).toBe(2000000);
    expect(call(F.cap, "dx_assessment")).toBe(500000);
    expect(call(F.cap, "dx_assessment", "3A")).toBe(200000);
    expect(err(call(F.cap, "base_station_5g")).code).toBe("#N/A");
    expect(err(call(F.cap, "dx_assessment", "9Z")).code).toBe("#VALUE!");
  });
  test("RATE", () => {
    expect(call(F.rate, "equipment_network")).toBe(0.2);
    const e = err(call(F.rate, "smart_factory"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("不按比例计算");
  });
  test("PROGRAMS: header row, every program and measure", () => {
    const rows = call(F.programs) as (string | number)[][];
    expect(rows[0]).toEqual(programTableHeader("zh"));
    expect(rows[0]).toEqual(["代码", "中文名", "条款", "规则", "比例", "上限", "门槛", "承担"]);
    expect(rows).toHaveLength(1 + DEFAULT_CATALOGUE.programs.length + DEFAULT_CATALOGUE.measures.length);
    expect(rows.map((r) => r[0])).toContain("smart_factory");
    for (const r of rows) expect(r).toHaveLength(8);
    // A caller changing the result cannot change the next call's.
    rows[1][0] = "changed";
    expect((call(F.programs) as string[][])[1][0]).not.toBe("changed");
  });
  test("TARGET", () => {
    expect(call(F.target, "industrial_robots")).toBe(600);
    expect(call(F.target, "platform_industry", 2022)).toBe(1);
    expect(err(call(F.target, "platform_industry")).code).toBe("#VALUE!"); // year needed
    expect(err(call(F.target, "platform_industry", 2021)).code).toBe("#N/A"); // no target that year
    expect(err(call(F.target, "no_such_target")).code).toBe("#N/A");
  });
});

describe("error values with zh-CN messages", () => {
  test("unknown program → #N/A with the nearest code", () => {
    const e = err(call(F.subsidy, "smart_factroy"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("smart_factory");
  });
  test("a non-money measure → #N/A saying there is no award", () => {
    const e = err(call(F.subsidy, "diagnosis_consulting"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("非资金支持措施");
  });
  test("negative, non-numeric and missing amounts, bad level → #VALUE!", () => {
    const neg = err(call(F.subsidy, "equipment_network", -1));
    expect(neg).toEqual({ code: "#VALUE!", message: "金额不能为负数" });
    const text = err(call(F.subsidy, "equipment_network", "abc"));
    expect(text.code).toBe("#VALUE!");
    expect(text.message).toContain("abc");
    const missing = err(call(F.subsidy, "equipment_network"));
    expect(missing).toEqual({ code: "#VALUE!", message: "金额为空或为0：请填写投资" });
    const level = err(call(F.subsidy, "dx_assessment", null, "6A"));
    expect(level.code).toBe("#VALUE!");
    expect(level.message).toContain("3A/4A/5A");
    expect(err(call(F.subsidy, "dx_assessment")).code).toBe("#VALUE!"); // missing level
    expect(err(call(F.subsidy, "smart_factory", null, null, "2022-13-45")).code).toBe("#VALUE!");
  });
  test("every error function reports the same error", () => {
    for (const fn of [F.subsidy, F.split, F.explainCase, F.eligible]) {
      expect(err(call(fn, "equipment_network", -5)).code).toBe("#VALUE!");
      expect(err(call(fn, "nope_nope")).code).toBe("#N/A");
    }
  });
  test("only #VALUE! and #N/A are used", () => {
    const codes = new Set<string>();
    const hostile: unknown[] = [null, "", "x", -1, NaN, Infinity, "80万万", [[1, 2]], {}, true, "2099-99-99", 1e300];
    for (const fn of [F.subsidy, F.split, F.explainCase, F.eligible, F.cap, F.rate, F.target, F.native])
      for (const h of hostile)
        for (let pos = 0; pos < 4; pos++) {
          const args: unknown[] = ["equipment_network", 800000, null, null];
          args[pos] = h;
          const out = call(fn, ...args);
          if (out instanceof StubCfError) codes.add(out.code);
        }
    expect([...codes].sort()).toEqual(["#N/A", "#VALUE!"]);
  });
});

describe("Excel-style arguments (one converter)", () => {
  test("null and undefined mean omitted", () => {
    expect(call(F.subsidy, "smart_factory", null, null, null)).toBe(300000);
    expect(call(F.subsidy, "smart_factory", undefined, undefined, undefined)).toBe(300000);
  });
  test("0 from an empty cell on Excel desktop", () => {
    expect(call(F.subsidy, "dx_assessment", 0, "5A", 0)).toBe(500000); // amount unused, date 0 = omitted
    expect(call(F.subsidy, "platform_national", 0)).toBe(call(F.cap, "platform_national")); // up-to: 0 = the maximum
    expect(call(F.subsidy, "platform_national", 0)).toBe(call(F.subsidy, "platform_national"));
    expect(call(F.cap, "dx_assessment", 0)).toBe(500000);
  });
  test("a 1×1 range is its value", () => {
    expect(call(F.subsidy, [["equipment_network"]], [[800000]], [[null]], [[null]])).toBe(160000);
    expect(call(F.subsidy, [["dx_assessment"]], [[0]], [["5A"]], [[0]])).toBe(500000);
    expect(call(F.rate, [["equipment_network"]])).toBe(0.2);
  });
  test("a bigger range where one value is expected → #VALUE! not_scalar", () => {
    for (const range of [[[1, 2]], [[1], [2]], [[1, 2], [3, 4]], [], [[]]]) {
      const e = err(call(F.subsidy, "equipment_network", range));
      expect(e).toEqual({ code: "#VALUE!", message: "此参数只接受单个单元格或值，不接受区域" });
    }
    expect(err(call(F.cap, [["smart_factory", "x"]])).code).toBe("#VALUE!");
    expect(err(call(F.target, "industrial_robots", [[2022, 2023]])).code).toBe("#VALUE!");
  });
  test("an error value passed in comes back unchanged", () => {
    const upstream = new StubCfError("#DIV/0!", "upstream");
    for (const fn of [F.subsidy, F.split, F.explainCase, F.eligible, F.cap, F.target, F.native]) {
      expect(call(fn as never, "equipment_network", upstream)).toBe(upstream);
      expect(call(fn as never, upstream)).toBe(upstream);
      expect(call(fn as never, "equipment_network", [[upstream]])).toBe(upstream);
    }
    expect(call(F.rate, upstream)).toBe(upstream);
  });
  test("nothing but numbers, booleans, text, arrays or error values comes out", () => {
    const weird: unknown[] = [Symbol.for("x"), () => 1, new Date(NaN), new Date(Date.UTC(2022, 2, 1)), { code: "#N/A" }, [[[1]]], -0, "x".repeat(10000)];
    for (const fn of [F.subsidy, F.split, F.explainCase, F.eligible, F.cap, F.rate, F.target, F.native])
      for (const w of weird)
        for (let pos = 0; pos < 4; pos++) {
          const args: unknown[] = ["smart_factory", null, null, null];
          args[pos] = w;
          const out = call(fn, ...args);
          expect(["number", "boolean", "string"].includes(typeof out) || Array.isArray(out) || out instanceof StubCfError).toBe(true);
        }
  });
});

describe("NATIVE (native Excel formula text, as Excel calls it)", () => {
  const INV = (addrs: string[], address = "Sheet1!E2") => ({ address, parameterAddresses: addrs });
  test("a cell passed as an argument: its address from the invocation, sheet dropped when it is the caller's; a 1×1 matrix", () => {
    const out = call(F.native, "equipment_network", 800000, null, null, INV(["", "Sheet1!C2", "", ""])) as string[][];
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(1);
    const f = out[0][0];
    expect(f).toMatch(/^=/);
    expect(f).toContain("C2");
    expect(f).toContain("20%");
    expect(f).not.toContain("Sheet1!");
    expect(f).not.toContain("800000,"); // the value is not inlined
    const other = call(F.native, "equipment_network", 800000, null, null, INV(["", "Sheet1!C2", "", ""], "Sheet2!E2")) as string[][];
    expect(other[0][0]).toContain("Sheet1!C2");
  });
  test("an empty cell (0 on the desktop, null on the web) is still its reference", () => {
    const desktop = call(F.native, "equipment_network", 0, 0, 0, INV(["", "Sheet1!C2", "Sheet1!D2", "Sheet1!E2"], "Sheet1!F2"));
    const web = call(F.native, "equipment_network", null, null, null, INV(["", "Sheet1!C2", "Sheet1!D2", "Sheet1!E2"], "Sheet1!F2"));
    expect(desktop).toEqual(web);
    expect((web as string[][])[0][0]).toContain("E2"); // the date cell is referenced
  });
  test("values typed into the formula (address \"\") are read now: a fixed program gives its constant", () => {
    expect(call(F.native, "smart_factory", null, null, null, INV(["", "", "", ""]))).toEqual([["=300000"]]);
    expect(call(F.native, "equipment_network", 800000, null, null, INV(["", "", "", ""]))).toEqual([["=160000"]]);
  });
  test("without parameter addresses: #N/A with the reason, never a constant dressed as a formula", () => {
    for (const inv of [undefined, null, {}, { address: "Sheet1!E2" }, { address: "Sheet1!E2", parameterAddresses: "C2" }]) {
      const e = err(call(F.native, "equipment_network", 800000, null, null, inv));
      expect(e.code).toBe("#N/A");
      expect(e.message).toContain("CustomFunctionsRuntime 1.3");
    }
  });
  test("errors as values: unknown program, a range argument", () => {
    expect(err(call(F.native, "nope_nope", 1, null, null, INV(["", "Sheet1!C2", "", ""]))).code).toBe("#N/A");
    expect(err(call(F.native, "equipment_network", [[1, 2]], null, null, INV(["", "Sheet1!C2:D2", "", ""]))).code).toBe("#VALUE!");
    expect(err(call(F.native, "equipment_network", [[1]], null, null, INV(["", "Sheet1!C2:C2", "", ""]))).code).toBe("#VALUE!");
  });
});

describe("language: Excel's display language (Office.context.displayLanguage), zh-CN by default", () => {
  const G = globalThis as { Office?: unknown };
  const withLanguage = (tag: string | undefined, run: () => void) => {
    const saved = G.Office;
    G.Office = tag === undefined ? undefined : { context: { displayLanguage: tag } };
    try {
      run();
    } finally {
      G.Office = saved;
    }
  };
  test("an English Excel: English error messages and explanation", () => {
    withLanguage("en-US", () => {
      expect(err(call(F.subsidy, "equipment_network", -1))).toEqual({ code: "#VALUE!", message: "The amount cannot be negative" });
      expect(err(call(F.subsidy, "equipment_network", 0))).toEqual({ code: "#VALUE!", message: "The amount is empty or 0: enter the completed investment" });
      expect(call(F.explainCase, "equipment_network", 800000)).not.toMatch(/[\u4e00-\u9fff]{2}/);
      expect(err(call(F.native, "smart_factory", null, null, null, undefined)).message).toMatch(/^No argument cells from Excel/);
    });
    withLanguage("en-GB", () => expect(err(call(F.subsidy, "equipment_network", -1)).message).toBe("The amount cannot be negative"));
  });
  test("a Chinese Excel, any other language, or no Office context: zh-CN", () => {
    for (const tag of ["zh-CN", "zh-TW", "fr-FR", "", undefined]) {
      withLanguage(tag, () => {
        expect(err(call(F.subsidy, "equipment_network", -1)).message).toBe("金额不能为负数");
        expect(call(F.explainCase, "equipment_network", 800000)).toContain("工业设备网络化技术改造：投资80万元");
      });
    }
  });
  test("langOf reads the tag", () => {
    expect([langOf("en-US"), langOf("EN-gb"), langOf("zh-CN"), langOf("eng"), langOf(null)]).toEqual(["en", "en", "zh", "zh", "zh"]);
  });
});
