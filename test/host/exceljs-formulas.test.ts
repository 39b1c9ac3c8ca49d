/** ExcelJsHost.readFormulas / writeFormulas: 转换为普通公式 in browser mode, on a real ExcelJS workbook. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip"; // ExcelJS's own zip library
import { ExcelJsHost } from "../../src/host/exceljs-host";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cz-f-")), "f.xlsx");
  await wb.xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return back;
}

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("计算");
  ws.getCell("A1").value = "基数";
  ws.getCell("A2").value = 2_000_000;
  ws.getCell("B2").value = { formula: 'CZ.SUBSIDY("equipment_network",A2)', result: 400000 };
  ws.getCell("C2").value = { formula: "A2*2", result: 4_000_000, shareType: "shared", ref: "C2:C3" } as ExcelJS.CellValue;
  ws.getCell("A3").value = 100;
  ws.getCell("C3").value = { sharedFormula: "C2", result: 200 };
  ws.getCell("D3").value = { formula: 'CZ.SUBSIDY("smart_factory")' }; // no cached result
  wb.addWorksheet("其他").getCell("A1").value = "x";
  return wb;
}

test("reads formulas (with '=', shared clones translated) and values of a sheet's used range", async () => {
  const host = new ExcelJsHost(await roundTrip(book()));
  const b = await host.readFormulas({ kind: "sheet", name: "计算" });
  expect(b).toMatchObject({ sheet: "计算", address: "A1:D3", firstRow: 1, firstCol: 0 });
  expect(b.formulas[1]).toEqual([2_000_000, '=CZ.SUBSIDY("equipment_network",A2)', "=A2*2", null]);
  expect(b.formulas[2]).toEqual([100, null, "=A3*2", '=CZ.SUBSIDY("smart_factory")']);
  expect(b.values[1]).toEqual([2_000_000, 400000, 4_000_000, null]);
  expect(b.values[2][2]).toBe(200);
});

test("an A1 range, and the selection's sheet", async () => {
  const host = new ExcelJsHost(book());
  const r = await host.readFormulas({ kind: "range", sheet: "计算", address: "B2:C2" });
  expect(r).toMatchObject({ address: "B2:C2", firstRow: 2, firstCol: 1, formulas: [['=CZ.SUBSIDY("equipment_network",A2)', "=A2*2"]] });
  await host.selectCell("其他", 1, 0);
  expect((await host.readFormulas({ kind: "selection" })).sheet).toBe("其他");
});

test("writes formulas and constants into exactly the given cells; a shared master's clone keeps its formula; the file still saves", async () => {
  const wb = await roundTrip(book());
  const host = new ExcelJsHost(wb);
  const n = await host.writeFormulas("计算", [
    { row: 2, col: 1, values: [["=IF(A2>=0,MIN(ROUND(A2*20%,2),500000),NA())", 4_000_000]] },
    { row: 3, col: 1, values: [[null]] }, // null leaves the cell as it is
  ]);
  expect(n).toBe(2);
  const ws = wb.getWorksheet("计算")!;
  expect(ws.getCell("B2").value).toEqual({ formula: "IF(A2>=0,MIN(ROUND(A2*20%,2),500000),NA())" });
  expect(ws.getCell("C2").value).toBe(4_000_000);
  // C3 was a clone of C2: it keeps its own formula.
  expect(ws.getCell("C3").formula).toBe("A3*2");
  // Untouched cells are unchanged.
  expect(ws.getCell("A2").value).toBe(2_000_000);
  expect(ws.getCell("D3").formula).toBe('CZ.SUBSIDY("smart_factory")');
  expect(wb.getWorksheet("其他")!.getCell("A1").value).toBe("x");
  const back = await roundTrip(wb);
  expect(back.getWorksheet("计算")!.getCell("B2").formula).toBe("IF(A2>=0,MIN(ROUND(A2*20%,2),500000),NA())");
  expect(back.getWorksheet("计算")!.getCell("C3").formula).toBe("A3*2");
  // Formulas are written without a cached result: Excel is told to recalculate on load.
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()));
  expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
});

test("nothing to write writes nothing", async () => {
  const wb = book();
  expect(await new ExcelJsHost(wb).writeFormulas("计算", [])).toBe(0);
});

test("a range is cut to the sheet's used part; tables give their data body; array formulas their spill block", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.addTable({
    name: "申报",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "项目" }, { name: "奖补" }],
    rows: [
      ["smart_factory", 1],
      ["digital_workshop", 2],
    ],
  });
  ws.getCell("B2").value = { formula: 'CZ.SUBSIDY("smart_factory")', result: 300000 };
  ws.getCell("D1").value = { formula: 'CZ.SPLIT("smart_factory")', result: 150000, shareType: "array", ref: "D1:E1" } as ExcelJS.CellValue;
  ws.getCell("E1").value = 150000;
  ws.getCell("D3").value = '=CZ.SUBSIDY("smart_factory")'; // text that looks like a formula
  const host = new ExcelJsHost(await roundTrip(wb));
  const b = await host.readFormulas({ kind: "range", sheet: "表", address: "A1:Z1000" });
  expect(b.address).toBe("A1:E3"); // not 26,000 cells
  expect(b.tables).toEqual([{ name: "申报", top: 2, bottom: 3, left: 0, right: 1 }]);
  expect(b.spills).toEqual([{ row: 1, col: 3, rows: 1, cols: 2, values: [[150000, 150000]] }]);
  // The text cell reads as text: its "formula" is its value, so the plan leaves it.
  expect(b.formulas[2][3]).toBe(b.values[2][3]);
});
