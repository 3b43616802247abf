#!/usr/bin/env node
// `npm test`: the whole suite, in the order a failure is cheapest to find.
// Each step runs as its own process so one failure does not hide the next's output.
const { spawnSync } = require("child_process");

const steps = [
  ["typecheck (core alone, no I/O libs)", "npx", ["tsc", "--noEmit", "-p", "src/core/tsconfig.json"]],
  ["typecheck (all)", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["lint", "npx", ["eslint", "src", "test", "bench", "scripts"]],
  ["manifest (XSD, offline)", "node", ["scripts/validate-manifest.js", "manifest.xml"]],
  // Before jest, so the bundle checks of test/hardening run on this very build.
  ["production build for a server address (dist/manifest.xml validates)", "node", ["scripts/check-build.js"]],
  // No --forceExit: a handle left open is a bug to find (`npx jest --runInBand --detectOpenHandles`), not to hide.
  ["unit and integration tests (jest, with core coverage)", "npx", ["jest", "--coverage", "--ci"]],
  ["browser tests (playwright-core + Debian Chromium)", "node", ["scripts/e2e.js"]],
];

const only = process.argv.slice(2);
let failed = 0;
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  process.stdout.write(`\n=== ${name} ===\n`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: false });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`=== FAILED: ${name} (${secs} s) ===\n`);
  } else {
    process.stdout.write(`=== ok: ${name} (${secs} s) ===\n`);
  }
}
process.exit(failed ? 1 : 0);
