/**
 * ExcelJS for Node, with one fix applied before it loads, loaded on first use: a command that
 * stops before reading a workbook (a missing or damaged file, an --out refused) never pays the
 * 0.3 s it takes to load.
 *
 * ExcelJS 4.4's streaming reader (stream.xlsx.WorkbookReader, which the CLI uses for large
 * sheets) decodes every zip chunk to text on its own, so a Chinese character whose UTF-8 bytes
 * straddle two chunks turns into "��". On a 100,000-row county table that silently changed
 * 所属地区 names in about one row in 8,000. We register a corrected copy of its small SAX
 * adapter (same events, but a streaming UTF-8 decoder) in the module cache first, so every
 * ExcelJS module that requires it gets the fixed one.
 */
import { StringDecoder } from "string_decoder";
import type * as ExcelJSTypes from "exceljs";

function installUtf8SafeSax(): void {
  const target = require.resolve("exceljs/lib/utils/parse-sax.js");
  if (require.cache[target]) return;
  // Resolve ExcelJS's own dependencies from where ExcelJS is installed.
  const from = { paths: [require("path").dirname(require.resolve("exceljs/package.json"))] };
  const { SaxesParser } = require(require.resolve("saxes", from));
  const { PassThrough } = require(require.resolve("readable-stream", from));
  async function* parseSax(iterable: any): AsyncGenerator<Array<{ eventType: string; value: unknown }>> {
    if (iterable.pipe && !iterable[Symbol.asyncIterator]) iterable = iterable.pipe(new PassThrough());
    const parser = new SaxesParser();
    const decoder = new StringDecoder("utf8");
    let error: unknown;
    let events: Array<{ eventType: string; value: unknown }> = [];
    parser.on("error", (err: unknown) => (error = err));
    parser.on("opentag", (value: unknown) => events.push({ eventType: "opentag", value }));
    parser.on("text", (value: unknown) => events.push({ eventType: "text", value }));
    parser.on("closetag", (value: unknown) => events.push({ eventType: "closetag", value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === "string" ? chunk : decoder.write(Buffer.from(chunk)));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.end();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }
  const m = new (require("module").Module)(target);
  m.filename = target;
  m.loaded = true;
  m.exports = parseSax;
  require.cache[target] = m;
}

let loaded: typeof ExcelJSTypes | undefined;

export function excelJs(): typeof ExcelJSTypes {
  if (!loaded) {
    installUtf8SafeSax();
    loaded = require("exceljs") as typeof ExcelJSTypes;
  }
  return loaded;
}
