#!/usr/bin/env node
// `npm run bench`: every bench/*.bench.ts in turn, each in its own process
// (so one bench's memory does not weigh on the next), through the local tsx.
// Prints their output as it comes and exits 1 if any bench failed its budget.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const dir = __dirname;
const tsx = path.join(dir, "..", "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");
const only = process.argv.slice(2);
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (benches.length === 0) {
  process.stdout.write("Không có tệp bench nào (bench/*.bench.ts).\n");
  process.exit(only.length ? 1 : 0);
}

const results = [];
for (const f of benches) {
  process.stdout.write(`\n=== ${f} ===\n`);
  const t0 = Date.now();
  const r = spawnSync(tsx, [path.join(dir, f)], { stdio: "inherit", cwd: path.join(dir, "..") });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const ok = r.status === 0;
  results.push({ f, ok, secs, status: r.status, signal: r.signal });
  process.stdout.write(`=== ${ok ? "ok" : "FAILED"}: ${f} (${secs} s${r.signal ? `, ${r.signal}` : ""}) ===\n`);
}

const failed = results.filter((r) => !r.ok);
process.stdout.write(`\n${results.length - failed.length}/${results.length} bench ok${failed.length ? `; failed: ${failed.map((r) => r.f).join(", ")}` : ""}\n`);
process.exit(failed.length ? 1 : 0);
