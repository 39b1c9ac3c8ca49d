#!/usr/bin/env node
/**
 * npm start — serve the add-in over HTTPS on https://localhost:3000 and sideload it.
 *
 * - Windows / macOS: trust the dev-certs CA first (office-addin-dev-certs, a dev dependency: it
 *   asks for the administrator's confirmation, after a clear message here), then sideload into
 *   Excel desktop the yo office way with office-addin-debugging (`office-addin-debugging start
 *   manifest.xml desktop --app excel`, which also starts the dev server). office-addin-debugging is
 *   NOT a dependency (it drags in keytar: ~450 MB, and on Linux it only says "platform not
 *   supported"): an installed copy is used if present, else it runs through `npx` at the pinned
 *   major version (fetched into npm's cache, never into node_modules). If that fails (offline
 *   intranet), we fall back to serving with the manual sideload steps. `npm stop` stops it.
 * - Linux (and the fallback): build dist/ once (production), make sure the dev certificates exist
 *   (generated locally, no network), run webpack-dev-server over HTTPS in the foreground, record
 *   its pid for `npm stop`, and print how to sideload manifest.xml in Excel on the web (zh + en).
 *
 * Options: --no-build (skip the dist/ build), --serve-only (no sideloading even on Windows/macOS),
 * --port is taken from package.json config.dev_server_port.
 */
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const PID_FILE = path.join(ROOT, "node_modules", ".cache", "cz-subsidy", "dev-server.pid");
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const MANIFEST = path.join(ROOT, "manifest.xml");

function resolveOptional(name) {
  try {
    return require.resolve(name, { paths: [ROOT] });
  } catch {
    return null;
  }
}

function webpackCli() {
  return require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
}

/** The office-addin-debugging major version `npx` runs when it is not installed. */
const DEBUGGING_PACKAGE = "office-addin-debugging@7";

/** How to run office-addin-debugging: the installed copy, else npx (network needed once). */
function debuggingCommand(installed) {
  if (installed) {
    const cli = path.join(path.dirname(installed), "cli.js");
    return { cmd: process.execPath, args: [fs.existsSync(cli) ? cli : installed], how: "installed" };
  }
  return { cmd: process.platform === "win32" ? "npx.cmd" : "npx", args: ["--yes", DEBUGGING_PACKAGE], how: "npx" };
}

/**
 * Windows/macOS: make sure the dev-certs CA is trusted, so the pane does not show a certificate
 * error. office-addin-dev-certs asks the OS (a Windows security prompt, the macOS password dialog).
 */
async function trustDevCerts() {
  const certs = require("office-addin-dev-certs");
  if (certs.isCaCertificateInstalled()) return true;
  console.log(
    [
      "",
      "需要信任本机开发证书（仅用于 https://localhost）。接下来系统会弹出确认框（Windows 安全警告 / macOS 密码），请选择“是”/输入密码。",
      "The local development certificate (for https://localhost only) must be trusted. The system will now ask",
      "for confirmation (a Windows security warning / the macOS password dialog): accept it.",
      "",
    ].join("\n"),
  );
  try {
    await certs.ensureCertificatesAreInstalled();
    return certs.isCaCertificateInstalled();
  } catch (e) {
    console.error("未能信任开发证书 / Could not trust the development certificate:", e && e.message ? e.message : e);
    console.error("可稍后运行 / You can run later: npx office-addin-dev-certs install");
    return false;
  }
}

function startWithDebugging(installed, onFail) {
  const { cmd, args, how } = debuggingCommand(installed);
  console.log(how === "installed" ? "使用已安装的 office-addin-debugging 旁加载到 Excel 桌面版。" : `通过 npx 运行 ${DEBUGGING_PACKAGE}（首次需要联网）旁加载到 Excel 桌面版。`);
  console.log(how === "installed" ? "Sideloading into Excel desktop with the installed office-addin-debugging." : `Sideloading into Excel desktop with ${DEBUGGING_PACKAGE} through npx (network needed the first time).`);
  const child = spawn(cmd, [...args, "start", MANIFEST, "desktop", "--app", "excel"], { cwd: ROOT, stdio: "inherit" });
  child.on("error", () => onFail());
  child.on("exit", (code) => {
    if (code && how === "npx") return onFail();
    process.exit(code ?? 0);
  });
}

function sideloadInstructions(certs) {
  const url = `https://localhost:${PORT}/taskpane.html`;
  const lines = [
    "",
    "================================================================================",
    ` 加载项已在 https://localhost:${PORT}/ 提供服务（按 Ctrl+C 或运行 npm stop 停止）。`,
    ` The add-in is served at https://localhost:${PORT}/ (Ctrl+C or \`npm stop\` to stop).`,
    "",
    " 在 Excel 网页版中旁加载 / Sideload in Excel on the web:",
    "  1. 用浏览器打开 " + url + " ，确认证书被信任（如提示不安全，请先信任下面的 CA 证书）。",
    "     Open " + url + " in the browser and make sure the certificate is trusted",
    "     (if the browser warns, trust the CA certificate below first).",
    "  2. 打开 https://www.office.com ，新建或打开一个 Excel 工作簿。",
    "     Open https://www.office.com and create or open an Excel workbook.",
    "  3. 开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项，选择：",
    "     Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, and choose:",
    "       " + MANIFEST,
    "  4. 在单元格中输入 =CZ.SUBSIDY(\"smart_factory\")，应得 300000；“开始”选项卡上的“奖补窗格”打开任务窗格。",
    "     Type =CZ.SUBSIDY(\"smart_factory\") in a cell: it shows 300000. The Subsidy pane button is on the Home tab.",
    "",
    " 证书 / Certificates (office-addin-dev-certs): " + certs.dir,
    "  CA: " + certs.ca,
    "  信任该 CA：Windows/macOS 运行 npx office-addin-dev-certs install；Linux 将 CA 导入浏览器的证书设置（“授权机构”）。",
    "  To trust the CA: on Windows/macOS run `npx office-addin-dev-certs install`; on Linux import it into the",
    "  browser's certificate settings (Authorities).",
    "================================================================================",
    "",
  ];
  console.log(lines.join("\n"));
}

async function startServing() {
  const skipBuild = process.argv.includes("--no-build");
  if (!skipBuild) {
    // The production build into dist/ (what an intranet server would host); the dev server then
    // serves a development build from memory and never writes dist/.
    console.log("构建 dist/ … / Building dist/ …");
    const r = spawnSync(process.execPath, [webpackCli(), "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) {
      console.error("构建失败 / Build failed.");
      process.exit(r.status || 1);
    }
  }
  const { ensureDevCerts } = require("./dev-certs");
  let certs;
  try {
    certs = await ensureDevCerts();
    if (certs.generated) console.log(`已生成开发证书 / Generated development certificates in ${certs.dir}`);
  } catch (e) {
    console.error("无法生成开发证书 / Could not create the development certificates:", e && e.message ? e.message : e);
    process.exit(1);
  }

  const server = spawn(process.execPath, [webpackCli(), "serve", "--mode", "development"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, `${server.pid}\n${process.pid}\n`);
  let shown = false;
  server.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    if (!shown && /compiled (successfully|with)/.test(chunk.toString())) {
      shown = true;
      sideloadInstructions(certs);
    }
  });
  const cleanup = () => {
    try {
      const pids = fs.readFileSync(PID_FILE, "utf8").split("\n");
      if (pids[0] === String(server.pid)) fs.rmSync(PID_FILE, { force: true });
    } catch {
      /* already gone */
    }
  };
  const stop = (signal) => {
    if (server.exitCode === null) server.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  server.on("exit", (code, signal) => {
    cleanup();
    process.exit(signal ? 0 : (code ?? 0));
  });
}

/** What `npm start` does on this platform: "sideload" (Windows/macOS) or "serve" (Linux, or --serve-only). */
function plan(platform = process.platform, argv = process.argv) {
  if (argv.includes("--serve-only")) return "serve";
  return platform === "win32" || platform === "darwin" ? "sideload" : "serve";
}

async function main() {
  if (plan() === "serve") return startServing();
  await trustDevCerts();
  startWithDebugging(resolveOptional("office-addin-debugging"), () => {
    console.log("无法自动旁加载（可能未联网）；改为提供服务并说明手动旁加载步骤。");
    console.log("Could not sideload automatically (offline?); serving instead, with the manual steps.");
    startServing();
  });
}

if (require.main === module) main();

module.exports = { PID_FILE, DEBUGGING_PACKAGE, debuggingCommand, plan, sideloadInstructions };
