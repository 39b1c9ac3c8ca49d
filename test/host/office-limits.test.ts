/**
 * Request limits measured with the REAL office.js serializer (test/support/office-wire.ts, whose
 * fake Excel also refuses > 5 MB requests/responses and > 5,000,000-cell reads, as Excel on the
 * web does): reading 100,000 rows × 20 columns of Chinese text, and writing the results,
 * findings, summary and progress sheets at 100,000 rows. Every request and response stays within
 * the 4,000,000-byte budget. The same code prints the figures in `npm run bench`.
 */
import { OfficeHost } from "../../src/host/office-host";
import { BULK_PIECE_CELLS, CELL_READ_LIMIT, REQUEST_BUDGET, bulkOverheadPerRow, chunkBySize, jsonBytes, rowsPerRead, utf8Bytes } from "../../src/host/request-size";
import { chineseBlock, measureOfficeRequests } from "../../bench/office-requests";
import { FakeExcel, connectOfficeJs } from "../support/office-wire";

describe("request-size arithmetic", () => {
  test("jsonBytes is the UTF-8 size of JSON.stringify, for the values a sheet holds", () => {
    const samples: unknown[] = ["滁州", 'a"b\\c', "line\nbreak", "😀 emoji", 1.5, -0, 1e21, true, false, null, ["企业", 3, [true, "x"]], ""];
    for (const v of samples) expect(jsonBytes(v)).toBe(Buffer.byteLength(JSON.stringify(v), "utf8"));
    expect(utf8Bytes("a滁😀")).toBe(Buffer.byteLength("a滁😀", "utf8"));
  });

  test("chunkBySize keeps every chunk within the budget and the item cap, in order, covering everything", () => {
    const sizes = [5, 5, 5, 9, 1, 12, 3, 3, 3, 3];
    const chunks = chunkBySize(sizes, (s) => s, 10, 3);
    expect(chunks.map((c) => [c.start, c.end])).toEqual([[0, 2], [2, 3], [3, 5], [5, 6], [6, 9], [9, 10]]);
    expect(chunks.every((c) => c.bytes <= 10 || c.end - c.start === 1)).toBe(true);
    expect(chunkBySize([], () => 1, 10)).toEqual([]);
  });

  test("rowsPerRead honours both the byte budget and the cell limit", () => {
    expect(rowsPerRead(20, 1000)).toBe(Math.floor(REQUEST_BUDGET / 1000));
    expect(rowsPerRead(2000, 10)).toBe(Math.floor(CELL_READ_LIMIT / 2000));
    expect(rowsPerRead(1, 10_000_000)).toBe(1);
    expect(bulkOverheadPerRow(BULK_PIECE_CELLS, 1)).toBe(1000);
  });
});

describe("reads are chunked by rows", () => {
  let undo: (() => void) | null = null;
  afterEach(() => undo?.());

  test("a block larger than the cell limit is read in pieces under it, and comes back whole", async () => {
    const fake = new FakeExcel();
    undo = connectOfficeJs(fake);
    fake.addSheet("表", chineseBlock(3000, 12));
    // A host told the limit is 10,000 cells must never ask for more.
    const r = await new OfficeHost({ cellReadLimit: 10_000 }).readRegion({ kind: "sheet", name: "表" });
    expect(r.values.length).toBe(3001);
    expect(r.values[2999][11]).toBe("滁州市测试企业2998号有限公司第11栏");
    const reads = fake.syncs.flatMap((rec) => rec.body.Actions.filter((a) => a.ActionType === 2 && a.QueryInfo?.Select?.includes("values")).map((a) => String(rec.body.ObjectPaths[String(a.ObjectPathId)].ArgumentInfo?.Arguments?.[0])));
    expect(reads.length).toBeGreaterThan(3);
    for (const addr of reads) {
      const m = /^A(\d+):L(\d+)$/.exec(addr)!;
      expect((Number(m[2]) - Number(m[1]) + 1) * 12).toBeLessThanOrEqual(10_000);
    }
  });

  test("a chunk Excel refuses as too large is read again in halves", async () => {
    const fake = new FakeExcel();
    undo = connectOfficeJs(fake);
    fake.addSheet("表", chineseBlock(2000, 20));
    // The first value read is refused once (as a > 5 MB response would be).
    let refused = false;
    fake.failRequest = (_i, body) => {
      if (refused || !body.Actions.some((a) => a.QueryInfo?.Select?.includes("values"))) return null;
      refused = true;
      return "ResponsePayloadSizeLimitExceeded";
    };
    const r = await new OfficeHost().readRegion({ kind: "sheet", name: "表" });
    expect(refused).toBe(true);
    expect(r.values.length).toBe(2001);
    expect(r.values.map((line) => line[0])).toEqual(chineseBlock(2000, 20).map((line) => line[0]));
  });
});

// 40,000 rows already fill write requests to within 1% of the budget (3.97 of 4 MB) and cut the read
// into 15 requests; \`npm run bench\` measures the same at 100,000 rows (README "Excel hosts").
describe("40,000 rows through the real serializer", () => {
  test("every read and write request (and response) stays under 4,000,000 bytes; nothing refused", async () => {
    const figures = await measureOfficeRequests(40_000, { formulas: 0 });
    const ops = Object.keys(figures);
    expect(ops).toEqual(expect.arrayContaining(["read_40000x20", "write_results_40000", "write_findings_40000", "write_summary_40000", "write_progress_40000"]));
    for (const op of ops.filter((o) => !o.startsWith("convert"))) {
      expect({ op, failed: figures[op].failed }).toEqual({ op, failed: 0 });
      expect(figures[op].max_request_bytes).toBeLessThanOrEqual(REQUEST_BUDGET);
      expect(figures[op].max_response_bytes).toBeLessThanOrEqual(REQUEST_BUDGET);
    }
    // Big operations really are cut into several requests.
    expect(figures.read_40000x20.requests).toBeGreaterThan(10);
    expect(figures.write_results_40000.requests).toBeGreaterThan(5);
    // The budget is really approached (the chunking is tested at its edge, not far below it).
    expect(figures.write_results_40000.max_request_bytes).toBeGreaterThan(0.9 * REQUEST_BUDGET);
    expect(figures.write_findings_40000.requests).toBeGreaterThan(5);
  });

  test("converting 50,000 CZ formulas (one cell each) is cut into requests within the budget, none refused", async () => {
    const figures = await measureOfficeRequests(10, { formulas: 50_000, readCols: 2 });
    const conv = figures.convert_50000_formulas;
    expect(conv.failed).toBe(0);
    expect(conv.requests).toBeGreaterThan(1);
    expect(conv.max_request_bytes).toBeLessThanOrEqual(REQUEST_BUDGET);
  });
});
