import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { readWorkbookFile } from "../../src/xlsx/read";
import { runMerge, runStatus } from "../../src/cli/province";
import type { Output } from "../../src/cli/common";
import { communeBook, listBook } from "../../src/core/province/testBooks";
import { CONSOLIDATED_SHEETS, consolidatedHeader } from "../../src/core/province";

/** `chibo status` and `chibo merge` end to end on small commune files written to a temporary folder. */
function capture(): Output & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", errIsTTY: false, out: (s: string) => { io.stdout += s; }, err: (s: string) => { io.stderr += s; } };
  return io;
}

describe("chibo status and merge", () => {
  let dir: string;
  const f = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-province-"));
    await writeWorkbookFile(f("yen-lac.xlsx"), communeBook({ commune: "Xã Yên Lạc" }));
    await writeWorkbookFile(f("an-hoa.xlsx"), communeBook({ commune: "Xã An Hòa", withError: true, cell: "Chi bộ Thôn 2" }));
    await writeWorkbookFile(f("yen-lac-lai.xlsx"), communeBook({ commune: "Xã Yên Lạc", months: [7, 8, 9] }));
    await writeWorkbookFile(f("ds.xlsx"), listBook(["Xã Yên Lạc", "Xã An Hòa", "Xã Chưa Gửi"]));
    fs.writeFileSync(f("hong.xlsx"), "không phải tệp Excel");
    // yen-lac-lai.xlsx is the newer of the two Yên Lạc files.
    fs.utimesSync(f("yen-lac.xlsx"), new Date(2025, 9, 1), new Date(2025, 9, 1));
    fs.utimesSync(f("yen-lac-lai.xlsx"), new Date(2025, 9, 5), new Date(2025, 9, 5));
  }, 30000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("status --json: every listed commune, sent, with errors or missing, the newer of two files first", async () => {
    const io = capture();
    const code = await runStatus([f("yen-lac.xlsx"), f("an-hoa.xlsx"), f("yen-lac-lai.xlsx")], { period: "2025-Q3", communes: f("ds.xlsx"), json: true }, io);
    expect(code).toBe(1);
    const doc = JSON.parse(io.stdout);
    expect(doc.period).toBe("2025-Q3");
    expect(doc.communes.map((c: { commune: string; status: string }) => [c.commune, c.status])).toEqual([
      ["Xã Yên Lạc", "sent"], ["Xã An Hòa", "errors"], ["Xã Chưa Gửi", "missing"],
    ]);
    expect(doc.communes[0].files).toEqual([f("yen-lac-lai.xlsx"), f("yen-lac.xlsx")]);
    expect(doc.communes[1].counts).toEqual(expect.objectContaining({ error: expect.any(Number), warning: expect.any(Number), info: expect.any(Number) }));
    expect(doc.communes[1].counts.error).toBeGreaterThan(0);
    expect(doc.communes[2]).toEqual({ commune: "Xã Chưa Gửi", status: "missing", files: [], counts: { error: 0, warning: 0, info: 0 } });
  }, 30000);

  it("a file that cannot be read is named in one plain sentence; the others are still reported; exit 2", async () => {
    const io = capture();
    const code = await runStatus([f("hong.xlsx"), f("yen-lac.xlsx")], { period: "2025-Q3" }, io);
    expect(code).toBe(2);
    expect(io.stderr).toContain(`Tệp ${f("hong.xlsx")} không phải là tệp Excel .xlsx`);
    expect(io.stderr).not.toMatch(/\n\s+at /);
    expect(io.stdout).toContain("Xã Yên Lạc — Đã nộp");
  }, 30000);

  it("a bad period or a communes file without a list gets a sentence, before any file is read", async () => {
    let io = capture();
    expect(await runStatus([f("yen-lac.xlsx")], { period: "quý 3" }, io)).toBe(2);
    expect(io.stderr).toMatch(/Kỳ báo cáo không hợp lệ/);
    io = capture();
    expect(await runStatus([f("yen-lac.xlsx")], { period: "2025", communes: f("an-hoa.xlsx") }, io)).toBe(2);
    expect(io.stderr).toMatch(/không có bảng danh sách xã/);
  }, 30000);

  it("merge writes the consolidated sheets, the list and the status sheet; each row says its file; inputs are never overwritten", async () => {
    const out = f("tinh.xlsx");
    let io = capture();
    expect(await runMerge([f("yen-lac.xlsx"), f("an-hoa.xlsx"), f("yen-lac-lai.xlsx")], { out, communes: f("ds.xlsx"), period: "2025-Q3" }, io)).toBe(0);
    const wb = await readWorkbookFile(out);
    expect(wb.sheets.map((s) => s.name)).toEqual([...Object.values(CONSOLIDATED_SHEETS), "Danh sách xã", "Tình hình nộp báo cáo"]);
    const meetings = wb.sheets[2].values;
    expect(meetings[0]).toEqual(consolidatedHeader("meetings"));
    const source = consolidatedHeader("meetings").indexOf("Tệp nguồn");
    expect(meetings.slice(1).map((r) => r[source])).toEqual([...Array(4).fill(f("yen-lac-lai.xlsx")), ...Array(4).fill(f("an-hoa.xlsx"))]);
    expect(wb.sheets[4].values[0][0]).toBe("TÌNH HÌNH NỘP BÁO CÁO – QUÝ III NĂM 2025");
    // Again without --force: refused; onto an input: refused.
    io = capture();
    expect(await runMerge([f("yen-lac.xlsx")], { out }, io)).toBe(2);
    io = capture();
    expect(await runMerge([f("yen-lac.xlsx")], { out: f("yen-lac.xlsx"), force: true }, io)).toBe(2);
    expect(io.stderr).toMatch(/tệp đầu vào/);
    expect((await readWorkbookFile(f("yen-lac.xlsx"))).sheets.map((s) => s.name)).toEqual(["Chi bộ", "Cán bộ", "Sinh hoạt"]);
  }, 60000);
});
