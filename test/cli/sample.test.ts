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
    expect(listed.defects).toEqual(expected.defects);
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

  it("says so when the file cannot be written", async () => {
    const r = await chibo("sample", "--out", dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Không ghi được tệp/);
  });
});
