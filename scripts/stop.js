#!/usr/bin/env node
/**
 * npm stop — stop what `npm start` started.
 * - Windows/macOS after sideloading: `office-addin-debugging stop manifest.xml` (installed, or via npx as npm start ran it).
 * - Otherwise: the dev server whose pid scripts/start.js recorded; if there is none, say what to do.
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { PID_FILE, debuggingCommand } = require("./start");

const ROOT = path.join(__dirname, "..");

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function main() {
  let debugging = null;
  try {
    debugging = require.resolve("office-addin-debugging", { paths: [ROOT] });
  } catch {
    /* not installed */
  }
  // Windows/macOS sideloading (npm start without a recorded dev-server pid): office-addin-debugging stop,
  // installed or through npx, as npm start ran it.
  if ((process.platform === "win32" || process.platform === "darwin") && !fs.existsSync(PID_FILE)) {
    const { cmd, args } = debuggingCommand(debugging);
    const r = spawnSync(cmd, [...args, "stop", path.join(ROOT, "manifest.xml")], { cwd: ROOT, stdio: "inherit" });
    process.exit(r.status ?? 0);
  }
  if (!fs.existsSync(PID_FILE)) {
    console.log("没有找到 npm start 启动的开发服务器。若仍在运行，请在其终端按 Ctrl+C。");
    console.log("No dev server started by `npm start` was found. If one is still running, press Ctrl+C in its terminal.");
    return;
  }
  const [serverPid, startPid] = fs.readFileSync(PID_FILE, "utf8").split("\n").map((s) => Number(s.trim()));
  let stopped = false;
  for (const pid of [serverPid, startPid]) {
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
      try {
        process.kill(pid, "SIGTERM");
        stopped = true;
      } catch (e) {
        console.error(`无法停止进程 ${pid} / Could not stop process ${pid}: ${e.message}`);
      }
    }
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log(stopped ? "开发服务器已停止。/ The dev server was stopped." : "开发服务器已不在运行。/ The dev server was not running.");
}

main();
