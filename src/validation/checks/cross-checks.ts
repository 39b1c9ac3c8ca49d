/**
 * Cross-row checks, per READING "One-time, cap period and date". Each is an object with its
 * codes and a factory for its per-run state; they see the rows in order and report on the row
 * that completes a pattern. Rows outside the validity window or whose inputs are unreadable get
 * no award under this policy: they neither count nor collide.
 */
import { capOf } from "../../policy/engine";
import { decToFen } from "../../policy/money";
import type { Fen } from "../../policy/money";
import type { Program } from "../../policy/types";
import type { Step } from "../../policy/engine";
import { nameKey } from "../jurisdictions";
import { inBoth } from "../messages";
import type { CrossCheck, RowContext } from "./context";

/** The enterprise's identity: its credit code, else its name. */
function enterpriseKey(ctx: RowContext): string {
  const c = ctx.credit?.code;
  return c ? "c:" + c : ctx.rr.enterprise ? "n:" + nameKey(ctx.rr.enterprise) : "";
}

const objectKey = (ctx: RowContext) => nameKey(ctx.rr.object);

const counted = (ctx: RowContext) => !!ctx.result && !ctx.result.outside && !!enterpriseKey(ctx);

/** The recognised level of a tiered award ("" for other kinds). */
function tierLevel(steps: readonly Step[]): string {
  for (const s of steps) if (s.k === "tier") return s.level;
  return "";
}


export const nameMismatch: CrossCheck = {
  id: "name_mismatch",
  codes: ["cross.name_mismatch"],
  create() {
    const names = new Map<string, { row: number; name: string; key: string }>();
    return {
      add(ctx) {
        const code = ctx.credit?.code;
        const name = ctx.rr.enterprise;
        if (!code || !name) return;
        const key = nameKey(name);
        const seen = names.get(code);
        if (!seen) names.set(code, { row: ctx.row, name, key });
        else if (seen.key !== key) ctx.emit("cross.name_mismatch", "enterprise", { first: seen.row, name: seen.name });
      },
    };
  },
};

/** 一次性: once per object (enterprise + program + object); a missing or different object is a warning. */
export const oneTime: CrossCheck = {
  id: "one_time",
  codes: ["cross.duplicate_one_time", "cross.object_missing", "cross.other_object"],
  create() {
    const seen = new Map<string, Array<{ row: number; object: string; objectText: string; level: string }>>();
    return {
      add(ctx) {
        const r = ctx.result;
        const p = r?.program;
        const once = p?.onceFor;
        if (!r || !p || !once || !counted(ctx)) return;
        const key = enterpriseKey(ctx) + "|" + p.code;
        let list = seen.get(key);
        if (!list) seen.set(key, (list = []));
        const obj = once === "object" ? objectKey(ctx) : once === "operator_year" ? String(ctx.rr.year ?? "") : "";
        // A tiered award at another level is a recognition at a different level (higherLevel), not a duplicate.
        const level = tierLevel(r.steps);
        const onceFor = inBoth(`once_${once}`);
        const objectLabel = p.objectLabel ?? inBoth("object");
        const base = { name: p.name.zh, nameEn: p.name.en, onceFor: onceFor.zh, onceForEn: onceFor.en, objectLabel: objectLabel.zh, objectLabelEn: objectLabel.en };
        // A missing object name never makes a duplicate (READING: a warning to check, never an error).
        const same = once === "object" && obj === "" ? undefined : list.find((e) => e.object === obj && e.level === level);
        if (same) ctx.emit("cross.duplicate_one_time", "program", { ...base, first: same.row, object: same.objectText });
        else if (once === "object" && list.length) {
          const blank = obj === "" ? list[0] : list.find((e) => e.object === "");
          if (blank) ctx.emit("cross.object_missing", "project", { ...base, first: blank.row });
          else ctx.emit("cross.other_object", "project", { ...base, first: list[0].row, other: list[0].objectText, object: ctx.rr.object });
        }
        list.push({ row: ctx.row, object: obj, objectText: ctx.rr.object, level });
      },
    };
  },
};

/** A platform (or a DX assessment) recognised again at another level: warning (就高补差 is for the 实施细则). */
export const higherLevel: CrossCheck = {
  id: "higher_level",
  codes: ["cross.higher_level"],
  create() {
    const seen = new Map<string, { row: number; rank: number; label: string; labelEn: string }>();
    return {
      add(ctx) {
        const r = ctx.result;
        if (!r || !counted(ctx)) return;
        const p = r.program;
        let key: string;
        let rank: number;
        let label: string;
        let labelEn: string;
        if (p.upgrade) {
          key = enterpriseKey(ctx) + "|" + p.upgrade.group + "|" + objectKey(ctx);
          rank = p.upgrade.rank;
          label = p.name.zh;
          labelEn = p.name.en;
        } else if (p.rule.kind === "tiered" && p.onceFor === "enterprise") {
          const level = tierLevel(r.steps);
          if (!level) return;
          key = enterpriseKey(ctx) + "|" + p.code;
          rank = Number(level[0]);
          label = `${p.name.zh}${level}`;
          labelEn = `${p.name.en} ${level}`;
        } else return;
        const before = seen.get(key);
        if (!before || before.rank === rank) {
          if (!before) seen.set(key, { row: ctx.row, rank, label, labelEn });
          return;
        }
        const [lower, higher] = before.rank < rank ? [before, { label, labelEn }] : [{ label, labelEn }, before];
        ctx.emit("cross.higher_level", "program", { first: before.row, lower: lower.label, lowerEn: lower.labelEn, higher: higher.label, higherEn: higher.labelEn, object: ctx.rr.object });
        if (rank > before.rank) seen.set(key, { row: ctx.row, rank, label, labelEn });
      },
    };
  },
};

/** 单个企业最高: payable amounts of one enterprise and program summed over the program's cap period. */
export const enterpriseCap: CrossCheck = {
  id: "enterprise_cap",
  codes: ["cross.enterprise_cap"],
  create() {
    const groups = new Map<string, { sum: Fen; rows: number[] }>();
    return {
      add(ctx) {
        const r = ctx.result;
        if (!r || !counted(ctx) || r.program.capScope !== "enterprise") return;
        const p = r.program;
        const cap = capOf(p, null);
        if (!cap.ok) return;
        const byPolicy = p.capPeriod === "policy";
        const yearText = ctx.rr.year === null ? "" : String(ctx.rr.year);
        const periodKey = byPolicy ? r.catalogue.id : yearText;
        const key = `${enterpriseKey(ctx)}|${p.code}|${periodKey}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { sum: 0, rows: [] }));
        const before = g.sum;
        g.sum += r.payable;
        g.rows.push(ctx.row);
        if (g.sum > cap.fen && r.payable > 0) {
          const { zh: period, en: periodEn } = byPolicy
            ? inBoth("periodPolicy", { from: r.catalogue.validFrom, to: r.catalogue.validTo })
            : yearText
              ? inBoth("periodYear", { year: yearText })
              : inBoth("periodNone");
          ctx.emit("cross.enterprise_cap", "requested", { period, periodEn, name: p.name.zh, nameEn: p.name.en, sum: g.sum, cap: cap.fen, rows: g.rows.join("、"), allowed: Math.max(0, cap.fen - before) });
        }
      },
    };
  },
};

/** One project (enterprise + 项目名称) under several money programs: warning with the combined award beside the investment. */
export const projectPrograms: CrossCheck = {
  id: "project_programs",
  codes: ["cross.project_programs"],
  create() {
    const projects = new Map<string, Array<{ row: number; program: Program; payable: Fen; investment: Fen | null }>>();
    return {
      add(ctx) {
        const r = ctx.result;
        const obj = objectKey(ctx);
        if (!r || !counted(ctx) || !obj) return;
        const key = enterpriseKey(ctx) + "|" + obj;
        let list = projects.get(key);
        if (!list) projects.set(key, (list = []));
        const p = r.program;
        const investment = p.rule.kind === "rate" && r.inputs.amount ? decToFen(r.inputs.amount) : null;
        const others = list.filter((e) => e.program.code !== p.code && !(e.program.upgrade && p.upgrade && e.program.upgrade.group === p.upgrade.group));
        list.push({ row: ctx.row, program: p, payable: r.payable, investment });
        if (!others.length) return;
        const all = [...others, list[list.length - 1]];
        const sum = all.reduce((a, e) => a + e.payable, 0);
        const inv = all.reduce<Fen | null>((a, e) => (e.investment !== null && (a === null || e.investment > a) ? e.investment : a), null);
        ctx.emit("cross.project_programs", "project", {
          object: ctx.rr.object,
          rows: others.map((e) => e.row).join("、"),
          programs: [...new Set(others.map((e) => e.program.name.zh))].join("、"),
          programsEn: [...new Set(others.map((e) => e.program.code))].join(", "),
          sum,
          investment: inv ?? undefined,
        });
      },
    };
  },
};

/** 每年评选1—2个: more than maxPerYear rows of a program in one year, citywide. */
export const perYearCount: CrossCheck = {
  id: "per_year",
  codes: ["cross.demo_per_year"],
  create() {
    const perYear = new Map<string, number[]>();
    return {
      add(ctx) {
        const r = ctx.result;
        if (!r || r.outside || r.program.maxPerYear === undefined || ctx.rr.year === null) return;
        const key = r.program.code + "|" + ctx.rr.year;
        let list = perYear.get(key);
        if (!list) perYear.set(key, (list = []));
        list.push(ctx.row);
        if (list.length > r.program.maxPerYear) ctx.emit("cross.demo_per_year", "program", { year: ctx.rr.year, max: r.program.maxPerYear, rows: list.slice(0, r.program.maxPerYear).join("、") });
      },
    };
  },
};

export const CROSS_CHECKS: readonly CrossCheck[] = [nameMismatch, oneTime, higherLevel, enterpriseCap, projectPrograms, perYearCount];
