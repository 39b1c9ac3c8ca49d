/**
 * Entry of the task pane (dist/taskpane.html). Paints at once; finds out afterwards whether it
 * runs inside Excel (Office.onReady) or in a plain browser. ExcelJS is never loaded here: only
 * when the user opens a file in browser mode (src/host/load-exceljs.ts).
 */
import { createRoot } from "react-dom/client";
import { App, type Detected } from "./App";
import { OfficeHost } from "../host/office-host";
import { SHIPPED_POLICY } from "../policy/shipped";

/** Office.onReady, or browser mode when office.js is missing, reports no host, or never answers. */
export function detectHost(timeoutMs = 8000): Promise<Detected> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve({ mode: "browser", host: null });
  return new Promise<Detected>((resolve) => {
    const timer = setTimeout(() => resolve({ mode: "browser", host: null }), timeoutMs);
    Office.onReady()
      .then((info) => {
        clearTimeout(timer);
        if (info.host === Office.HostType.Excel) {
          resolve({ mode: "office", host: new OfficeHost(), displayLanguage: Office.context?.displayLanguage });
        } else resolve({ mode: "browser", host: null });
      })
      .catch(() => {
        clearTimeout(timer);
        resolve({ mode: "browser", host: null });
      });
  });
}

const container = document.getElementById("container") ?? document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
// The composition root of the pane: the shipped catalogues are bound here and passed down.
createRoot(container).render(<App detect={detectHost} policy={SHIPPED_POLICY} />);
