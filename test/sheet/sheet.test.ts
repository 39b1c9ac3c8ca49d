/** The neutral sheet helpers (src/sheet/): cell limit, names, severity order. */
import { fitCellText, MAX_CELL_CHARS, TRUNCATED_MARK } from "../../src/sheet/limits";
import { quoteSheetName, sheetRefName } from "../../src/sheet/names";
import { bySeverity, SEVERITIES, type Severity } from "../../src/sheet/severity";
import { cellWrite } from "../../src/host/office-host";

describe("fitCellText", () => {
  test("keeps a text that fits, to the character", () => {
    const s = "甲".repeat(MAX_CELL_CHARS);
    expect(fitCellText(s)).toBe(s);
  });
  test("cuts a longer text to exactly the limit, visibly", () => {
    const out = fitCellText("a".repeat(MAX_CELL_CHARS + 1));
    expect(out).toHaveLength(MAX_CELL_CHARS);
    expect(out.endsWith(TRUNCATED_MARK)).toBe(true);
  });
  test("never splits a surrogate pair", () => {
    const cut = MAX_CELL_CHARS - TRUNCATED_MARK.length;
    const s = "a".repeat(cut - 1) + "😀" + "b".repeat(10);
    const out = fitCellText(s);
    expect(out).toBe("a".repeat(cut - 1) + TRUNCATED_MARK);
  });
  test("the Office host writes what Excel can hold", () => {
    expect(String(cellWrite("x".repeat(40000)).value)).toHaveLength(MAX_CELL_CHARS);
  });
});

describe("sheet names in references", () => {
  test("quoted with quotes doubled", () => {
    expect(quoteSheetName("It's")).toBe("'It''s'");
  });
  test("bare only where Excel takes it bare", () => {
    expect(sheetRefName("Sheet1")).toBe("Sheet1");
    expect(sheetRefName("AB12")).toBe("'AB12'");
    expect(sheetRefName("汇总 表")).toBe("'汇总 表'");
    expect(sheetRefName("1st")).toBe("'1st'");
  });
});

test("severity order: errors, then warnings, then infos", () => {
  const s: Severity[] = ["info", "error", "warning", "info", "error"];
  expect(s.sort(bySeverity)).toEqual(["error", "error", "warning", "info", "info"]);
  expect(SEVERITIES).toEqual(["error", "warning", "info"]);
});
