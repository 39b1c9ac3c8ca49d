/**
 * Where the pane runs: inside Excel (Office.onReady reports Excel) or in a plain browser.
 *
 * No race with a slow start: when office.js is present, its onReady always decides. A timer
 * still lets a pane whose onReady has not answered after `timeoutMs` offer browser mode (so the
 * pane is usable in a browser whose office.js never initialises), but if onReady then reports
 * Excel, `onLate` switches the pane to Office mode: with the long-lived shared runtime a slow
 * workbook open no longer leaves the pane showing a file picker inside Excel.
 */
import type { Detected } from "./App";
import { OfficeHost } from "../host/office-host";

export function detectHost(timeoutMs = 8000, onLate?: (d: Detected) => void): Promise<Detected> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve({ mode: "browser", host: null });
  return new Promise<Detected>((resolve) => {
    let settled = false;
    const settle = (d: Detected) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(d);
      } else if (d.mode === "office") onLate?.(d);
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      resolve({ mode: "browser", host: null });
    }, timeoutMs);
    Office.onReady()
      .then((info) => {
        if (info && info.host === Office.HostType.Excel) settle({ mode: "office", host: new OfficeHost(), displayLanguage: Office.context?.displayLanguage });
        else settle({ mode: "browser", host: null });
      })
      .catch(() => settle({ mode: "browser", host: null }));
  });
}
