#!/usr/bin/env node
// The production build as a deployer runs it: `ADDIN_URL=https://… npm run build`.
// Then dist/manifest.xml must point at that address only and still validate.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { validateManifest } = require("./validate-manifest.js");

const url = process.env.ADDIN_URL || "https://chibo.example.org/addin/";
const root = path.join(__dirname, "..");
const r = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, ADDIN_URL: url },
});
if (r.status !== 0) {
  console.error("Bản dựng production thất bại.");
  process.exit(1);
}
const file = path.join(root, "dist", "manifest.xml");
const xml = fs.readFileSync(file, "utf8");
const problems = [];
if (xml.includes("localhost")) problems.push("dist/manifest.xml vẫn còn địa chỉ localhost");
const { manifestVersion } = require("./manifest-url.js");
const version = manifestVersion(require("../package.json").version);
if (!xml.includes(`<Version>${version}</Version>`)) problems.push(`dist/manifest.xml không mang phiên bản ${version} của package.json`);
if (!xml.includes(`${url}taskpane.html`)) problems.push(`dist/manifest.xml không trỏ tới ${url}taskpane.html`);
for (const f of ["taskpane.html", "taskpane.js", "commands.html", "assets/icon-80.png"]) {
  if (!fs.existsSync(path.join(root, "dist", f))) problems.push(`thiếu dist/${f}`);
}
const v = validateManifest(file);
if (!v.ok) problems.push(`dist/manifest.xml không hợp lệ theo XSD:\n${v.output}`);
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`dist/ built for ${url}; dist/manifest.xml validates and names no other address`);
