/**
 * Per-row checks. Each reads what the driver and calculate() already read (RowContext) and
 * emits findings of its own codes; none reads the program, amount, level, date or amount asked
 * again. The rule codes, severities, meanings and bases are in ../rules.ts, the wording in
 * ../messages.ts.
 */
import { CHUZHOU_DIVISIONS } from "../../policy/credit-code";
import { explain, payerText } from "../../policy/explain";
import { type Dec, decShift, decToFen, decToNumber, decToString } from "../../policy/money";
import { parseAmount } from "../../policy/text";
import { levelList } from "../../policy/engine";
import { fieldParams, inBoth, type MsgParams } from "../messages";
import type { RuleCode } from "../rules";
import type { ColumnKey } from "../types";
import { isEmpty, quote, type RowCheck } from "./context";

/** Amounts below this many 元 are suspicious where the clause's thresholds and caps are in 万元. */
export const WAN_SUSPECT_BELOW_YUAN = 10000;
/** A requested amount below 1 万元 is suspicious when the award is at least this (元). */
export const WAN_SUSPECT_AWARD_YUAN = 100000;

const ROW_REQUIRED: readonly ColumnKey[] = ["enterprise", "credit_code", "jurisdiction", "program"];

export const requiredFields: RowCheck = {
  id: "required",
  codes: ["required.missing"],
  check(ctx) {
    for (const k of ROW_REQUIRED) {
      if (ctx.mapping[k] && isEmpty(ctx.cell(k))) ctx.emit("required.missing", k, fieldParams(k));
    }
  },
};

export const creditCode: RowCheck = {
  id: "credit_code",
  codes: ["credit_code.format", "credit_code.check", "credit_code.org_check", "credit_code.division_mismatch"],
  check(ctx) {
    const c = ctx.credit;
    if (!c) return;
    if (!c.ok) {
      if (c.problem === "length" || c.problem === "chars") ctx.emit("credit_code.format", "credit_code", { input: quote(ctx.cell("credit_code")), len: c.code.length });
      else if (c.problem === "check") ctx.emit("credit_code.check", "credit_code", { expected: c.expected, actual: c.code[17] });
      else if (c.problem === "org_check") ctx.emit("credit_code.org_check", "credit_code", {});
    }
    const juris = ctx.juris.name;
    if (c.division && juris && (c.ok || c.problem === "org_check")) {
      const area = CHUZHOU_DIVISIONS[c.division];
      if (area && area !== juris) ctx.emit("credit_code.division_mismatch", "credit_code", { area, division: c.division, jurisdiction: juris });
    }
  },
};

export const jurisdiction: RowCheck = {
  id: "jurisdiction",
  codes: ["jurisdiction.unknown"],
  check(ctx) {
    if (ctx.juris.raw && !ctx.juris.name) ctx.emit("jurisdiction.unknown", "jurisdiction", { input: quote(ctx.juris.raw), suggestion: ctx.juris.suggestion });
  },
};

/** The program column: unknown programs and non-money measures (from calculate()'s program error). */
export const programColumn: RowCheck = {
  id: "program",
  codes: ["program.unknown", "program.non_money"],
  check(ctx) {
    const o = ctx.outcome;
    if (!o || o.ok || o.error.field !== "program" || o.error.code === "missing_program") return;
    const p = o.error.params;
    if (o.error.code === "non_money") {
      ctx.emit("program.non_money", "program", { name: p.name, nameEn: p.nameEn, cite: p.cite, citeEn: p.citeEn });
      return;
    }
    const s = p.suggestion as string | undefined;
    const sp = s ? ctx.policy.fallback.programs.find((x) => x.code === s) : undefined;
    ctx.emit("program.unknown", "program", { input: quote(ctx.cell("program")), suggestion: s, suggestionName: sp?.name.zh ?? s });
  },
};

const INPUT_CODES: Record<string, Partial<Record<string, RuleCode>>> = {
  amount: { amount_empty: "amount.empty", negative_amount: "amount.negative", too_large: "amount.too_large", not_integer_count: "amount.not_integer", bad_amount: "amount.not_number" },
  level: { missing_level: "level.missing", bad_level: "level.unknown", bad_task_flag: "level.task_flag", bad_amount: "level.investment", negative_amount: "level.investment", too_large: "level.investment" },
  date: { bad_date: "date.unreadable" },
  asked: { bad_asked: "requested.not_number" },
};
const FIELD_COLUMN: Record<string, ColumnKey> = { amount: "amount", level: "level", date: "date", asked: "requested" };

/** Unreadable inputs, one finding per input, as calculate() reported them. */
export const inputs: RowCheck = {
  id: "inputs",
  codes: ["amount.empty", "amount.negative", "amount.too_large", "amount.not_integer", "amount.not_number", "level.missing", "level.unknown", "level.task_flag", "level.investment", "date.unreadable", "requested.not_number"],
  check(ctx) {
    const o = ctx.outcome;
    if (!o || o.ok || o.error.field === "program" || !ctx.program) return;
    for (const e of o.errors) {
      const field = e.field ?? "amount";
      const code = INPUT_CODES[field]?.[e.code];
      if (!code) continue;
      const column = FIELD_COLUMN[field];
      ctx.emit(code, column, { input: quote(ctx.cell(column)), label: ctx.program.baseLabel.zh, labelEn: ctx.program.baseLabel.en, levels: levelList(ctx.program) });
    }
  },
};

/** The date of the qualifying event: missing (warning) or outside the validity window (error). */
export const dateWindow: RowCheck = {
  id: "date",
  codes: ["date.missing", "date.outside"],
  check(ctx) {
    if (!ctx.program || !ctx.outcome) return;
    const ev = ctx.program.event;
    if (isEmpty(ctx.cell("date")) || ctx.cell("date") === 0) {
      if (ctx.outcome.ok || ctx.outcome.error.field !== "date") ctx.emit("date.missing", "date", { event: ev.zh, eventEn: ev.en });
      return;
    }
    const r = ctx.result;
    if (!r) return;
    for (const s of r.steps) if (s.k === "validity" && !s.inside) ctx.emit("date.outside", "date", { date: s.date, from: s.from, to: s.to, event: ev.zh, eventEn: ev.en });
  },
};

function wanParams(label: { zh: string; en: string }, d: Dec): MsgParams {
  return { field: label.zh, fieldEn: label.en, value: decToString(d), asWan: decToString(decShift(d, 4)) };
}

/** 万元 typed into a 元 column: a base, a completed investment or an amount asked implausibly small. */
export const wanSuspect: RowCheck = {
  id: "wan_suspect",
  codes: ["amount.wan_suspect"],
  check(ctx) {
    const r = ctx.result;
    if (!r) return;
    const kind = r.program.rule.kind;
    const a = r.inputs.amount;
    if (!ctx.mapping.amount?.wan && a && a.c > 0 && (kind === "rate" || kind === "upto") && decToNumber(a) < WAN_SUSPECT_BELOW_YUAN) {
      ctx.emit("amount.wan_suspect", "amount", wanParams(r.program.baseLabel, a));
    }
    for (const s of r.steps) {
      if (s.k === "gate" && s.value && s.value.c > 0 && decToNumber(s.value) < WAN_SUSPECT_BELOW_YUAN) ctx.emit("amount.wan_suspect", "level", wanParams(s.label, s.value));
    }
    const req = r.inputs.asked;
    if (req !== null && !ctx.mapping.requested?.wan && req < WAN_SUSPECT_BELOW_YUAN * 100 && r.total >= WAN_SUSPECT_AWARD_YUAN * 100) {
      ctx.flags.requestedWanSuspect = true;
      ctx.emit("amount.wan_suspect", "requested", wanParams(inBoth("requested"), { c: req, s: 2 }));
    }
  },
};

/** The amount asked against the entitlement (READING "what is paid"). */
export const askedVsEntitlement: RowCheck = {
  id: "asked",
  codes: ["award.ineligible", "amount.over_award", "amount.under_award", "requested.missing", "requested.cap_assumed"],
  check(ctx) {
    const r = ctx.result;
    if (!r || r.outside) return;
    const asked = r.inputs.asked;
    if (asked === null) {
      if (r.notes.includes("cap_assumed")) ctx.emit("requested.cap_assumed", "requested", { cap: r.total });
      else if (ctx.mapping.requested) ctx.emit("requested.missing", "requested", { computed: r.total });
      return;
    }
    if (r.total === 0) ctx.emit("award.ineligible", "requested", { requested: asked, trace: explain(r, "zh"), traceEn: explain(r, "en") });
    else if (asked > r.total) ctx.emit("amount.over_award", "requested", { requested: asked, computed: r.total });
    else if (asked < r.total && !ctx.flags.requestedWanSuspect) ctx.emit("amount.under_award", "requested", { requested: asked, computed: r.total });
  },
};

/** Declared city / beneficiary shares against the split of the payable amount. */
export const shares: RowCheck = {
  id: "shares",
  codes: ["share.not_number", "share.mismatch"],
  check(ctx) {
    const r = ctx.result;
    if (!r || r.outside || r.total === 0) return;
    const cityRaw = ctx.cell("city_share");
    const localRaw = ctx.cell("local_share");
    if (isEmpty(cityRaw) && isEmpty(localRaw)) return;
    for (const [k, expected, raw] of [
      ["city_share", r.payableCity, cityRaw],
      ["local_share", r.payableBeneficiary, localRaw],
    ] as const) {
      if (isEmpty(raw)) continue;
      const a = parseAmount(raw);
      if (!a.ok) {
        ctx.emit("share.not_number", k, { ...fieldParams(k), input: quote(raw) });
        continue;
      }
      const dec = a.omitted ? null : ctx.mapping[k]?.wan && !(typeof raw === "string" && /[万亿元]/.test(raw)) ? decShift(a.dec, 4) : a.dec;
      const declared = dec ? decToFen(dec) : 0;
      if (declared !== expected) {
        ctx.emit("share.mismatch", k, { ...fieldParams(k), expected, declared, payer: payerText(r.program.payer, "zh"), payerEn: payerText(r.program.payer, "en") });
      }
    }
  },
};

/**
 * Gaps the engine filled and said so (notes of the rule-kind modules): a provisional parameter,
 * an unconfirmed 5G task, an unchecked completed-investment gate. Never silent.
 */
export const engineNotes: RowCheck = {
  id: "notes",
  codes: ["provisional.parameter", "level.condition_missing"],
  check(ctx) {
    const r = ctx.result;
    const p = ctx.program;
    if (!p || !ctx.outcome || (ctx.outcome.ok === false && ctx.outcome.error.field === "program")) return;
    const notes = (p.provisional ?? []).filter((x) => x.key !== "eligibility");
    if (notes.length) ctx.emit("provisional.parameter", "program", { note: notes.map((n) => n.note.zh).join("；"), noteEn: notes.map((n) => n.note.en).join("; ") });
    if (!r || r.outside) return;
    if (r.notes.includes("task_unconfirmed") || r.notes.includes("gate_unchecked")) {
      const rule = r.program.rule;
      const label = rule.kind === "per_unit" ? rule.taskFlag : rule.kind === "rate" ? rule.gate?.label : undefined;
      ctx.emit("level.condition_missing", "level", { label: label?.zh ?? "", labelEn: label?.en ?? "" });
    }
  },
};

/** service_platform: the number of enterprises served (the threshold is left to the 实施细则). */
export const served: RowCheck = {
  id: "served",
  codes: ["served.missing", "served.invalid"],
  check(ctx) {
    if (!ctx.program?.needsServed) return;
    const v = ctx.cell("served");
    if (isEmpty(v)) {
      ctx.emit("served.missing", "served", {});
      return;
    }
    const a = parseAmount(typeof v === "string" ? v.replace(/家$/, "") : v);
    if (!a.ok || a.omitted || a.dec.s !== 0) ctx.emit("served.invalid", "served", { input: quote(v) });
  },
};

/** Every per-row check, in the order their findings are listed. */
export const ROW_CHECKS: readonly RowCheck[] = [requiredFields, creditCode, jurisdiction, programColumn, inputs, served, dateWindow, engineNotes, wanSuspect, askedVsEntitlement, shares];
