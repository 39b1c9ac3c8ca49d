/** Command-line parsing: positional arguments plus a few known options. */
import type { Lang } from "../i18n";
import { CliError } from "./messages";

export interface ParsedArgs {
  command: string | null;
  positional: string[];
  json: boolean;
  lang: Lang;
  help: boolean;
  sheet?: string;
  out?: string;
  /** validate: also export the findings (one row each) to a new workbook. */
  findingsOut?: string;
  /** Overwrite an existing --out file. */
  force: boolean;
  /** No progress line on stderr. */
  quiet: boolean;
}

const VALUE_OPTIONS = new Set(["--sheet", "--out", "--lang", "--findings-out"]);
const FLAG_OPTIONS = new Set(["--json", "--help", "-h", "--force", "--quiet", "-q"]);

/**
 * The language is looked up first so that even option errors are worded in it: `--lang` wins,
 * otherwise `fallback` (the CLI passes the locale variables' language, langFromEnv).
 */
export function peekLang(argv: string[], fallback: Lang = "zh"): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const v = a === "--lang" ? (argv[i + 1] ?? "") : a.startsWith("--lang=") ? a.slice(7) : null;
    if (v === null) continue;
    if (/^en/i.test(v)) return "en";
    if (/^zh/i.test(v)) return "zh";
  }
  return fallback;
}

/**
 * Options may come anywhere. A lone "-" and things that look like negative numbers ("-5") are
 * positional, so that `calc dx_assessment - 5A` and `calc equipment_network -5` read as in Excel.
 */
export function parseArgs(argv: string[], fallbackLang: Lang = "zh"): ParsedArgs {
  const out: ParsedArgs = { command: null, positional: [], json: false, lang: peekLang(argv, fallbackLang), help: false, force: false, quiet: false };
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (!rest && a === "--") {
      rest = true;
      continue;
    }
    const looksOption = !rest && a.startsWith("-") && a !== "-" && !/^-[\d.]/.test(a);
    if (!looksOption) {
      if (out.command === null) out.command = a;
      else out.positional.push(a);
      continue;
    }
    let inline: string | undefined;
    const eq = a.indexOf("=");
    if (a.startsWith("--") && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (FLAG_OPTIONS.has(a) && inline === undefined) {
      if (a === "--json") out.json = true;
      else if (a === "--force") out.force = true;
      else if (a === "--quiet" || a === "-q") out.quiet = true;
      else out.help = true;
      continue;
    }
    if (VALUE_OPTIONS.has(a)) {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--"))) throw new CliError("option_needs_value", { name: a }, 2, true);
      if (a === "--lang") {
        const l = v.toLowerCase();
        if (l === "en" || l === "en-us") out.lang = "en";
        else if (l === "zh" || l === "zh-cn") out.lang = "zh";
        else throw new CliError("bad_lang", { name: v });
      } else if (a === "--sheet") out.sheet = v;
      else if (a === "--findings-out") out.findingsOut = v;
      else out.out = v;
      continue;
    }
    throw new CliError("unknown_option", { name: argv[i] }, 2, true);
  }
  return out;
}

/** Excel-like reading of a positional argument: "" and "-" are omitted; TRUE/FALSE are booleans when `bools`. */
export function excelArg(v: string | undefined, opts: { bools?: boolean; numbers?: boolean } = {}): unknown {
  if (v === undefined) return null;
  const t = v.trim();
  if (t === "" || t === "-" || t === '""') return null;
  if (opts.bools) {
    if (/^true$/i.test(t)) return true;
    if (/^false$/i.test(t)) return false;
  }
  if (opts.numbers && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return v;
}
