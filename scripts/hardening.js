#!/usr/bin/env node
/**
 * Runs the hardening suite (issue 7): bad files, properties, nothing lost,
 * formula safety, bundle. `--big` adds the 1,048,576-row file (CHIBO_BIG=1).
 * `--corpus DIR` only writes the bad-file corpus to DIR (default
 * test/fixtures/bad) and lists it.
 *
 *   node scripts/hardening.js [--big]
 *   node scripts/hardening.js --corpus [DIR] [--big]
 */
const { spawnSync } = require("child_process");
const path = require("path");

const args = process.argv.slice(2);
const root = path.join(__dirname, "..");
const big = args.includes("--big");
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

if (args.includes("--corpus")) {
  const i = args.indexOf("--corpus");
  const dir = args[i + 1] && !args[i + 1].startsWith("--") ? args[i + 1] : path.join(root, "test", "fixtures", "bad");
  const r = spawnSync(npx, ["tsx", path.join(root, "test", "hardening", "badFiles.ts"), dir, ...(big ? ["--big"] : [])], { stdio: "inherit", cwd: root });
  process.exit(r.status ?? 1);
}

// One worker: the suite is CPU-bound and the machine is shared.
const r = spawnSync(npx, ["jest", "test/hardening", "--runInBand"], {
  stdio: "inherit",
  cwd: root,
  env: { ...process.env, ...(big ? { CHIBO_BIG: "1" } : {}) },
});
process.exit(r.status ?? 1);
