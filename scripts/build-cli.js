#!/usr/bin/env node
// `npm run build:cli` (run by `npm ci` through prepare, by `npm run build`, and before jest):
// compiles the command line into build/ with tsc. Incremental, so an up-to-date build costs
// about a second; a build/ that lost its files but kept tsc's record is rebuilt from scratch.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const entry = path.join(root, "build", "cli", "main.js");
const info = path.join(root, "build", ".tsbuildinfo");
if (!fs.existsSync(entry) && fs.existsSync(info)) fs.rmSync(info);
const tsc = require.resolve("typescript/bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.cli.json")], { cwd: root, stdio: "inherit" });
if (r.status !== 0) {
  process.stderr.write("Không dựng được chibo (tsc báo lỗi ở trên). / Building chibo failed (tsc errors above).\n");
  process.exit(1);
}
