/**
 * Where the pane runs: inside Excel (Office.onReady reports Excel) or in a plain browser.
 *
 * office.js never blocks the first paint: taskpane.html loads it with an ASYNC script tag
 * (id "cz-office-js"), and the pane paints at once. Then:
 * - office.js already there: ask Office.onReady (after functions.js, see below).
 * - office.js still loading: wait for its load event, at most `officeWaitMs` (300 ms in a plain
 *   browser, where nothing needs office.js; `timeoutMs` where the page looks embedded in Office),
 *   then offer browser mode.
 *   If it loads later and onReady reports Excel, `onLate` switches the pane to Office mode.
 * - no tag, or the tag failed (CDN unreachable): browser mode at once.
 * functions.js (the CZ custom functions) must run AFTER office.js defines CustomFunctions, so it
 * is not a tag of the page: it is added here as soon as office.js has loaded (its URL is the
 * page's <meta name="cz-functions">), and Office.onReady is asked once it ran.
 *
 * No race with a slow start: when office.js is present, its onReady always decides. A timer
 * still lets a pane whose onReady has not answered after `timeoutMs` offer browser mode, but if
 * onReady then reports Excel, `onLate` switches the pane to Office mode.
 */
import type { Detected } from "./app/pane-state";

const BROWSER: Detected = { mode: "browser", host: null };

function officePresent(): boolean {
  return typeof Office !== "undefined" && typeof Office.onReady === "function";
}

/** The page looks embedded in Office (Office on the web passes _host_Info; desktop webviews expose a bridge). */
export function looksEmbedded(): boolean {
  if (typeof window === "undefined") return false;
  const w = window as unknown as { chrome?: { webview?: unknown }; webkit?: { messageHandlers?: unknown } };
  return /[?&]_host_Info=/i.test(window.location?.search ?? "") || !!w.chrome?.webview || !!w.webkit?.messageHandlers;
}

/** Run functions.js once office.js is there; `then` is called when it ran, failed or was not needed (synchronously then). */
export function loadFunctionsScript(then: () => void, timeoutMs = 5000): void {
  const G = globalThis as { __CZ_FUNCTIONS_LOADED__?: boolean };
  const url = typeof document !== "undefined" ? document.querySelector<HTMLMetaElement>('meta[name="cz-functions"]')?.content : undefined;
  if (G.__CZ_FUNCTIONS_LOADED__ || !url) {
    then();
    return;
  }
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    then();
  };
  const timer = setTimeout(finish, timeoutMs);
  const s = document.createElement("script");
  s.src = url;
  s.addEventListener("load", finish);
  s.addEventListener("error", finish);
  document.head.appendChild(s);
}

export function detectHost(timeoutMs = 8000, onLate?: (d: Detected) => void, officeWaitMs = looksEmbedded() ? timeoutMs : 300): Promise<Detected> {
  return new Promise<Detected>((resolve) => {
    let settled = false;
    const settle = (d: Detected) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(d);
      } else if (d.mode === "office") onLate?.(d);
    };
    const fallback = () => {
      if (settled) return;
      settled = true;
      resolve(BROWSER);
    };
    let timer = setTimeout(fallback, timeoutMs);

    const askOffice = () => {
      Office.onReady()
        .then(async (info) => {
          if (!info || info.host !== Office.HostType.Excel) return settle(BROWSER);
          // The Office host (and its Office.js code) loads only inside Excel.
          const { OfficeHost } = await import(/* webpackChunkName: "office-host" */ "../host/office-host");
          const functions = customFunctionsSupported();
          settle({ mode: "office", host: new OfficeHost(), displayLanguage: Office.context?.displayLanguage, functions });
        })
        .catch(() => settle(BROWSER));
    };

    if (officePresent()) {
      loadFunctionsScript(askOffice);
      return;
    }
    const tag = typeof document !== "undefined" ? (document.getElementById("cz-office-js") as HTMLScriptElement | null) : null;
    if (!tag) {
      settle(BROWSER);
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(fallback, officeWaitMs);
    tag.addEventListener(
      "load",
      () => {
        if (!officePresent()) return settle(BROWSER);
        if (!settled) {
          // office.js is here: onReady gets the full budget.
          clearTimeout(timer);
          timer = setTimeout(fallback, timeoutMs);
        }
        loadFunctionsScript(askOffice);
      },
      { once: true },
    );
    tag.addEventListener("error", () => settle(BROWSER), { once: true });
  });
}

/** Custom functions can exist here (false in Excel without the shared runtime, e.g. the pane-only manifest's hosts). */
function customFunctionsSupported(): boolean {
  try {
    const req = Office.context?.requirements;
    if (!req || typeof req.isSetSupported !== "function") return true;
    return req.isSetSupported("CustomFunctionsRuntime", "1.1") && req.isSetSupported("SharedRuntime", "1.1");
  } catch {
    return true;
  }
}
