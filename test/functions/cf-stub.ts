/**
 * A CustomFunctions global like Excel's runtime provides (Error, ErrorCode, associate), installed
 * before src/functions/functions.ts is imported. Import this module first.
 */
import { ERROR_CODES, StubCfError } from "../support/load-functions";

export { ERROR_CODES, StubCfError };

export const associated: Record<string, unknown> = {};

(globalThis as Record<string, unknown>).CustomFunctions = {
  associate: (id: string, fn: unknown) => {
    associated[id] = fn;
  },
  Error: StubCfError,
  ErrorCode: ERROR_CODES,
};

/** Call a function; a thrown CustomFunctions.Error is returned as the value Excel would show. */
export function call(fn: (...a: never[]) => unknown, ...args: unknown[]): unknown {
  try {
    return (fn as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    if (e instanceof StubCfError) return e;
    throw e;
  }
}
