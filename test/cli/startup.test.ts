import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * The compiled command line as a user runs it (jest's globalSetup built it).
 * `chibo --help` must load neither the core, nor the reader, nor ExcelJS: the
 * timing budget is in bench/cli-startup.bench.ts, this holds the cause.
 */
const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "chibo.js");

function modulesLoadedBy(args: string[]): string[] {
  const script = `
    const main = require(${JSON.stringify(path.join(ROOT, "build", "cli", "main.js"))}).main;
    process.stdout.write = () => true;
    main(["node", "chibo", ...${JSON.stringify(args)}]).then(() => {
      process.stderr.write(JSON.stringify(Object.keys(require.cache)));
    });`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(r.status).toBe(0);
  return JSON.parse(r.stderr) as string[];
}

describe("the compiled command line", () => {
  it.each([[["--help"]], [["check", "--help"]], [["summary", "--help"]]])("%j loads no core, reader or ExcelJS", (args) => {
    const loaded = modulesLoadedBy(args);
    expect(loaded.some((m) => m.includes(`${path.sep}build${path.sep}cli${path.sep}main.js`))).toBe(true);
    const heavy = loaded.filter((m) => /[\\/](exceljs|jszip|fflate|saxes)[\\/]|[\\/]build[\\/](core|xlsx[\\/]read|sim|app)\b/.test(m));
    expect(heavy).toEqual([]);
  });

  it("runs from bin/chibo.js with the documented exit codes", () => {
    const help = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: chibo/);
    const bad = spawnSync(process.execPath, [BIN, "check", "--bogus"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Không có tùy chọn --bogus/);
  });

  it("says in one sentence how to build it when build/ is missing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-nobuild-"));
    try {
      fs.mkdirSync(path.join(dir, "bin"));
      fs.copyFileSync(BIN, path.join(dir, "bin", "chibo.js"));
      const r = spawnSync(process.execPath, [path.join(dir, "bin", "chibo.js"), "--help"], { encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^chibo chưa được dựng: hãy chạy "npm run build:cli"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
