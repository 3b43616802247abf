/**
 * Issue 7, bad input: every file of the corpus through `chibo check`,
 * `chibo inspect`, `chibo summary` and the add-in's flow on the simulated
 * Excel. Each gives a plain Vietnamese sentence or a correct result, within
 * 30 s of CPU time, and nothing is written to the user's file or sheets.
 *
 * The 1,048,576-row file takes ~10 s to make and ~10 s per command, so it runs
 * in bigFiles.test.ts only when CHIBO_BIG=1 (node scripts/hardening.js --big).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { makeBadFiles, type BadCase } from "./badFiles";
import { chibo, fileDigest, runAddin } from "./harness";

// Wall time is only a hang guard: the budget is CPU time, which a loaded machine does not stretch.
jest.setTimeout(180_000);

const LIMIT_MS = 30_000;
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

let dir: string;
let cases: BadCase[] = [];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-bad-"));
  cases = await makeBadFiles(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Same list as makeBadFiles, known before it runs, so that each case is its own test. */
const NAMES: Array<[string, "message" | "result", string?]> = [
  ["not-a-zip.xlsx", "message", "not-xlsx"],
  ["truncated.xlsx", "message", "corrupt"],
  ["encrypted.xlsx", "message", "encrypted"],
  ["old-format.xls", "message", "old-xls"],
  ["csv-renamed.xlsx", "message", "not-xlsx"],
  ["empty.xlsx", "message", "empty"],
  ["zero-bytes.xlsx", "message"],
  ["khong-co.xlsx", "message", "not-found"],
  ["hidden-sheets.xlsx", "result"],
  ["long-text.xlsx", "result"],
  ["formula-errors.xlsx", "result"],
  ["merged-data.xlsx", "result"],
  ["filtered.xlsx", "result"],
  ["odd-text.xlsx", "result"],
  ["wide.xlsx", "result"],
];

function caseOf(file: string): BadCase {
  const c = cases.find((k) => path.basename(k.file) === file);
  if (!c) throw new Error(`makeBadFiles no longer makes ${file}`);
  return c;
}

/** The corpus and this list must not drift apart. */
it("covers every file the corpus makes", () => {
  expect(cases.map((c) => path.basename(c.file)).sort()).toEqual(NAMES.map(([n]) => n).sort());
});

describe.each(NAMES)("%s", (file, expect_) => {
  it("chibo check, inspect and summary: a plain sentence or a result, no crash, file untouched", async () => {
    const c = caseOf(file);
    const digest = fileDigest(c.file);
    for (const args of [["check", c.file], ["check", c.file, "--json"], ["inspect", c.file], ["summary", c.file, "--period", "2025"]]) {
      const r = await chibo(...args);
      expect(r.crash).toBeUndefined();
      expect(r.cpuMs).toBeLessThan(LIMIT_MS);
      expect(r.out + r.err).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace shown to the user
      if (expect_ === "message") {
        expect(r.code).toBe(2);
        expect(r.out + r.err).toMatch(VIETNAMESE);
      } else {
        // A result: 0 (clean) or 1 (the data has errors); 2 only for "no table found", which is said plainly.
        expect([0, 1, 2]).toContain(r.code);
        if (r.code === 2) expect(r.out + r.err).toMatch(/Không tìm thấy bảng/);
      }
      if (args.includes("--json") && r.code !== 2) expect(() => JSON.parse(r.out)).not.toThrow();
    }
    expect(fileDigest(c.file)).toBe(digest);
  });

  it("the add-in on the simulated Excel: a plain sentence or a result; the user's sheets unchanged", async () => {
    const c = caseOf(file);
    const digest = fileDigest(c.file);
    const r = await runAddin(c.file);
    expect(r.cpuMs).toBeLessThan(LIMIT_MS);
    expect(r.userDataKept).toBe(true);
    expect(r.stray).toBe(0);
    if (expect_ === "message") {
      expect(r.outcome).toBe("refused");
      expect(r.message).toMatch(VIETNAMESE);
    } else {
      expect(r.outcome).toBe("done");
    }
    expect(fileDigest(c.file)).toBe(digest);
  });
});

describe("correct results on the odd but readable files", () => {
  it("a hidden sheet's table is read; the very hidden one holds no table", async () => {
    const r = await chibo("inspect", caseOf("hidden-sheets.xlsx").file, "--json");
    const tables = JSON.parse(r.out) as { sheets?: Array<{ name: string; tables: unknown[] }> } | unknown;
    expect(JSON.stringify(tables)).toContain("Cán bộ");
    const a = await runAddin(caseOf("hidden-sheets.xlsx").file);
    expect(a.tables).toBe(1);
  });

  it("a cached formula error is reported at its cell as unreadable, not taken as a value", async () => {
    const r = await chibo("check", caseOf("formula-errors.xlsx").file, "--json");
    const doc = JSON.parse(r.out) as unknown;
    const text = JSON.stringify(doc);
    expect(text).toContain("C3"); // #DIV/0! in the birth year
    expect(text).toContain("type/date");
  });

  it("rows hidden by a filter are still counted as data", async () => {
    const r = await chibo("inspect", caseOf("filtered.xlsx").file);
    expect(r.out).toMatch(/20 dòng dữ liệu/);
  });

  it("names in right-to-left script, with emoji or decomposed marks are read as names; only NFD is flagged", async () => {
    const r = await chibo("check", caseOf("odd-text.xlsx").file, "--json");
    const text = JSON.stringify(JSON.parse(r.out));
    expect(text).toContain("text/unicode-form");
    expect(r.code).toBe(0);
  });

  it("the 32,767-character name is kept whole", async () => {
    const r = await chibo("inspect", caseOf("long-text.xlsx").file);
    expect(r.out).toMatch(/2 dòng dữ liệu/);
  });
});
