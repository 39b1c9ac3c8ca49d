/**
 * `npm start`: what it does per platform, without making Linux installs heavy, and the Linux path
 * for real (the README's first quick-start command and CI rely on it): it serves the add-in over
 * HTTPS and prints the sideload steps.
 */
import { spawn, type ChildProcess } from "child_process";
import fs from "fs";
import https from "https";
import path from "path";
import { ROOT } from "./ensure-dist";

const start = require("../../scripts/start.js") as {
  plan: (platform: string, argv: string[]) => "sideload" | "serve";
  debuggingCommand: (installed: string | null) => { cmd: string; args: string[]; how: string };
  DEBUGGING_PACKAGE: string;
};

test("Windows and macOS sideload; Linux (and --serve-only) serve", () => {
  expect(start.plan("win32", [])).toBe("sideload");
  expect(start.plan("darwin", [])).toBe("sideload");
  expect(start.plan("linux", [])).toBe("serve");
  expect(start.plan("win32", ["--serve-only"])).toBe("serve");
});

test("office-addin-debugging runs installed or through npx at a pinned major, never as a dependency", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  for (const field of ["dependencies", "devDependencies", "optionalDependencies"]) {
    expect(Object.keys(pkg[field] ?? {})).not.toContain("office-addin-debugging");
    expect(Object.keys(pkg[field] ?? {})).not.toContain("keytar");
  }
  expect(start.DEBUGGING_PACKAGE).toMatch(/^office-addin-debugging@\d+$/);
  const viaNpx = start.debuggingCommand(null);
  expect(viaNpx.how).toBe("npx");
  expect(viaNpx.args).toEqual(["--yes", start.DEBUGGING_PACKAGE]);
  expect(start.debuggingCommand("/x/node_modules/office-addin-debugging/lib/main.js")).toMatchObject({ cmd: process.execPath, how: "installed" });
});

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

const linux = process.platform === "linux" ? test : test.skip;
linux(
  "on Linux it serves https://localhost:<port>/ and prints the sideload steps",
  async () => {
    const port = 3914;
    let child: ChildProcess | null = null;
    try {
      child = spawn(process.execPath, [path.join(ROOT, "scripts", "start.js"), "--no-build"], {
        cwd: ROOT,
        env: { ...process.env, npm_package_config_dev_server_port: String(port) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no sideload steps after 240 s:\n${out}`)), 240_000);
        child!.stdout!.on("data", (c) => {
          out += c;
          if (out.includes("Upload My Add-in")) {
            clearTimeout(timer);
            resolve();
          }
        });
        child!.on("exit", (code) => reject(new Error(`npm start exited (${code}):\n${out}`)));
      });
      expect(out).toContain(`https://localhost:${port}/`);
      expect(out).toContain("上传我的加载项");
      const page = await get(`https://localhost:${port}/taskpane.html`);
      expect(page.status).toBe(200);
      expect(page.body).toContain("taskpane.js");
      expect((await get(`https://localhost:${port}/manifest.xml`)).status).toBe(200);
    } finally {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child!.on("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
    }
  },
  300_000,
);
