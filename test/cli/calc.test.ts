/** `cz calc` and `cz programs`, spawned the way a user runs them. */
import { CATALOGUE_2021 as DEFAULT_CATALOGUE } from "../../src/policy";
import { expectCleanFailure, runCli } from "./helpers";

describe("calc", () => {
  test.each([
    [["smart_factory"], "300000"],
    [["equipment_network", "800000"], "160000"],
    [["equipment_network", "400000"], "0"],
    [["dx_assessment", "-", "5A"], "500000"],
    [["dx_assessment", "", "AAAAA"], "500000"],
    [["ic_industrialization", "8000000", "15000000"], "800000"],
    [["省级智能工厂"], "300000"],
    [["equipment_network", "80万"], "160000"],
    [["cloud_service", "1000000.05"], "1000000"],
    [["identifier_node", "1000000.05"], "300000.02"],
    [["base_station_5g", "10", "FALSE"], "0"],
    [["base_station_5g", "10", "true"], "20000"],
    [["smart_factory", "-", "-", "2025-01-01"], "0"],
    [["smart_factory", "-", "-", "2022-03-01"], "300000"],
  ])("calc %j → %s", (args, expected) => {
    const r = runCli(["calc", ...args]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected + "\n");
  });

  test("--json gives {program, total, city, beneficiary, explanation} with amounts in 元", () => {
    const r = runCli(["calc", "smart_factory", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(["beneficiary", "city", "explanation", "program", "total"]);
    expect(j).toMatchObject({ program: "smart_factory", total: 300000, city: 150000, beneficiary: 150000 });
    expect(j.explanation).toMatch(/^政策第二部分第3项（建设智能工厂和数字化车间）·省级智能工厂：/);

    const e = JSON.parse(runCli(["calc", "equipment_network", "800000", "--json"]).stdout);
    expect(e).toEqual({
      program: "equipment_network",
      total: 160000,
      city: 0,
      beneficiary: 160000,
      explanation: "政策第二部分第1项（加快工业设备网络化技术改造）·工业设备网络化技术改造：投资80万元≥50万元，按20%计16万元，未超上限200万元；受益财政承担",
    });
  });

  test("--lang en switches the explanation and errors to English", () => {
    const j = JSON.parse(runCli(["calc", "equipment_network", "800000", "--json", "--lang", "en"]).stdout);
    expect(j.explanation).toMatch(/^Policy part 2, item 1 \(/);
    const r = runCli(["calc", "nope", "--lang=en"]);
    expectCleanFailure(r, /Unknown program "nope"/);
  });

  test.each([
    [["calc"], /缺少项目类别/],
    [["calc", "smart_factry"], /未知项目“smart_factry”，是否为 smart_factory？/],
    [["calc", "equipment_network", "-5"], /金额不能为负数/],
    [["calc", "equipment_network", "abc"], /无法识别金额“abc”/],
    [["calc", "equipment_network"], /金额为空或为0/],
    [["calc", "dx_assessment", "-", "6A"], /无法识别等级“6A”/],
    [["calc", "talent_training"], /非资金支持措施/],
    [["calc", "smart_factory", "-", "-", "2022-13-45"], /无法识别日期/],
    [["calc", "a", "b", "c", "d", "e"], /参数过多/],
    [["frobnicate"], /未知命令“frobnicate”/],
    [["calc", "smart_factory", "--nope"], /未知选项“--nope”/],
    [["calc", "smart_factory", "--lang", "fr"], /不支持的语言/],
    [["validate", "--sheet"], /需要一个值/],
  ])("bad input %j → exit 2, one zh-CN line, no stack trace", (args, pattern) => {
    const r = runCli(args);
    expectCleanFailure(r, pattern);
    expect(r.stdout.startsWith("{")).toBe(false);
  });

  test("without --lang the locale variables choose: LANG=en_US gives English, --lang zh overrides it", () => {
    const en = { LANG: "en_US.UTF-8" };
    expect(JSON.parse(runCli(["calc", "equipment_network", "800000", "--json"], { env: en }).stdout).explanation).toMatch(/^Policy part 2, item 1 \(/);
    expectCleanFailure(runCli(["calc", "nope"], { env: en }), /Unknown program "nope"/);
    expect(runCli(["--help"], { env: en }).stdout).toMatch(/^Usage:/);
    expectCleanFailure(runCli(["calc", "smart_factory", "--lang", "fr"], { env: en }), /Unsupported language "fr"/);
    // --lang wins over the environment, in either direction.
    expectCleanFailure(runCli(["calc", "nope", "--lang", "zh"], { env: en }), /未知项目“nope”/);
    expect(runCli(["--help", "--lang=zh"], { env: en }).stdout).toMatch(/^用法：/);
    // LC_ALL over LANG; C.UTF-8 (no language) stays zh-CN.
    expectCleanFailure(runCli(["calc", "nope"], { env: { LANG: "zh_CN.UTF-8", LC_ALL: "en_GB.UTF-8" } }), /Unknown program/);
    expectCleanFailure(runCli(["calc", "nope"], { env: { LANG: "C.UTF-8" } }), /未知项目“nope”/);
  });

  test("unknown commands and options also print the usage (on stdout)", () => {
    const r = runCli(["frobnicate"]);
    expect(r.stdout).toMatch(/^用法：cz-subsidy <命令>/);
    const h = runCli(["--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/calc <项目>/);
    expect(runCli(["--help", "--lang", "en"]).stdout).toMatch(/^Usage:/);
    expect(runCli([]).code).toBe(2);
  });
});

describe("programs", () => {
  test("lists every catalogue entry as an aligned table with code, 中文名, 条款, 规则, 承担", () => {
    const r = runCli(["programs"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    const head = lines.findIndex((l) => l.startsWith("代码"));
    expect(lines[head]).toMatch(/^代码\s+中文名\s+条款\s+规则\s+承担$/);
    const body = lines.slice(head + 2);
    expect(body).toHaveLength(DEFAULT_CATALOGUE.programs.length + DEFAULT_CATALOGUE.measures.length);
    const eq = body.find((l) => l.startsWith("equipment_network "))!;
    expect(eq).toMatch(/工业设备网络化技术改造\s+政策第二部分第1项\s+投资≥50万元，按投资的20%，单个项目最高200万元\s+受益财政$/);
    // Aligned: the 条款 column starts at the same display column on every line.
    const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const clauseCol = (l: string) => width(l.slice(0, l.indexOf("政策"))); // 政策第一部分… / 政策结尾部分
    const cols = new Set(body.map(clauseCol));
    expect(cols.size).toBe(1);
  });

  test("--json lists every program code", () => {
    const j = JSON.parse(runCli(["programs", "--json"]).stdout);
    expect(j.programs.map((p: { code: string }) => p.code)).toEqual([...DEFAULT_CATALOGUE.programs, ...DEFAULT_CATALOGUE.measures].map((p) => p.code));
    expect(j.programs.find((p: { code: string }) => p.code === "equipment_network")).toMatchObject({ rate: 0.2, cap: 2000000, threshold: 500000 });
  });
});
