/**
 * Budget: the production task pane's JavaScript, gzipped, under 300 KB
 * (office.js is Microsoft's and not counted). Builds dist/ when it is missing
 * or older than the sources, then measures every local script taskpane.html
 * loads. Also fails when the simulator or ExcelJS slipped into the bundle.
 *
 *   npx tsx bench/bundle.bench.ts [--build]
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildIfNeeded, DIST } = require("../scripts/demo.js") as { buildIfNeeded: (o: { demo: boolean; force?: boolean }) => void; DIST: string };

const BUDGET_BYTES = 300 * 1024;

function localScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) if (!/^https?:/i.test(m[1])) out.push(m[1].replace(/^\.?\//, ""));
  return out;
}

function main(): number {
  const t0 = Date.now();
  buildIfNeeded({ demo: false, force: process.argv.includes("--build") });
  const buildSecs = (Date.now() - t0) / 1000;
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  // The page's scripts, and the engine's Web Worker (core.worker.ts, emitted as chibo-*.js) it starts.
  const workers = fs.readdirSync(DIST).filter((f) => /^chibo-.*\.js$/.test(f));
  const scripts = [...localScripts(html), ...workers];
  let raw = 0;
  let gz = 0;
  for (const s of scripts) {
    const buf = fs.readFileSync(path.join(DIST, s));
    const z = zlib.gzipSync(buf, { level: 9 }).length;
    raw += buf.length;
    gz += z;
    console.log(`  ${s}: ${(buf.length / 1024).toFixed(1)} KB, gzipped ${(z / 1024).toFixed(1)} KB`);
  }
  console.log(`task pane JavaScript: ${(raw / 1024).toFixed(1)} KB, gzipped ${(gz / 1024).toFixed(1)} KB (budget ${BUDGET_BYTES / 1024} KB gzipped; build/check ${buildSecs.toFixed(1)} s)`);

  // What must never ship to users: the simulator (demo and tests only) and ExcelJS (command line and demo only).
  const leaks: string[] = [];
  for (const s of scripts) {
    const map = path.join(DIST, `${s}.map`);
    if (!fs.existsSync(map)) continue;
    const sources: string[] = JSON.parse(fs.readFileSync(map, "utf8")).sources ?? [];
    for (const src of sources) if (/src\/sim\/|src\/demo\/|node_modules\/exceljs\//.test(src)) leaks.push(`${s}: ${src}`);
  }
  if (!scripts.length) {
    console.error("FAIL: taskpane.html loads no local script");
    return 1;
  }
  if (leaks.length) {
    console.error(`FAIL: the production bundle contains demo-only code:\n  ${leaks.slice(0, 10).join("\n  ")}`);
    return 1;
  }
  if (gz > BUDGET_BYTES) {
    console.error(`FAIL: over budget by ${((gz - BUDGET_BYTES) / 1024).toFixed(1)} KB`);
    return 1;
  }
  console.log("ok: within budget");
  return 0;
}

process.exit(main());
