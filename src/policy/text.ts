/** Text normalisation and reading of amounts typed the way finance staff type them. */
import { type Dec, decFromNumber, decFromString, decShift, decToNumber, MAX_AMOUNT_YUAN } from "./money";

/** Fold full-width forms, strip spaces and quotes, lower-case: the key used to match names. */
export function normaliseKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000"'“”‘’「」『』《》]/g, "")
    .toLowerCase();
}

export type AmountParse =
  | { ok: true; dec: Dec; omitted?: false }
  | { ok: true; omitted: true }
  | { ok: false; reason: "negative" | "not_number" | "too_large" };

const ASCII_AMOUNT = /^[\x20-\x7e万亿千百元]*$/;
const UNIT: Record<string, number> = { "": 0, 万: 4, 亿: 8, 千: 3, 百: 2 };

/**
 * Read an amount in 元. Numbers as they are; text such as `80万`, `80万元`, `1,000,000`,
 * `1,000,000元`, `￥1,000`, `８０万` (full-width), `1.2亿`. `null`, `undefined` and `""` are
 * "omitted". Negative values and unreadable text are errors.
 */
export function parseAmount(value: unknown): AmountParse {
  if (value === null || value === undefined) return { ok: true, omitted: true };
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { ok: false, reason: "not_number" };
    if (value < 0 && !Object.is(value, -0)) return { ok: false, reason: "negative" };
    if (!Number.isFinite(value) || value > MAX_AMOUNT_YUAN) return { ok: false, reason: "too_large" };
    const dec = decFromNumber(Math.abs(value));
    return dec ? { ok: true, dec } : { ok: false, reason: "not_number" };
  }
  if (typeof value !== "string") return { ok: false, reason: "not_number" };
  if (value.length > 64) return { ok: false, reason: "not_number" };
  // Full-width forms need NFKC; plain ASCII text (the usual case) skips that cost.
  let t = (ASCII_AMOUNT.test(value) ? value : value.normalize("NFKC")).replace(/[\s,，_]/g, "");
  if (t === "") return { ok: true, omitted: true };
  t = t.replace(/^(?:rmb|cny|人民币|[¥￥])/i, "").replace(/(?:元|rmb|cny)$/i, "");
  let negative = false;
  if (/^[-−]/.test(t)) {
    negative = true;
    t = t.slice(1);
  } else if (t.startsWith("+")) {
    t = t.slice(1);
  }
  const m = /^(\d+(?:\.\d*)?|\.\d+)([万亿千百]?)$/.exec(t);
  if (!m) return { ok: false, reason: "not_number" };
  const base = decFromString(m[1]);
  if (!base) return { ok: false, reason: "not_number" };
  const dec = decShift(base, UNIT[m[2]]);
  if (negative && dec.c !== 0) return { ok: false, reason: "negative" };
  if (decToNumber(dec) > MAX_AMOUNT_YUAN) return { ok: false, reason: "too_large" };
  return { ok: true, dec };
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length > 200 || b.length > 200) return Math.abs(a.length - b.length) + 200;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
