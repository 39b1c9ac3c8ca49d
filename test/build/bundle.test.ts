/**
 * The BUILT bundle, loaded the way Excel's runtime loads it: dist/functions.js evaluated on its
 * own in a fresh context whose only Office global is a stub CustomFunctions {associate, Error,
 * ErrorCode}. Checks registration against dist/functions.json, arity and optional flags,
 * Excel-style calls, size and contents of the bundle, the localized metadata files and the page.
 */
import fs from "fs";
import path from "path";
import { ensureDist } from "./ensure-dist";
import { loadBuiltFunctions, StubCfError } from "../support/load-functions";

const DIST = ensureDist();
const read = (f: string) => fs.readFileSync(path.join(DIST, f), "utf8");

interface Param {
  name: string;
  description: string;
  optional?: boolean;
  type?: string;
  dimensionality?: string;
}
interface FnMeta {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  options?: { requiresAddress?: boolean; requiresParameterAddresses?: boolean; stream?: boolean; cancelable?: boolean };
  result: { type?: string; dimensionality?: string };
}
const meta = JSON.parse(read("functions.json")) as { functions: FnMeta[] };
const { fns, counts } = loadBuiltFunctions(DIST);

/** Call as Excel does; a thrown CustomFunctions.Error is the cell's error value. */
function xl(id: string, ...args: unknown[]): unknown {
  const fn = fns[id];
  const m = meta.functions.find((f) => f.id === id)!;
  // Excel passes every declared parameter (null when omitted), then the invocation when requested.
  const full = m.parameters.map((_, i) => (i < args.length ? args[i] : null));
  if (m.options?.requiresAddress || m.options?.requiresParameterAddresses) full.push(args[m.parameters.length] ?? { address: "Sheet1!Z1", parameterAddresses: m.parameters.map(() => "") });
  try {
    return fn(...full);
  } catch (e) {
    if (e instanceof StubCfError) return e;
    throw e;
  }
}
function errOf(v: unknown) {
  if (!(v instanceof StubCfError)) throw new Error(`expected an error value, got ${JSON.stringify(v)}`);
  return { code: v.code, message: v.message };
}

/** The signatures the functions must have (optional parameters marked "?"). */
const SIGNATURES: Record<string, string[]> = {
  SUBSIDY: ["program", "amount?", "level?", "date?"],
  SPLIT: ["program", "amount?", "level?", "date?"],
  EXPLAIN: ["program", "amount?", "level?", "date?"],
  ELIGIBLE: ["program", "amount?", "level?", "date?"],
  CAP: ["program", "level?", "date?"],
  RATE: ["program", "date?"],
  PROGRAMS: ["date?"],
  TARGET: ["indicator", "year?", "date?"],
  NATIVE: ["program", "amount_ref?", "level_ref?", "date_ref?"],
};

describe("registration", () => {
  test("every function in functions.json is associated exactly once, and nothing else", () => {
    const ids = meta.functions.map((f) => f.id).sort();
    expect(ids).toEqual(Object.keys(SIGNATURES).sort());
    expect(Object.keys(counts).sort()).toEqual(ids);
    for (const id of ids) expect({ id, n: counts[id] }).toEqual({ id, n: 1 });
  });
  test("names are the ids (CZ.SUBSIDY …) and the results have the right shape", () => {
    for (const f of meta.functions) expect(f.name).toBe(f.id);
    const shape = Object.fromEntries(meta.functions.map((f) => [f.id, `${f.result.type ?? "any"}${f.result.dimensionality === "matrix" ? "[][]" : ""}`]));
    expect(shape).toEqual({ SUBSIDY: "number", SPLIT: "number[][]", EXPLAIN: "string", ELIGIBLE: "boolean", CAP: "number", RATE: "number", PROGRAMS: "any[][]", TARGET: "number", NATIVE: "string[][]" });
  });
  test("parameter counts and optional flags match the functions' arity", () => {
    for (const f of meta.functions) {
      const sig = f.parameters.map((p) => p.name + (p.optional ? "?" : ""));
      expect({ id: f.id, sig }).toEqual({ id: f.id, sig: SIGNATURES[f.id] });
      const invocation = f.options?.requiresAddress || f.options?.requiresParameterAddresses ? 1 : 0;
      expect({ id: f.id, length: fns[f.id].length }).toEqual({ id: f.id, length: f.parameters.length + invocation });
      // Optional parameters only at the end.
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });
});

describe("Excel-style calls through the built bundle", () => {
  test("the issue's examples", () => {
    expect(xl("SUBSIDY", "smart_factory")).toBe(300000);
    expect(xl("SPLIT", "smart_factory")).toEqual([[150000, 150000]]);
    expect(xl("SUBSIDY", "equipment_network", 800000)).toBe(160000);
    expect(xl("SUBSIDY", "equipment_network", 400000)).toBe(0);
    expect(xl("SUBSIDY", "dx_assessment", null, "5A")).toBe(500000);
    expect(xl("SUBSIDY", "ic_industrialization", 8000000, 15000000)).toBe(800000);
    expect(xl("EXPLAIN", "equipment_network", 800000)).toBe("政策第二部分第1项（加快工业设备网络化技术改造）·工业设备网络化技术改造：投资80万元≥50万元，按20%计16万元，未超上限200万元；受益财政承担");
  });
  test("ranges as 2-D arrays, 0 for empty cells", () => {
    expect(xl("SUBSIDY", [["equipment_network"]], [[800000]], [[0]], [[0]])).toBe(160000);
    expect(xl("SUBSIDY", "dx_assessment", 0, [["5A"]], 0)).toBe(500000);
    expect(xl("ELIGIBLE", [["equipment_network"]], [[400000]])).toBe(false);
    expect(xl("CAP", [["dx_assessment"]], [["4A"]])).toBe(300000);
    expect(xl("RATE", [["equipment_network"]])).toBe(0.2);
    expect(xl("TARGET", [["industrial_robots"]], 0)).toBe(600);
    expect(errOf(xl("SUBSIDY", "equipment_network", [[800000, 900000]]))).toEqual({ code: "#VALUE!", message: "此参数只接受单个单元格或值，不接受区域" });
    expect(errOf(xl("SUBSIDY", [["smart_factory"], ["equipment_network"]])).code).toBe("#VALUE!");
  });
  test("error values: unknown program, non-money, bad amount, missing amount, bad level, passed-in error", () => {
    const unknown = errOf(xl("SUBSIDY", "smart_factroy"));
    expect(unknown.code).toBe("#N/A");
    expect(unknown.message).toContain("smart_factory");
    expect(errOf(xl("SUBSIDY", "diagnosis_consulting")).code).toBe("#N/A");
    expect(errOf(xl("SUBSIDY", "equipment_network", -800000))).toEqual({ code: "#VALUE!", message: "金额不能为负数" });
    expect(errOf(xl("SUBSIDY", "equipment_network", "八十万")).code).toBe("#VALUE!");
    expect(errOf(xl("SUBSIDY", "equipment_network", null)).message).toContain("金额为空或为0");
    expect(errOf(xl("SUBSIDY", "dx_assessment", null, "6A")).code).toBe("#VALUE!");
    expect(errOf(xl("RATE", "smart_factory")).code).toBe("#N/A");
    const upstream = new StubCfError("#DIV/0!");
    expect(xl("SUBSIDY", "equipment_network", upstream)).toBe(upstream);
  });
  test("PROGRAMS spills a header row and every entry; SPLIT one row of two", () => {
    const rows = xl("PROGRAMS") as unknown[][];
    expect(rows[0]).toEqual(["代码", "中文名", "条款", "规则", "比例", "上限", "门槛", "承担"]);
    expect(rows.length).toBeGreaterThan(20);
    expect(xl("SPLIT", "equipment_network", 800000)).toEqual([[0, 160000]]);
  });
  test("NATIVE: a 1×1 matrix with the argument's cell address from the invocation; #N/A without addresses", () => {
    const native = meta.functions.find((f) => f.id === "NATIVE")!;
    // requiresParameterAddresses must go with a matrix result (custom-functions-json, options).
    expect(native.options).toMatchObject({ requiresAddress: true, requiresParameterAddresses: true });
    expect(native.result.dimensionality).toBe("matrix");
    const f = xl("NATIVE", "equipment_network", 800000, null, null, { address: "Sheet1!E2", parameterAddresses: ["Sheet1!A2", "Sheet1!C2", "", ""] }) as string[][];
    expect(f).toHaveLength(1);
    expect(f[0]).toHaveLength(1);
    expect(f[0][0]).toMatch(/^=/);
    expect(f[0][0]).toContain("C2");
    expect(f[0][0]).not.toContain("Sheet1!");
    // Excel before CustomFunctionsRuntime 1.3 passes no parameterAddresses.
    const none = errOf(xl("NATIVE", "equipment_network", 800000, null, null, { address: "Sheet1!E2" }));
    expect(none.code).toBe("#N/A");
    expect(none.message).toContain("CustomFunctionsRuntime 1.3");
    expect(fns.FORMULA).toBeUndefined();
  });
});

describe("the bundle itself", () => {
  const js = read("functions.js");
  // 62 KB: issue 13 added ~0.7 KB (error texts and CZ.EXPLAIN in Excel's display language, CZ.NATIVE's
  // address checks, the "functions loaded" marker for the pane) to a bundle already near 60 KB.
  test("functions.js is at most 62 KB minified", () => {
    expect(Buffer.byteLength(js)).toBeLessThanOrEqual(62 * 1024);
  });
  test("functions.js contains no React, Fluent UI or ExcelJS", () => {
    for (const marker of [/react-dom/i, /react\.(production|development)/, /__CLIENT_INTERNALS|__SECRET_INTERNALS/, /@fluentui/, /griffel/i, /makeStyles/, /exceljs/i, /JSZip/]) {
      expect({ marker: String(marker), found: marker.test(js) }).toEqual({ marker: String(marker), found: false });
    }
  });
  test("no eval or new Function in the built scripts", () => {
    for (const f of fs.readdirSync(DIST).filter((n) => n === "functions.js" || n === "taskpane.js")) {
      const code = read(f);
      expect({ f, evalCall: /\beval\s*\(/.test(code), newFunction: /new\s+Function\s*\(/.test(code) }).toEqual({ f, evalCall: false, newFunction: false });
    }
  });
  test("the associate calls were appended by the metadata plugin, once per function", () => {
    const calls = js.match(/CustomFunctions\.associate\("([A-Z]+)"/g) ?? [];
    expect(calls.length).toBe(meta.functions.length);
  });
});

describe("localized metadata files", () => {
  const zh = JSON.parse(read("functions.zh-cn.json")) as { functions: FnMeta[] };
  const en = JSON.parse(read("functions.en-us.json")) as { functions: FnMeta[] };
  const shape = (m: { functions: FnMeta[] }, names = true) => m.functions.map((f) => ({ id: f.id, name: f.name, options: f.options, result: f.result, params: f.parameters.map((p) => [names ? p.name : "", !!p.optional, p.type, p.dimensionality]) }));
  test("zh-CN and English describe the same functions and parameters as functions.json (zh-CN with Chinese parameter names)", () => {
    expect(shape(zh, false)).toEqual(shape(meta, false));
    expect(shape(en)).toEqual(shape(meta));
    expect(zh.functions.find((f) => f.id === "SUBSIDY")!.parameters.map((p) => p.name)).toEqual(["项目", "金额", "等级", "日期"]);
  });
  test("zh-CN descriptions are Chinese, English ones are not; the default shows both", () => {
    const CJK = /[\u4e00-\u9fff]/;
    for (const f of zh.functions) expect(CJK.test(f.description) && f.parameters.every((p) => CJK.test(p.description))).toBe(true);
    for (const f of en.functions) expect(CJK.test(f.description) || f.parameters.some((p) => CJK.test(p.description))).toBe(false);
    for (const f of meta.functions) expect(f.description).toBe(`${zh.functions.find((z) => z.id === f.id)!.description} (${en.functions.find((e) => e.id === f.id)!.description})`);
  });
});

describe("taskpane.html (shared runtime page)", () => {
  const html = read("taskpane.html");
  test("loads office.js from Microsoft's CDN without blocking (async), and taskpane.js; functions.js is added by the pane after office.js", () => {
    const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    const scripts = tags.map((t) => /\ssrc=["']?([^"' >]+)/.exec(t)![1]);
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "taskpane.js"]);
    expect(tags[0]).toMatch(/\sasync[\s>=]/);
    expect(tags[0]).toMatch(/id=["']?cz-office-js/);
    expect(html).toMatch(/<meta name=["']?cz-functions["']? content=["']?functions\.js/);
  });
  test("a CSP allows only 'self' plus the office.js CDN for scripts, and no other origin anywhere", () => {
    const m = /<meta http-equiv=["']?Content-Security-Policy["']? content="([^"]+)"/i.exec(html);
    expect(m).not.toBeNull();
    const csp = Object.fromEntries(m![1].split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(csp["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    const origins = new Set([...html.matchAll(/https?:\/\/[^\s"'<>/;]+/g)].map((x) => x[0]));
    expect([...origins]).toEqual(["https://appsforoffice.microsoft.com"]);
  });
  test("a page that cannot run the bundles (IE11 webview) is not blank: a static, script-free notice React replaces", () => {
    expect(html).toMatch(/id=["']?cz-no-runtime/);
    expect(html).toContain("WebView2");
    expect(html).toContain("#NAME?");
    // Every script has a src (the CSP allows no inline script); the notice needs none.
    expect([...html.matchAll(/<script\b[^>]*>/g)].every((m) => /\ssrc=/.test(m[0]))).toBe(true);
    expect(read("functions.js")).toContain("__CZ_FUNCTIONS_LOADED__");
  });
  test("assets/ is copied", () => {
    for (const n of [16, 32, 64, 80]) expect(fs.existsSync(path.join(DIST, "assets", `icon-${n}.png`))).toBe(true);
  });
});
