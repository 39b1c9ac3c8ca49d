/**
 * The one translation mechanism of cz-subsidy. Every visible string — pane, validation findings,
 * CLI output, report sheets, explanations, function errors — lives in a typed message catalogue
 * defined with `defineMessages`, one catalogue per language, near the code that shows it.
 *
 *   const t = defineMessages("cli", { hello: "你好，{name}" }, { hello: "Hello, {name}" });
 *   t("zh", "hello", { name: "张三" })   // "你好，张三"
 *
 * - zh-CN is the reference language. The English catalogue must have exactly the same keys: the
 *   type checker refuses a missing or extra key, and test/i18n checks every catalogue at run time.
 * - A message is a template with `{param}` placeholders, or a function of the params when it needs
 *   logic (plurals, optional clauses, formatted amounts).
 * - The language is chosen once at the edge: by Excel's display language in the add-in
 *   (`langOf(Office.context.displayLanguage)`), by `--lang` or the locale variables in the CLI
 *   (`langFromEnv`). Everything below takes a `Lang` parameter; nothing reads a global language.
 *
 * This module imports nothing, so every layer (the policy core included) may use it.
 */

export type Lang = "zh" | "en";
export const LANGS: readonly Lang[] = ["zh", "en"];

export type Params = Readonly<Record<string, string | number | undefined>>;

/** A template with {param} placeholders, or a function of the params. */
export type Message = string | ((p: Params) => string);

export type Catalogue<K extends string> = Readonly<Record<K, Message>>;

/** A catalogue pair as a translating function, which also exposes its tables for checks. */
export interface Translator<K extends string> {
  (lang: Lang, key: K, params?: Params): string;
  /** The area the catalogue belongs to (for error reports of the parity check). */
  readonly area: string;
  readonly tables: Readonly<Record<Lang, Catalogue<K>>>;
  readonly keys: readonly K[];
}

/** Fill {param} placeholders; an unknown placeholder is left as written, so a gap shows. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

/**
 * Define one area's catalogues. `en` must have exactly `zh`'s keys (checked by the type; excess keys
 * are refused as excess properties of the literal).
 */
export function defineMessages<K extends string>(area: string, zh: Catalogue<K>, en: Catalogue<NoInfer<K>>): Translator<K> {
  const tables = { zh, en } as Readonly<Record<Lang, Catalogue<K>>>;
  const t = (lang: Lang, key: K, params?: Params): string => {
    const m = tables[lang][key] ?? tables.zh[key];
    if (m === undefined) return key;
    return typeof m === "function" ? m(params ?? {}) : fill(m, params);
  };
  return Object.assign(t, { area, tables, keys: Object.keys(zh) as K[] });
}

/** Keys present in one language and missing in the other (empty when the catalogues agree). */
export function parityProblems<K extends string>(t: Pick<Translator<K>, "area" | "tables">): string[] {
  const out: string[] = [];
  for (const a of LANGS)
    for (const b of LANGS) {
      if (a === b) continue;
      for (const k of Object.keys(t.tables[a])) if (!(k in t.tables[b])) out.push(`${t.area}: "${k}" is in ${a} but not in ${b}`);
    }
  return out;
}

/** The language of a BCP-47 tag such as Office.context.displayLanguage: English for "en…", zh-CN otherwise. */
export function langOf(tag: unknown): Lang {
  return typeof tag === "string" && /^en\b/i.test(tag.trim()) ? "en" : "zh";
}

/**
 * The CLI's language from the environment when `--lang` is not given: LC_ALL, then LC_MESSAGES,
 * then LANG (POSIX precedence). English for "en…", zh-CN for anything else or nothing.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return langOf(tag.replace(/_/g, "-"));
}

/** The BCP-47 tag of a language, for `lang` attributes. */
export const LANG_TAG: Readonly<Record<Lang, string>> = { zh: "zh-CN", en: "en-US" };

/** The language a language switch goes to. */
export const OTHER_LANG: Readonly<Record<Lang, Lang>> = { zh: "en", en: "zh" };
