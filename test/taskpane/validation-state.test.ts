/** The validation tab's pure parts: reducer, per-host store, remembered mapping, amounts, memo summary, findings export. */
import { initialState, reducer, type ValidationState } from "../../src/taskpane/validation/state";
import { createStore, storeFor } from "../../src/taskpane/validation/store";
import { loadMapping, parseMapping, saveMapping, serializeMapping, settingKey } from "../../src/taskpane/validation/mapping-memory";
import { ruleTitle, unitDigits, wanDigits } from "../../src/taskpane/validation/format";
import { buildFindingsSheet, buildMemo } from "../../src/taskpane/report-sheet";
import type { RegionData, WorkbookHost } from "../../src/host/types";
import type { ValidationReport } from "../../src/validation/types";

const region: RegionData = {
  sheet: "申报表",
  address: "A1:D3",
  firstRow: 1,
  firstCol: 0,
  values: [
    ["企业名称", "统一社会信用代码", "项目类别", "申报金额（万元）"],
    ["甲公司", "x", "smart_factory", 30],
    ["乙公司", "y", "smart_factory", 20],
  ],
};

const table = { region, headerIndex: 0, headerless: false, signature: "4-abc" };

describe("reducer", () => {
  test("reading a table sets the mapping and its origin; a manual binding marks it manual and stale", () => {
    let s: ValidationState = initialState("browser");
    s = reducer(s, { type: "sources", tables: [], sheets: ["封面", "申报表"] });
    expect(s.source).toBe("s:封面");
    s = reducer(s, { type: "read", table, mapping: { enterprise: { index: 0, header: "企业名称", wan: false } }, origin: "detected", source: "s:申报表" });
    expect(s.source).toBe("s:申报表");
    s = reducer(s, { type: "bind", key: "requested", index: 3, header: "申报金额（万元）", wan: true });
    expect(s.mapping.requested).toEqual({ index: 3, header: "申报金额（万元）", wan: true });
    expect(s.origin).toBe("manual");
    expect(s.stale).toBe(true);
    s = reducer(s, { type: "wan", key: "requested", wan: false });
    expect(s.mapping.requested?.wan).toBe(false);
    s = reducer(s, { type: "bind", key: "requested", index: null });
    expect(s.mapping.requested).toBeUndefined();
  });

  test("one notice per slot (repeated failures never stack); validated keeps only the source notice", () => {
    let s = initialState("office");
    s = reducer(s, { type: "notice", notice: { slot: "source", tone: "error", error: new Error("a") } });
    s = reducer(s, { type: "notice", notice: { slot: "source", tone: "error", error: new Error("a") } });
    s = reducer(s, { type: "notice", notice: { slot: "actions", tone: "success", key: "vt_copied" } });
    expect(s.notices).toHaveLength(2);
    s = reducer(s, { type: "validated" });
    expect(s.notices.map((n) => n.slot)).toEqual(["source"]);
  });

  test("filters reset paging; another source drops the table and mapping", () => {
    let s = reducer(initialState("office"), { type: "more" });
    expect(s.limit).toBe(400);
    s = reducer(s, { type: "severity", severity: "error" });
    expect(s.limit).toBe(200);
    s = reducer(s, { type: "read", table, mapping: {}, origin: "detected" });
    s = reducer(s, { type: "source", source: "t:Table1" });
    expect(s.table).toBeNull();
  });
});

describe("store", () => {
  test("notifies subscribers, skips no-op actions; one store per host", () => {
    const st = createStore(initialState("office"));
    const seen: string[] = [];
    const off = st.subscribe(() => seen.push(st.get().source));
    st.dispatch({ type: "source", source: "s:A" });
    st.dispatch({ type: "source", source: "s:A" });
    off();
    st.dispatch({ type: "source", source: "s:B" });
    expect(seen).toEqual(["s:A"]);
    const h1 = {} as WorkbookHost;
    const h2 = {} as WorkbookHost;
    expect(storeFor(h1, "browser")).toBe(storeFor(h1, "browser"));
    expect(storeFor(h1, "browser")).not.toBe(storeFor(h2, "browser"));
  });
});

describe("remembered mapping", () => {
  const headers = ["企业名称", "信用代码", "类别", "县级承担（万元）"];
  test("round trip keeps index and 万元 flag, takes header texts from the table", () => {
    const text = serializeMapping({ program: { index: 2, header: "x", wan: false }, local_share: { index: 3, header: "y", wan: true } });
    expect(parseMapping(text, headers)).toEqual({ program: { index: 2, header: "类别", wan: false }, local_share: { index: 3, header: "县级承担（万元）", wan: true } });
  });
  test("unreadable or not fitting the table → null", () => {
    expect(parseMapping("{", headers)).toBeNull();
    expect(parseMapping(JSON.stringify({ v: 2, m: {} }), headers)).toBeNull();
    expect(parseMapping(serializeMapping({ program: { index: 9, header: "", wan: false } }), headers)).toBeNull();
  });
  test("in the workbook's settings when the host has them (Excel), else localStorage (browser)", async () => {
    const settings = new Map<string, string>();
    const host = {
      loadSetting: async (k: string) => settings.get(k) ?? null,
      saveSetting: async (k: string, v: string | null) => void (v === null ? settings.delete(k) : settings.set(k, v)),
    } as unknown as WorkbookHost;
    await saveMapping(host, "sig", { program: { index: 2, header: "", wan: false } });
    expect([...settings.keys()]).toEqual([settingKey("sig")]);
    expect(await loadMapping(host, "sig", headers)).toEqual({ program: { index: 2, header: "类别", wan: false } });
    await saveMapping(host, "sig", null);
    expect(settings.size).toBe(0);
    // No settings on the host: localStorage (a stub here; the E2E uses the real one).
    const mem = new Map<string, string>();
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => mem.set(k, v), removeItem: (k: string) => mem.delete(k) };
    try {
      await saveMapping({} as WorkbookHost, "sig2", { enterprise: { index: 0, header: "", wan: false } });
      expect(await loadMapping({} as WorkbookHost, "sig2", headers)).toEqual({ enterprise: { index: 0, header: "企业名称", wan: false } });
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});

describe("amounts and names", () => {
  test("万元 digits are exact, never rounded", () => {
    expect(wanDigits(2_671_000_000)).toBe("2,671.00");
    expect(wanDigits(1_234_567)).toBe("1.234567");
    expect(wanDigits(30_000_000)).toBe("30.00");
    expect(wanDigits(-5_000_000)).toBe("-5.00");
    expect(unitDigits(2_671_000_000, "yuan")).toBe("26,710,000");
  });
  test("rule names instead of codes", () => {
    expect(ruleTitle("share.mismatch", "zh")).toBe("分担金额与政策不符");
    expect(ruleTitle("share.mismatch", "en")).toBe("Share does not match the policy");
    expect(ruleTitle("formula.uncached", "zh")).toContain("公式未计算");
    expect(ruleTitle("no.such", "zh")).toBe("no.such");
  });
});

const report: ValidationReport = {
  findings: [
    { row: 2, column: "credit_code", severity: "error", rule: "credit_code.format", message: "信用代码格式错误", messageEn: "Bad code" },
    { row: 3, column: "credit_code", severity: "error", rule: "credit_code.format", message: "信用代码格式错误", messageEn: "Bad code" },
    { row: 3, column: "requested", severity: "warning", rule: "amount.under_award", message: "申报低于核定", messageEn: "Under" },
  ],
  rows: [],
  summary: {
    rows: 2, errors: 2, warnings: 1, infos: 0, rowsWithErrors: 2, requested: 0, computed: 0, payable: 0, city: 0, beneficiary: 0,
    byRule: { "credit_code.format": 2, "amount.under_award": 1 },
    totals: { declared: { rows: 2, amount: 50_000_000 }, payable: { rows: 0, amount: 0, city: 0, beneficiary: 0 }, heldBack: { rows: 2, amount: 50_000_000 }, review: { rows: 0, amount: 0 } },
  },
  mapping: { enterprise: { index: 0, header: "企业名称", wan: false }, credit_code: { index: 1, header: "统一社会信用代码", wan: false }, requested: { index: 3, header: "申报金额（万元）", wan: true } },
  catalogues: [],
  policy: { id: "p", title: "t" },
  sheet: "申报表",
};

describe("copy summary and findings export (the core's memo and findings sheet, through the pane's adapter)", () => {
  test("the memo paragraph: counts, the one total in the core's words, top problems by name", () => {
    const zh = buildMemo(report, "zh");
    expect(zh).toContain("应付：0元（0行）");
    expect(zh).toContain("有误未计：50万元（2行）");
    expect(zh).toMatch(/信用代码格式错误[^，。；]*2/);
    expect(buildMemo(report, "en")).toContain("Credit code malformed");
  });
  test("findings rows: severity, rule name, cell, enterprise, message; links only in the same workbook", () => {
    const spec = buildFindingsSheet(report, region, "zh", false);
    expect(spec.name).toBe("问题清单");
    expect(spec.rows).toHaveLength(report.findings.length);
    // (the enterprise comes from report.rows, which this hand-made report leaves empty: test/reports/memo.test.ts checks it on a real validation)
    expect(spec.rows[0].slice(0, 3)).toEqual(["错误", "信用代码格式错误", "申报表!B2"]);
    expect(buildFindingsSheet(report, region, "zh", true).rows[0][2]).toEqual({ text: "申报表!B2", link: { sheet: "申报表", cell: "B2" } });
  });
});
