/** docs/VALIDATION_RULES.md and RULES (src/validation/rules.ts) describe the same rules. */
import * as fs from "node:fs";
import * as path from "node:path";
import { RULES } from "../../src/validation/rules";
import { parityProblems } from "../../src/i18n";
import { findingText } from "../../src/validation/messages";

const DOC = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "VALIDATION_RULES.md"), "utf8");

function docRows(): Array<{ code: string; severity: string; column: string; zh: string; en: string; basis: string }> {
  return DOC.split("\n")
    .filter((l) => /^\| `[a-z_.]+` \|/.test(l))
    .map((l) => {
      const cells = l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, "|"));
      return { code: cells[0].replace(/`/g, ""), severity: cells[1], column: cells[2], zh: cells[3], en: cells[4], basis: cells[5] };
    });
}

test("the doc table and the data agree, row for row", () => {
  const rows = docRows();
  expect(rows.map((r) => r.code)).toEqual(RULES.map((r) => r.code));
  for (const r of RULES) {
    const d = rows.find((x) => x.code === r.code)!;
    expect(d.severity).toBe(r.severity);
    expect(d.column).toBe(r.column ?? "—");
    expect(d.zh).toBe(r.meaning.zh);
    expect(d.en).toBe(r.meaning.en);
    expect(d.basis).toBe(r.basis);
  }
});

test("rule codes are unique and every rule has a message in both languages", () => {
  expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
  expect(parityProblems(findingText)).toEqual([]);
  for (const r of RULES) {
    expect(typeof findingText.tables.zh[r.code]).toBe("function");
    expect(typeof findingText.tables.en[r.code]).toBe("function");
  }
  expect(Object.keys(findingText.tables.zh).sort()).toEqual(RULES.map((r) => r.code).sort());
  expect(Object.keys(findingText.tables.en).sort()).toEqual(RULES.map((r) => r.code).sort());
});
