/**
 * The one place the CLI calls the validation core (src/validation/, written in parallel).
 * It is loaded at run time so that the CLI's other commands work (and type-check) while that
 * module is unfinished.
 */
import type { RegionData } from "../host/types";
import type { ValidationReport } from "../validation/types";
import { CliError } from "./messages";

export type Validated = { ok: true; report: ValidationReport } | { ok: false; reason: "no_header" };

type ValidateFn = (region: RegionData) => ValidationReport | null;

let cached: ValidateFn | null = null;

function load(): ValidateFn {
  if (cached) return cached;
  let mod: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("../validation") as Record<string, unknown>;
  } catch {
    throw new CliError("internal", { reason: "validation module (src/validation) not available" });
  }
  const fn = mod.validateTable as ((region: RegionData) => ValidationReport | null) | undefined;
  if (typeof fn !== "function") throw new CliError("internal", { reason: "validateTable not exported by src/validation" });
  cached = fn;
  return fn;
}

/** Validate a block read from a sheet; { ok: false } when it has no recognisable header row. */
export function validateRegion(region: RegionData): Validated {
  const report = load()(region);
  if (!report || Object.keys(report.mapping ?? {}).length === 0) return { ok: false, reason: "no_header" };
  return { ok: true, report };
}
