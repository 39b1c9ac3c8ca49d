/** The pane's shell lives in ./app/ (App.tsx there); this path stays for existing imports. */
export { App, type AppProps, type Detected } from "./app/App";
