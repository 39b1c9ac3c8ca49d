/**
 * A lazy component that can be loaded ahead of use. The chunk is fetched on preload() (or on
 * first render); once it is here, the component renders synchronously: React.lazy gets a
 * thenable that calls back at once, so no Suspense fallback flashes and nothing waits a tick.
 * The pane uses it to keep taskpane.js small (first paint) and still show the tabs at once.
 */
import { type ComponentType, lazy } from "react";

export interface Preloadable<P> {
  Component: ComponentType<P>;
  preload(): Promise<void>;
}

export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () => {
    if (!pending) {
      pending = load().then((c) => (loaded = c));
      // A failed load may be retried on the next render.
      pending.catch(() => (pending = null));
    }
    return pending;
  };
  const Component = lazy(() => {
    if (loaded) {
      const c = loaded;
      // Already here: resolve synchronously (React reads the result in the same render).
      return { then: (resolve: (m: { default: ComponentType<P> }) => void) => resolve({ default: c }) } as unknown as Promise<{ default: ComponentType<P> }>;
    }
    return start().then((c) => ({ default: c }));
  });
  return {
    Component,
    preload: () => start().then(() => undefined),
  };
}
