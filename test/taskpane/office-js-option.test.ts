/**
 * webpack's officeJs option: the default page loads office.js from Microsoft's CDN; officeJs=local
 * (the intranet build) serves it from dist/office-js/ with a CSP of 'self' only, copying only the
 * zh-CN and en-US resources and no debug builds.
 */
import path from "path";
const config = require("../../webpack.config.js");

interface Html {
  userOptions?: { templateParameters?: { officeJs: string; csp: string } };
  options?: { templateParameters?: { officeJs: string; csp: string } };
}

async function build(env: Record<string, string>) {
  const c = await config(env, { mode: "production" });
  const html = c.plugins.find((p: object) => p.constructor.name === "HtmlWebpackPlugin") as Html;
  const params = (html.userOptions ?? html.options)!.templateParameters!;
  const copy = c.plugins.find((p: object) => p.constructor.name === "CopyPlugin") as { patterns: Array<{ from: string; to: string; filter?: (f: string) => boolean }> };
  return { params, copy: copy.patterns };
}

test("default: Microsoft's CDN, its origin allowed for scripts", async () => {
  const { params, copy } = await build({});
  expect(params.officeJs).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  expect(params.csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(copy.some((p) => p.to === "office-js")).toBe(false);
});

test("officeJs=local: served next to the pane, CSP 'self' only, zh-CN/en-US resources only", async () => {
  const { params, copy } = await build({ officeJs: "local" });
  expect(params.officeJs).toBe("office-js/office.js");
  expect(params.csp).toContain("script-src 'self';");
  expect(params.csp).not.toMatch(/https?:/);
  const pattern = copy.find((p) => p.to === "office-js")!;
  const from = pattern.from;
  expect(pattern.filter!(path.join(from, "office.js"))).toBe(true);
  expect(pattern.filter!(path.join(from, "zh-cn", "office_strings.js"))).toBe(true);
  expect(pattern.filter!(path.join(from, "en-us", "office_strings.js"))).toBe(true);
  expect(pattern.filter!(path.join(from, "de-de", "office_strings.js"))).toBe(false);
  expect(pattern.filter!(path.join(from, "sr-latn-rs", "office_strings.js"))).toBe(false);
});
