import { CellBoundError, readSheet, type SheetContext } from "./sheet";

const enc = (s: string) => new TextEncoder().encode(s);

function ctx(over: Partial<SheetContext> = {}): SheetContext {
  return {
    shared: { strings: ["Họ và tên", "Nguyễn Văn An", "Lê Thị Hoa"], invalidUtf8: new Set(), truncated: new Set() },
    formats: [null, "dd/mm/yyyy", "0.00%"],
    maxStringChars: 32767,
    maxMerges: 100,
    budget: { cells: 1_000_000 },
    ...over,
  };
}

const sheet = (data: string, tail = "") => enc(`<worksheet xmlns="x"><sheetData>${data}</sheetData>${tail}</worksheet>`);
const read = (data: string, tail = "", c = ctx()) => readSheet(sheet(data, tail), "S", c);

describe("readSheet: values as range.values gives them", () => {
  it("lays out the used range dense, from its first cell, with every type of value", () => {
    const r = read(
      '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="B3" s="1"><v>45672</v></c><c r="C3"><f>1+1</f><v>2</v></c><c r="D3" t="e"><v>#N/A</v></c>' +
      '<c r="E3" t="b"><v>1</v></c><c r="F3" t="str"><f>A1</f><v>Xã_x0020_Yên</v></c></row>' +
      '<row r="4"><c r="B4" t="inlineStr"><is><r><t>Hoàng </t></r><r><t>Nam</t></r><rPh><t>x</t></rPh></is></c><c r="C4" s="2"><v>0.125</v></c>' +
      '<c r="D4" t="d"><v>2025-01-15T00:00:00</v></c><c r="E4"><v><![CDATA[12]]></v></c><c r="F4" t="str"><v>a&amp;b</v></c></row>');
    expect([r.sheet.originRow, r.sheet.originCol]).toEqual([2, 2]);
    expect(r.sheet.values).toEqual([
      ["Họ và tên", "Nguyễn Văn An", "", "", ""],
      [45672, 2, "#N/A", true, "Xã Yên"],
      ["Hoàng Nam", 0.125, 45672, 12, "a&b"],
    ]);
    expect(r.sheet.formulas).toEqual([[false, false, false, false, false], [false, true, false, false, true], [false, false, false, false, false]]);
    expect(r.sheet.formatRuns).toEqual([{ col: 2, row: 3, count: 1, format: "dd/mm/yyyy" }, { col: 3, row: 4, count: 1, format: "0.00%" }]);
    expect(r.rows).toBe(3);
  });

  it("places cells and rows that carry no reference after the one before", () => {
    const r = read('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>');
    expect(r.sheet.values).toEqual([[1, 2, "", ""], ["", "", 3, 4]]);
  });

  it("reads prefixed elements as the same cells", () => {
    const xml = enc('<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>');
    const r = readSheet(xml, "S", ctx());
    expect(r.sheet.values).toEqual([["Nguyễn Văn An", 7]]);
    expect(r.sheet.merges).toEqual(["A1:B1"]);
  });

  it("extends a format run down a column while the format stays the same", () => {
    const rows = Array.from({ length: 5 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="${i === 3 ? 0 : 1}"><v>${45000 + i}</v></c></row>`).join("");
    expect(read(rows).sheet.formatRuns).toEqual([
      { col: 1, row: 1, count: 3, format: "dd/mm/yyyy" },
      { col: 1, row: 5, count: 1, format: "dd/mm/yyyy" },
    ]);
  });

  it("keeps an empty merge out of the used range (valuesOnly), and names what it cannot keep", () => {
    const r = read('<row r="3"><c r="B3"><v>1</v></c></row>', '<mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="A1:XFE2"/><mergeCell ref="B1:C1048577"/></mergeCells>');
    expect([r.sheet.originRow, r.sheet.originCol, r.sheet.values]).toEqual([3, 2, [[1]]]);
    expect(r.sheet.merges).toEqual(["A1:XFD1048576"]);
    expect(r.issues.mergesBeyondGrid).toBe(2);
  });
});

describe("readSheet: bounded", () => {
  it("keeps one stray value in XFD1048576 as one sparse row, not a 17-billion-cell rectangle", () => {
    const r = read('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="1048576"><c r="XFD1048576"><v>9</v></c></row>');
    const v = r.sheet.values;
    expect(v.length).toBe(1048576);
    expect(v[0]).toEqual([1, 2]);
    expect(v[1048575].length).toBe(16384);
    expect(v[1048575][16383]).toBe(9);
    expect(Object.keys(v)).toEqual(["0", "1048575"]);
    expect(Object.keys(v[1048575])).toEqual(["16383"]);
  });

  it("drops cells beyond the grid or with malformed references, counting them", () => {
    const r = read('<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c><c r="AAAA1"><v>3</v></c><c r="A1048577"><v>4</v></c><c r="1A"><v>5</v></c><c r="B0"><v>6</v></c></row>' +
      '<row r="1000000000"><c><v>7</v></c></row>');
    expect(r.sheet.values).toEqual([[1]]);
    expect(r.issues.beyondGrid).toBe(6);
    expect(r.issues.firstBeyondGrid).toBe("XFE1");
  });

  it("stops at the workbook's cell bound", () => {
    const rows = Array.from({ length: 10 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
    expect(() => read(rows, "", ctx({ budget: { cells: 9 } }))).toThrow(CellBoundError);
  });

  it("keeps at most the merge bound, and counts the rest", () => {
    const merges = Array.from({ length: 5 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("");
    const r = read('<row r="1"><c r="A1"><v>1</v></c></row>', `<mergeCells>${merges}</mergeCells>`, ctx({ maxMerges: 3 }));
    expect(r.sheet.merges).toHaveLength(3);
    expect(r.issues.mergesDropped).toBe(2);
  });

  it("cuts text to the string bound and notes the first cell cut, and notes text that is not UTF-8", () => {
    const long = "Văn ".repeat(50);
    const bad = new Uint8Array([...enc('<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>'), 0x41, 0xff, ...enc(`</v></c><c r="B1" t="inlineStr"><is><t>${long}</t></is></c></row></sheetData></worksheet>`)]);
    const r = readSheet(bad, "S", ctx({ maxStringChars: 10 }));
    expect(r.sheet.values).toEqual([["A\ufffd", "Văn Văn Vă"]]);
    expect([r.issues.invalidUtf8, r.issues.firstInvalidUtf8, r.issues.truncated, r.issues.firstTruncated]).toEqual([1, "A1", 1, "B1"]);
  });
});
