/**
 * Entry of the task pane (dist/taskpane.html). Paints at once; finds out afterwards whether it
 * runs inside Excel (office.js, loaded without blocking, then Office.onReady) or in a plain
 * browser (detect-host.ts). ExcelJS is never loaded here: only when the user opens a file in
 * browser mode (src/host/load-exceljs.ts); the reports tab and the conversion planner are lazy too.
 */
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { detectHost } from "./detect-host";

// The composition root of the pane: the shipped catalogues are bound here and passed down,
// fetched as a chunk while React paints the shell (the first tabs' chunks too: app/App.tsx).
const shipped = import(/* webpackChunkName: 'policy' */ "../policy/shipped").then((m) => m.SHIPPED_POLICY);
const loadPolicy = () => shipped;
const container = document.getElementById("container") ?? document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
createRoot(container).render(<App detect={(onLate) => detectHost(8000, onLate)} policy={loadPolicy} />);
