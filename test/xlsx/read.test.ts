import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readWorkbookFile } from "../../src/xlsx/read";
import { XlsxReadError, XlsxReadErrorCode } from "../../src/xlsx/errors";
import { dateToSerial, daySerial, serialToDate } from "../../src/xlsx/serial";
import { writeWorkbookFile } from "../../src/xlsx/write";
import { readSharedStrings } from "../../src/xlsx/sharedStrings";
import type { WorkbookData } from "../../src/core/model";
import { craftXlsx, sheetXml, zip } from "./craft";

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-read-")); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });
const file = (name: string) => path.join(dir, name);

async function expectReadError(p: string, code: XlsxReadErrorCode, opts = {}): Promise<XlsxReadError> {
  try {
    await readWorkbookFile(p, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    const err = e as XlsxReadError;
    expect(err.code).toBe(code);
    // One plain sentence in each language that names the file.
    expect(err.userText.vi).toContain(p);
    expect(err.userText.en).toContain(p);
    expect(err.userText.vi).not.toMatch(/\n/);
    return err;
  }
  throw new Error(`expected ${code} for ${p}`);
}

describe("Excel date serials", () => {
  it("counts the phantom 29/02/1900 as Excel does", () => {
    expect(daySerial(1900, 1, 1)).toBe(1);
    expect(daySerial(1900, 2, 28)).toBe(59);
    expect(daySerial(1900, 3, 1)).toBe(61);
    expect(daySerial(2025, 1, 1)).toBe(45658);
    expect(dateToSerial(new Date(Date.UTC(2025, 0, 1, 12)))).toBe(45658.5);
    expect(serialToDate(61).toISOString().slice(0, 10)).toBe("1900-03-01");
    expect(serialToDate(1).toISOString().slice(0, 10)).toBe("1900-01-01");
  });
});

describe("shared strings", () => {
  it("joins rich-text runs and leaves phonetic guides out", () => {
    const xml = Buffer.from('<sst><si><t>Nguyễn Trọng</t></si><si><r><t>Hồ</t></r><r><t>ng</t></r><rPh><t>ホ</t></rPh></si><si/></sst>', "utf8");
    expect(readSharedStrings(xml, 32767).strings).toEqual(["Nguyễn Trọng", "Hồng", ""]);
  });
});

describe("readWorkbookFile gives what range.values would", () => {
  let wb: WorkbookData;
  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Cán bộ");
    ws.getCell("B2").value = "ĐẢNG BỘ XÃ YÊN LẠC";
    ws.mergeCells("B2:E2");
    ws.getCell("B3").value = new Date(Date.UTC(2025, 0, 15));
    ws.getCell("B3").numFmt = "dd/mm/yyyy";
    ws.getCell("C3").value = { formula: "1+1", result: 2 };
    ws.getCell("D3").value = { error: "#N/A" } as unknown as ExcelJS.CellValue;
    ws.getCell("E3").value = { richText: [{ text: "Hoàng " }, { text: "Văn Nam", font: { bold: true } }] };
    ws.getCell("B4").value = { text: "Trang chủ", hyperlink: "http://localhost/" };
    ws.getCell("C4").value = { formula: "NA()", result: { error: "#N/A" } } as unknown as ExcelJS.CellValue;
    ws.getCell("D4").value = true;
    ws.getCell("E4").value = { formula: "\"Có\"", result: "Có" } as unknown as ExcelJS.CellValue;
    ws.getCell("F5").value = 12.5;
    const hidden = book.addWorksheet("Ẩn", { state: "hidden" });
    hidden.getCell("A1").value = "x";
    book.addWorksheet("Trống");
    await book.xlsx.writeFile(file("values.xlsx"));
    wb = await readWorkbookFile(file("values.xlsx"));
  });

  it("keeps tab order, names and visibility", () => {
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([["Cán bộ", "visible"], ["Ẩn", "hidden"], ["Trống", "visible"]]);
    expect(wb.sheets[2].values).toEqual([]);
  });

  it("starts the used range at its first cell, not A1", () => {
    const s = wb.sheets[0];
    expect([s.originRow, s.originCol]).toEqual([2, 2]);
    expect(s.values.length).toBe(4);
    expect(s.values.every((r) => r.length === 5)).toBe(true);
  });

  it("reads dates as serials, errors as text, formulas as cached results, rich text and links as text", () => {
    const v = wb.sheets[0].values;
    expect(v[0]).toEqual(["ĐẢNG BỘ XÃ YÊN LẠC", "", "", "", ""]);
    expect(v[1]).toEqual([45672, 2, "#N/A", "Hoàng Văn Nam", ""]);
    expect(v[2]).toEqual(["Trang chủ", "#N/A", true, "Có", ""]);
    expect(v[3]).toEqual(["", "", "", "", 12.5]);
  });

  it("marks formulas and keeps merges with the value in the top-left cell only", () => {
    const s = wb.sheets[0];
    expect(s.merges).toEqual(["B2:E2"]);
    expect(s.formulas?.[1]).toEqual([false, true, false, false, false]);
    expect(s.formulas?.[2]).toEqual([false, true, false, true, false]);
  });

  it("reads a zip whose sheets come before the shared strings (as some tools write them)", async () => {
    const src = unzipSync(fs.readFileSync(file("values.xlsx")));
    const names = Object.keys(src);
    const sheetsFirst = [...names.filter((n) => n.startsWith("xl/worksheets/")), ...names.filter((n) => !n.startsWith("xl/worksheets/"))];
    fs.writeFileSync(file("reordered.xlsx"), zip(sheetsFirst.map((name) => ({ name, data: src[name] }))));
    const again = await readWorkbookFile(file("reordered.xlsx"));
    expect(again.sheets.map((s) => s.values)).toEqual(wb.sheets.map((s) => s.values));
  });

  it("reports progress in rows", async () => {
    const seen: number[] = [];
    await readWorkbookFile(file("values.xlsx"), { onProgress: (n) => seen.push(n) });
    expect(seen[seen.length - 1]).toBe(5);
  });
});

describe("writeWorkbookFile and readWorkbookFile round trip", () => {
  it("keeps every value, Vietnamese letters included", async () => {
    // Enough distinct Vietnamese strings that the shared-string XML spans many
    // chunks, so some 3-byte letters straddle a chunk boundary.
    const words = ["Nguyễn", "Trọng", "Hồng", "Phượng", "Lực", "Đức", "Thủy", "Ngọc"];
    const values = [["STT", "Họ và tên", "Ngày sinh", "Ghi chú"]];
    for (let i = 1; i <= 2000; i++) values.push([i, `${words[i % 8]} ${words[(i * 3) % 8]} ${words[(i * 5) % 8]} ${i}`, 30000 + i, i % 7 === 0 ? "  =SUM(A1) " : ""] as never);
    const data: WorkbookData = {
      sheets: [
        { name: "Danh sách", originRow: 3, originCol: 2, values: values as never, merges: ["B1:E1"], columnFormats: { 4: "dd/mm/yyyy" } },
        { name: "Ẩn", originRow: 1, originCol: 1, values: [["a", false]], visibility: "hidden" },
      ],
    };
    await writeWorkbookFile(file("round.xlsx"), data);
    const back = await readWorkbookFile(file("round.xlsx"));
    expect(back.sheets.map((s) => s.name)).toEqual(["Danh sách", "Ẩn"]);
    expect(back.sheets[0].values).toEqual(data.sheets[0].values);
    // The empty merge above the data does not stretch the used range (getUsedRange(valuesOnly) in Excel).
    expect(back.sheets[0].originRow).toBe(3);
    expect(back.sheets[0].merges).toEqual(["B1:E1"]);
    expect(back.sheets[1].visibility).toBe("hidden");
    expect(back.sheets[1].values).toEqual([["a", false]]);
  });

  it("writes date formats on numeric cells and bold header rows", async () => {
    const data: WorkbookData = {
      sheets: [{ name: "S", originRow: 1, originCol: 1, values: [["Tiêu đề", ""], ["STT", "Ngày"], [1, 45658]], columnFormats: { 2: "dd/mm/yyyy" } }],
    };
    await writeWorkbookFile(file("fmt.xlsx"), data);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file("fmt.xlsx"));
    const ws = book.getWorksheet("S")!;
    expect(ws.getCell("B3").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("A2").font?.bold).toBe(true);
    expect(ws.getCell("A3").font?.bold).toBeFalsy();
  });
});

describe("readWorkbookFile names what is wrong with a bad file", () => {
  it("not-found", async () => {
    await expectReadError(file("missing.xlsx"), "not-found");
  });

  it("not-xlsx: random bytes, a text file, a zip that is not a workbook", async () => {
    fs.writeFileSync(file("random.xlsx"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    await expectReadError(file("random.xlsx"), "not-xlsx");
    fs.writeFileSync(file("table.csv"), "STT;Họ và tên\n1;Nguyễn Văn An\n");
    await expectReadError(file("table.csv"), "not-xlsx");
    fs.writeFileSync(file("other.zip"), zip([{ name: "readme.txt", data: "không phải sổ tính" }]));
    await expectReadError(file("other.zip"), "not-xlsx");
  });

  it("corrupt: a zip cut short", async () => {
    const whole = fs.readFileSync(file("values.xlsx"));
    fs.writeFileSync(file("truncated.xlsx"), whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expectReadError(file("truncated.xlsx"), "corrupt");
  });

  it("a sheet whose XML is broken is named in problems; the other sheets are read", async () => {
    const broken = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>";
    fs.writeFileSync(file("badxml.xlsx"), craftXlsx({
      sheets: [{ name: "Cán bộ", xml: broken }, { name: "Ghi chú", xml: sheetXml([["x"]]) }],
    }));
    const wb = await readWorkbookFile(file("badxml.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Ghi chú"]);
    expect(wb.problems).toHaveLength(1);
    expect(wb.problems?.[0]).toMatchObject({ sheet: "Cán bộ", code: "unreadable", lost: true });
    expect(wb.problems?.[0].detail.vi).toMatch(/Không đọc được trang tính "Cán bộ"/);
  });

  it("sheets-unreadable: the only sheet with data is broken, and the message names it", async () => {
    const broken = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>";
    fs.writeFileSync(file("badxml-only.xlsx"), craftXlsx({ sheets: [{ name: "Cán bộ", xml: broken }, { name: "Trống" }] }));
    const err = await expectReadError(file("badxml-only.xlsx"), "sheets-unreadable");
    expect(err.userText.vi).toMatch(/"Cán bộ"/);
    expect(err.userText.en).toMatch(/"Cán bộ"/);
  });

  it("old-xls and encrypted: OLE compound files", async () => {
    const header = Buffer.alloc(1536);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    Buffer.from("Workbook", "utf16le").copy(header, 1024);
    fs.writeFileSync(file("old.xls"), header);
    await expectReadError(file("old.xls"), "old-xls");
    const enc = Buffer.from(header);
    Buffer.from("EncryptionInfo", "utf16le").copy(enc, 1100);
    fs.writeFileSync(file("locked.xlsx"), enc);
    const err = await expectReadError(file("locked.xlsx"), "encrypted");
    expect(err.userText.vi).toMatch(/mật khẩu/);
  });

  it("empty: no bytes, or sheets without data", async () => {
    fs.writeFileSync(file("zero.xlsx"), "");
    await expectReadError(file("zero.xlsx"), "empty");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Trang 1");
    await book.xlsx.writeFile(file("blank.xlsx"));
    await expectReadError(file("blank.xlsx"), "empty");
  });

  it("too-large", async () => {
    await expectReadError(file("values.xlsx"), "too-large", { maxBytes: 100 });
  });
});
