/**
 * Offline checks of the manifest (office-addin-manifest validate needs Microsoft's online
 * service): well-formed XML, every resid resolves to the right kind of resource, URLs point at
 * built files, namespace CZ, shared runtime, least permission, localized metadata overrides, and
 * a build with another base URL rewrites every URL.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
// xml2js comes with office-addin-manifest (no @types package installed).
const { parseStringPromise } = require("xml2js") as { parseStringPromise: (xml: string, options?: object) => Promise<unknown> };
import { OfficeAddinManifest } from "office-addin-manifest";
import { ensureDist, ROOT } from "../build/ensure-dist";

const DEV = "https://localhost:3000/";
const DIST = ensureDist();

type Node = { $?: Record<string, string>; [child: string]: unknown };

/** Every element (name, attributes, parent name) in document order. */
function walk(node: Node, name: string, parent: string, out: Array<{ name: string; attrs: Record<string, string>; parent: string; node: Node }>) {
  out.push({ name, attrs: node.$ ?? {}, parent, node });
  for (const [k, v] of Object.entries(node)) {
    if (k === "$" || k === "_") continue;
    for (const child of v as Node[]) if (child && typeof child === "object") walk(child, k, name, out);
  }
  return out;
}

async function load(file: string) {
  const xml = fs.readFileSync(file, "utf8");
  const doc = (await parseStringPromise(xml, { explicitChildren: false })) as { OfficeApp: Node };
  return { xml, doc, elements: walk(doc.OfficeApp, "OfficeApp", "", []) };
}

/** Resources by id and kind. */
function resources(elements: Awaited<ReturnType<typeof load>>["elements"]) {
  const kinds: Record<string, string> = {};
  const values: Record<string, string[]> = {};
  for (const e of elements) {
    const kind = e.name === "bt:Image" && e.parent === "bt:Images" ? "image" : e.name === "bt:Url" ? "url" : e.name === "bt:String" && e.parent === "bt:ShortStrings" ? "short" : e.name === "bt:String" && e.parent === "bt:LongStrings" ? "long" : null;
    if (!kind || !e.attrs.id) continue;
    if (kinds[e.attrs.id]) throw new Error(`duplicate resource id ${e.attrs.id}`);
    kinds[e.attrs.id] = kind;
    values[e.attrs.id] = [e.attrs.DefaultValue, ...((e.node["bt:Override"] as Node[] | undefined) ?? []).map((o) => o.$!.Value)];
  }
  return { kinds, values };
}

/** What kind of resource a resid must name, by the element carrying it. */
function expectedKind(el: string, parent: string): string {
  if (el === "bt:Image") return "image";
  if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(el)) return "url";
  if (el === "Namespace" || el === "Label" || (el === "Title" && (parent === "Supertip" || parent === "GetStarted"))) return "short";
  if (el === "Description") return "long";
  throw new Error(`no rule for resid on <${el}> in <${parent}>`);
}

/** Every absolute URL in the manifest (attributes DefaultValue / Value). */
function urls(xml: string): string[] {
  return [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
}

describe.each([
  ["manifest.xml (source)", path.join(ROOT, "manifest.xml")],
  ["dist/manifest.xml (built)", path.join(DIST, "manifest.xml")],
])("%s", (_label, file) => {
  test("is well-formed and office-addin-manifest reads it offline", async () => {
    const { doc } = await load(file);
    expect(doc.OfficeApp.$!["xsi:type"]).toBe("TaskPaneApp");
    const info = await OfficeAddinManifest.readManifestFile(file);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.permissions).toBe("ReadWriteDocument");
  });
  test("every resid resolves to a resource of the right kind; every resource is used", async () => {
    const { elements } = await load(file);
    const { kinds } = resources(elements);
    const used = new Set<string>();
    for (const e of elements) {
      const resid = e.attrs.resid;
      if (!resid) continue;
      used.add(resid);
      expect({ resid, on: e.name, kind: kinds[resid] }).toEqual({ resid, on: e.name, kind: expectedKind(e.name, e.parent) });
    }
    expect(Object.keys(kinds).filter((id) => !used.has(id))).toEqual([]);
  });
  test("namespace CZ, shared runtime, least permission", async () => {
    const { xml, elements } = await load(file);
    const { values } = resources(elements);
    const ns = elements.find((e) => e.name === "Namespace")!;
    expect(values[ns.attrs.resid]).toEqual(["CZ"]);
    const runtimes = elements.filter((e) => e.name === "Runtime");
    expect(runtimes.map((r) => r.attrs)).toEqual([{ resid: "Taskpane.Url", lifetime: "long" }]);
    const cf = elements.find((e) => e.name === "ExtensionPoint" && e.attrs["xsi:type"] === "CustomFunctions")!;
    const page = (cf.node.Page as Node[])[0].SourceLocation as Node[];
    expect(page[0].$!.resid).toBe("Taskpane.Url");
    expect(elements.find((e) => e.name === "FunctionFile")!.attrs.resid).toBe("Taskpane.Url");
    // The shared runtime, ExcelApi 1.9, and CustomFunctionsRuntime 1.3 for CZ.NATIVE's invocation.parameterAddresses.
    expect(elements.filter((e) => e.name === "Set").map((e) => e.attrs)).toEqual([
      { Name: "SharedRuntime", MinVersion: "1.1" },
      { Name: "ExcelApi", MinVersion: "1.9" },
      { Name: "CustomFunctionsRuntime", MinVersion: "1.3" },
    ]);
    // Exactly one <Permissions>, and it is ReadWriteDocument (not ReadWriteMailbox, not Restricted…).
    expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1].trim())).toEqual(["ReadWriteDocument"]);
  });
  test("function metadata is localized: zh-cn, and English for every English Excel UI", async () => {
    const { elements } = await load(file);
    const { values } = resources(elements);
    const meta = elements.find((e) => e.name === "bt:Url" && e.attrs.id === "Functions.Metadata.Url")!;
    const overrides = ((meta.node["bt:Override"] as Node[]) ?? []).map((o) => [o.$!.Locale, o.$!.Value.replace(/^.*\//, "")]);
    expect(overrides).toEqual([
      ["zh-cn", "functions.zh-cn.json"],
      ["en-us", "functions.en-us.json"],
      ...["en-gb", "en-au", "en-ca", "en-in", "en-ie", "en-nz", "en-sg", "en-za"].map((l) => [l, "functions.en-us.json"]),
    ]);
    expect(values["Functions.Metadata.Url"][0].endsWith("/functions.json")).toBe(true);
    expect(values["Functions.Script.Url"][0].endsWith("/functions.js")).toBe(true);
    expect(values["Taskpane.Url"][0].endsWith("/taskpane.html")).toBe(true);
  });
  test("every URL is under https://localhost:3000/ (the dev default) and names a built file", () => {
    const all = urls(fs.readFileSync(file, "utf8"));
    expect(all.length).toBeGreaterThan(10);
    for (const u of all) {
      expect(u.startsWith(DEV)).toBe(true);
      const rel = u.slice(DEV.length);
      expect({ u, exists: rel !== "" && fs.existsSync(path.join(DIST, rel)) }).toEqual({ u, exists: true });
    }
  });
});

describe("dist/manifest-pane-only.xml (no shared runtime: Office Online Server, volume Office 2016/2019)", () => {
  const file = path.join(DIST, "manifest-pane-only.xml");
  test("office-addin-manifest reads it; its own Id; ExcelApi 1.1, no SharedRuntime", async () => {
    const info = await OfficeAddinManifest.readManifestFile(file);
    const main = await OfficeAddinManifest.readManifestFile(path.join(DIST, "manifest.xml"));
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.id).not.toBe(main.id);
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV}taskpane.html`);
    const { elements } = await load(file);
    expect(elements.filter((e) => e.name === "Set").map((e) => e.attrs)).toEqual([{ Name: "ExcelApi", MinVersion: "1.1" }]);
  });
  test("no runtime, no custom functions; every resid resolves and every resource is used; URLs name built files", async () => {
    const { xml, elements } = await load(file);
    expect(elements.filter((e) => e.name === "Runtime" || e.name === "Runtimes")).toEqual([]);
    expect(elements.filter((e) => e.name === "ExtensionPoint").map((e) => e.attrs["xsi:type"])).toEqual(["PrimaryCommandSurface"]);
    expect(xml).not.toMatch(/functions\.js|functions\.json|CZ\.SUBSIDY/);
    const { kinds } = resources(elements);
    const used = new Set<string>();
    for (const e of elements) {
      if (!e.attrs.resid) continue;
      used.add(e.attrs.resid);
      expect({ resid: e.attrs.resid, kind: kinds[e.attrs.resid] }).toEqual({ resid: e.attrs.resid, kind: expectedKind(e.name, e.parent) });
    }
    expect(Object.keys(kinds).filter((id) => !used.has(id))).toEqual([]);
    for (const u of urls(xml)) expect({ u, exists: fs.existsSync(path.join(DIST, u.slice(DEV.length))) }).toEqual({ u, exists: true });
  });
});

test("the source manifest explains why ReadWriteDocument is needed", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const comment = /<!--((?:(?!-->)[\s\S])*)-->\s*<Permissions>/.exec(xml);
  expect(comment).not.toBeNull();
  expect(comment![1]).toMatch(/ReadWriteDocument/);
  expect(comment![1]).toMatch(/sheet/i);
});

describe("a build for an intranet base URL", () => {
  const BASE = "https://intranet.example/cz/";
  let work: string;
  let out: string;
  beforeAll(() => {
    // The real webpack configuration for BASE (manifest copy and URL rewrite, page, function
    // metadata and its localized files, assets), with the two code entries replaced by empty
    // modules: what they compile to does not depend on the base URL (dist/ is that build), and
    // compiling React and Fluent a second time cost over a minute here.
    work = fs.mkdtempSync(path.join(os.tmpdir(), "cz-base-url-"));
    out = path.join(work, "dist");
    for (const name of ["functions", "taskpane"]) fs.writeFileSync(path.join(work, `${name}.js`), `// ${name} entry (not rebuilt for this test)\n`);
    const config = path.join(work, "webpack.config.js");
    fs.writeFileSync(
      config,
      `const real = require(${JSON.stringify(path.join(ROOT, "webpack.config.js"))});
module.exports = async (env, argv) => {
  const config = await real(env, argv);
  config.entry = { functions: ${JSON.stringify(path.join(work, "functions.js"))}, taskpane: ${JSON.stringify(path.join(work, "taskpane.js"))} };
  return config;
};
`,
    );
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--config", config, "--mode", "production", "--env", `baseUrl=${BASE}`, "--output-path", out], { cwd: ROOT, stdio: "pipe" });
  }, 240_000);
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });
  test("only the code entries differ from the real build: the same files, the same metadata", () => {
    const list = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]));
    const code = (f: string) => /\.js(\.LICENSE\.txt)?$/.test(f) || f.startsWith("cli/");
    expect(list(out).filter((f) => !code(f)).sort()).toEqual(list(DIST).filter((f) => !code(f)).sort());
    for (const f of ["functions.json", "functions.zh-cn.json", "functions.en-us.json"]) expect({ f, same: fs.readFileSync(path.join(out, f), "utf8") === fs.readFileSync(path.join(DIST, f), "utf8") }).toEqual({ f, same: true });
  });
  test("every URL in the produced manifest starts with the base URL and names a file in that output", async () => {
    const file = path.join(out, "manifest.xml");
    const xml = fs.readFileSync(file, "utf8");
    expect(xml).not.toContain("localhost");
    const all = urls(xml);
    expect(all.length).toBe(urls(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")).length);
    for (const u of all) {
      expect(u.startsWith(BASE)).toBe(true);
      expect({ u, exists: fs.existsSync(path.join(out, u.slice(BASE.length))) }).toEqual({ u, exists: true });
    }
    const info = await OfficeAddinManifest.readManifestFile(file);
    expect(info.defaultSettings?.sourceLocation).toBe(`${BASE}taskpane.html`);
    // The page itself uses relative URLs, so it works under any base: it is the default build's page.
    expect(fs.readFileSync(path.join(out, "taskpane.html"), "utf8")).not.toContain("intranet.example");
    expect(fs.readFileSync(path.join(out, "taskpane.html"), "utf8")).toBe(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8"));
    // The pane-only manifest is rewritten too.
    const paneOnly = urls(fs.readFileSync(path.join(out, "manifest-pane-only.xml"), "utf8"));
    expect(paneOnly.length).toBeGreaterThan(5);
    for (const u of paneOnly) expect({ u, exists: u.startsWith(BASE) && fs.existsSync(path.join(out, u.slice(BASE.length))) }).toEqual({ u, exists: true });
  });
});
