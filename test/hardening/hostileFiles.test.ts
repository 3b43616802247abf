/**
 * Issue 16, hostile and broken files: each file of the corpus (hostileFiles.ts)
 * through `chibo check` and `chibo inspect` run as users run them (bin/chibo.js,
 * in a child process), each within 30 s of its own CPU time and 1.5 GB of peak memory, answering
 * with exit 0, 1 or 2 and a plain sentence; and no table lost without a word:
 * every table of the file is either found, or its sheet is named in the
 * reader's problems.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { understand } from "../../src/core/understand";
import { XlsxReadError } from "../../src/xlsx/errors";
import { readWorkbookFile } from "../../src/xlsx/read";
import { makeHostileFiles, type HostileCase } from "./hostileFiles";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "..", "..");
const LIMIT_MS = 30_000;
const LIMIT_RSS_KB = 1.5 * 1024 * 1024;
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

let dir: string;
let cases: HostileCase[] = [];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-hostile-"));
  cases = await makeHostileFiles(dir);
});
/** Each command's exit, time and peak memory, printed at the end for docs/RELIABILITY.md. */
const figures: string[] = [];
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (figures.length) console.log(`hostile files (command, file, exit, wall ms, CPU ms, peak MB):\n${figures.join("\n")}`);
});

/** The files makeHostileFiles writes, known before it runs so each is its own test. */
const FILES = [
  "stray-xfd1048576.xlsx", "row-billion.xlsx", "refs-beyond-xfd.xlsx", "merge-whole-sheet.xlsx", "bomb-declared.xlsx",
  "bomb-lying.xlsx", "bomb-shared-strings.xlsx", "bomb-shared-strings-declared.xlsx", "many-entries.xlsx", "huge-strings.xlsx",
  "missing-part.xlsx", "missing-part-only.xlsx", "dangling-rid.xlsx", "duplicate-entry.xlsx", "listed-twice.xlsx", "cdata.xlsx",
  "escapes.xlsx", "prefixed.xlsx", "utf16.xlsx", "strict.xlsx", "invalid-utf8.xlsx", "date1904.xlsx",
];

const caseOf = (file: string) => {
  const c = cases.find((k) => path.basename(k.file) === file);
  if (!c) throw new Error(`makeHostileFiles no longer makes ${file}`);
  return c;
};

interface ChildRun { code: number | null; signal: string | null; out: string; ms: number; cpuMs: number; rssKb: number }

/** `chibo ...args` in its own process, as a user runs it; its peak memory from scripts/reportUsage.js. */
function chiboChild(args: string[]): Promise<ChildRun> {
  const usageFile = path.join(dir, `usage-${process.hrtime.bigint()}.json`);
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", path.join(ROOT, "scripts", "reportUsage.js"), path.join(ROOT, "bin", "chibo.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, CHIBO_USAGE_FILE: usageFile, FORCE_COLOR: "0" },
    });
    let out = "";
    child.stdout.on("data", (d) => { out += String(d); });
    child.stderr.on("data", (d) => { out += String(d); });
    // A hang guard only: the budget is the command's own CPU time, which the machine's other load does not change.
    const timer = setTimeout(() => child.kill("SIGKILL"), LIMIT_MS * 4);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const usage = fs.existsSync(usageFile) ? (JSON.parse(fs.readFileSync(usageFile, "utf8")) as { cpuMs: number; peakKb: number }) : null;
      resolve({ code, signal, out, ms: Date.now() - t0, cpuMs: usage?.cpuMs ?? NaN, rssKb: usage?.peakKb ?? NaN });
    });
  });
}

it("covers every file the corpus makes", () => {
  expect(cases.map((c) => path.basename(c.file)).sort()).toEqual([...FILES].sort());
});

describe.each(FILES)("%s", (file) => {
  it("chibo check and inspect: exit 0, 1 or 2 with a plain sentence, within 30 s and 1.5 GB", async () => {
    const c = caseOf(file);
    for (const command of ["check", "inspect"]) {
      const r = await chiboChild([command, c.file]);
      figures.push(`${command}\t${file}\t${r.code}\t${r.ms}\t${Math.round(r.cpuMs)}\t${Math.round(r.rssKb / 1024)}`);
      const what = `${command} ${file}: exit ${r.code}${r.signal ? ` (${r.signal})` : ""}, ${r.ms} ms (${Math.round(r.cpuMs)} ms CPU), ${Math.round(r.rssKb / 1024)} MB\n${r.out.slice(0, 600)}`;
      expect([what, [0, 1, 2].includes(r.code ?? -1)]).toEqual([what, true]);
      expect(r.cpuMs).toBeLessThan(LIMIT_MS);
      expect(r.rssKb).toBeLessThan(LIMIT_RSS_KB);
      expect(r.out).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
      expect(r.out).not.toMatch(/Lỗi không mong đợi/);
      if (c.expect === "message") {
        expect(r.code).toBe(2);
        expect(r.out).toMatch(VIETNAMESE);
      } else if (r.code === 2) {
        // A result with no table left to check says so plainly.
        expect(r.out).toMatch(/Không tìm thấy bảng/);
      }
    }
  });

  it("loses no table without a word: each is found, or its sheet is named in problems", async () => {
    const c = caseOf(file);
    if (c.expect === "message") {
      await expect(readWorkbookFile(c.file)).rejects.toMatchObject({ code: c.code });
      const err = (await readWorkbookFile(c.file).catch((e: unknown) => e)) as XlsxReadError;
      expect(err.userText.vi).toMatch(VIETNAMESE);
      expect(err.userText.vi).not.toMatch(/hỏng hoặc chưa tải về hết/); // the real cause, not "damaged or not downloaded"
      return;
    }
    const wb = await readWorkbookFile(c.file);
    const problems = wb.problems ?? [];
    for (const [sheet, code] of c.problems ?? []) {
      expect(problems.map((p) => [p.sheet, p.code])).toContainEqual([sheet, code]);
    }
    for (const p of problems) {
      expect(p.detail.vi).toMatch(VIETNAMESE);
      expect(p.detail.vi).toContain(`"${p.sheet}"`);
      expect(p.detail.en).toContain(`"${p.sheet}"`);
    }
    const { tables } = understand(wb);
    for (const sheet of c.tables) {
      const found = tables.some((t) => t.sheet === sheet && t.kind === "cadres");
      const named = problems.some((p) => p.sheet === sheet);
      expect([sheet, found || named]).toEqual([sheet, true]);
    }
  });
});

describe("what the odd but valid files hold", () => {
  const names = ["Nguyễn Văn An", "Lê Thị Hoa", "Trần Văn Bình"];

  it.each(["cdata.xlsx", "escapes.xlsx", "prefixed.xlsx", "utf16.xlsx", "strict.xlsx"])("%s reads the same cadres as a plain file", async (file) => {
    const wb = await readWorkbookFile(caseOf(file).file);
    expect(wb.problems ?? []).toEqual([]);
    const sheet = wb.sheets.find((s) => s.name === "Cán bộ")!;
    expect(sheet.values[0]).toEqual(["STT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Chức vụ", "Chi bộ", "Đảng bộ xã"]);
    expect(sheet.values.slice(1).map((r) => r[1])).toEqual(expect.arrayContaining(names));
    expect(sheet.values[1][7]).toBe("Xã Yên Lạc");
    expect(sheet.values.length).toBe(25);
  });

  it("a sheet listed twice is read once, so nothing is counted twice", async () => {
    const wb = await readWorkbookFile(caseOf("listed-twice.xlsx").file);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Cán bộ"]);
    expect(understand(wb).dataset.cadres).toHaveLength(24);
  });

  it("a 1904 workbook says so and keeps its serials as stored; the dates it means are read", async () => {
    const wb = await readWorkbookFile(caseOf("date1904.xlsx").file);
    expect(wb.date1904).toBe(true);
    expect(wb.sheets[0].values[1][2]).toBe(24638);
    expect(understand(wb).dataset.cadres[0].birth).toMatchObject({ y: 1971, m: 6, d: 16 });
  });

  it("invalid UTF-8 is named, with the cell, and the rest of the text survives", async () => {
    const wb = await readWorkbookFile(caseOf("invalid-utf8.xlsx").file);
    const p = wb.problems!.find((x) => x.code === "unreadable")!;
    expect(p.lost).toBe(false);
    expect(p.detail.vi).toMatch(/UTF-8/);
    expect(p.detail.vi).toMatch(/ô B\d+/);
  });

  it("a stray value in XFD1048576 costs one row, not a rectangle", async () => {
    const wb = await readWorkbookFile(caseOf("stray-xfd1048576.xlsx").file);
    const s = wb.sheets[0];
    expect(Object.keys(s.values)).toHaveLength(26);
    expect(s.values[1048575][16383]).toBe("x");
  });
});
