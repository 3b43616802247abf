import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/xlsx/read";
import { generateSample } from "../../src/core/sample";

/** Runs `chibo ...` in-process, capturing what it writes. */
async function chibo(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try {
    const code = await main(["node", "chibo", ...args]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-sample-")); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

describe("chibo sample", () => {
  it("writes the commune sample and its list of planted defects", async () => {
    const out = path.join(dir, "mau.xlsx");
    const r = await chibo("sample", "--out", out, "--seed", "3", "--defects");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã ghi .*mau\.xlsx/);
    const expected = generateSample({ size: "commune", seed: 3, defects: true });
    const wb = await readWorkbookFile(out);
    expect(wb.sheets.map((s) => s.name)).toEqual(expected.workbook.sheets.map((s) => s.name));
    expect(wb.sheets.map((s) => s.values)).toEqual(expected.workbook.sheets.map((s) => s.values));
    const listed = JSON.parse(fs.readFileSync(`${out}.defects.json`, "utf8"));
    expect(listed).toMatchObject({ size: "commune", seed: 3, year: 2025 });
    // Sheets planted as unreadable exist only in memory: the file cannot hold them, so its list does not promise them.
    expect(listed.defects).toEqual(expected.defects.filter((d) => d.rule !== "sheet/unreadable"));
    expect(expected.defects.some((d) => d.rule === "sheet/unreadable")).toBe(true);
  });

  it("writes no defects file without --defects", async () => {
    const out = path.join(dir, "sach.xlsx");
    const r = await chibo("sample", "--out", out);
    expect(r.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(fs.existsSync(`${out}.defects.json`)).toBe(false);
  });

  it.each([
    [["sample"], /Thiếu --out/],
    [["sample", "--out", "x.xlsx", "--size", "huge"], /Cỡ mẫu "huge" không hợp lệ/],
    [["sample", "--out", "x.xlsx", "--seed", "abc"], /Hạt giống "abc" phải là số nguyên/],
    [["sample", "--out", "x.xlsx", "--year", "25"], /Năm "25" không hợp lệ/],
    [["sample", "--bogus"], /Không có tùy chọn --bogus/],
  ])("refuses wrong arguments with exit 2 and one Vietnamese line: %j", async (args, message) => {
    const r = await chibo(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\s+at /);
  });

  it("speaks English with --lang en", async () => {
    const r = await chibo("sample", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Missing --out/);
  });

  it("says so when the file cannot be written: a folder, a missing folder", async () => {
    const r = await chibo("sample", "--out", dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${dir} là một thư mục, không phải tệp: hãy ghi cả tên tệp, ví dụ ${dir}/tong-hop.xlsx.\n`);
    const missing = path.join(dir, "khong-co", "mau.xlsx");
    const m = await chibo("sample", "--out", missing, "--lang", "en");
    expect(m.code).toBe(2);
    expect(m.err).toBe(`The folder ${path.dirname(missing)} does not exist: create it first, or choose another folder for ${missing}.\n`);
  });

  it("replaces an existing file only with --force, the defects list too", async () => {
    const out = path.join(dir, "lai.xlsx");
    expect((await chibo("sample", "--out", out, "--defects")).code).toBe(0);
    const before = fs.readFileSync(out);
    const again = await chibo("sample", "--out", out, "--defects", "--seed", "9");
    expect(again.code).toBe(2);
    expect(again.err).toBe(`Tệp ${out} đã có: thêm --force để ghi đè, hoặc chọn tên khác.\n`);
    expect(fs.readFileSync(out).equals(before)).toBe(true);
    // Only the list exists: still refused before any work, and the workbook is not written either.
    fs.unlinkSync(out);
    const half = await chibo("sample", "--out", out, "--defects", "--seed", "9");
    expect(half.code).toBe(2);
    expect(half.err).toContain(`${out}.defects.json đã có`);
    expect(fs.existsSync(out)).toBe(false);
    const forced = await chibo("sample", "--out", out, "--defects", "--seed", "9", "--force");
    expect(forced.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(`${out}.defects.json`, "utf8")).seed).toBe(9);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
