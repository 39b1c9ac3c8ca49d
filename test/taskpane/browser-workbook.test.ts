/**
 * Browser mode's file reader: what a file is comes from its bytes; a file that is not a readable
 * .xlsx gets one short sentence saying what to do (never a library error or URL); a CSV (UTF-8
 * with or without BOM, or GBK) is read into a one-sheet workbook.
 */
import fs from "fs";
import path from "path";
import { FileOpenError, csvValue, decodeText, downloadName, isEncryptedPackage, openWorkbook, parseCsv, sheetNameFor, sniff } from "../../src/taskpane/browser-workbook";
import { errorText } from "../../src/taskpane/context";

const SAMPLE = path.join(__dirname, "../../examples/applications-sample.xlsx");
const bytes = (s: string) => new TextEncoder().encode(s);
const buf = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
/** The first bytes of an OLE compound file, optionally naming an EncryptedPackage stream (UTF-16LE) as password-protected .xlsx files do. */
function ole(encrypted: boolean): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const body = new Uint8Array(2048);
  body.set(head, 0);
  if (encrypted) body.set(Array.from("EncryptedPackage").flatMap((c) => [c.charCodeAt(0), 0]), 1024);
  return body;
}

async function failure(name: string, data: Uint8Array): Promise<{ code: string; zh: string }> {
  try {
    await openWorkbook(name, buf(data));
  } catch (e) {
    expect(e).toBeInstanceOf(FileOpenError);
    return { code: (e as FileOpenError).code, zh: errorText(e, "zh") };
  }
  throw new Error("opened");
}

test("bytes decide: zip, OLE, text, empty", () => {
  expect(sniff(fs.readFileSync(SAMPLE))).toBe("xlsx");
  expect(sniff(ole(false))).toBe("ole");
  expect(sniff(bytes("a,b\n1,2"))).toBe("text");
  expect(sniff(new Uint8Array(0))).toBe("empty");
  expect(sniff(new Uint8Array([1, 0, 2]))).toBe("unknown");
  expect(isEncryptedPackage(ole(true))).toBe(true);
  expect(isEncryptedPackage(ole(false))).toBe(false);
});

test("bad files: one Chinese sentence each, saying to save as .xlsx; no library text or URL", async () => {
  const cases = [
    await failure("申报表.xlsx", bytes("这只是一个改了扩展名的文本文件")),
    await failure("old.xls", ole(false)),
    await failure("locked.xlsx", ole(true)),
    await failure("empty.xlsx", new Uint8Array(0)),
    await failure("broken.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])),
  ];
  expect(cases.map((c) => c.code)).toEqual(["file_not_xlsx", "file_xls", "file_encrypted", "file_empty", "file_damaged"]);
  for (const c of cases) {
    expect(c.zh).not.toMatch(/https?:|zip|JSZip|Error/i);
    expect(c.zh.length).toBeLessThan(70);
  }
  for (const c of cases.filter((x) => x.code !== "file_empty")) expect(c.zh).toContain("另存为");
});

test("the real sample opens, and saves as a workbook", async () => {
  const { host, file } = await openWorkbook("applications-sample.xlsx", buf(fs.readFileSync(SAMPLE)));
  expect(file.kind).toBe("xlsx");
  expect((await host.listSheets())[0]).toBe("申报表");
  const blob = await file.save();
  expect(blob.size).toBeGreaterThan(5000);
}, 60_000);

test("CSV: quotes, doubled quotes, newlines in quotes, CRLF, separators; numbers only where they are plain", () => {
  expect(parseCsv('企业名称,金额\r\n"甲,公司",300000\r\n"说""明""\n第二行",1\r\n\r\n')).toEqual([
    ["企业名称", "金额"],
    ["甲,公司", "300000"],
    ['说"明"\n第二行', "1"],
  ]);
  expect(parseCsv("a;b;c\n1;2;3")).toEqual([
    ["a", "b", "c"],
    ["1", "2", "3"],
  ]);
  expect(parseCsv("a\tb\n1\t2")).toEqual([
    ["a", "b"],
    ["1", "2"],
  ]);
  expect([csvValue("300000"), csvValue("0.5"), csvValue("0012"), csvValue("91341100MA2N0001XY"), csvValue("123456789012345678"), csvValue("  "), csvValue("2022-05-01")]).toEqual([
    300000,
    0.5,
    "0012",
    "91341100MA2N0001XY",
    "123456789012345678",
    null,
    "2022-05-01",
  ]);
});

test("CSV encodings: UTF-8 with BOM, and GBK", () => {
  expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("企业名称")]))).toEqual({ text: "企业名称", encoding: "utf-8" });
  // "企业" in GBK.
  expect(decodeText(new Uint8Array([0xc6, 0xf3, 0xd2, 0xb5]))).toEqual({ text: "企业", encoding: "gb18030" });
});

test("a CSV opens as a one-sheet workbook named after the file, downloaded as .xlsx", async () => {
  const csv = "\ufeff企业名称,统一社会信用代码,项目类别,申报金额（元）\n甲公司,91341100MA2N0001XY,smart_factory,300000\n";
  const { host, file } = await openWorkbook("申报[2024].csv", buf(bytes(csv)));
  expect(file.kind).toBe("csv");
  expect(await host.listSheets()).toEqual(["申报_2024_"]);
  const region = await host.readRegion({ kind: "sheet" });
  expect(region.values).toEqual([
    ["企业名称", "统一社会信用代码", "项目类别", "申报金额（元）"],
    ["甲公司", "91341100MA2N0001XY", "smart_factory", 300000],
  ]);
  expect(downloadName(file.name, "cz")).toBe("申报[2024]-cz.xlsx");
  expect(sheetNameFor("a/b:c*d?.csv")).toBe("a_b_c_d_");
}, 60_000);
