/**
 * Benchmark c: how many context.sync calls (requests) reading and validating a table and writing
 * the reports take at 100 and 100,000 rows, through the REAL office.js serializer with a fake
 * Excel on the wire (test/support/office-wire.ts), and the largest request in bytes.
 */
import { OfficeHost } from "../src/host/office-host";
import { buildReports } from "../src/reports";
import { validateTable } from "../src/validation";
import { SHIPPED_POLICY } from "../src/policy/shipped";
import { FakeExcel, connectOfficeJs } from "../test/support/office-wire";
import { generateRows } from "./generate";

export async function benchSyncs(sizes = [100, 100000]) {
  const out: Record<string, number> = {};
  for (const n of sizes) {
    const fake = new FakeExcel();
    const undo = connectOfficeJs(fake);
    try {
      const ws = fake.addSheet("申报表", generateRows(n));
      fake.active = { sheet: ws, row: 2, col: 0 };
      const host = new OfficeHost();
      const region = await host.readRegion({ kind: "selection" });
      const report = validateTable({ values: region.values, firstRow: region.firstRow, firstCol: region.firstCol, sheet: region.sheet }, SHIPPED_POLICY, { keepOutcomes: false });
      out[`validate_${n}`] = fake.syncs.length;
      const before = fake.syncs.length;
      const bundle = buildReports(report, SHIPPED_POLICY);
      for (const spec of [bundle.results, bundle.summary, bundle.progress]) await host.writeSheet(spec);
      out[`reports_${n}`] = fake.syncs.length - before;
      out[`max_request_bytes_${n}`] = fake.maxRequestBytes();
    } finally {
      undo();
    }
  }
  return out;
}
