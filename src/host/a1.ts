/** The A1 helpers live in the neutral src/sheet/a1.ts (validation and reports import them from there); the hosts keep this path. */
export * from "../sheet/a1";
