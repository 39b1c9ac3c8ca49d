/**
 * Real-world header spellings (县级/区级/园区承担 …), the header found on the sheet after a cover
 * page, the header signature a remembered mapping is keyed by, and formula cells without a cached
 * value in the pane's ExcelJS reader (formula.uncached, shared with the CLI).
 */
import ExcelJS from "exceljs";
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import { ExcelJsHost } from "../../src/host/exceljs-host";
import { detectHeader, headerSignature, locateHeaderSheet, matchHeader } from "../../src/validation/headers";
import { UNCACHED_RULE, UncachedFormula, applyUncachedFormulas } from "../../src/validation/uncached";
import { validateTable } from "../../src/validation/validate";
import { okRow, table } from "./support";

describe("synonyms", () => {
  test.each([
    ["县级承担（万元）", "local_share", true],
    ["区级承担", "local_share", false],
    ["园区承担（元）", "local_share", false],
    ["县区承担", "local_share", false],
    ["县(市、区)承担", "local_share", false],
    ["市级财政承担（万元）", "city_share", true],
    ["社会统一信用代码", "credit_code", false],
    ["申请奖补资金（万元）", "requested", true],
    ["所在县区", "jurisdiction", false],
    ["认定级别", "level", false],
    ["项目总投资（万元）", "amount", true],
    ["企业（单位）名称", "enterprise", false],
  ])("%s → %s (万元 %s)", (header, key, wan) => {
    expect(matchHeader(header)).toEqual({ key, wan });
  });

  test("a 万元 local share column is mapped and scaled, so the share check runs", () => {
    const values = [
      ["企业名称", "统一社会信用代码", "所属地区", "项目类别", "申报金额（万元）", "市财政承担（万元）", "县级承担（万元）"],
      ...table([okRow()]).slice(1).map((r) => [r[0], r[1], r[2], r[3], 30, 15, 14]),
    ];
    const d = detectHeader(values);
    expect(d.mapping.local_share).toEqual({ index: 6, header: "县级承担（万元）", wan: true });
    const report = validateTable({ values, firstRow: 1, firstCol: 0, sheet: "T" }, P);
    // 15 + 14 万元 ≠ the policy's 1:1 split of 30万元: the share check ran on the scaled column.
    expect(report.findings.map((f) => f.rule)).toContain("share.mismatch");
  });
});

describe("the sheet that holds the header", () => {
  const cover = [["滁州市工业互联网奖补申报材料"], ["报送单位：南谯区经信局"], [null], ["2023年5月"]];
  const data = table([okRow(), okRow()]);
  const reads: string[] = [];
  const sheet = (name: string, values: unknown[][] | null) => ({
    name,
    read: async () => {
      reads.push(name);
      if (!values) throw new Error("empty sheet");
      return { values };
    },
  });

  test("a cover page first: the next sheet with a header is found, later sheets are not read", async () => {
    reads.length = 0;
    const found = await locateHeaderSheet([sheet("封面", cover), sheet("说明", null), sheet("申报表", data), sheet("备注", data)]);
    expect(found?.name).toBe("申报表");
    expect(found?.index).toBe(2);
    expect(found?.detection.headerIndex).toBe(0);
    expect(reads).toEqual(["封面", "说明", "申报表"]);
  });

  test("no sheet with a header → null (manual mapping is offered)", async () => {
    expect(await locateHeaderSheet([sheet("封面", cover), sheet("空", null)])).toBeNull();
  });

  test("the pane's reader skips a cover sheet of a real workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("封面").addRows(cover);
    wb.addWorksheet("申报表").addRows(data);
    const { readTable } = await import("../../src/taskpane/validation/run");
    const host = new ExcelJsHost(wb);
    const out = await readTable(host, "s:封面", await host.listSheets());
    expect(out.switched).toEqual({ from: "封面", to: "申报表" });
    expect(out.table.region.sheet).toBe("申报表");
    expect(out.mapping.program?.index).toBe(3);
  });

  test("no header anywhere: the block comes back with a column-letter header for manual mapping", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("数据").addRows(data.slice(1));
    const { readTable } = await import("../../src/taskpane/validation/run");
    const host = new ExcelJsHost(wb);
    const out = await readTable(host, "s:数据", await host.listSheets());
    expect(out.noHeader).toEqual({ sheet: "数据", scanned: 2 });
    expect(out.table.headerless).toBe(true);
    expect(out.table.region.values[0].slice(0, 4)).toEqual(["A", "B", "C", "D"]);
    expect(out.table.region.firstRow).toBe(0);
  });
});

describe("header signature", () => {
  test("same headers up to spacing and full-width forms → same signature; another order → another", () => {
    const a = headerSignature(["企业名称", "统一社会信用代码", "项目类别"]);
    expect(headerSignature([" 企业 名称", "统一社会信用代码", "项目类别"])).toBe(a);
    expect(headerSignature(["统一社会信用代码", "企业名称", "项目类别"])).not.toBe(a);
    expect(headerSignature(["企业名称", "统一社会信用代码", "项目类别", null])).not.toBe(a);
    expect(a).toMatch(/^3-[0-9a-f]{8}$/);
  });
});

describe("formula cells without a cached value in the browser reader", () => {
  test("read as a marker, reported as formula.uncached, the row held back from 应付", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("申报表");
    ws.addRows(table([okRow(), okRow()]));
    // Row 3's amount asked is a formula saved without its result.
    const col = table([])[0].indexOf("申报金额（元）") + 1;
    ws.getRow(3).getCell(col).value = { formula: "100000*3" };
    const region = await new ExcelJsHost(wb).readRegion({ kind: "sheet", name: "申报表" });
    expect(region.values[2][col - 1]).toBeInstanceOf(UncachedFormula);
    const before = validateTable({ values: region.values, firstRow: region.firstRow, firstCol: region.firstCol, sheet: region.sheet }, P);
    const report = applyUncachedFormulas(before, region);
    const f = report.findings.filter((x) => x.rule === UNCACHED_RULE);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ row: 3, severity: "error", column: "requested" });
    expect(f[0].message).toContain("公式未计算");
    expect(report.summary.totals.heldBack.rows).toBe(1);
    expect(report.summary.totals.payable.rows).toBe(1);
    expect(report.summary.totals.payable.amount).toBe(30_000_000);
  });
});
