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
    type Row = { figures: Record<string, { count: number | null }> };
    expect(doc.tables.secretaries.total.figures.total.count).toBe(rows.reduce((n: number, r: Row) => n + (r.figures.total.count ?? 0), 0));
    expect(doc.tables.meetings.total.figures.meetings.count).toBeGreaterThan(0);
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

  it("prints the report paragraph with --text, in Vietnamese or English", async () => {
    const io = capture();
    expect(await runSummary(files, { period: "2025", text: true }, io)).toBe(0);
    expect(io.stdout).toMatch(/^Đội ngũ bí thư chi bộ nhiệm kỳ \d{4}-\d{4}: tổng số [\d.]+ đồng chí; trong đó nữ [\d.]+ đồng chí, chiếm \d+,\d\d%/);
    expect(io.stdout).toContain("Sinh hoạt chi bộ năm 2025: có ");
    const en = capture();
    expect(await runSummary(files, { period: "2025", text: true, lang: "en" }, en)).toBe(0);
    expect(en.stdout).toMatch(/^Cell secretaries \(term \d{4}-\d{4}\): [\d,]+ in total; of which women [\d,]+ \(\d+\.\d\d%\)/);
  }, 30000);

  it("compares with the previous term with --compare-term: each figure {count, pct, previousTerm, change}", async () => {
    const io = capture();
    expect(await runSummary(files, { period: "2025", json: true, compareTerm: true }, io)).toBe(0);
    const doc = JSON.parse(io.stdout);
    // The samples hold one term: the comparison says so, with null numbers, never zeros.
    expect(doc.tables.committee.term.previous).toMatchObject({ label: null, source: "terms" });
    expect(doc.tables.committee.total.figures.women).toMatchObject({
      previousTerm: { count: null, pct: null, notRecorded: { vi: expect.stringContaining("chỉ có nhiệm kỳ") } }, change: null,
    });
    expect(doc.report[0].table).toBe("secretaries");
    // Without --json, the paragraph has no "so với khóa trước", and stderr says why.
    const text = capture();
    expect(await runSummary(files, { period: "2025", text: true, compareTerm: true }, text)).toBe(0);
    expect(text.stdout).not.toContain("so với khóa trước");
    expect(text.stderr).toMatch(/^Không so sánh được với khóa trước: .*chỉ có nhiệm kỳ/);
  }, 30000);

  it("takes the previous term's roster from a sheet of the input, and says so when there is no such sheet", async () => {
    const io = capture();
    expect(await runSummary([files[0]], { period: "2025", previousSheet: "Khóa trước" }, io)).toBe(2);
    expect(io.stderr).toContain("Không có trang \"Khóa trước\" trong tệp đầu vào");
    const other = capture();
    expect(await runSummary([files[0]], { period: "2025", previousRoster: path.join(dir, "khong-co.xlsx") }, other)).toBe(2);
    expect(other.stderr).toContain("khóa trước");
  }, 30000);

  it("refuses a period it cannot read", async () => {
    const io = capture();
    expect(await runSummary(files, { period: "quý 3" }, io)).toBe(2);
    expect(io.stderr).toContain("Kỳ báo cáo không hợp lệ");
  });
});
