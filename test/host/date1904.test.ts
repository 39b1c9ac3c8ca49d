/**
 * The 1904 date system (workbooks made on a Mac may use it): a serial there is 1462 days less than
 * the same day's 1900-system serial. The hosts report it (Office: DATE(2000,1,1) probe, tested in
 * office-host.test.ts; ExcelJS: the workbook's date1904 property) and validation shifts number
 * dates, so years, date checks and the calculation's explanation see the right day.
 */
import ExcelJS from "exceljs";
import { ExcelJsHost } from "../../src/host/exceljs-host";
import { isoToSerial } from "../../src/policy";
import { SHIPPED_POLICY } from "../../src/policy/shipped";
import { DATE_1904_OFFSET, validateTable } from "../../src/validation/validate";

const HEADER = ["企业名称", "统一社会信用代码", "所属地区", "项目类别", "项目名称", "计算基数（元）", "认定等级/条件", "认定日期", "申报金额（元）"];
const serial1900 = isoToSerial("2022-03-01");
const row = (date: unknown) => ["滁州某公司", "91341100MA2N0000XX", "琅琊区", "cloud_service", "上云", 300000, "", date, 300000];

test("1904 offset: 1904-01-01 is serial 0 there and 1462 in the 1900 system", () => {
  expect(isoToSerial("1904-01-01")).toBe(DATE_1904_OFFSET);
});

test("validation reads a 1904 serial as the right day (and a 1900 serial unchanged)", () => {
  const in1904 = validateTable({ values: [HEADER, row(serial1900 - DATE_1904_OFFSET)], date1904: true }, SHIPPED_POLICY);
  const in1900 = validateTable({ values: [HEADER, row(serial1900)] }, SHIPPED_POLICY);
  const unshifted = validateTable({ values: [HEADER, row(serial1900 - DATE_1904_OFFSET)] }, SHIPPED_POLICY);
  expect(in1904.rows[0].dateIso).toBe("2022-03-01");
  expect(in1900.rows[0].dateIso).toBe("2022-03-01");
  expect(unshifted.rows[0].dateIso).toBe("2018-02-28"); // what the old reading gave: four years early
  // Text dates are not shifted.
  expect(validateTable({ values: [HEADER, row("2022-03-01")], date1904: true }, SHIPPED_POLICY).rows[0].dateIso).toBe("2022-03-01");
});

test("ExcelJS: a workbook saved with the 1904 system is reported as such", async () => {
  const wb = new ExcelJS.Workbook();
  (wb as unknown as { properties: { date1904?: boolean } }).properties.date1904 = true;
  const ws = wb.addWorksheet("申报表");
  ws.addRow(HEADER);
  ws.addRow(row(serial1900 - DATE_1904_OFFSET));
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  const region = await new ExcelJsHost(back).readRegion({ kind: "sheet" });
  expect(region.date1904).toBe(true);
  expect(validateTable({ values: region.values, date1904: region.date1904 }, SHIPPED_POLICY).rows[0].dateIso).toBe("2022-03-01");
  const plain = new ExcelJS.Workbook();
  plain.addWorksheet("a").addRow(["x"]);
  expect((await new ExcelJsHost(plain).readRegion({ kind: "sheet" })).date1904).toBeUndefined();
});
