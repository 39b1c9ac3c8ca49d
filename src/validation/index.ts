/** The validation core: pure functions over arrays of cell values, shared by the pane, the CLI and the reports. */
export * from "./types";
export * from "./headers";
export * from "./rules";
export * from "./messages";
export * from "./validate";
export * from "./totals";
export * from "./rule-names";
