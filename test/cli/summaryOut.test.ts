import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { generateSample } from "../../src/core/sample";
import { readWorkbookFile } from "../../src/xlsx/read";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { readZipDirectory } from "../../src/xlsx/zipPackage";
import { canMount, readOnlyFolder } from "./diskHelpers";

/** `chibo summary --out` as a user runs it: safe targets, honest exits, a valid workbook every time. */
const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "chibo.js");

async function chibo(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try {
    return { code: await main(["node", "chibo", ...args]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** The compiled command line in a process of its own (jest's globalSetup built it). */
function spawnChibo(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => { err += String(d); });
    child.on("close", (code) => resolve({ code, err }));
  });
}

let dir: string;
let input: string;
let second: string;
const digest = (f: string) => fs.readFileSync(f).toString("base64");

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-sumout-"));
  for (const [seed, name] of [[11, "xa-a.xlsx"], [12, "xa-b.xlsx"]] as const) {
    const s = generateSample({ size: "commune", seed, defects: false });
    // Small files, so the runs in separate processes below stay quick.
    for (const sheet of s.workbook.sheets) sheet.values = sheet.values.slice(0, 40);
    await writeWorkbookFile(path.join(dir, name), s.workbook, { boldRows: s.headerRows });
  }
  input = path.join(dir, "xa-a.xlsx");
  second = path.join(dir, "xa-b.xlsx");
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("chibo summary --out", () => {
  it("writes a copy of the one input with the summary sheet; replaces it only with --force", async () => {
    const out = path.join(dir, "tong-hop.xlsx");
    const r = await chibo("summary", input, "--period", "2025", "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Đã ghi ${out} (trang "Tổng hợp").`);
    const back = await readWorkbookFile(out);
    const orig = await readWorkbookFile(input);
    expect(back.sheets.map((s) => s.name)).toEqual([...orig.sheets.map((s) => s.name), "Tổng hợp"]);

    const before = digest(out);
    const again = await chibo("summary", input, "--period", "2025-Q3", "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toBe(`Tệp ${out} đã có: thêm --force để ghi đè, hoặc chọn tên khác.\n`);
    // Refused before reading anything: nothing was summed, so nothing was printed.
    expect(again.out).toBe("");
    expect(digest(out)).toBe(before);
    const forced = await chibo("summary", input, "--period", "2025-Q3", "--out", out, "--force", "--lang", "en");
    expect(forced.code).toBe(0);
    expect(forced.err).toContain(`Wrote ${out} (sheet "Summary").`);
    expect(forced.err).toContain("Charts are made by the add-in inside Excel");
    expect((await readWorkbookFile(out)).sheets.map((s) => s.name)).toEqual([...orig.sheets.map((s) => s.name), "Summary"]);
  }, 60000);

  it("with several inputs, writes the summary sheet only, and says so", async () => {
    const out = path.join(dir, "tinh.xlsx");
    const r = await chibo("summary", input, second, "--period", "2025", "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Có 2 tệp đầu vào: tệp ${out} chỉ chứa trang tổng hợp.`);
    expect((await readWorkbookFile(out)).sheets.map((s) => s.name)).toEqual(["Tổng hợp"]);
  }, 60000);

  it("never writes over an input: itself, a symbolic link or a hard link to it, even with --force", async () => {
    const sym = path.join(dir, "link-mem.xlsx");
    const hard = path.join(dir, "link-cung.xlsx");
    fs.symlinkSync(second, sym);
    fs.linkSync(second, hard);
    const before = digest(second);
    for (const out of [second, sym, hard, path.join(dir, ".", "xa-b.xlsx")]) {
      const r = await chibo("summary", input, second, "--period", "2025", "--out", out, "--force");
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/chính là tệp đầu vào .*xa-b\.xlsx \(cùng một tệp trên đĩa, qua liên kết hoặc tên khác\): không ghi đè tệp đầu vào/);
      expect(r.out).toBe("");
    }
    expect(digest(second)).toBe(before);
    expect(fs.lstatSync(sym).isSymbolicLink()).toBe(true);
  }, 60000);

  it("checks the folder before any work, with a plain sentence for each failure", async () => {
    const missing = await chibo("summary", path.join(dir, "khong-co.xlsx"), "--period", "2025", "--out", path.join(dir, "khong", "ra.xlsx"));
    expect(missing.code).toBe(2);
    // The folder is named, not the missing input: nothing was read.
    expect(missing.err).toBe(`Thư mục ${path.join(dir, "khong")} không tồn tại: hãy tạo thư mục đó trước, hoặc chọn thư mục khác cho ${path.join(dir, "khong", "ra.xlsx")}.\n`);
    const folder = await chibo("summary", input, "--period", "2025", "--out", dir, "--lang", "en");
    expect(folder.err).toBe(`${dir} is a folder, not a file: give a file name too, e.g. ${dir}/summary.xlsx.\n`);
    if (canMount() || process.getuid?.() !== 0) {
      const ro = readOnlyFolder();
      try {
        const r = await chibo("summary", input, "--period", "2025", "--out", path.join(ro.dir, "ra.xlsx"));
        expect(r.code).toBe(2);
        expect(r.err).toMatch(ro.kind === "read-only mount" ? /^Thư mục .* chỉ cho phép đọc/ : /^Không có quyền ghi/);
        expect(r.err).not.toMatch(/không mong đợi|EROFS|EACCES/);
      } finally {
        ro.cleanup();
      }
    }
  }, 60000);

  it("two runs writing one file at once, 18 times: always a whole workbook, and each exit tells the truth", async () => {
    const out = path.join(dir, "cung-luc.xlsx");
    const expectedSheets = [...(await readWorkbookFile(input)).sheets.map((s) => s.name), "Tổng hợp"];
    for (let i = 0; i < 18; i++) {
      const force = i % 2 === 0;
      if (fs.existsSync(out)) fs.unlinkSync(out);
      const args = ["summary", input, "--period", "2025", "--out", out, ...(force ? ["--force"] : [])];
      const runs = await Promise.all([spawnChibo(args), spawnChibo(args)]);
      const codes = runs.map((r) => r.code).sort();
      // With --force both may write (the last rename wins); without, exactly one does and the other says the file exists.
      expect(codes).toEqual(force ? [0, 0] : [0, 2]);
      if (!force) expect(runs.find((r) => r.code === 2)!.err).toContain("đã có: thêm --force để ghi đè");
      const dirEntries = await readZipDirectory(out);
      expect(dirEntries.entries.length).toBeGreaterThan(5);
      expect((await readWorkbookFile(out)).sheets.map((s) => s.name)).toEqual(expectedSheets);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    }
  }, 180000);
});
