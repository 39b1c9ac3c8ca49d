/** The ten beneficiary jurisdictions (受益财政) of a policy set, with the spellings people use. */
import { editDistance } from "../policy/text";

export function nameKey(s: string): string {
  return s.normalize("NFKC").replace(/[\s\u3000]/g, "").toLowerCase();
}

const JURIS_ALIASES: Record<string, string> = {
  经开区: "滁州经开区",
  滁州经济技术开发区: "滁州经开区",
  经济技术开发区: "滁州经开区",
  苏滁: "中新苏滁高新区",
  中新苏滁: "中新苏滁高新区",
  苏滁高新区: "中新苏滁高新区",
  苏滁现代产业园: "中新苏滁高新区",
  中新苏滁高新技术产业开发区: "中新苏滁高新区",
  中新苏滁现代产业园: "中新苏滁高新区",
};

export class JurisdictionIndex {
  private readonly exact = new Map<string, string>();
  private readonly cache = new Map<string, { name: string | null; suggestion?: string }>();
  constructor(private readonly names: readonly string[]) {
    for (const n of names) this.exact.set(nameKey(n), n);
    for (const [a, n] of Object.entries(JURIS_ALIASES)) if (names.includes(n)) this.exact.set(nameKey(a), n);
  }
  resolve(text: string): { name: string | null; suggestion?: string } {
    const hit = this.cache.get(text);
    if (hit) return hit;
    let k = nameKey(text).replace(/^(?:安徽省)?(?:滁州市)?/, "");
    if (k === "") k = nameKey(text);
    const name = this.exact.get(k) ?? null;
    let suggestion: string | undefined;
    if (!name) {
      let best = Infinity;
      for (const n of this.names) {
        const nk = nameKey(n);
        let d = editDistance(k, nk);
        if (nk.includes(k) || k.includes(nk)) d = Math.min(d, 1);
        if (d < best) {
          best = d;
          suggestion = n;
        }
      }
      if (best > 2) suggestion = undefined;
    }
    const r = { name, suggestion };
    if (this.cache.size < 4096) this.cache.set(text, r);
    return r;
  }
}
