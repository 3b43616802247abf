import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Ctrl+C while a file is being written: the run stops, the temporary file
 * goes, and the previous file of that name is as it was. The compiled command
 * line runs in its own process (jest's globalSetup built it).
 */
const BIN = path.join(__dirname, "..", "..", "bin", "chibo.js");

it("an interrupted write leaves the previous file and no temporary file", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-int-"));
  try {
    const out = path.join(dir, "tinh.xlsx");
    fs.writeFileSync(out, "bản cũ");
    const child = spawn(process.execPath, [BIN, "sample", "--size", "province", "--out", out, "--force"], { stdio: "ignore" });
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
    // Wait until the temporary file exists (the province sample takes seconds to make and write), then interrupt.
    let sawTemp = false;
    for (let i = 0; i < 1200 && !sawTemp; i++) {
      await new Promise((r) => setTimeout(r, 50));
      sawTemp = fs.readdirSync(dir).some((f) => f.endsWith(".tmp"));
    }
    expect(sawTemp).toBe(true);
    child.kill("SIGINT");
    const { code } = await closed;
    expect(code).toBe(130);
    expect(fs.readdirSync(dir)).toEqual(["tinh.xlsx"]);
    expect(fs.readFileSync(out, "utf8")).toBe("bản cũ");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
