/**
 * Build step: localised custom-function metadata from ONE source of truth.
 *
 * custom-functions-metadata-plugin generates functions.json from the JSDoc of
 * src/functions/functions.ts but does not localise. The texts live in
 * src/functions/metadata-text.json ({ID: {zh, en, parameters: {name: {zh, en}}}}); this step
 * (a webpack plugin, run after the metadata plugin has emitted functions.json) writes:
 *   - functions.json        descriptions "zh (en)"  (the manifest's default Functions.Metadata.Url)
 *   - functions.zh-cn.json  zh-CN only               (<bt:Override Locale="zh-cn">)
 *   - functions.en-us.json  English only             (<bt:Override Locale="en-us">)
 * Function ids, names, types and options stay exactly as generated, so a workbook's formulas are
 * the same in every language (=CZ.SUBSIDY everywhere). Parameter NAMES are what Excel's formula
 * tooltip shows: functions.zh-cn.json gives the Chinese ones of the table (name_zh: 项目, 金额,
 * 等级, 日期 …); the default and English files keep the JSDoc's (program, amount …). Names are
 * display only: arguments are positional. The build fails when the table and the JSDoc disagree
 * on the functions or their parameters, or a parameter has no Chinese name.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const TABLE_FILE = path.join(__dirname, "..", "src", "functions", "metadata-text.json");
const LOCALES = { "zh-cn": "zh", "en-us": "en" };

function readTable(file = TABLE_FILE) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** "zh (en)": the text the JSDoc carries and the default functions.json shows. */
function combined(entry) {
  return `${entry.zh} (${entry.en})`;
}

/** Differences between the generated metadata and the table, as readable lines ([] when none). */
function checkAgainstTable(metadata, table) {
  const problems = [];
  const ids = new Set();
  for (const f of metadata.functions) {
    ids.add(f.id);
    const t = table[f.id];
    if (!t) {
      problems.push(`${f.id}: missing from metadata-text.json`);
      continue;
    }
    const names = f.parameters.map((p) => p.name);
    const tNames = Object.keys(t.parameters || {});
    if (names.join(",") !== tNames.join(",")) problems.push(`${f.id}: parameters ${names.join(",")} in the JSDoc, ${tNames.join(",")} in metadata-text.json`);
    for (const [k, v] of [["zh", t.zh], ["en", t.en]]) if (typeof v !== "string" || !v.trim()) problems.push(`${f.id}: no ${k} description`);
    const zhNames = new Set();
    for (const n of tNames) {
      const p = t.parameters[n];
      if (!p || typeof p.zh !== "string" || !p.zh.trim() || typeof p.en !== "string" || !p.en.trim()) problems.push(`${f.id}.${n}: needs zh and en`);
      // A Chinese parameter name: short, no spaces or separators (Excel shows it in the tooltip).
      if (!p || typeof p.name_zh !== "string" || !/^[\u4e00-\u9fff]{1,8}$/.test(p.name_zh)) problems.push(`${f.id}.${n}: needs a Chinese name (name_zh, 1–8 Chinese characters)`);
      else if (zhNames.has(p.name_zh)) problems.push(`${f.id}.${n}: Chinese name ${p.name_zh} used twice`);
      else zhNames.add(p.name_zh);
    }
  }
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`${id}: in metadata-text.json but not a @customfunction`);
  return problems;
}

/**
 * The metadata with descriptions from the table: lang "zh", "en", or "both" ("zh (en)").
 * Everything else is copied unchanged.
 */
function localize(metadata, table, lang) {
  const text = (entry) => (lang === "both" ? combined(entry) : entry[lang]);
  const out = JSON.parse(JSON.stringify(metadata));
  for (const f of out.functions) {
    const t = table[f.id];
    if (!t) continue;
    f.description = text(t);
    for (const p of f.parameters) {
      const tp = t.parameters && t.parameters[p.name];
      if (!tp) continue;
      p.description = text(tp);
      if (lang === "zh" && tp.name_zh) p.name = tp.name_zh;
    }
  }
  return out;
}

/** The localised files for a generated functions.json text: {fileName: jsonText}. */
function buildLocaleFiles(metadataJson, table = readTable()) {
  const metadata = JSON.parse(metadataJson);
  const problems = checkAgainstTable(metadata, table);
  if (problems.length) throw new Error("functions metadata and src/functions/metadata-text.json disagree:\n  " + problems.join("\n  "));
  const files = { "functions.json": JSON.stringify(localize(metadata, table, "both"), null, 2) };
  for (const [locale, lang] of Object.entries(LOCALES)) files[`functions.${locale}.json`] = JSON.stringify(localize(metadata, table, lang), null, 2);
  return files;
}

/** webpack plugin: rewrites functions.json and adds the per-locale files to the build. */
class LocalizedFunctionsMetadataPlugin {
  constructor(options = {}) {
    this.asset = options.asset || "functions.json";
  }
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(TABLE_FILE);
      compilation.hooks.processAssets.tap({ name: "LocalizedFunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.asset);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${this.asset} was not generated (custom-functions-metadata-plugin)`));
          return;
        }
        try {
          const files = buildLocaleFiles(asset.source.source().toString(), readTable());
          for (const [name, text] of Object.entries(files)) {
            const src = new sources.RawSource(text);
            if (compilation.getAsset(name)) compilation.updateAsset(name, src);
            else compilation.emitAsset(name, src);
          }
        } catch (e) {
          compilation.errors.push(new WebpackError(String(e && e.message ? e.message : e)));
        }
      });
    });
  }
}

/**
 * Apply a plugin to the main compilation only. custom-functions-metadata-plugin adds functions.json
 * to every compilation, child compilations (html-webpack-plugin's template) included; webpack
 * merges those into the main one, which then clashes with the localized functions.json
 * ("Multiple assets emit different content to the same filename"). Wrapping it keeps it out of
 * child compilations.
 */
function mainCompilationOnly(plugin) {
  return {
    apply(compiler) {
      const hook = compiler.hooks.compilation;
      const tap = hook.tap;
      hook.tap = (options, fn) => tap.call(hook, options, (compilation, params) => (compilation.compiler.isChild() ? undefined : fn(compilation, params)));
      try {
        plugin.apply(compiler);
      } finally {
        hook.tap = tap;
      }
    },
  };
}

module.exports = { LocalizedFunctionsMetadataPlugin, mainCompilationOnly, buildLocaleFiles, localize, checkAgainstTable, combined, readTable, LOCALES, TABLE_FILE };
