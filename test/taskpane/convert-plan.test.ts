import { SHIPPED_POLICY } from "../../src/policy/shipped";
/** 转换为普通公式, the pure part: which cells are listed, what they become, and why some cannot. */
import { convertFormula } from "../../src/policy/native-formula";
import { changesOf, isCzFormula, planConversion, type FormulaBlock } from "../../src/taskpane/convert-plan";

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
