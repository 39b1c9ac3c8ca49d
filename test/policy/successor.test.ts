/**
 * A successor policy is data, not code: a fictional 2024 catalogue (one changed rate, one new
 * program, a 2025 target) is added to the shipped set, and every surface — engine, explanation,
 * validation, native formulas, reports, the custom functions, the CLI and the pane's adapters —
 * answers from it for a 2025 date, with no change to any engine module. The functions and the CLI
 * bind the shipped set at their composition roots; here the shipped module is replaced by a set
 * holding both catalogues, exactly as a release would add one.
 */
import { CATALOGUE_2021 } from "../../src/policy/catalogue-2021";
import { policySet } from "../../src/policy/catalogues";
import type { Catalogue, Program } from "../../src/policy/types";

// ---- the fictional successor --------------------------------------------------------------
const W = 10000;
const newProgram: Program = {
  code: "data_asset",
  name: { zh: "数据资产入表示范", en: "Data asset recognition demonstration" },
  aliases: ["数据资产入表"],
  section: "二",
  citation: { part: "二", item: 4, title: "推动数据资产入表", titleEn: "Data assets on the balance sheet" },
  clause: "（虚构的后续政策条款，仅供测试）对完成数据资产入表的企业，由市财政给予10万元一次性奖补",
  amount: "none",
  baseLabel: { zh: "认定", en: "recognition" },
  rule: { kind: "fixed", amount: 10 * W },
  payer: "C",
  capScope: "project",
  onceFor: "enterprise",
  event: { zh: "入表认定", en: "recognition" },
  units: ["市数据资源局", "市财政局"],
};
const SUCCESSOR: Catalogue = {
  ...CATALOGUE_2021,
  id: "chuzhou-ii-2024-fictional",
  title: { zh: "滁州市支持工业互联网发展若干政策（2024，虚构）", en: "Chuzhou industrial internet policy (2024, fictional)" },
  issued: "2024-09-27",
  validFrom: "2024-09-27",
  validTo: "2027-09-26",
  // equipment_network: 20% → 25% (one changed rate); a new program.
  programs: [
    ...CATALOGUE_2021.programs.map((p) => (p.code === "equipment_network" && p.rule.kind === "rate" ? { ...p, rule: { ...p.rule, rate: { num: 25, den: 100 } } } : p)),
    newProgram,
  ],
  targets: CATALOGUE_2021.targets.map((t) => (t.code === "smart_factory_workshop" ? { ...t, years: { 2025: 40, 2026: 40, 2027: 40 } } : t)),
};
const SET = policySet([CATALOGUE_2021, SUCCESSOR], CATALOGUE_2021);

jest.mock("../../src/policy/shipped", () => {
  // jest hoists this factory: it may only use what it requires itself.
  return {
    get SHIPPED_POLICY() {
      return (globalThis as unknown as { __SUCCESSOR_SET__: unknown }).__SUCCESSOR_SET__;
    },
  };
});
(globalThis as unknown as { __SUCCESSOR_SET__: unknown }).__SUCCESSOR_SET__ = SET;

import "../functions/cf-stub";
import { call } from "../functions/cf-stub";
import * as F from "../../src/functions/functions";
import { calculate, explain, isoToSerial } from "../../src/policy";
import { nativeFormula } from "../../src/policy/native-formula";
import { validateTable } from "../../src/validation/validate";
import { progress, summaries } from "../../src/reports";
import { main } from "../../src/cli/index";
import { runValidation } from "../../src/taskpane/validation/run";
import { planConversion } from "../../src/convert/plan";
import { evaluate } from "../reports/excel-eval";
import { CANONICAL_HEADERS } from "../../src/validation/headers";
import { makeCreditCode } from "../../src/policy/credit-code";

const D2025 = "2025-03-01";
const D2022 = "2022-03-01";

describe("engine and explanation", () => {
  test("the rate in force on the date: 2022 → 20%, 2025 → 25% (# 800,000 × 25% = 200,000)", () => {
    const a = calculate({ program: "equipment_network", amount: 800000, date: D2022 }, SET);
    const b = calculate({ program: "equipment_network", amount: 800000, date: D2025 }, SET);
    expect(a.ok && a.result.total).toBe(16000000);
    expect(b.ok && b.result.total).toBe(20000000);
    expect(b.ok && b.result.catalogue.id).toBe(SUCCESSOR.id);
    expect(b.ok && explain(b.result)).toContain("按25%计20万元");
  });
  test("the new program exists from 2024-09-27 only", () => {
    const a = calculate({ program: "数据资产入表", date: D2025 }, SET);
    expect(a.ok && a.result.total).toBe(10000000);
    const before = calculate({ program: "data_asset", date: D2022 }, SET);
    expect(before.ok && before.result.total).toBe(0); // not in the 2021 catalogue: outside, 0
  });
});

describe("validation and reports", () => {
  const code1 = makeCreditCode("341102", "MA2T7001");
  const code2 = makeCreditCode("341102", "MA2T7002");
  const keys = ["enterprise", "credit_code", "jurisdiction", "program", "amount", "date", "requested"] as const;
  const values = [
    keys.map((k) => CANONICAL_HEADERS[k]),
    ["甲公司", code1, "琅琊区", "equipment_network", 800000, D2025, 200000],
    ["乙公司", code2, "琅琊区", "data_asset", null, D2025, 100000],
    ["甲公司", code1, "琅琊区", "smart_factory", null, D2025, 300000],
  ];
  const report = validateTable({ values }, SET);
  test("rows are computed under the catalogue in force on their date", () => {
    expect(report.rows.map((r) => r.catalogueId)).toEqual([SUCCESSOR.id, SUCCESSOR.id, SUCCESSOR.id]);
    expect(report.rows.map((r) => r.payable)).toEqual([20000000, 10000000, 30000000]);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
  test("summaries and progress answer from it (the 2025 target of the successor)", () => {
    expect(summaries(report, SUCCESSOR).byProgram.find((p) => p.key === "data_asset")?.total).toBe(10000000);
    const p = progress(report, SET).measured.find((x) => x.code === "smart_factory_workshop" && x.year === 2025)!;
    expect(p).toMatchObject({ target: 40, actual: 1 });
  });
  test("the pane's adapters: validation and formula conversion with the pane's policy set", async () => {
    const rep = await runValidation({ values, firstRow: 1, firstCol: 0, sheet: "T", address: "A1:G4" }, report.mapping, 0, () => undefined, SET);
    expect(rep.summary.payable).toBe(report.summary.payable);
    const items = planConversion({ sheet: "T", firstRow: 1, firstCol: 0, formulas: [['=CZ.SUBSIDY("equipment_network",B1,,C1)', 800000, isoToSerial(D2025)]], values: [[200000, 800000, isoToSerial(D2025)]] } as never, "formula", "zh", SET);
    const native = items.find((i) => i.address === "A1")!.after as string;
    expect(evaluate(native, { B1: 800000, C1: isoToSerial(D2025) })).toBe(200000);
    expect(evaluate(native, { B1: 800000, C1: isoToSerial(D2022) })).toBe(160000);
  });
});

describe("native formulas pick the catalogue by the date cell", () => {
  test("one formula, two windows: 20% in 2022, 25% in 2025, 0 in the gap-free outside", () => {
    const f = nativeFormula("equipment_network", "B2", null, "C2", "total", SET);
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    expect(evaluate(f.formula, { B2: 800000, C2: isoToSerial(D2022) })).toBe(160000);
    expect(evaluate(f.formula, { B2: 800000, C2: isoToSerial(D2025) })).toBe(200000);
    expect(evaluate(f.formula, { B2: 800000, C2: isoToSerial("2028-01-01") })).toBe(0);
    const lit = nativeFormula("data_asset", null, null, D2025, "total", SET);
    expect(lit).toEqual({ ok: true, formula: "=100000" });
  });
});

describe("custom functions (composition root bound to the set)", () => {
  test("SUBSIDY, RATE, CAP, PROGRAMS and TARGET take the date", () => {
    expect(call(F.subsidy, "equipment_network", 800000, null, D2025)).toBe(200000);
    expect(call(F.rate, "equipment_network", D2025)).toBe(0.25);
    expect(call(F.rate, "equipment_network", D2022)).toBe(0.2);
    expect(call(F.rate, "equipment_network")).toBe(0.2); // no date: the fallback (2021) catalogue
    expect(call(F.cap, "data_asset", null, D2025)).toBe(100000);
    const rows = call(F.programs, D2025) as unknown[][];
    expect(rows.some((r) => r[0] === "data_asset")).toBe(true);
    expect((call(F.programs) as unknown[][]).some((r) => r[0] === "data_asset")).toBe(false);
    expect(call(F.target, "smart_factory_workshop", 2025, D2025)).toBe(40);
  });
});

describe("CLI (composition root)", () => {
  test("calc with a 2025 date", async () => {
    const out: string[] = [];
    const code = await main(["calc", "equipment_network", "800000", "", D2025, "--json"], { out: (s) => out.push(s), err: (s) => out.push(s) });
    expect(code).toBe(0);
    expect(JSON.parse(out[0])).toMatchObject({ program: "equipment_network", total: 200000 });
  });
});
