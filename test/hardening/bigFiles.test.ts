/**
 * Issue 7, the largest bad input: one column of 1,048,576 used rows (Excel's
 * whole sheet). Too slow for every `npm test` (~8 s to make, ~10 s per
 * command, ~1 GB of memory), so it runs only with CHIBO_BIG=1:
 * `node scripts/hardening.js --big`. The file is made once and kept in
 * os.tmpdir() between runs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { makeBadFiles, type BadCase } from "./badFiles";
import { chibo, fileDigest, runAddin } from "./harness";

const BIG = process.env.CHIBO_BIG === "1";
const LIMIT_MS = 30_000;
jest.setTimeout(180_000);

let big: BadCase | undefined;
beforeAll(async () => {
  if (!BIG) return;
  const dir = path.join(os.tmpdir(), "chibo-bad-big");
  const file = path.join(dir, "million-rows.xlsx");
  if (fs.existsSync(file)) big = { name: "1,048,576 used rows in one column", file, expect: "result", big: true };
  else big = (await makeBadFiles(dir, { big: true })).find((c) => c.big);
});

(BIG ? describe : describe.skip)("1,048,576 used rows in one column (CHIBO_BIG=1)", () => {
  it("chibo check and inspect answer within 30 s, plainly, and leave the file as it was", async () => {
    const digest = fileDigest(big!.file);
    for (const args of [["check", big!.file], ["inspect", big!.file]]) {
      const r = await chibo(...args);
      expect(r.crash).toBeUndefined();
      expect(r.ms).toBeLessThan(LIMIT_MS);
      // No table in a column of numbers: said in one sentence (check), or listed as such (inspect).
      expect(r.out + r.err).toMatch(/Không tìm thấy bảng|không nhận ra bảng nào/);
      console.log(`chibo ${args[0]} on 1,048,576 rows: ${r.ms} ms, exit ${r.code}`);
    }
    expect(fileDigest(big!.file)).toBe(digest);
  });

  it("the add-in on the simulated Excel answers within 30 s and changes no cell of the sheet", async () => {
    const r = await runAddin(big!.file);
    console.log(`add-in on 1,048,576 rows: ${r.ms} ms, ${r.outcome}${r.message ? ": " + r.message : ""}`);
    expect(r.ms).toBeLessThan(LIMIT_MS);
    expect(r.userDataKept).toBe(true);
  });
});
