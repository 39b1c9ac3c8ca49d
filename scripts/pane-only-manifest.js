#!/usr/bin/env node
/**
 * The pane-only manifest (manifest-pane-only.xml) for Excel without the shared runtime:
 * Office Online Server and volume-licensed Office 2016/2019 (Microsoft's requirement-set tables:
 * SharedRuntime 1.1 and custom functions need Microsoft 365 Excel ≥ 2002 or Excel 2021; Office
 * 2019 volume stops at ExcelApi 1.7, Office 2016 volume at 1.1).
 *
 * Derived from manifest.xml, so the two never drift: a different add-in Id (both can be installed),
 * no <Runtimes>, no CustomFunctions extension point and no function resources, no SharedRuntime
 * requirement, ExcelApi 1.1 as the minimum (the Office host falls back below 1.9; see
 * src/host/office-host.ts). The ribbon button stays (clients without add-in commands ignore
 * VersionOverrides and open the pane from Insert → My Add-ins).
 *
 * Built by `npm run build` (dist/manifest-pane-only.xml, with the build's base URL) or alone by
 * `npm run manifest:pane-only [-- <baseUrl>]`.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const PANE_ONLY_ID = "0378ad99-e8dc-42f4-8faf-974cd75e1160";

function cut(xml, re, what) {
  if (!re.test(xml)) throw new Error(`pane-only manifest: ${what} not found in manifest.xml`);
  return xml.replace(re, "");
}

/** manifest.xml text → pane-only manifest text. */
function paneOnlyManifest(xml) {
  let s = xml.toString();
  s = s.replace(/<!--[\s\S]*?-->\s*(?=<OfficeApp)/, `<!--
  cz-subsidy, PANE ONLY (generated from manifest.xml by scripts/pane-only-manifest.js; do not edit).
  For Excel without the shared runtime: Office Online Server, volume-licensed Office 2016/2019.
  The task pane (catalogue, validation, reports) works; the CZ.* formulas do not exist here.
-->
`);
  s = s.replace(/<Id>[^<]*<\/Id>/, `<Id>${PANE_ONLY_ID}</Id>`);
  s = s.replace(/(<DisplayName DefaultValue=")([^"]*)(">)/, "$1$2（仅窗格）$3").replace(/(<Override Locale="en-us" Value="Chuzhou Industrial-Internet Subsidy)(")/, "$1 (pane only)$2");
  s = s.replace(/<Requirements>[\s\S]*?<\/Requirements>/, `<Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="ExcelApi" MinVersion="1.1" />
    </Sets>
  </Requirements>`);
  s = cut(s, /\s*<Runtimes>[\s\S]*?<\/Runtimes>/, "<Runtimes>");
  s = cut(s, /\s*<AllFormFactors>[\s\S]*?<\/AllFormFactors>/, "the CustomFunctions <AllFormFactors>");
  s = cut(s, /\s*<bt:Url id="Functions\.Script\.Url"[^>]*\/>/, "Functions.Script.Url");
  s = cut(s, /\s*<bt:Url id="Functions\.Metadata\.Url"[\s\S]*?<\/bt:Url>/, "Functions.Metadata.Url");
  s = cut(s, /\s*<bt:String id="Functions\.Namespace"[^>]*\/>/, "Functions.Namespace");
  s = s.replace(
    /(<bt:String id="GetStarted\.Description" DefaultValue=")[^"]*(">\s*<bt:Override Locale="en-us" Value=")[^"]*(")/,
    "$1点击“开始”选项卡上的“奖补窗格”（或 插入 → 我的加载项）查看政策目录、校验申报表、生成报表。此版本不含 CZ 公式。$2Open the Subsidy pane on the Home tab (or Insert → My Add-ins) to browse the catalogue, validate applications and build reports. This version has no CZ formulas.$3",
  );
  return s;
}

if (require.main === module) {
  const root = path.join(__dirname, "..");
  const base = process.argv[2];
  let xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
  if (base) xml = xml.split("https://localhost:3000/").join(base.endsWith("/") ? base : `${base}/`);
  const out = path.join(root, "dist", "manifest-pane-only.xml");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, paneOnlyManifest(xml));
  console.log(`已生成 / written ${path.relative(root, out)}`);
}

module.exports = { paneOnlyManifest, PANE_ONLY_ID };
