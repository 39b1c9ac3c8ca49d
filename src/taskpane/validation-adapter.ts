/**
 * Moved to ./validation/run.ts (the validation tab's folder). Kept as a re-export for the reports
 * tab and tests that import it from here; new code imports ./validation/run.
 */
export { REQUIRED_KEYS, detect, isWanHeader, runValidation, yieldToBrowser } from "./validation/run";
export { ruleTitle as ruleLabel } from "./validation/format";
