/** Property-based tests (fast-check) over every money program. */
import { SHIPPED_POLICY as P } from "../../src/policy/shipped";
import fc from "fast-check";
import { calculate, CATALOGUE_2021, capOf, decToString } from "../../src/policy";

const programs = CATALOGUE_2021.programs;
const levelFor = (code: string) => (code === "dx_assessment" ? fc.constantFrom("1A", "2A", "3A", "4A", "5A", "AAA") : code === "ic_industrialization" ? fc.integer({ min: 0, max: 50_000_000 }) : code === "base_station_5g" ? fc.boolean() : fc.constant(null));
/** An amount in 元 with at most 2 decimals, from an integer number of 分 (a required amount of 0 is an error, so ≥ 1 分). */
const fenArb = fc.integer({ min: 1, max: 100_000_000_00 });
const yuanFromFen = (fen: number) => fen / 100;
/** The same amount written in 万元, exactly: 12345678 分 → "12.345678万". */
const wanText = (fen: number) => decToString({ c: fen, s: 6 }).replace(/\.?0+$/, "") + "万";

describe.each(programs.map((p) => [p.code, p] as const))("%s", (code, program) => {
  const amountArb = program.rule.kind === "per_unit" ? fc.integer({ min: 1, max: 5000 }).map((n) => n * 100) : fenArb;

  test("0 ≤ award ≤ cap, and city + beneficiary = total exactly", () => {
    fc.assert(
      fc.property(amountArb, levelFor(code), (fen, level) => {
        const o = calculate({ program: code, amount: yuanFromFen(fen), level }, P);
        if (!o.ok) return false;
        const { total, city, beneficiary } = o.result;
        if (total < 0 || city < 0 || beneficiary < 0) return false;
        if (city + beneficiary !== total) return false;
        if (program.rule.kind !== "per_unit") {
          const cap = capOf(program, level);
          if (!cap.ok || total > cap.fen) return false;
        }
        return Number.isInteger(total);
      }),
      { numRuns: 300 },
    );
  });

  if (program.rule.kind === "rate") {
    test("the award does not decrease as the base grows", () => {
      fc.assert(
        fc.property(fenArb, fenArb, (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const x = calculate({ program: code, amount: yuanFromFen(lo), level: 20_000_000 }, P);
          const y = calculate({ program: code, amount: yuanFromFen(hi), level: 20_000_000 }, P);
          return x.ok && y.ok && x.result.total <= y.result.total;
        }),
        { numRuns: 300 },
      );
    });
  }

  if (program.amount !== "none" && program.rule.kind !== "per_unit") {
    test("the same amount in 元 and in 万元 gives the same award", () => {
      fc.assert(
        fc.property(fenArb, levelFor(code), (fen, level) => {
          const a = calculate({ program: code, amount: yuanFromFen(fen), level }, P);
          const b = calculate({ program: code, amount: wanText(fen), level }, P);
          const c = calculate({ program: code, amount: String(yuanFromFen(fen)) + "元", level }, P);
          return a.ok && b.ok && c.ok && a.result.total === b.result.total && a.result.total === c.result.total;
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("payable = min(entitlement, amount asked when given)", () => {
  test("never above the entitlement nor the amount asked; empty or 0 asked = the entitlement", () => {
    fc.assert(
      fc.property(fenArb, fc.oneof(fc.constant(null), fc.constant(0), fenArb), (fen, asked) => {
        const o = calculate({ program: "equipment_network", amount: yuanFromFen(fen), asked: asked === null ? null : yuanFromFen(asked) }, P);
        if (!o.ok) return false;
        const r = o.result;
        const expected = asked === null || asked === 0 ? r.total : Math.min(r.total, asked);
        return r.payable === expected && r.payableCity + r.payableBeneficiary === r.payable;
      }),
      { numRuns: 300 },
    );
  });
});
