/**
 * The bad-input corpus of issue 7, made by code so that it needs no binary files
 * in git and can be made again anywhere: `npx tsx test/hardening/badFiles.ts DIR [--big]` (or `node scripts/hardening.js --corpus`).
 *
 * Each case says what a user must get: a clear message (the file cannot be read),
 * or a correct result (the file is odd but readable).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";

export interface BadCase {
  name: string;
  file: string;
  /** "message": the tools refuse it with one plain sentence; "result": they read it and go on. */
  expect: "message" | "result";
  /** For "message" cases: the XlsxReadError code the reader should give. */
  code?: string;
  /** Cases too big to run in every `npm test` (kept for `npm run test:hardening -- --big`). */
  big?: boolean;
}

const HEADER = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Chức vụ", "Chi bộ", "Đảng bộ xã"];

function cadreRow(i: number, name: string): (string | number)[] {
  return [i, name, 1975 + (i % 20), i % 3 === 0 ? "Nữ" : "Nam", "Kinh", "Bí thư chi bộ", `Chi bộ Thôn ${i}`, "Xã Yên Lạc"];
}

async function writeBook(file: string, build: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(file);
}

/**
 * An OLE compound file header followed by a directory entry name. Excel saves a
 * password-protected .xlsx as such a container with an "EncryptionInfo" stream,
 * and an old .xls with a "Workbook" stream: this is what the reader sniffs. It
 * is not a complete CFB file, which is fine: a real one is refused the same way.
 */
function cfbWithStream(streamName: string): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const dir = Buffer.alloc(512);
  Buffer.from("Root Entry\0", "utf16le").copy(dir, 0);
  Buffer.from(streamName + "\0", "utf16le").copy(dir, 128);
  return Buffer.concat([header, dir, Buffer.alloc(1024)]);
}

export async function makeBadFiles(dir: string, opts: { big?: boolean } = {}): Promise<BadCase[]> {
  fs.mkdirSync(dir, { recursive: true });
  const p = (n: string) => path.join(dir, n);
  const cases: BadCase[] = [];

  fs.writeFileSync(p("not-a-zip.xlsx"), "Đây không phải tệp Excel.\n".repeat(20));
  cases.push({ name: "not a zip", file: p("not-a-zip.xlsx"), expect: "message", code: "not-xlsx" });

  await writeBook(p("good.xlsx"), (wb) => {
    const ws = wb.addWorksheet("Cán bộ");
    ws.addRow(HEADER);
    for (let i = 1; i <= 200; i++) ws.addRow(cadreRow(i, `Nguyễn Văn ${i}`));
  });
  const good = fs.readFileSync(p("good.xlsx"));
  fs.writeFileSync(p("truncated.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
  cases.push({ name: "truncated xlsx", file: p("truncated.xlsx"), expect: "message", code: "corrupt" });

  fs.writeFileSync(p("encrypted.xlsx"), cfbWithStream("EncryptionInfo"));
  cases.push({ name: "encrypted xlsx (password)", file: p("encrypted.xlsx"), expect: "message", code: "encrypted" });

  fs.writeFileSync(p("old-format.xls"), cfbWithStream("Workbook"));
  cases.push({ name: "xls (old format)", file: p("old-format.xls"), expect: "message", code: "old-xls" });

  fs.writeFileSync(p("csv-renamed.xlsx"), HEADER.join(",") + "\n" + cadreRow(1, "Lê Thị Hoa").join(",") + "\n");
  cases.push({ name: "csv renamed .xlsx", file: p("csv-renamed.xlsx"), expect: "message", code: "not-xlsx" });

  await writeBook(p("empty.xlsx"), (wb) => { wb.addWorksheet("Sheet1"); });
  cases.push({ name: "empty workbook", file: p("empty.xlsx"), expect: "message", code: "empty" });

  fs.writeFileSync(p("zero-bytes.xlsx"), Buffer.alloc(0));
  cases.push({ name: "zero-byte file", file: p("zero-bytes.xlsx"), expect: "message" });

  cases.push({ name: "missing file", file: p("khong-co.xlsx"), expect: "message", code: "not-found" });

  await writeBook(p("hidden-sheets.xlsx"), (wb) => {
    const a = wb.addWorksheet("Ghi chú");
    a.addRow(["Trang ghi chú"]);
    const h = wb.addWorksheet("Cán bộ", { state: "hidden" });
    h.addRow(HEADER);
    for (let i = 1; i <= 30; i++) h.addRow(cadreRow(i, `Trần Văn ${i}`));
    const v = wb.addWorksheet("Ẩn hẳn", { state: "veryHidden" });
    v.addRow(["bí mật"]);
  });
  cases.push({ name: "hidden and very hidden sheets", file: p("hidden-sheets.xlsx"), expect: "result" });

  await writeBook(p("long-text.xlsx"), (wb) => {
    const ws = wb.addWorksheet("Cán bộ");
    ws.addRow(HEADER);
    ws.addRow(cadreRow(1, "Nguyễn " + "Văn ".repeat(8189) + "Hùng")); // 32,767 characters, Excel's cell limit
    ws.addRow(cadreRow(2, "Phạm Thị Lan"));
  });
  cases.push({ name: "cell with 32,767 characters", file: p("long-text.xlsx"), expect: "result" });

  await writeBook(p("formula-errors.xlsx"), (wb) => {
    const ws = wb.addWorksheet("Cán bộ");
    ws.addRow(HEADER);
    ws.addRow(cadreRow(1, "Hoàng Văn Nam"));
    const r = ws.addRow(cadreRow(2, "Đỗ Thị Mai"));
    r.getCell(3).value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    r.getCell(7).value = { formula: "VLOOKUP(A1,Z:Z,2,0)", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
  });
  cases.push({ name: "formulas whose cached results are errors", file: p("formula-errors.xlsx"), expect: "result" });

  await writeBook(p("merged-data.xlsx"), (wb) => {
    const ws = wb.addWorksheet("Cán bộ");
    ws.addRow(HEADER);
    for (let i = 1; i <= 10; i++) ws.addRow(cadreRow(i, `Vũ Văn ${i}`));
    ws.mergeCells("G2:G6"); // one cell name spread over five people's rows
    ws.mergeCells("B8:C8");
  });
  cases.push({ name: "merged cells across the data", file: p("merged-data.xlsx"), expect: "result" });

  await writeBook(p("filtered.xlsx"), (wb) => {
    const ws = wb.addWorksheet("Cán bộ");
    ws.addRow(HEADER);
    for (let i = 1; i <= 20; i++) {
      const row = ws.addRow(cadreRow(i, `Bùi Văn ${i}`));
      if (i % 2 === 0) row.hidden = true; // rows hidden by the filter are still data
    }
    ws.autoFilter = "A1:H21";
  });
  cases.push({ name: "filtered table", file: p("filtered.xlsx"), expect: "result" });

  await writeBook(p("odd-text.xlsx"), (wb) => {
    const ws = wb.addWorksheet("Cán bộ", { views: [{ rightToLeft: true }] });
    ws.addRow(HEADER);
    ws.addRow(cadreRow(1, "محمد Nguyễn")); // right-to-left script
    ws.addRow(cadreRow(2, "Lò Văn Sáng 🌾"));
    ws.addRow(cadreRow(3, "Nguyễn Văn Hùng".normalize("NFD"))); // combining marks
    ws.addRow(cadreRow(4, "<img src=x onerror=alert(1)>"));
    ws.addRow(cadreRow(5, "=HYPERLINK(\"http://x\",\"bấm\")"));
  });
  cases.push({ name: "right-to-left text, emoji, combining marks, markup and formula-like names", file: p("odd-text.xlsx"), expect: "result" });

  await writeBook(p("wide.xlsx"), (wb) => {
    const ws = wb.addWorksheet("Rộng");
    const row: string[] = [];
    for (let c = 0; c < 10000; c++) row.push(`Cột ${c + 1}`);
    ws.addRow(row);
    ws.addRow(row.map((_, c) => c));
  });
  cases.push({ name: "a sheet of 10,000 columns", file: p("wide.xlsx"), expect: "result" });

  if (opts.big) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: p("million-rows.xlsx") });
    const ws = wb.addWorksheet("Dài");
    for (let r = 1; r <= 1048576; r++) ws.addRow([r]).commit();
    ws.commit();
    await wb.commit();
    cases.push({ name: "1,048,576 used rows in one column", file: p("million-rows.xlsx"), expect: "result", big: true });
  }
  return cases;
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(__dirname, "..", "fixtures", "bad");
  makeBadFiles(dir, { big: process.argv.includes("--big") }).then((cases) => {
    for (const c of cases) console.log(`${c.expect.padEnd(8)} ${path.basename(c.file).padEnd(24)} ${c.name}`);
  });
}
