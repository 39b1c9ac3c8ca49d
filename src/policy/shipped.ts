/**
 * The catalogues shipped with the add-in. Only the composition roots import this module: the
 * functions entry (src/functions/functions.ts), the pane root (src/taskpane/index.tsx) and the CLI
 * entry (src/cli/index.ts), plus library callers such as tests and the native-formula harness.
 * Every other module receives its PolicySet (or Catalogue) as an argument. A successor policy
 * is one more Catalogue in SHIPPED_CATALOGUES: no engine change.
 */
import { CATALOGUE_2021 } from "./catalogue-2021";
import { policySet } from "./catalogues";
import type { Catalogue, PolicySet } from "./types";

/** Every shipped catalogue, oldest first. */
export const SHIPPED_CATALOGUES: readonly Catalogue[] = [CATALOGUE_2021];

/** The shipped policy: the catalogue in force on a date; the 2021 catalogue when no date is given. */
export const SHIPPED_POLICY: PolicySet = policySet(SHIPPED_CATALOGUES, CATALOGUE_2021);
