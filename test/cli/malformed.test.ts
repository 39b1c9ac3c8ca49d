/**
 * Malformed and hostile .xlsx files through `cz validate`: each gives exit 2, one clear line on
 * stderr, no stack trace, and no output file (not even a partial one).
 */
import * as fs from "fs";
import * as path from "path";
import { HEADERS, expectCleanFailure, patchDeclaredSize, runCli, sha256, tempDir, writeXlsx } from "./helpers";

let dir: string;
let good: string;

beforeAll(async () => {
  dir = tempDir("cz-bad-");
  good = await writeXlsx(path.join(dir, "good.xlsx"), [
    { name: "申报表", rows: [HEADERS, ["滁州甲公司", "91341100MA2N0000X1", "琅琊区", "smart_factory", "", null, null, "2022-03-01", 300000]] },
  ]);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Run validate with --out and check the failure is clean and leaves no output or temp file. */
function failsCleanly(file: string, pattern: RegExp, extra: string[] = []): void {
  const out = path.join(dir, `out-${path.basename(file)}`);
  const before = fs.existsSync(file) && fs.statSync(file).isFile() ? sha256(file) : null;
  const r = runCli(["validate", file, "--out", out, ...extra]);
  expectCleanFailure(r, pattern);
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  if (before) expect(sha256(file)).toBe(before);
}

test("missing file", () => {
  failsCleanly(path.join(dir, "nope.xlsx"), /^找不到文件：.*nope\.xlsx$/m);
});

test("a folder instead of a file", () => {
  const sub = path.join(dir, "folder.xlsx");
  fs.mkdirSync(sub);
  failsCleanly(sub, /不是文件/);
});

test("an empty (0-byte) file", () => {
  const f = path.join(dir, "zero.xlsx");
  fs.writeFileSync(f, "");
  failsCleanly(f, /文件为空/);
});

test("a text file renamed to .xlsx", () => {
  const f = path.join(dir, "renamed.xlsx");
  fs.writeFileSync(f, "企业名称,项目类别,申报金额（元）\n滁州甲公司,smart_factory,300000\n");
  failsCleanly(f, /不是有效的 \.xlsx 文件/);
});

test("a truncated file (cut in half)", () => {
  const f = path.join(dir, "truncated.xlsx");
  const buf = fs.readFileSync(good);
  fs.writeFileSync(f, buf.subarray(0, Math.floor(buf.length / 2)));
  failsCleanly(f, /文件不完整或已损坏/);
});

test("a file missing only its last bytes", () => {
  const f = path.join(dir, "truncated-tail.xlsx");
  const buf = fs.readFileSync(good);
  fs.writeFileSync(f, buf.subarray(0, buf.length - 10));
  failsCleanly(f, /文件不完整或已损坏/);
});

test("a password-protected (encrypted) workbook: OLE compound file with an EncryptionInfo stream", () => {
  const f = path.join(dir, "encrypted.xlsx");
  const buf = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  Buffer.from("EncryptionInfo", "utf16le").copy(buf, 1024);
  Buffer.from("EncryptedPackage", "utf16le").copy(buf, 1152);
  fs.writeFileSync(f, buf);
  failsCleanly(f, /文件已加密（设有打开密码）/);
});

test("an old .xls (OLE compound file without encryption) renamed to .xlsx", () => {
  const f = path.join(dir, "old.xlsx");
  const buf = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  Buffer.from("Workbook", "utf16le").copy(buf, 1024);
  fs.writeFileSync(f, buf);
  failsCleanly(f, /旧版 Excel 97-2003（\.xls）/);
});

test("a zip that is not a workbook (e.g. a .docx renamed)", async () => {
  const f = path.join(dir, "doc.xlsx");
  // A real zip without xl/workbook.xml: take the good file and rename the entry in both headers.
  const buf = fs.readFileSync(good);
  const from = Buffer.from("xl/workbook.xml");
  const to = Buffer.from("xl/workbook.xmX");
  let i = buf.indexOf(from);
  while (i >= 0) {
    to.copy(buf, i);
    i = buf.indexOf(from, i + 1);
  }
  fs.writeFileSync(f, buf);
  failsCleanly(f, /不是 Excel 工作簿/);
});

test("a zip bomb: a sheet declaring 900 MB unpacked from a few KB", async () => {
  const f = path.join(dir, "bomb.xlsx");
  fs.copyFileSync(good, f);
  patchDeclaredSize(f, "xl/worksheets/sheet1.xml", 900 * 1024 * 1024);
  failsCleanly(f, /疑似压缩炸弹或超大表格/);
});

test("a zip bomb that lies: a part unpacking to more than its directory declares", async () => {
  const f = path.join(dir, "liar.xlsx");
  fs.copyFileSync(good, f);
  patchDeclaredSize(f, "xl/worksheets/sheet1.xml", 100);
  failsCleanly(f, /疑似压缩炸弹或超大表格/);
});

test("damaged compressed data inside an intact zip directory", async () => {
  const f = path.join(dir, "damaged.xlsx");
  const buf = fs.readFileSync(good);
  const at = buf.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + 40;
  for (let i = 0; i < 64; i++) buf[at + i] = 0xff;
  fs.writeFileSync(f, buf);
  failsCleanly(f, /文件不完整或已损坏|无法读取该 \.xlsx 文件/);
});

test("parts declaring more than 1 GB in total", async () => {
  const f = path.join(dir, "huge.xlsx");
  fs.copyFileSync(good, f);
  patchDeclaredSize(f, "xl/styles.xml", 0x7fffffff);
  failsCleanly(f, /解压后过大/);
});

test("an empty sheet", async () => {
  const f = await writeXlsx(path.join(dir, "empty.xlsx"), [{ name: "Sheet1", rows: [] }]);
  failsCleanly(f, /工作表“Sheet1”是空的/);
});

test("an unknown --sheet name lists the sheets there are", () => {
  failsCleanly(good, /找不到工作表“不存在”，现有工作表：“申报表”/, ["--sheet", "不存在"]);
});

test("--out equal to the input is refused, whatever the spelling", () => {
  const before = sha256(good);
  for (const out of [good, path.join(dir, ".", "good.xlsx"), path.relative(process.cwd(), good)]) {
    const r = runCli(["validate", good, "--out", out]);
    expectCleanFailure(r, /输出文件不能与输入文件相同/);
  }
  expect(sha256(good)).toBe(before);
});

test("--out must be an .xlsx in an existing folder", () => {
  expectCleanFailure(runCli(["validate", good, "--out", path.join(dir, "r.csv")]), /须以 \.xlsx 结尾/);
  expectCleanFailure(runCli(["validate", good, "--out", path.join(dir, "no", "such", "r.xlsx")]), /输出目录不存在/);
});

test("messages in English with --lang en", () => {
  const r = runCli(["validate", path.join(dir, "nope.xlsx"), "--lang", "en"]);
  expectCleanFailure(r, /^File not found: /);
});

test("validate without a file", () => {
  expectCleanFailure(runCli(["validate"]), /缺少文件/);
});
