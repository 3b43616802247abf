#!/usr/bin/env node
// Browser tests: Debian's Chromium driven by playwright-core against the built
// demo page (task pane beside the simulated workbook) on a free localhost port.
// Last line: "N passed, N failed"; exit 1 on any failure.
// Skips (exit 0) ONLY when /usr/bin/chromium is missing and CI is not "true".
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const { buildIfNeeded, startServer, DIST } = require("./demo.js");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    if (process.env.CI === "true") {
      console.error(`Chromium is required in CI but was not found at ${CHROMIUM} (apt-get install chromium).`);
      console.log("0 passed, 1 failed");
      return 1;
    }
    console.log(`SKIPPED: browser tests need Chromium at ${CHROMIUM} (apt-get install chromium). Set CI=true to make this a failure.`);
    console.log("0 passed, 0 failed");
    return 0;
  }
  try {
    // The tests make their sample files with `chibo sample` and name them by the generator's fingerprint,
    // both from build/: build it from the sources first, so neither is a stale copy.
    execFileSync(process.execPath, [path.join(__dirname, "build-cli.js")], { stdio: "inherit" });
    buildIfNeeded({ demo: true });
    buildIfNeeded({ demo: false });
  } catch (err) {
    console.error(err.message);
    console.log("0 passed, 1 failed");
    return 1;
  }
  const { server, port } = await startServer({ port: 0, root: DIST });
  const { runAll } = require("../test/e2e/pane.e2e.js");
  let result;
  try {
    result = await runAll({ base: `http://127.0.0.1:${port}`, otherOrigin: `http://localhost:${port}`, chromium: CHROMIUM, only: process.argv.slice(2) });
  } finally {
    server.close();
  }
  console.log(`${result.passed} passed, ${result.failed} failed`);
  return result.failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err && err.stack ? err.stack : err);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
