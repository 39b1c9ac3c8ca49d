/** assets/applications-template.xlsx: canonical headers, drop-down lists, 填写说明; and a larger generated table. */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { CATALOGUE_2021 as DEFAULT_CATALOGUE, makeCreditCode } from "../../src/policy";
import { CANONICAL_HEADERS, detectHeader } from "../../src/validation/headers";
import { validateTable } from "../../src/validation/validate";
import { COLUMN_KEYS } from "../../src/validation/types";
import { table } from "./support";

const TEMPLATE = path.resolve(__dirname, "..", "..", "assets", "applications-template.xlsx");

test("the template has the canonical headers, lists for 所属地区 and 项目类别, and instructions", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(TEMPLATE);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["申报表", "代码表", "填写说明"]);
  const ws = wb.getWorksheet("申报表")!;
  const header = COLUMN_KEYS.map((_, i) => ws.getRow(1).getCell(i + 1).value);
  expect(header).toEqual(COLUMN_KEYS.map((k) => CANONICAL_HEADERS[k]));
  const d = detectHeader([header]);
  expect(Object.keys(d.mapping).sort()).toEqual([...COLUMN_KEYS].sort());
  // Empty template: validates to no rows and no findings.
  const rep = validateTable({ values: [header] }, P);
  expect(rep.rows).toEqual([]);
  expect(rep.findings).toEqual([]);

  const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
  const lists = Object.values(dv).filter((v) => v.type === "list").map((v) => v.formulae[0]);
  expect(lists.some((f) => f.includes("代码表") && f.includes("$D$"))).toBe(true);
  expect(lists.some((f) => f.includes("代码表") && f.includes("$A$"))).toBe(true);
  const codes = wb.getWorksheet("代码表")!;
  const listed = DEFAULT_CATALOGUE.programs.map((_, i) => codes.getCell(i + 2, 1).value);
  expect(listed).toEqual(DEFAULT_CATALOGUE.programs.map((p) => p.code));
  const juris = DEFAULT_CATALOGUE.jurisdictions.map((_, i) => codes.getCell(i + 2, 4).value);
  expect(juris).toEqual(DEFAULT_CATALOGUE.jurisdictions);
  expect(String(wb.getWorksheet("填写说明")!.getCell(1, 1).value)).toBe("填写说明");
});

test("a 20,000-row table: every cross-row fault is found once per offending row", () => {
  // 5,000 firms × 4 rows: smart_factory twice (2nd is a duplicate: once per enterprise), ic_tapeout for two products 2 × 1,200,000
  // (# 30% of 4,000,000 each; the 2nd exceeds the 2,000,000 per-enterprise cap over the policy period)
  const rows = [];
  for (let i = 0; i < 5000; i++) {
    const cc = makeCreditCode("341171", `MA${String(i).padStart(6, "0")}`);
    const base = { enterprise: `企业${i}`, credit_code: cc, jurisdiction: "中新苏滁高新区", date: "2023-03-01" };
    rows.push({ ...base, program: "smart_factory", requested: 300000 });
    rows.push({ ...base, program: "smart_factory", requested: 300000 });
    rows.push({ ...base, program: "ic_tapeout", project: "芯片A", amount: 4000000, requested: 1200000 });
    rows.push({ ...base, program: "ic_tapeout", project: "芯片B", amount: 4000000, requested: 1200000 });
  }
  const rep = validateTable({ values: table(rows) }, P);
  expect(rep.summary.rows).toBe(20000);
  // Two products of one firm are two objects: a warning to check, the cap error on the 2nd.
  expect(rep.summary.byRule).toEqual({ "cross.duplicate_one_time": 5000, "cross.enterprise_cap": 5000, "cross.other_object": 5000 });
  expect(rep.findings.every((f) => (f.rule === "cross.duplicate_one_time" ? (f.row - 2) % 4 === 1 : (f.row - 2) % 4 === 3))).toBe(true);
  // Totals follow the counting rule (rows without errors): one smart factory and the first tape-out per firm.
  expect(rep.summary.computed).toBe(5000 * (30000000 + 120000000));
});
