/**
 * LibreOffice headless as an independent formula engine (test-only).
 *
 * LibreOffice keeps an .xlsx's cached results on load unless told otherwise, so every run uses a
 * private profile (-env:UserInstallation) whose registrymodifications.xcu sets
 * /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0 ("always recalculate"). The
 * caller's workbook must hold a canary formula (=1+1 with a cached 99); recalc() refuses a
 * result where the canary did not come back as 2.
 *
 * One soffice call per workbook: the whole grid is recalculated in one conversion.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice executable, or null when LibreOffice is not installed. */
export function sofficePath(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
  }
  return null;
}

/**
 * Recalculate `input` (.xlsx) with LibreOffice and return the path of the recalculated copy
 * (inside `workDir`). Throws with soffice's output when the conversion fails.
 */
export function recalcXlsx(input: string, workDir: string, timeoutMs = 10 * 60_000): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "cz-lo-profile-"));
  try {
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    const outDir = path.join(workDir, "recalculated");
    fs.mkdirSync(outDir, { recursive: true });
    const r = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, input], {
      encoding: "utf8",
      timeout: timeoutMs,
      env: { ...process.env, HOME: profile },
    });
    const out = path.join(outDir, path.basename(input));
    if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`soffice failed (status ${r.status}, ${r.error ?? ""}):\n${r.stdout}\n${r.stderr}`);
    return out;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
