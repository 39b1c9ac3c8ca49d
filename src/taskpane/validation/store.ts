/**
 * The tab's state lives here, outside React, one store per workbook host: switching to another
 * tab unmounts the component but keeps the table read, the corrected mapping, the filter and the
 * selection; opening another file (a new host) starts afresh.
 */
import { useCallback, useSyncExternalStore } from "react";
import type { WorkbookHost } from "../../host/types";
import { type Action, type ValidationState, initialState, reducer } from "./state";

export interface ValidationStore {
  get(): ValidationState;
  dispatch(a: Action): void;
  subscribe(listener: () => void): () => void;
}

export function createStore(state: ValidationState): ValidationStore {
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch(a) {
      const next = reducer(state, a);
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

const stores = new WeakMap<object, ValidationStore>();
const NO_HOST = {};

/** The store of a host (created on first use). */
export function storeFor(host: WorkbookHost | null, mode: "office" | "browser" | "detecting"): ValidationStore {
  const key = host ?? NO_HOST;
  let s = stores.get(key);
  if (!s) stores.set(key, (s = createStore(initialState(mode))));
  return s;
}

export function useValidationStore(host: WorkbookHost | null, mode: "office" | "browser" | "detecting"): [ValidationState, ValidationStore] {
  const store = storeFor(host, mode);
  const subscribe = useCallback((l: () => void) => store.subscribe(l), [store]);
  const state = useSyncExternalStore(subscribe, store.get, store.get);
  return [state, store];
}
