/**
 * Budget: `chibo --help` costs at most 4× a bare `node -e 0`.
 *
 * Both run as child processes, interleaved, RUNS times each. The held figure
 * is CPU time (user + system of the children, from /proc/self/stat), which a
 * busy machine does not inflate; wall-clock medians are printed beside it.
 * Builds the command line first when build/ is missing.
 *
 *   npx tsx bench/cli-startup.bench.ts
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "chibo.js");
const RUNS = 25;
const BUDGET = 4;

/** Children's CPU seconds so far (Linux), or null elsewhere. */
function childrenCpu(): number | null {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the name: state is field 3, so cutime (16) and cstime (17) sit at 13 and 14 here.
    const ticks = Number(fields[13]) + Number(fields[14]);
    return ticks / 100;
  } catch {
    return null;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function run(args: string[]): { ms: number; cpu: number | null } {
  const c0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c1 = childrenCpu();
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, cpu: c0 === null || c1 === null ? null : c1 - c0 };
}

function main(): number {
  if (!fs.existsSync(path.join(ROOT, "build", "cli", "main.js"))) {
    const b = spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "inherit" });
    if (b.status !== 0) return 1;
  }
  run([BIN, "--help"]); // warm the disk cache for both
  const bare: number[] = [];
  const cli: number[] = [];
  let bareCpu = 0;
  let cliCpu = 0;
  let haveCpu = true;
  for (let i = 0; i < RUNS; i++) {
    const a = run(["-e", "0"]);
    const b = run([BIN, "--help"]);
    bare.push(a.ms);
    cli.push(b.ms);
    if (a.cpu === null || b.cpu === null) haveCpu = false;
    else { bareCpu += a.cpu; cliCpu += b.cpu; }
  }
  const wallRatio = median(cli) / median(bare);
  console.log(`node -e 0:      median ${median(bare).toFixed(1)} ms wall${haveCpu ? `, ${((bareCpu / RUNS) * 1000).toFixed(1)} ms CPU` : ""} (${RUNS} runs)`);
  console.log(`chibo --help:   median ${median(cli).toFixed(1)} ms wall${haveCpu ? `, ${((cliCpu / RUNS) * 1000).toFixed(1)} ms CPU` : ""} (${RUNS} runs)`);
  const cpuRatio = haveCpu && bareCpu > 0 ? cliCpu / bareCpu : null;
  console.log(`ratio: ${wallRatio.toFixed(2)}× wall${cpuRatio !== null ? `, ${cpuRatio.toFixed(2)}× CPU` : ""} (budget ${BUDGET}×; CPU held where measured)`);
  const held = cpuRatio ?? wallRatio;
  if (held > BUDGET) {
    console.log(`OVER BUDGET: chibo --help costs ${held.toFixed(2)}× node -e 0`);
    return 1;
  }
  return 0;
}

process.exit(main());
