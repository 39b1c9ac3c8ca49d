/**
 * Function metadata in two languages from one table (src/functions/metadata-text.json):
 * the JSDoc of functions.ts says the same ("zh (en)"), and zh-CN and English describe the same
 * functions and parameters.
 */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
const locales = require("../../scripts/build-locales.js");

const FUNCTIONS_TS = path.join(__dirname, "../../src/functions/functions.ts");
const table = locales.readTable() as Record<string, { zh: string; en: string; parameters: Record<string, { zh: string; en: string }> }>;

interface Meta {
  functions: Array<{ id: string; name: string; description: string; parameters: Array<{ name: string; description: string; optional?: boolean; type?: string }>; options?: Record<string, boolean>; result: unknown }>;
}

let generated: Meta;
beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([FUNCTIONS_TS], true);
  expect(r.errors).toEqual([]);
  generated = JSON.parse(r.metadataJson);
}, 60000);

const CJK = /[\u4e00-\u9fff]/;

test("the table has zh and en for every function and parameter, with the same keys", () => {
  for (const [id, t] of Object.entries(table)) {
    expect(CJK.test(t.zh)).toBe(true);
    expect(t.en.trim().length).toBeGreaterThan(0);
    expect(CJK.test(t.en)).toBe(false);
    for (const [name, p] of Object.entries(t.parameters)) {
      expect({ id, name, zh: CJK.test(p.zh), en: p.en.trim().length > 0 && !CJK.test(p.en) }).toEqual({ id, name, zh: true, en: true });
    }
  }
});

test("the JSDoc and the table agree: same functions, parameters, and the text 'zh (en)'", () => {
  expect(locales.checkAgainstTable(generated, table)).toEqual([]);
  expect(generated.functions.map((f) => f.id).sort()).toEqual(Object.keys(table).sort());
  for (const f of generated.functions) {
    expect({ id: f.id, d: f.description }).toEqual({ id: f.id, d: locales.combined(table[f.id]) });
    for (const p of f.parameters) expect({ id: f.id, p: p.name, d: p.description }).toEqual({ id: f.id, p: p.name, d: locales.combined(table[f.id].parameters[p.name]) });
  }
});

test("the generated per-locale files have the same functions and parameters; descriptions differ, and zh-CN names the parameters in Chinese", () => {
  const files = locales.buildLocaleFiles(JSON.stringify(generated), table) as Record<string, string>;
  expect(Object.keys(files).sort()).toEqual(["functions.en-us.json", "functions.json", "functions.zh-cn.json"]);
  const shape = (m: Meta, names = true) => m.functions.map((f) => ({ id: f.id, name: f.name, options: f.options, result: f.result, params: f.parameters.map((p) => ({ ...(names ? { name: p.name } : {}), optional: p.optional, type: p.type })) }));
  const zh = JSON.parse(files["functions.zh-cn.json"]) as Meta;
  const en = JSON.parse(files["functions.en-us.json"]) as Meta;
  const both = JSON.parse(files["functions.json"]) as Meta;
  // Same functions, same positional parameters; only the zh-CN parameter names are Chinese.
  expect(shape(zh, false)).toEqual(shape(generated, false));
  const zhSubsidy = zh.functions.find((f) => f.id === "SUBSIDY")!;
  expect(zhSubsidy.parameters.map((p) => p.name)).toEqual(["项目", "金额", "等级", "日期"]);
  expect(zh.functions.find((f) => f.id === "TARGET")!.parameters.map((p) => p.name)).toEqual(["指标", "年份", "日期"]);
  for (const f of zh.functions) {
    expect(f.parameters.every((p) => /^[\u4e00-\u9fff]+$/.test(p.name))).toBe(true);
    expect(new Set(f.parameters.map((p) => p.name)).size).toBe(f.parameters.length);
  }
  expect(shape(en)).toEqual(shape(generated));
  expect(shape(both)).toEqual(shape(generated));
  for (const f of zh.functions) {
    expect(f.description).toBe(table[f.id].zh);
    for (const p of f.parameters) expect(CJK.test(p.description)).toBe(true);
  }
  for (const f of en.functions) {
    expect(f.description).toBe(table[f.id].en);
    expect(CJK.test(f.description)).toBe(false);
  }
});

test("the build step refuses a table that disagrees with the JSDoc", () => {
  const broken = JSON.parse(JSON.stringify(table));
  delete broken.SUBSIDY.parameters.date;
  broken.EXTRA = { zh: "多余", en: "extra", parameters: {} };
  const problems = locales.checkAgainstTable(generated, broken) as string[];
  expect(problems.some((p) => p.startsWith("SUBSIDY: parameters"))).toBe(true);
  expect(problems.some((p) => p.startsWith("EXTRA"))).toBe(true);
  expect(() => locales.buildLocaleFiles(JSON.stringify(generated), broken)).toThrow(/disagree/);
  const unnamed = JSON.parse(JSON.stringify(table));
  delete unnamed.CAP.parameters.level.name_zh;
  unnamed.RATE.parameters.date.name_zh = "program";
  expect(locales.checkAgainstTable(generated, unnamed)).toEqual(["CAP.level: needs a Chinese name (name_zh, 1–8 Chinese characters)", "RATE.date: needs a Chinese name (name_zh, 1–8 Chinese characters)"]);
});
