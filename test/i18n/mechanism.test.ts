/** The translation mechanism itself (src/i18n): templates, functions, fallbacks, parity, language choice. */
import { defineMessages, fill, langFromEnv, langOf, parityProblems } from "../../src/i18n";
import { ruleName } from "../../src/validation/rule-names";
import { RULES } from "../../src/validation/rules";

describe("defineMessages", () => {
  const t = defineMessages(
    "demo",
    { hello: "你好，{name}", count: (p) => `共${p.n}项` },
    { hello: "Hello, {name}", count: (p) => `${p.n} item${p.n === 1 ? "" : "s"}` },
  );
  test("fills templates and calls message functions in the chosen language", () => {
    expect(t("zh", "hello", { name: "张三" })).toBe("你好，张三");
    expect(t("en", "hello", { name: "Zhang" })).toBe("Hello, Zhang");
    expect(t("en", "count", { n: 1 })).toBe("1 item");
    expect(t("en", "count", { n: 2 })).toBe("2 items");
    expect(t("zh", "count", { n: 2 })).toBe("共2项");
  });
  test("leaves an unknown placeholder visible instead of inventing a value", () => {
    expect(fill("金额{amount}元", {})).toBe("金额{amount}元");
    expect(fill("{a}{b}", { a: 0, b: "" })).toBe("0");
  });
  test("exposes its keys and tables, and the parity check finds a missing key", () => {
    expect([...t.keys].sort()).toEqual(["count", "hello"]);
    expect(parityProblems(t)).toEqual([]);
    // A catalogue built around the type checker (as a JavaScript caller could) is caught at run time.
    const zh: Record<string, string> = { a: "甲", b: "乙" };
    const en: Record<string, string> = { a: "A" };
    const broken = defineMessages("broken", zh, en);
    expect(parityProblems(broken)).toEqual(['broken: "b" is in zh but not in en']);
  });
});

describe("choosing the language", () => {
  test("Excel display language: English for en-*, zh-CN for everything else", () => {
    expect(langOf("en-US")).toBe("en");
    expect(langOf("EN-gb")).toBe("en");
    expect(langOf("zh-CN")).toBe("zh");
    expect(langOf("de-DE")).toBe("zh");
    expect(langOf(undefined)).toBe("zh");
    expect(langOf("english")).toBe("zh");
  });
  test("CLI environment: LC_ALL over LC_MESSAGES over LANG", () => {
    expect(langFromEnv({ LANG: "en_US.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(langFromEnv({ LANG: "en_US.UTF-8", LC_ALL: "zh_CN.UTF-8" })).toBe("zh");
    expect(langFromEnv({ LANG: "zh_CN.UTF-8", LC_MESSAGES: "en_GB" })).toBe("en");
    expect(langFromEnv({ LANG: "C.UTF-8" })).toBe("zh");
    expect(langFromEnv({})).toBe("zh");
  });
});

describe("rule names", () => {
  test("every rule has a short name in both languages, and no name is its code", () => {
    expect(parityProblems(ruleName)).toEqual([]);
    expect([...ruleName.keys].sort()).toEqual(RULES.map((r) => r.code).sort());
    for (const r of RULES) {
      expect(ruleName("zh", r.code)).not.toBe(r.code);
      expect(ruleName("zh", r.code)).toMatch(/[\u4e00-\u9fff]/);
      expect(ruleName("en", r.code)).toMatch(/^[A-Z0-9万]/);
    }
    expect(ruleName("zh", "credit_code.check")).toBe("信用代码校验位错误");
  });
});
