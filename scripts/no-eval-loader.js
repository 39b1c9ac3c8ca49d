/**
 * webpack loader for ExcelJS's browser build: removes the three ways it can compile code from
 * text, so that no built bundle contains eval or the Function constructor (test/security).
 * All three are fallbacks that never run in a browser: `Function("return this")()` (global
 * lookup after globalThis/self/window), the setImmediate polyfill's string callback, and
 * regenerator's "no globalThis" path. The build fails if any remains, e.g. after an upgrade.
 */
"use strict";

const REPLACEMENTS = [
  [/Function\("return this"\)\(\)/g, "globalThis"],
  [/new Function\(""\+(\w+)\)/g, '(function(){throw new TypeError("setImmediate: a string callback is not supported")})'],
  [/Function\("r","regeneratorRuntime = r"\)\((\w+)\)/g, "void 0"],
];

module.exports = function noEvalLoader(source) {
  let out = String(source);
  for (const [re, by] of REPLACEMENTS) out = out.replace(re, by);
  const left = out.match(/.{0,40}(?:new\s+Function\b|[^\w$.]Function\s*\(|[^\w$.]eval\s*\().{0,40}/);
  if (left) throw new Error(`no-eval-loader: code compiled from text is still in ${this.resourcePath}: ${left[0]}`);
  return out;
};
