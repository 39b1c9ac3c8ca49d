/**
 * Header detection and mapping, pinned by golden cases (Script Lab habit): one small JSON file per
 * case in headers/cases/; a file whose name starts with "error." must fail with the given code.
 */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import * as fs from "node:fs";
import * as path from "node:path";
import { detectHeader, detectMapping, matchHeader, splitHeader, TableError, isTableError } from "../../src/validation/headers";
import { validateTable } from "../../src/validation/validate";
import type { ColumnKey } from "../../src/validation/types";
import { okRow, table } from "./support";

const DIR = path.join(__dirname, "headers", "cases");
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();

interface GoldenCase {
  rows: unknown[][];
  headerIndex?: number;
  mapping?: Record<string, [number, boolean]>;
  duplicates?: string[];
  unknown?: string[];
  error?: string;
}

describe("golden header cases", () => {
  test("the folder has cases, including error cases", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(files.filter((f) => f.startsWith("error.")).length).toBeGreaterThanOrEqual(3);
  });

  test.each(files)("%s", (file) => {
    const c = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as GoldenCase;
    if (file.startsWith("error.")) {
      expect(c.error).toBeDefined();
      let thrown: unknown;
      try {
        detectHeader(c.rows, 1);
      } catch (e) {
        thrown = e;
      }
      expect(isTableError(thrown)).toBe(true);
      expect((thrown as TableError).code).toBe(c.error);
      expect((thrown as TableError).message).toMatch(/[\u4e00-\u9fff]/); // a zh-CN sentence
      expect((thrown as TableError).messageEn.length).toBeGreaterThan(10);
      // validateTable refuses the same block the same way.
      expect(() => validateTable({ values: c.rows }, P)).toThrow(TableError);
      return;
    }
    const d = detectHeader(c.rows, 1);
    expect(d.headerIndex).toBe(c.headerIndex);
    const got: Record<string, [number, boolean]> = {};
    for (const [k, b] of Object.entries(d.mapping)) got[k] = [b.index, b.wan];
    expect(got).toEqual(c.mapping);
    if (c.duplicates) expect(d.duplicates.map((x) => x.key)).toEqual(c.duplicates);
    if (c.unknown) expect(d.unknown.map((x) => x.header)).toEqual(c.unknown);
  });
});

describe("header pieces", () => {
  test("splitHeader folds width and takes off the unit", () => {
    expect(splitHeader("计算基数（万元）")).toEqual({ key: "计算基数", unit: "万元" });
    expect(splitHeader("计算基数 (元)")).toEqual({ key: "计算基数", unit: "元" });
    expect(splitHeader("项目类别")).toEqual({ key: "项目类别", unit: null });
  });

  test("万元 marks money columns only", () => {
    expect(matchHeader("申报金额（万元）")).toEqual({ key: "requested", wan: true });
    expect(matchHeader("服务企业数（家）")).toEqual({ key: "served", wan: false });
    expect(matchHeader("备注")).toBeNull();
    expect(matchHeader(42)).toBeNull();
  });

  test("detectMapping reports unknown and duplicate headers", () => {
    const d = detectMapping(["企业名称", "企业", "备注", null, ""]);
    expect(d.score).toBe(1);
    expect(d.duplicates).toEqual([{ index: 1, header: "企业", key: "enterprise" }]);
    expect(d.unknown).toEqual([{ index: 2, header: "备注" }]);
  });
});

describe("mapping in validateTable", () => {
  test("a 万元 column is scaled by 10,000 exactly (no float drift)", () => {
    // # equipment_network: 80.00001万元 = 800,000.1 元; 20% = 160,000.02 元
    const values = table([okRow({ program: "equipment_network", amount: 80.00001, requested: 16.000002 })]);
    values[0][5] = "计算基数（万元）";
    values[0][8] = "申报金额（万元）";
    const rep = validateTable({ values }, P);
    expect(rep.rows[0].amount).toBe(800000.1);
    expect(rep.rows[0].total).toBe(16000002);
    expect(rep.rows[0].requested).toBe(16000002);
    expect(rep.findings).toEqual([]);
  });

  test("text with its own unit in a 万元 column is not scaled twice", () => {
    const values = table([okRow({ program: "equipment_network", amount: "80万", requested: 16 })]);
    values[0][5] = "计算基数（万元）";
    values[0][8] = "申报金额（万元）";
    const rep = validateTable({ values }, P);
    expect(rep.rows[0].total).toBe(16000000);
    expect(rep.findings).toEqual([]);
  });

  test("a count of base stations is never scaled", () => {
    const values = table([okRow({ program: "base_station_5g", amount: 10, level: "TRUE", requested: 2 })]);
    values[0][5] = "计算基数（万元）";
    values[0][8] = "申报金额（万元）";
    const rep = validateTable({ values }, P);
    expect(rep.rows[0].total).toBe(2000000); // # 10 × 2,000 = 20,000 元
    expect(rep.findings).toEqual([]);
  });

  test("a corrected mapping replaces the detected one", () => {
    // The reviewer says 备注 is the requested amount and the real 申报金额 column is something else.
    const values = [
      ["企业名称", "统一社会信用代码", "所属地区", "类型X", "认定日期", "申报金额（元）", "备注"],
      ...table([okRow()]).slice(1).map((r) => [r[0], r[1], r[2], r[3], r[7], 999, r[8]]),
    ];
    expect(() => validateTable({ values }, P)).toThrow(TableError); // no program column detected
    const mapping: Partial<Record<ColumnKey, { index: number; header: string; wan: boolean }>> = {
      enterprise: { index: 0, header: "企业名称", wan: false },
      credit_code: { index: 1, header: "统一社会信用代码", wan: false },
      jurisdiction: { index: 2, header: "所属地区", wan: false },
      program: { index: 3, header: "类型X", wan: false },
      date: { index: 4, header: "认定日期", wan: false },
      requested: { index: 6, header: "备注", wan: false },
    };
    const rep = validateTable({ values, mapping, headerRow: 1 }, P);
    expect(rep.findings).toEqual([]);
    expect(rep.rows[0].requested).toBe(30000000);
    expect(rep.mapping).toBe(mapping);
  });

  test("rows and columns are sheet coordinates", () => {
    const values = [["申报表"], ...table([okRow({ credit_code: "bad" })])];
    const rep = validateTable({ values, firstRow: 10, firstCol: 3 }, P);
    const f = rep.findings.find((x) => x.rule === "credit_code.format")!;
    expect(f.row).toBe(12); // title 10, header 11, data 12
    expect(f.col).toBe(3 + 1); // credit code is the 2nd column of a block starting at D
  });
});

describe("READING's own column names", () => {
  test("认定/完成日期 is the date; 场景类别 the scenario category; 平台名称/产品名称/奖项名称 name the object", () => {
    const d = detectMapping(["企业名称", "统一社会信用代码", "项目类别", "平台名称", "认定/完成日期", "场景类别"]);
    expect(d.mapping.date?.index).toBe(4);
    expect(d.mapping.scenario?.index).toBe(5);
    expect(d.mapping.project?.index).toBe(3);
    for (const h of ["产品名称", "奖项名称", "项目名称"]) expect(matchHeader(h)?.key).toBe("project");
    for (const h of ["认定日期", "完成日期", "认定（完成）日期"]) expect(matchHeader(h)?.key).toBe("date");
  });
});
