/**
 * Exact decimal money.
 *
 * Awards are held as an integer number of 分 (0.01 元) in a JS number, which is exact up to
 * 2^53 分 (about 90 trillion 元). Inputs (the calculation base) are held as a scaled decimal
 * {c, s} meaning c / 10^s 元, so that rate × base is computed exactly and rounded once,
 * half-up, to the 分. Inputs that come in as binary doubles are first cut to 15 significant
 * digits, exactly as Excel does when it shows or compares a number.
 */
import type { Lang } from "../i18n";

/** An exact non-negative decimal: value = c / 10^s. c is an integer. */
export interface Dec {
  readonly c: number;
  readonly s: number;
}

/** Integer number of 分. */
export type Fen = number;

/** The largest amount the engine accepts, in 元 (一万亿元). Anything bigger is a typing error. */
export const MAX_AMOUNT_YUAN = 1e12;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20];

/** Decimal from a decimal string such as "1000000.05" or "8e5" (no sign, no separators). Returns null if malformed. */
export function decFromString(text: string): Dec | null {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[1] === "" && (m[2] === undefined || m[2] === ""))) return null;
  let intPart = m[1].replace(/^0+(?=\d)/, "");
  let frac = (m[2] ?? "").replace(/0+$/, "");
  const exp = m[3] ? parseInt(m[3], 10) : 0;
  if (!Number.isFinite(exp) || Math.abs(exp) > 400) return null;
  // Move the exponent into the digits.
  if (exp > 0) {
    const take = frac.slice(0, exp);
    intPart = intPart + take + "0".repeat(Math.max(0, exp - take.length));
    frac = frac.slice(exp);
  } else if (exp < 0) {
    const k = -exp;
    const padded = intPart.padStart(k, "0");
    frac = padded.slice(padded.length - k) + frac;
    intPart = padded.slice(0, padded.length - k);
  }
  intPart = intPart.replace(/^0+/, "");
  frac = frac.replace(/0+$/, "");
  const digits = (intPart + frac).replace(/^0+/, "");
  if (digits.length > 16) {
    // Keep 15 significant digits, half-up, like Excel's precision.
    return decFromNumber(Number(text));
  }
  return { c: digits === "" ? 0 : Number(digits), s: frac.length };
}

/** Decimal from a finite non-negative double, rounded to 15 significant digits as Excel does. */
export function decFromNumber(x: number): Dec | null {
  if (!Number.isFinite(x) || x < 0) return null;
  if (Number.isInteger(x) && x <= Number.MAX_SAFE_INTEGER) return { c: x, s: 0 };
  if (x === 0) return { c: 0, s: 0 };
  // Fast path for amounts in whole 分 (most of them): k/100 is correctly rounded, so when it
  // gives back x exactly, the decimal k/100 (≤ 15 significant digits below 1e13) is x's value.
  if (x < 1e13) {
    const k = Math.round(x * 100);
    if (k / 100 === x) return k % 10 === 0 ? { c: k / 10, s: 1 } : { c: k, s: 2 };
  }
  // toPrecision(15) gives "d.ddddddddddddddde±n" or plain digits; normalise through the string path.
  const p = x.toPrecision(15);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(p);
  if (!m) return null;
  const intPart = m[1];
  const frac = (m[2] ?? "").replace(/0+$/, "");
  const exp = m[3] ? parseInt(m[3], 10) : 0;
  let c = Number((intPart + frac).replace(/^0+(?=\d)/, ""));
  let s = frac.length - exp;
  if (s < 0) {
    c = c * POW10[-s];
    s = 0;
  }
  return normalise({ c, s });
}

function normalise(d: Dec): Dec {
  let { c, s } = d;
  while (s > 0 && c % 10 === 0) {
    c /= 10;
    s -= 1;
  }
  return { c, s };
}

/** d × 10^k, exactly (used for 万 = 10^4). */
export function decShift(d: Dec, k: number): Dec {
  if (k >= 0) {
    if (d.s >= k) return normalise({ c: d.c, s: d.s - k });
    return { c: d.c * POW10[k - d.s], s: 0 };
  }
  return normalise({ c: d.c, s: d.s - k });
}

/** The decimal as a JS number (exact for what the engine accepts, up to 15 significant digits). */
export function decToNumber(d: Dec): number {
  return d.s === 0 ? d.c : d.c / POW10[d.s];
}

/** Compare d with an integer number of 元: negative, zero or positive. */
export function decCompareYuan(d: Dec, yuan: number): number {
  // Both sides are within 15 significant digits, so comparing the doubles is exact.
  const v = decToNumber(d);
  return v < yuan ? -1 : v > yuan ? 1 : 0;
}

/** True when d is a whole number. */
export function decIsInteger(d: Dec): boolean {
  return d.s === 0;
}

/** Half-up integer division of non-negative integers n / q. Exact for any safe inputs. */
function divHalfUp(n: number, q: number): number {
  if (n <= Number.MAX_SAFE_INTEGER && q <= Number.MAX_SAFE_INTEGER) {
    let k = Math.floor(n / q);
    let r = n - k * q;
    if (r < 0) {
      k -= 1;
      r += q;
    } else if (r >= q) {
      k += 1;
      r -= q;
    }
    return 2 * r >= q ? k + 1 : k;
  }
  const bn = BigInt(n);
  const bq = BigInt(q);
  const k = bn / bq;
  const r = bn - k * bq;
  return Number(2n * r >= bq ? k + 1n : k);
}

function mulBig(a: number, b: number, c: number): number {
  const p = a * b * c;
  if (p <= Number.MAX_SAFE_INTEGER) return p;
  // Fall back to BigInt, then back to number only through divHalfUp.
  return Number.NaN;
}

/**
 * d × (num / den), in 分, rounded half-up. E.g. 30% of 1,000,000.05 元 → 30,000,002 分.
 */
export function mulRateToFen(d: Dec, num: number, den: number): Fen {
  const n = mulBig(d.c, num, 100);
  const q = den * POW10[d.s];
  if (!Number.isNaN(n) && q <= Number.MAX_SAFE_INTEGER) return divHalfUp(n, q);
  const bn = BigInt(d.c) * BigInt(num) * 100n;
  const bq = BigInt(den) * 10n ** BigInt(d.s);
  const k = bn / bq;
  const r = bn - k * bq;
  return Number(2n * r >= bq ? k + 1n : k);
}

/** d in 分, rounded half-up (d × 1). */
export function decToFen(d: Dec): Fen {
  return mulRateToFen(d, 1, 1);
}

/** Integer 元 to 分. */
export function yuanToFen(yuan: number): Fen {
  return Math.round(yuan * 100);
}

/** 分 to a JS number of 元 (the closest double to the exact 2-decimal value). */
export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/**
 * The 1:1 split of READING.md: the city share is total ÷ 2 rounded half-up to the 分,
 * the beneficiary share is the rest, so they always add up exactly.
 */
export function splitHalf(total: Fen): { city: Fen; beneficiary: Fen } {
  const city = divHalfUp(total, 2);
  return { city, beneficiary: total - city };
}

/** "1,234,567.80" style text for an amount in 分. */
export function formatFen(fen: Fen): string {
  const neg = fen < 0;
  const a = Math.abs(fen);
  const yuan = Math.floor(a / 100);
  const f = a % 100;
  const intText = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + intText + (f === 0 ? "" : "." + String(f).padStart(2, "0"));
}

/**
 * The one Chinese formatter for amounts in text (READING.md citations paragraph): 元 below 1万,
 * 万元 with at most two decimals below 1亿, 亿元 from 1亿 up (so 1000万元 and 1亿元, never
 * 10000万元). An amount that the unit cannot show exactly (300,000.02元 is not 30万元) is
 * written in 元 with separators, so that the text never rounds money away.
 */
export function formatFenZh(fen: Fen): string {
  const a = Math.abs(fen);
  const sign = fen < 0 ? "-" : "";
  if (a >= 1e10 && a % 1e6 === 0) return `${sign}${trimNumber(a / 1e10)}亿元`; // 亿 with up to 4 decimals (whole 万)
  if (a >= 1e6 && a < 1e10 && a % 1e4 === 0) return `${sign}${trimNumber(a / 1e6)}万元`; // 万 with up to 2 decimals
  return `${formatFen(fen)}元`;
}

/** The one English formatter: "CNY 160,000" (exact, with separators). */
export function formatFenEn(fen: Fen): string {
  return `CNY ${formatFen(fen)}`;
}

const MONEY_FORMAT: Readonly<Record<Lang, (fen: Fen) => string>> = { zh: formatFenZh, en: formatFenEn };

/** The formatter of a language: formatFenZh or formatFenEn. */
export function formatMoney(fen: Fen, lang: Lang): string {
  return MONEY_FORMAT[lang](fen);
}

/** A decimal as text in 元, Chinese usage (for bases, which may carry more decimals). */
export function formatDecZh(d: Dec): string {
  if (d.s <= 2) return formatFenZh(d.c * POW10[2 - d.s]);
  return `${decToString(d)}元`;
}

export function formatDecEn(d: Dec): string {
  if (d.s <= 2) return formatFenEn(d.c * POW10[2 - d.s]);
  return `CNY ${decToString(d)}`;
}

const DEC_FORMAT: Readonly<Record<Lang, (d: Dec) => string>> = { zh: formatDecZh, en: formatDecEn };

/** The decimal formatter of a language: formatDecZh or formatDecEn. */
export function formatDec(d: Dec, lang: Lang): string {
  return DEC_FORMAT[lang](d);
}

export function decToString(d: Dec): string {
  if (d.s === 0) return String(d.c);
  const digits = String(d.c).padStart(d.s + 1, "0");
  return digits.slice(0, digits.length - d.s) + "." + digits.slice(digits.length - d.s);
}

function trimNumber(x: number): string {
  // At most 4 decimals, without trailing zeros (callers pass exact multiples).
  return String(Math.round(x * 10000) / 10000);
}

/** A rate num/den as a percentage string, e.g. 20/100 → "20%". */
export function formatRate(num: number, den: number): string {
  const pct = (num * 100) / den;
  return `${Math.round(pct * 10000) / 10000}%`;
}
