/**
 * Lookups into catalogues, and choosing the catalogue in force on a date. Every function takes
 * the catalogue (or the PolicySet) it works on: nothing here reads a global catalogue. The
 * catalogues shipped with the add-in are bound at the composition roots (see shipped.ts).
 */
import type { Catalogue, Measure, PolicySet, Program, Target } from "./types";
import { editDistance, normaliseKey } from "./text";
import { parseDate } from "./dates";

/** A PolicySet over some catalogues (oldest first); the fallback (no date given) is the newest unless named. */
export function policySet(catalogues: readonly Catalogue[], fallback?: Catalogue): PolicySet {
  if (!catalogues.length) throw new Error("policySet needs at least one catalogue");
  return { catalogues, fallback: fallback ?? catalogues[catalogues.length - 1] };
}

/**
 * The catalogue for a date argument: the one in force on that day; the fallback when the date
 * is omitted; null when the date is readable but no catalogue is in force; "bad" when unreadable.
 */
export function catalogueAt(set: PolicySet, date: unknown): Catalogue | null | "bad" {
  const d = parseDate(date);
  if (!d.ok) return "bad";
  if (d.omitted) return set.fallback;
  return catalogueFor(d.iso, set.catalogues);
}

/** The catalogue in force on an ISO day, or null when none is. */
export function catalogueFor(iso: string, catalogues: readonly Catalogue[]): Catalogue | null {
  for (let i = catalogues.length - 1; i >= 0; i--) {
    const c = catalogues[i];
    if (iso >= c.validFrom && iso <= c.validTo) return c;
  }
  return null;
}

interface Index {
  entries: Map<string, Program | Measure>;
  targets: Map<string, Target>;
  programByCode: Map<string, Program>;
}

const indexes = new WeakMap<Catalogue, Index>();

function indexOf(cat: Catalogue): Index {
  let idx = indexes.get(cat);
  if (idx) return idx;
  const entries = new Map<string, Program | Measure>();
  const programByCode = new Map<string, Program>();
  const add = (key: string, e: Program | Measure) => {
    const k = normaliseKey(key);
    if (k && !entries.has(k)) entries.set(k, e);
  };
  for (const p of cat.programs) {
    programByCode.set(p.code, p);
    add(p.code, p);
    add(p.name.zh, p);
    add(p.name.en, p);
    for (const a of p.aliases ?? []) add(a, p);
  }
  for (const m of cat.measures) {
    add(m.code, m);
    add(m.name.zh, m);
    add(m.name.en, m);
    for (const a of m.aliases ?? []) add(a, m);
  }
  const targets = new Map<string, Target>();
  for (const t of cat.targets) {
    targets.set(normaliseKey(t.code), t);
    targets.set(normaliseKey(t.name.zh), t);
    targets.set(normaliseKey(t.name.en), t);
  }
  idx = { entries, targets, programByCode };
  indexes.set(cat, idx);
  return idx;
}

// A small cache per catalogue for the hot path: the same program text is looked up again and again.
const fast = new WeakMap<Catalogue, Map<string, Program | Measure | null>>();

/** Find a program or measure by code (any case), Chinese or English name, or a known short name. */
export function findEntry(text: string, cat: Catalogue): Program | Measure | null {
  let f = fast.get(cat);
  if (!f) fast.set(cat, (f = new Map()));
  const hit = f.get(text);
  if (hit !== undefined) return hit;
  const found = indexOf(cat).entries.get(normaliseKey(text)) ?? null;
  if (text.length <= 64 && f.size < 2048) f.set(text, found);
  return found;
}

export function programByCode(code: string, cat: Catalogue): Program | undefined {
  return indexOf(cat).programByCode.get(code);
}

export function isProgram(e: Program | Measure): e is Program {
  return (e as Program).rule !== undefined;
}

function nearest(text: string, candidates: Iterable<[string, string]>): string | undefined {
  const key = normaliseKey(text).slice(0, 80);
  if (!key) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [k, code] of candidates) {
    let d = editDistance(key, k);
    if (k.includes(key) || key.includes(k)) d = Math.min(d, Math.abs(k.length - key.length) / 2);
    const score = d / Math.max(k.length, key.length);
    if (score < bestScore) {
      bestScore = score;
      best = code;
    }
  }
  return bestScore <= 0.6 ? best : undefined;
}

/** The code nearest to a mistyped program, for "did you mean". */
export function suggestProgram(text: string, cat: Catalogue): string | undefined {
  const pairs: [string, string][] = [];
  for (const [k, e] of indexOf(cat).entries) pairs.push([k, e.code]);
  return nearest(text, pairs);
}

export function findTarget(text: string, cat: Catalogue): Target | null {
  return indexOf(cat).targets.get(normaliseKey(text)) ?? null;
}

export function suggestTarget(text: string, cat: Catalogue): string | undefined {
  const pairs: [string, string][] = [];
  for (const [k, t] of indexOf(cat).targets) pairs.push([k, t.code]);
  return nearest(text, pairs);
}
