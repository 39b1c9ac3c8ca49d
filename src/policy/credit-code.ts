/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015) and its embedded GB 11714
 * organisation code check.
 */

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeProblem = "length" | "chars" | "check" | "org_check";

export interface CreditCodeResult {
  ok: boolean;
  problem?: CreditCodeProblem;
  /** The normalised code (upper case, full-width folded, spaces removed). */
  code: string;
  /** Positions 3–8: the registering office's administrative division. */
  division?: string;
  /** The check character the code should end with, when only it is wrong. */
  expected?: string;
}

/** The GB 32100 check character for the first 17 characters. */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c];
}

/** The GB 11714 check character for 8 organisation-code digits/letters. */
export function orgCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i];
    const v = ch >= "0" && ch <= "9" ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55; // A=10 …
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

export function checkCreditCode(value: unknown): CreditCodeResult {
  const code = String(value ?? "")
    .normalize("NFKC")
    .replace(/\s/g, "")
    .toUpperCase();
  if (code.length !== 18) return { ok: false, problem: "length", code };
  for (const ch of code) if (!CHARSET.includes(ch)) return { ok: false, problem: "chars", code };
  const division = code.slice(2, 8);
  const expected = creditCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return { ok: false, problem: "check", code, division, expected };
  const org = code.slice(8, 17);
  if (/^[0-9A-Z]{8}[0-9X]$/.test(org) && orgCheckChar(org.slice(0, 8)) !== org[8]) {
    return { ok: false, problem: "org_check", code, division };
  }
  return { ok: true, code, division };
}

/** Make a valid code from a 6-digit division and a 8-character organisation stem (for samples and tests). */
export function makeCreditCode(division: string, orgStem: string, prefix = "91"): string {
  const org = orgStem + orgCheckChar(orgStem);
  const first17 = prefix + division + org;
  return first17 + creditCheckChar(first17);
}

/** Chuzhou division codes → jurisdiction names (READING.md). 341100 is the city itself. */
export const CHUZHOU_DIVISIONS: Record<string, string> = {
  "341102": "琅琊区",
  "341103": "南谯区",
  "341122": "来安县",
  "341124": "全椒县",
  "341125": "定远县",
  "341126": "凤阳县",
  "341181": "天长市",
  "341182": "明光市",
  "341171": "中新苏滁高新区",
  "341172": "滁州经开区",
};
