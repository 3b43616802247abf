import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { generateSample } from "../../src/core/sample";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { runSummary } from "../../src/cli/summary";
import { Output } from "../../src/cli/common";

/** `chibo summary` end to end on two generated commune files, summed together. */
function capture(): Output & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", errIsTTY: false, out: (s: string) => { io.stdout += s; }, err: (s: string) => { io.stderr += s; } };
  return io;
}

describe("chibo summary", () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-summary-"));
    files = [];
    for (const seed of [3, 4]) {
      const s = generateSample({ size: "commune", seed, defects: false });
      const file = path.join(dir, `xa${seed}.xlsx`);
      await writeWorkbookFile(file, s.workbook, { boldRows: s.headerRows });
      files.push(file);
    }
  }, 30000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints one JSON document with the three tables, summed over the files", async () => {
    const io = capture();
    const code = await runSummary(files, { period: "2025-Q3", rounding: "truncate", json: true }, io);
    expect(code).toBe(0);
    const doc = JSON.parse(io.stdout);
    expect(doc.period).toBe("2025-Q3");
    expect(doc.rounding).toBe("truncate");
    expect(Object.keys(doc.tables)).toEqual(["secretaries", "committee", "meetings"]);
    const rows = doc.tables.secretaries.rows.filter((r: { noData?: boolean }) => !r.noData);
    expect(rows.length).toBe(2);
    expect(doc.tables.secretaries.total.commune).toBe("Toàn tỉnh");
    expect(doc.tables.secretaries.total.total).toBe(rows.reduce((n: number, r: { total: number }) => n + r.total, 0));
    expect(doc.tables.meetings.total.meetings).toBeGreaterThan(0);
    expect(Array.isArray(doc.leftOut)).toBe(true);
  }, 30000);

  it("writes a new workbook with the input's sheets and the summary, never the input", async () => {
    const out = path.join(dir, "tong-hop.xlsx");
    const io = capture();
    expect(await runSummary([files[0]], { period: "2025", out }, io)).toBe(0);
    expect(io.stderr).toContain("Biểu đồ chỉ được tạo trong Excel");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const input = new ExcelJS.Workbook();
    await input.xlsx.readFile(files[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...input.worksheets.map((w) => w.name), "Tổng hợp"]);
    expect(wb.getWorksheet("Tổng hợp")!.getCell("A1").value).toMatch(/^TỔNG HỢP/);
    const refuse = capture();
    expect(await runSummary([files[0]], { period: "2025", out: files[0] }, refuse)).toBe(2);
    expect(refuse.stderr).toContain("chính là tệp đầu vào");
    expect(refuse.stderr).toContain("không ghi đè tệp đầu vào");
  }, 30000);

  it("refuses a period it cannot read", async () => {
    const io = capture();
    expect(await runSummary(files, { period: "quý 3" }, io)).toBe(2);
    expect(io.stderr).toContain("Kỳ báo cáo không hợp lệ");
  });
});
