import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { generateSample } from "../../src/core/sample";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { FIELDS, TableKind } from "../../src/core/model";
import type { InspectedFile } from "../../src/cli/inspect";
import { createProgress, translateCommanderError } from "../../src/cli/common";

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
let sampleFile: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-inspect-"));
  sampleFile = path.join(dir, "mau.xlsx");
  const s = generateSample({ size: "commune", seed: 5, defects: false });
  await writeWorkbookFile(sampleFile, s.workbook, { boldRows: s.headerRows });
});
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

/** The sample writes the birth date and the full name, so the "Nam"/"Nữ" pair and the split name are the alternatives it leaves out. */
const NOT_IN_SAMPLE = new Set(["birthYearMale", "birthYearFemale", "surname", "givenName"]);

describe("chibo inspect", () => {
  it("finds the four tables of the sample and maps every field (--json)", async () => {
    const r = await chibo("inspect", sampleFile, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.out) as InspectedFile[];
    const bySheet = Object.fromEntries(result.tables.map((t) => [t.sheet, t]));
    const expected: Record<string, TableKind> = { "Danh sách xã": "communes", "Chi bộ": "cells", "Cán bộ": "cadres", "Sinh hoạt": "meetings" };
    for (const [sheetName, kind] of Object.entries(expected)) {
      const table = bySheet[sheetName];
      expect(table.kind).toBe(kind);
      const mapped = table.columns.map((c) => c.field).sort();
      const all = FIELDS[kind].map((f) => f.key).filter((k) => !NOT_IN_SAMPLE.has(k)).sort();
      expect([sheetName, mapped]).toEqual([sheetName, all]);
      expect(table.unmapped).toEqual([]);
    }
    expect(bySheet["Cán bộ"].headerRows).toEqual([4, 5]);
    expect(bySheet["Cán bộ"].columns.find((c) => c.field === "theory")).toMatchObject({ column: "K", header: "Trình độ / LLCT" });
    expect(bySheet["Chi bộ"].skippedRows.map((s) => s.reason)).toContain("total");
  });

  it("prints a readable Vietnamese summary", async () => {
    const r = await chibo("inspect", sampleFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Trang "Cán bộ": Cán bộ (bí thư, cấp ủy viên)');
    expect(r.out).toMatch(/Dòng tiêu đề: 4–5; \d+ dòng dữ liệu/);
    expect(r.out).toMatch(/K\s+Lý luận chính trị\s+← "Trình độ \/ LLCT"/);
  });

  it("reports an unreadable file in one line, exits 2, and still inspects the others", async () => {
    const bad = path.join(dir, "hong.xlsx");
    fs.writeFileSync(bad, "đây không phải tệp Excel");
    const r = await chibo("inspect", path.join(dir, "khong-co.xlsx"), bad, sampleFile);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Không tìm thấy tệp .*khong-co\.xlsx/);
    expect(lines[1]).toMatch(/^Tệp .*hong\.xlsx không phải là tệp Excel \.xlsx/);
    expect(r.out).toContain('Trang "Sinh hoạt"');
  });

  it("asks for a file when none is given", async () => {
    const r = await chibo("inspect");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Thiếu tham số files/);
  });
});

describe("shared CLI helpers that inspect uses", () => {

  it("draws a progress bar only on a terminal", () => {
    let clock = 0;
    const written: string[] = [];
    const tty = { out: () => undefined, err: (s: string) => { written.push(s); }, errIsTTY: true };
    const bar = createProgress("Đang đọc", tty, () => (clock += 200));
    bar.update(50, 100);
    bar.update(5000);
    bar.done();
    expect(written[0]).toContain("50%");
    expect(written[1]).toMatch(/5\.000 dòng/);
    expect(written[2]).toBe("\r\x1b[K");
    const pipe = { out: () => undefined, err: (s: string) => { written.push(`pipe:${s}`); }, errIsTTY: false };
    const quiet = createProgress("Đang đọc", pipe);
    quiet.update(1, 2);
    quiet.done();
    expect(written.some((s) => s.startsWith("pipe:"))).toBe(false);
  });

  it("turns commander's English errors into Vietnamese lines", () => {
    expect(translateCommanderError("error: option '--seed <n>' argument missing")).toMatch(/^Tùy chọn --seed <n> cần một giá trị/);
    expect(translateCommanderError("error: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are vi, en.")).toMatch(/^Giá trị "fr" không hợp lệ cho tùy chọn --lang/);
    expect(translateCommanderError("error: too many arguments for 'sample'. Expected 0 arguments but got 1.")).toMatch(/^Thừa tham số/);
  });
});

describe("inspect names the sheets it could not read, and why", () => {
  it("lists each sheet with data that gave no table, and each sheet the reader lost", async () => {
    const { inspectWorkbook, formatInspection } = await import("../../src/cli/inspect");
    const wb = {
      sheets: [
        { name: "Bí thư", originRow: 1, originCol: 1, values: [["Họ và tên", "Chức vụ", "Chi bộ"], ["Nguyễn Văn An", "Bí thư chi bộ", "Thôn 1"]] },
        { name: "ĐV mới", originRow: 1, originCol: 1, values: [["STT", "Ngày sinh", "Giới tính", "Chi bộ"], [1, "01/01/1990", "Nam", "Thôn 1"], [2, "02/02/1991", "Nữ", "Thôn 2"]] },
        { name: "Biểu 1", originRow: 1, originCol: 1, values: [["STT", "Đơn vị", "Tổng số", "Nữ", "Dưới 40 tuổi"], [1, "Xã Yên Lạc", 10, 2, 3]] },
      ],
      problems: [{ sheet: "Cũ", code: "unreadable" as const, lost: true, detail: { vi: "phần của trang bị hỏng", en: "the sheet's part is damaged" } }],
    };
    const r = inspectWorkbook("x.xlsx", wb);
    expect(r.notUnderstood.map((n) => [n.sheet, n.reason, n.looksLikeTable])).toEqual([
      ["ĐV mới", "no-key-column", true], ["Biểu 1", "report", false], ["Cũ", "unreadable", false],
    ]);
    const text = formatInspection(r, "vi");
    expect(text).toMatch(/Trang "ĐV mới": không nhận ra bảng nào \(3 dòng\) — dòng 1 có tiêu đề cột của bảng Cán bộ .* thiếu cột "Họ và tên"/);
    expect(text).toContain('Trang "Cũ": không đọc được — phần của trang bị hỏng');
    expect(formatInspection(inspectWorkbook("x.xlsx", wb, "en"), "en")).toContain('no "Full name" column');
  });
});
