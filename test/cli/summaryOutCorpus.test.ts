/**
 * `chibo summary --out` over the whole bad-file corpus (test/hardening): a
 * plain sentence or a workbook that opens, the input untouched, no temporary
 * file left behind. The corpus grows with the reader's work; this follows it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { makeBadFiles, type BadCase } from "../hardening/badFiles";
import { chibo, fileDigest } from "../hardening/harness";
import { readWorkbookFile } from "../../src/xlsx/read";

jest.setTimeout(120_000);

let dir: string;
let outDir: string;
let cases: BadCase[] = [];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-outcorpus-"));
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-outcorpus-out-"));
  cases = await makeBadFiles(dir);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
});

it("every corpus file: a plain sentence, or a copy with the summary sheet that opens", async () => {
  expect(cases.length).toBeGreaterThan(10);
  const outcomes: string[] = [];
  for (const c of cases) {
    const digest = fileDigest(c.file);
    const out = path.join(outDir, `${path.basename(c.file)}.out.xlsx`);
    const r = await chibo("summary", c.file, "--period", "2025", "--out", out, "--force");
    expect(r.crash).toBeUndefined();
    expect(r.out + r.err).not.toMatch(/\n\s+at .*:\d+:\d+|không mong đợi/);
    expect([0, 1, 2]).toContain(r.code);
    if (r.code === 0) {
      const back = await readWorkbookFile(out);
      expect(back.sheets[back.sheets.length - 1].name).toBe("Tổng hợp");
      outcomes.push(`${path.basename(c.file)}: written`);
    } else {
      expect(r.err.trim().length).toBeGreaterThan(0);
      expect(fs.existsSync(out)).toBe(false);
      outcomes.push(`${path.basename(c.file)}: ${r.err.trim().split("\n")[0].slice(0, 60)}`);
    }
    expect(fileDigest(c.file)).toBe(digest);
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }
  // The readable files of the corpus are written; the unreadable ones are refused before anything is written.
  expect(outcomes.filter((o) => o.endsWith(": written")).length).toBeGreaterThan(4);
});
