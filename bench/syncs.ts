/**
 * Benchmark c: how many context.sync calls validating and building reports take at 100 and
 * 100,000 rows, through the counting Office.js mock (test/support/office-mock.ts), and the
 * largest single request in bytes (Excel on the web refuses requests over 5 MB).
 */
import { OfficeHost } from "../src/host/office-host";
import { buildReports } from "../src/reports";
import { validateTable } from "../src/validation";
import { SHIPPED_POLICY } from "../src/policy/shipped";
import { mockExcel } from "../test/support/office-mock";

export async function benchSyncs(sizes = [100, 100000]) {
  const out: Record<string, number> = {};
  for (const n of sizes) {
    const { rec } = mockExcel(n);
    const host = new OfficeHost();
    const region = await host.readRegion({ kind: "selection" });
    const report = validateTable({ values: region.values, firstRow: region.firstRow, firstCol: region.firstCol, sheet: region.sheet }, SHIPPED_POLICY, { keepOutcomes: false });
    out[`validate_${n}`] = rec.syncs;
    const before = rec.syncs;
    const bundle = buildReports(report, SHIPPED_POLICY);
    for (const spec of [bundle.results, bundle.summary, bundle.progress]) await host.writeSheet(spec);
    out[`reports_${n}`] = rec.syncs - before;
    out[`max_request_bytes_${n}`] = Math.max(...rec.requestBytes);
  }
  delete (global as any).Excel;
  return out;
}
