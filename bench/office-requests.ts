/**
 * The largest Office.js request (and response) per operation, measured through the REAL office.js
 * serializer with a fake Excel on the wire (test/support/office-wire.ts). Shared by `npm run bench`
 * and test/host/office-limits.test.ts, so the figures printed are the ones the tests hold to.
 *
 * Operations at `rows` rows: reading a rows × 20 block of Chinese text; writing the results, findings
 * (one linked row per finding), summary and progress sheets; converting `formulas` CZ formulas with
 * writeFormulas (one range call per formula: the worst case for the request framing).
 */
import { OfficeHost } from "../src/host/office-host";
import { SHIPPED_POLICY } from "../src/policy/shipped";
import { buildReports } from "../src/reports";
import { buildReportSheet } from "../src/taskpane/report-sheet";
import { validateTable } from "../src/validation";
import type { Finding } from "../src/validation/types";
import { FakeExcel, connectOfficeJs } from "../test/support/office-wire";
import { generateRows } from "./generate";

export interface OperationFigures {
  requests: number;
  max_request_bytes: number;
  max_response_bytes: number;
  failed: number;
}

/** A rows × cols block of Chinese text of realistic length (a company name, an address-like note). */
export function chineseBlock(rows: number, cols: number): string[][] {
  const out: string[][] = [Array.from({ length: cols }, (_, j) => `列${j + 1}（说明）`)];
  for (let i = 0; i < rows; i++) {
    const line: string[] = [];
    for (let j = 0; j < cols; j++) line.push(`滁州市测试企业${i}号有限公司第${j}栏`);
    out.push(line);
  }
  return out;
}

function figures(fake: FakeExcel, label: string): OperationFigures {
  const recs = fake.syncs.filter((r) => r.label === label);
  return {
    requests: recs.length,
    max_request_bytes: Math.max(0, ...recs.map((r) => r.bytes)),
    max_response_bytes: Math.max(0, ...recs.map((r) => r.responseBytes)),
    failed: recs.filter((r) => r.failed).length,
  };
}

export async function measureOfficeRequests(rows = 100_000, options: { formulas?: number; readCols?: number } = {}): Promise<Record<string, OperationFigures>> {
  const formulas = options.formulas ?? 50_000;
  const readCols = options.readCols ?? 20;
  const out: Record<string, OperationFigures> = {};
  const fake = new FakeExcel();
  const undo = connectOfficeJs(fake);
  try {
    const host = new OfficeHost();

    // Read: rows × 20 columns of Chinese text.
    const big = fake.addSheet("大表", chineseBlock(rows, readCols));
    fake.active = { sheet: big, row: 2, col: 0 };
    fake.label("read");
    const region = await host.readRegion({ kind: "sheet", name: "大表" });
    if (region.values.length !== rows + 1) throw new Error(`read ${region.values.length} rows, expected ${rows + 1}`);
    out[`read_${rows}x${readCols}`] = figures(fake, "read");
    big.rows = []; // free the memory

    // Validate a generated application table, then write every sheet the pane and CLI write.
    const apps = generateRows(rows);
    const report = validateTable({ values: apps, firstRow: 1, firstCol: 0, sheet: "申报表" }, SHIPPED_POLICY, { keepOutcomes: false });
    const bundle = buildReports(report, SHIPPED_POLICY);
    for (const [name, spec] of [["write_results", bundle.results], ["write_summary", bundle.summary], ["write_progress", bundle.progress]] as const) {
      fake.label(name);
      await host.writeSheet(spec);
      out[`${name}_${rows}`] = figures(fake, name);
    }
    // Findings: one linked row per finding (rows findings, as if every row had one).
    const findings: Finding[] = Array.from({ length: rows }, (_, i) => ({
      row: i + 2,
      column: "credit_code",
      col: 1,
      severity: "error",
      rule: "credit_code.check",
      message: "统一社会信用代码校验位不正确，请核对营业执照上的代码",
      messageEn: "The credit code's check character is wrong",
    }));
    const findingsSheet = buildReportSheet({ ...report, findings }, { sheet: "申报表", address: `A1:L${rows + 1}`, firstRow: 1, firstCol: 0, values: [] }, "zh");
    fake.label("write_findings");
    await host.writeSheet(findingsSheet);
    out[`write_findings_${rows}`] = figures(fake, "write_findings");
    for (const s of fake.sheets) s.rows = [];

    // Conversion: one formula per cell (the worst case: a range call per write).
    const conv = fake.addSheet("公式");
    const changes = Array.from({ length: formulas }, (_, i) => ({ row: i + 2, col: 9, values: [[`=IF(AND(ISNUMBER(F${i + 2}),F${i + 2}>0),ROUND(MIN(F${i + 2}*0.2,300000),2),"")`]] }));
    conv.fill([["x"]]);
    fake.label("convert");
    try {
      await host.writeFormulas("公式", changes);
    } catch {
      // A refused request is recorded (failed) in the figures.
    }
    out[`convert_${formulas}_formulas`] = figures(fake, "convert");
  } finally {
    undo();
  }
  return out;
}
