import { SHIPPED_POLICY } from "../../src/policy/shipped";
/** 转换为普通公式, the pure part: which cells are listed, what they become, and why some cannot. */
import { convertFormula } from "../../src/policy/native-formula";
import { cellsWritten, changesOf, isCzFormula, planConversion, writesOf, type FormulaBlock } from "../../src/convert/plan";
import { convertText } from "../../src/convert/messages";
import { parityProblems } from "../../src/i18n";

// Sheet "计算", block B2:F5 (firstRow 2, firstCol 1).
const BLOCK: FormulaBlock = {
  sheet: "计算",
  address: "B2:F5",
  firstRow: 2,
  firstCol: 1,
  formulas: [
    [2000000, '=CZ.SUBSIDY("equipment_network",B2)', "=SUM(B2:B5)", '=CZ.SPLIT("smart_factory")', 150000],
    ["smart_factory", "=CZ.SUBSIDY(B3)", "=CZ.SUBSIDY(Z99)", '=CZ.SPLIT("smart_factory")', "=B3"],
    [null, "=1+CZ.SUBSIDY(\"smart_factory\")", '=CZ.PROGRAMS("all")', null, '=CZ.SPLIT("smart_factory")'],
    [null, "=A1", '=CZ.SUBSIDY("no_such_program")', null, null],
  ],
  values: [
    [2000000, 400000, 123, 150000, 150000],
    ["smart_factory", 300000, "#NAME?", 150000, 0],
    [null, 300001, "#VALUE!", null, 150000],
    [null, 0, "#N/A", null, null],
  ],
};

test("isCzFormula: CZ calls anywhere in a formula, not other functions or constants", () => {
  expect(isCzFormula('=CZ.SUBSIDY("a")')).toBe(true);
  expect(isCzFormula("=_xldudf_CZ_SPLIT(A1)")).toBe(true);
  expect(isCzFormula('=1+cz.subsidy("a")')).toBe(true);
  expect(isCzFormula("=SUM(A1)")).toBe(false);
  expect(isCzFormula("=ABCZ.X(1)")).toBe(false);
  expect(isCzFormula('CZ.SUBSIDY("a")')).toBe(false); // a text constant, not a formula
  expect(isCzFormula(300000)).toBe(false);
});

test("native formulas: each CZ cell listed once, reasons for the rest, non-CZ cells never listed", () => {
  const items = planConversion(BLOCK, "formula", "zh", SHIPPED_POLICY);
  expect(items.map((x) => [x.address, x.after !== null, x.spill])).toEqual([
    ["C2", true, false],
    ["E2", true, false],
    ["F2", true, true], // the right-hand half of the CZ.SPLIT in E2
    ["C3", true, false], // program from B3, inside the block
    ["D3", false, false], // Z99 lies outside the block
    ["E3", false, false], // F3 holds its own formula (=B3)
    ["C4", false, false], // nested expression
    ["D4", false, false], // CZ.PROGRAMS has no native form
    ["F4", false, false], // G4 is outside the block
    ["D5", false, false], // unknown program
  ]);
  const by = (a: string) => items.find((x) => x.address === a)!;
  expect(by("C2").after).toBe((convertFormula('=CZ.SUBSIDY("equipment_network",B2)', { policy: SHIPPED_POLICY }) as { native: string }).native);
  const split = convertFormula('=CZ.SPLIT("smart_factory")', { policy: SHIPPED_POLICY }) as { native: [string, string] };
  expect([by("E2").after, by("F2").after]).toEqual(split.native);
  expect(by("F2").before).toBe("150000");
  expect(by("C3").after).toBe((convertFormula('=CZ.SUBSIDY("smart_factory")', { policy: SHIPPED_POLICY }) as { native: string }).native);
  expect(by("D3").reason).toContain("项目类别引用了单元格");
  expect(by("E3").reason).toBe("右侧单元格 F3 有其他公式，不能覆盖");
  expect(by("F4").reason).toBe("CZ.SPLIT 的第二个值在右侧单元格 G4，请把它也选入范围");
  expect(by("C4").reason).toBe("不是单个 CZ 函数公式");
  // Cells without a CZ call (SUM, =A1, =B3, constants) are not in the list, so never written.
  for (const a of ["B2", "D2", "F3", "C5", "B3"]) expect(items.some((x) => x.address === a && !x.spill)).toBe(false);
});

test("values: the current results, refusing errors and empty results", () => {
  const items = planConversion(BLOCK, "value", "en", SHIPPED_POLICY);
  const by = (a: string) => items.find((x) => x.address === a)!;
  expect(by("C2").after).toBe(400000);
  expect([by("E2").after, by("F2").after]).toEqual([150000, 150000]);
  expect(by("C3").after).toBe(300000);
  expect(by("D3").reason).toBe("The current value is the error #NAME?; it cannot become a value");
  expect(by("C4").after).toBe(300001); // a nested formula can still become its value
  expect(by("D4").after).toBeNull();
  expect(by("D5").reason).toContain("#N/A");
  expect(by("F4").reason).toContain("G4");
});

test("changesOf: exactly the convertible listed cells", () => {
  const items = planConversion(BLOCK, "formula", "zh", SHIPPED_POLICY);
  const ch = changesOf(items);
  expect(ch.map((c) => `${c.row}:${c.col}`)).toEqual(["2:2", "2:4", "2:5", "3:2"]);
  expect(ch.every((c) => typeof c.value === "string" && c.value.startsWith("="))).toBe(true);
});

test("a block without CZ formulas lists nothing", () => {
  expect(planConversion({ ...BLOCK, formulas: [["=SUM(A1:A2)", 3]], values: [[3, 3]] }, "formula", "zh", SHIPPED_POLICY)).toEqual([]);
});

describe("a conversion that cannot break a workbook", () => {
  test("quote-prefixed text that looks like a CZ formula is never listed (its value is the same text)", () => {
    const text = '=CZ.SUBSIDY("smart_factory")';
    const block: FormulaBlock = { sheet: "S", address: "A1:B1", firstRow: 1, firstCol: 0, formulas: [[text, text]], values: [[text, 300000]] };
    for (const mode of ["formula", "value", "auto"] as const) expect(planConversion(block, mode, "zh", SHIPPED_POLICY).map((x) => x.address)).toEqual(["B1"]);
  });

  test("auto (the CLI): the native formula where there is one, else the current value", () => {
    const items = planConversion(BLOCK, "auto", "zh", SHIPPED_POLICY);
    const by = (a: string) => items.find((x) => x.address === a)!;
    expect(by("C2").after).toBe((convertFormula('=CZ.SUBSIDY("equipment_network",B2)', { policy: SHIPPED_POLICY }) as { native: string }).native);
    expect(by("C4").after).toBe(300001); // nested: no native form, its value
    expect(by("D3").reason).toContain("#NAME?"); // no native form and no usable value
  });

  const PROGRAMS_BLOCK: FormulaBlock = {
    sheet: "目录",
    address: "A1:C3",
    firstRow: 1,
    firstCol: 0,
    formulas: [
      ["=CZ.PROGRAMS()", "中文名", "条款"],
      ["smart_factory", "省级智能工厂", "二"],
      ["dx_assessment", "数字化转型能力评估", "二"],
    ],
    values: [
      ["代码", "中文名", "条款"],
      ["smart_factory", "省级智能工厂", "二"],
      ["dx_assessment", "数字化转型能力评估", "二"],
    ],
  };

  test("CZ.PROGRAMS to values: its whole spill block in one write, or refused with a reason", () => {
    // The host knows the spill and it lies in the block: the whole block, one write.
    const known = { ...PROGRAMS_BLOCK, spills: [{ row: 1, col: 0, rows: 3, cols: 3 }] };
    const items = planConversion(known, "value", "zh", SHIPPED_POLICY);
    expect(items).toHaveLength(1);
    expect(items[0].block).toEqual(PROGRAMS_BLOCK.values);
    expect(writesOf(items)).toEqual([{ row: 1, col: 0, values: PROGRAMS_BLOCK.values }]);
    // Values given by the host for a spill reaching past the block.
    const wide = { ...PROGRAMS_BLOCK, spills: [{ row: 1, col: 0, rows: 1, cols: 4, values: [["代码", "中文名", "条款", "规则"]] }] };
    expect(planConversion(wide, "value", "zh", SHIPPED_POLICY)[0].block).toEqual([["代码", "中文名", "条款", "规则"]]);
    // A spill reaching past the block without its values: refused, naming the cell.
    const outside = { ...PROGRAMS_BLOCK, spills: [{ row: 1, col: 0, rows: 4, cols: 3 }] };
    expect(planConversion(outside, "value", "zh", SHIPPED_POLICY)[0]).toMatchObject({ after: null, reason: "溢出区域的单元格 A4 没有可用的值，请选中整个溢出区域后再转换" });
    // No spill information: refused, never one cell that deletes the rest.
    expect(planConversion(PROGRAMS_BLOCK, "value", "en", SHIPPED_POLICY)[0]).toMatchObject({ after: null });
    expect(planConversion(PROGRAMS_BLOCK, "value", "en", SHIPPED_POLICY)[0].reason).toContain("whole spill range");
    expect(planConversion(PROGRAMS_BLOCK, "auto", "zh", SHIPPED_POLICY)[0].after).toBeNull();
  });

  test("a table column is written in one assignment over its data body; other cells one by one", () => {
    // Table T: data body B2:C5 (Excel rows 2–5, columns 1–2). Converted: C2, C3, C5 (C4 left alone); and E2 outside.
    const items = [
      { row: 2, col: 2, address: "C2", before: "=CZ.SUBSIDY(1)", after: "=1", reason: null, spill: false },
      { row: 3, col: 2, address: "C3", before: "=CZ.SUBSIDY(2)", after: "=2", reason: null, spill: false },
      { row: 4, col: 2, address: "C4", before: "=CZ.SUBSIDY(x)", after: null, reason: "no", spill: false },
      { row: 5, col: 2, address: "C5", before: "=CZ.SUBSIDY(3)", after: 3, reason: null, spill: false },
      { row: 2, col: 4, address: "E2", before: "=CZ.SUBSIDY(4)", after: "=4", reason: null, spill: false },
    ];
    const writes = writesOf(items, [{ name: "T", top: 2, bottom: 5, left: 1, right: 2 }]);
    expect(writes).toEqual([
      { row: 2, col: 2, values: [["=1"], ["=2"], [null], [3]] },
      { row: 2, col: 4, values: [["=4"]] },
    ]);
    expect(cellsWritten(writes)).toBe(4);
  });
});

test("the reasons have the same keys in zh and en, and speak the language asked", () => {
  expect(parityProblems(convertText)).toEqual([]);
  expect(convertText("zh", "neighbour_taken", { cell: "D5" })).toBe("右侧单元格 D5 有其他公式，不能覆盖");
  expect(convertText("en", "neighbour_taken", { cell: "D5" })).toBe("The cell to the right, D5, holds another formula and is not overwritten");
});
