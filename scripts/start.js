#!/usr/bin/env node
/**
 * npm start — serve the add-in over HTTPS on https://localhost:3000 and sideload it.
 *
 * - Windows / macOS with office-addin-debugging installed (it is NOT a dependency: it drags in
 *   keytar, see ../shared TOOLCHAIN notes): hand over to `office-addin-debugging start manifest.xml`,
 *   which starts the dev server and sideloads into Excel desktop. `npm stop` stops it.
 * - Anywhere else (Linux, or without office-addin-debugging): build dist/ once (production), make sure the dev certificates exist (office-addin-dev-certs, generated locally, no
 *   network), run webpack-dev-server over HTTPS in the foreground, record its pid for `npm stop`,
 *   and print how to sideload manifest.xml in Excel on the web (Chinese + English).
 *
 * Options: --no-build (skip the dist/ build), --port is taken from package.json config.dev_server_port.
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

function startWithDebugging(cliPath) {
  console.log("office-addin-debugging 可用：启动开发服务器并旁加载到 Excel 桌面版。");
  console.log("office-addin-debugging found: starting the dev server and sideloading into Excel desktop.");
  const cli = path.join(path.dirname(cliPath), "cli.js");
  const child = spawn(process.execPath, [fs.existsSync(cli) ? cli : cliPath, "start", MANIFEST, "desktop", "--app", "excel"], { cwd: ROOT, stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
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

function main() {
  const debugging = resolveOptional("office-addin-debugging");
  if (debugging && (process.platform === "win32" || process.platform === "darwin")) return startWithDebugging(debugging);
  if (process.platform === "win32" || process.platform === "darwin") {
    console.log("未安装 office-addin-debugging，无法自动旁加载到 Excel 桌面版；改为提供服务并说明手动旁加载步骤。");
    console.log("office-addin-debugging is not installed, so Excel desktop cannot be sideloaded automatically; serving instead.");
  }
  return startServing();
}

if (require.main === module) main();

module.exports = { PID_FILE, sideloadInstructions };
