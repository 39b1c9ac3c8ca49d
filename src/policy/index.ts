/** The policy core: rules as data plus a small engine. No Office, React or DOM imports. */
export * from "./types";
export * from "./money";
export * from "./dates";
export * from "./text";
export * from "./messages";
export * from "./catalogues";
export * from "./cite";
export * from "./engine";
export * from "./explain";
export * from "./describe";
export * from "./credit-code";
export { normaliseLevel, readTaskFlag, RULE_KINDS, ruleModule, renderKindStep } from "./rules";
export { CATALOGUE_2021 } from "./catalogue-2021";
