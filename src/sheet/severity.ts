/**
 * The severity of a finding and its one order, most serious first: the pane's groups, the report
 * sheets, the CLI's output and the results table all sort by it.
 */
export const SEVERITIES = ["error", "warning", "info"] as const;

export type Severity = (typeof SEVERITIES)[number];

/** error 0, warning 1, info 2. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** For Array.prototype.sort: errors first, then warnings, then infos. */
export const bySeverity = (a: Severity, b: Severity): number => SEVERITY_ORDER[a] - SEVERITY_ORDER[b];
