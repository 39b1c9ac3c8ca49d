/**
 * Temporary files of a CLI run, and what happens on Ctrl+C / kill: every temporary file this run
 * made is removed, then the process exits 130 (SIGINT) or 143 (SIGTERM). ExcelJS's streaming
 * reader parks worksheet parts in temp files of its own; they go into a private folder
 * (TMPDIR is pointed at it before ExcelJS loads) that is removed as a whole on exit.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const temps = new Set<string>();
let privateDir: string | null = null;

/** A folder of this run's own under the system temp folder; TMPDIR points at it from now on. */
export function usePrivateTmpDir(): string {
  if (privateDir) return privateDir;
  privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "cz-subsidy-"));
  process.env.TMPDIR = privateDir;
  process.env.TMP = privateDir;
  process.env.TEMP = privateDir;
  return privateDir;
}

export function registerTemp(file: string): void {
  temps.add(file);
}

export function unregisterTemp(file: string): void {
  temps.delete(file);
}

/** Remove every temporary file and the private folder (synchronous: safe in exit and signal handlers). */
export function removeTemps(): void {
  for (const f of temps) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      /* already gone */
    }
  }
  temps.clear();
  if (privateDir) {
    try {
      fs.rmSync(privateDir, { recursive: true, force: true });
    } catch {
      /* already gone */
    }
    privateDir = null;
  }
}

let installed = false;

/** SIGINT → 130, SIGTERM → 143 (128 + signal number), after removing the temporary files. */
export function installSignalHandlers(onSignal?: () => void): void {
  if (installed) return;
  installed = true;
  process.on("exit", removeTemps);
  for (const [sig, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(sig, () => {
      onSignal?.();
      removeTemps();
      process.exit(code);
    });
  }
}
