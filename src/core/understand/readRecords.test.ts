import { CellValue, DetectedTable, SheetData, TableKind, WorkbookData, day } from "../model";
import { readRecords } from "./readRecords";
import { parseArea, sheetReader } from "./sheetReader";

/** A hand-built table: header on `headerRow`, data rows below it, columns by field key. */
function table<K extends TableKind>(kind: K, sheet: string, headerRow: number, rows: number, columns: Record<string, number>, extra: Partial<DetectedTable> = {}): DetectedTable {
  const cols: Record<string, { col: number; header: string; confidence: number }> = {};
  for (const [k, col] of Object.entries(columns)) cols[k] = { col, header: k, confidence: 1 };
  return {
    kind, sheet, headerTop: headerRow, headerBottom: headerRow,
    dataRows: Array.from({ length: rows }, (_, i) => headerRow + 1 + i),
    skippedRows: [], columns: cols, unmapped: [], confidence: 1, source: "detected", ...extra,
  } as DetectedTable;
}

function sheet(name: string, values: CellValue[][], originRow = 1, originCol = 1, merges?: string[]): SheetData {
  return { name, originRow, originCol, values, merges };
}

describe("readRecords: meetings", () => {
  const values: CellValue[][] = [
    ["Chi bộ", "Xã", "Ngày", "Loại", "Có mặt", "Cấp trên dự", "Điểm", "Xếp loại", "Biên bản"],
    ["Chi bộ thôn Đông", "Yên Lạc", 45658, "Thường kỳ", 20, "Đ/c Lê Văn Tám", 92, "Tốt", "x"],
    ["Chi bộ thôn Đông", "Yên Lạc", "15/02/2025", "TK", "18", "", "7,5", "Khá", ""],
    ["", "", "31/02/2025", "Họp", "abc", "2", 150, "Giỏi", "có lẽ"],
  ];
  const wb: WorkbookData = { sheets: [sheet("SH", values)] };
  const t = table("meetings", "SH", 1, 3, {
    cell: 1, commune: 2, date: 3, kind: 4, present: 5, upperAttended: 6, score: 7, rating: 8, minutesKept: 9,
  });
  const { meetings } = readRecords(wb, [t]);

  it("makes one record per data row, keeping sheet, row, columns and raw values", () => {
    expect(meetings).toHaveLength(3);
    expect(meetings[0]).toMatchObject({ sheet: "SH", row: 2, cols: { cell: 1, date: 3, minutesKept: 9 } });
    expect(meetings[0].raw).toMatchObject({ cell: "Chi bộ thôn Đông", date: 45658, minutesKept: "x" });
  });

  it("reads typed values", () => {
    expect(meetings[0]).toMatchObject({
      cell: "Chi bộ thôn Đông", commune: "Yên Lạc", date: day(2025, 1, 1), kind: "Thường kỳ", present: 20,
      upperAttended: true, score: 92, rating: "Tốt", minutesKept: true, problems: [],
    });
    // Fields without a column stay null.
    expect(meetings[0].mode).toBeNull();
    expect(meetings[0].fiveSteps).toBeNull();
  });

  it("reads synonyms and text dates, with their fixes, and a blank yes/no as no", () => {
    const m = meetings[1];
    expect(m).toMatchObject({ date: day(2025, 2, 15), kind: "Thường kỳ", present: 18, score: 7.5, minutesKept: false, upperAttended: false });
    expect(m.problems).toEqual([
      { code: "type/date", field: "date", col: 3, value: "15/02/2025", fix: 45703 },
      { code: "enum", field: "kind", col: 4, value: "TK", fix: "Thường kỳ" },
    ]);
  });

  it("keeps unreadable rows, with nulls and one problem per cell", () => {
    const m = meetings[2];
    expect(m).toMatchObject({ cell: null, date: null, kind: null, present: null, rating: null, minutesKept: null, score: 150 });
    expect(m.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      "cell:required", "date:type/date", "kind:enum", "present:type/integer", "upperAttended:enum",
      "score:type/number", "rating:enum", "minutesKept:enum",
    ]);
  });

  it("shares one frozen cols object per table", () => {
    expect(meetings[0].cols).toBe(meetings[1].cols);
    expect(Object.isFrozen(meetings[0].cols)).toBe(true);
  });
});

describe("readRecords: cadres", () => {
  const values: CellValue[][] = [
    ["Họ và tên", "Nam", "Nữ", "Chức vụ", "Chi bộ", "Giới tính", "Ngày sinh"],
    ["Nguyễn Văn An", 1975, "", "Bí thư", "Chi bộ Đông", "", ""],
    ["Trần Thị Bình", "", 1980, "Bí thư chi bộ", "Chi bộ Tây", "", ""],
    ["Lê Văn Cường", "x", "", "Chi ủy viên", "Chi bộ Tây", "", "05/06/1970"],
    ["Phạm Dũng", 1970, 1971, "Chi ủy viên", "Chi bộ Tây", "", ""],
    ["Hoµng V¨n Nam", 1965, "", "BÝ th\u00ad chi bé", "Chi bé §«ng", "Nữ", ""],
  ];
  const wb: WorkbookData = { sheets: [sheet("CB", values, 3, 2)] };
  const t = table("cadres", "CB", 3, 5, { name: 2, birthYearMale: 3, birthYearFemale: 4, role: 5, cell: 6, gender: 7, birth: 8 }, { titleCommune: "Xã Yên Lạc" });
  const { cadres } = readRecords(wb, [t]);

  it("takes birth and gender from the Nam / Nữ pair", () => {
    expect(cadres[0]).toMatchObject({ name: "Nguyễn Văn An", birth: { kind: "year", y: 1975 }, gender: "Nam", role: "Bí thư chi bộ" });
    expect(cadres[1]).toMatchObject({ birth: { kind: "year", y: 1980 }, gender: "Nữ", problems: [] });
  });

  it("takes gender only from an x mark, keeping the birth column's date", () => {
    expect(cadres[2]).toMatchObject({ gender: "Nam", birth: day(1970, 6, 5) });
  });

  it("takes neither when both columns are filled, and says so", () => {
    expect(cadres[3]).toMatchObject({ gender: null, birth: null });
    expect(cadres[3].problems).toEqual([expect.objectContaining({ code: "enum", field: "birthYearFemale", col: 4, value: 1971 })]);
  });

  it("lets the gender column win over the pair, reporting the disagreement; reads TCVN3 names", () => {
    const c = cadres[4];
    expect(c).toMatchObject({ name: "Hoàng Văn Nam", gender: "Nữ", role: "Bí thư chi bộ", cell: "Chi bộ Đông", birth: { kind: "year", y: 1965 } });
    expect(c.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      "name:text/legacy-encoding", "role:text/legacy-encoding", "cell:text/legacy-encoding", "birthYearMale:enum",
    ]);
  });

  it("uses the title's commune when the table has no commune column", () => {
    for (const c of cadres) expect(c.commune).toBe("Xã Yên Lạc");
    expect(cadres[0].row).toBe(4);
    expect(cadres[0].cols.name).toBe(2);
  });
});

describe("readRecords: cells, communes and merged cells", () => {
  const values: CellValue[][] = [
    ["Xã", "Tên chi bộ", "Số ĐV", "Loại hình"],
    ["Yên Lạc", "Chi bộ Đông", 25, "Thôn"],
    ["", "Chi bộ Tây", "2", "TDP"],
    ["", "Chi bộ Nam", 30, "Làng xóm"],
    ["", "", "", ""],
  ];
  const wb: WorkbookData = {
    sheets: [
      sheet("DS", values, 1, 1, ["A2:A4", "bad", "B5"]),
      sheet("XA", [["Tên xã/phường", "Mã"], ["Yên Lạc", "001"], ["Đồng Văn", ""]]),
    ],
  };
  const ds = readRecords(wb, [
    table("cells", "DS", 1, 4, { commune: 1, cell: 2, members: 3, cellType: 4 }),
    table("communes", "XA", 1, 2, { commune: 1, code: 2 }),
    table("communes", "Missing sheet", 1, 2, { commune: 1 }),
  ]);

  it("reads a merged commune on every row of its area", () => {
    expect(ds.cells.map((c) => c.commune)).toEqual(["Yên Lạc", "Yên Lạc", "Yên Lạc", null]);
    expect(ds.cells[1].raw.commune).toBe("Yên Lạc");
  });

  it("reads cells with their limits and value lists", () => {
    expect(ds.cells[0]).toMatchObject({ cell: "Chi bộ Đông", members: 25, cellType: "Thôn" });
    expect(ds.cells[1]).toMatchObject({ members: 2, cellType: "Tổ dân phố" });
    expect(ds.cells[1].problems.map((p) => p.code)).toEqual(["enum", "type/integer"]);
    expect(ds.cells[2].problems).toEqual([expect.objectContaining({ code: "enum", field: "cellType" })]);
    expect(ds.cells[3].problems.map((p) => `${p.field}:${p.code}`)).toEqual(["cell:required", "commune:required"]);
  });

  it("reads communes and skips tables whose sheet is gone", () => {
    expect(ds.communes.map((c) => [c.commune, c.code])).toEqual([["Yên Lạc", "001"], ["Đồng Văn", null]]);
  });

  it("parses merge addresses", () => {
    expect(parseArea("A2:C4")).toEqual({ top: 2, left: 1, bottom: 4, right: 3 });
    expect(parseArea("Sheet1!$B$5")).toEqual({ top: 5, left: 2, bottom: 5, right: 2 });
    expect(parseArea("C4:A2")).toEqual({ top: 2, left: 1, bottom: 4, right: 3 });
    expect(parseArea("nonsense")).toBeNull();
  });

  it("reads past the used range as blank", () => {
    const r = sheetReader(sheet("S", [["a"]], 2, 2));
    expect(r.value(2, 2)).toBe("a");
    expect(r.value(1, 1)).toBe("");
    expect(r.value(9, 9)).toBe("");
  });
});

describe("readRecords: merged areas across rows and across columns", () => {
  // A cell name merged down five people's rows (G2:G6), and a name merged over the birth column (B8:C8).
  const values: CellValue[][] = [
    ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Xã", "Ghi chú", "Chi bộ"],
    [1, "Nguyễn Văn 1", "01/01/1970", "Bí thư chi bộ", "Yên Lạc", "", "Chi bộ Đông"],
    [2, "Nguyễn Văn 2", "01/01/1971", "Chi ủy viên", "Yên Lạc", "", ""],
    [3, "Nguyễn Văn 3", "01/01/1972", "Chi ủy viên", "Yên Lạc", "", ""],
    [4, "Nguyễn Văn 4", "01/01/1973", "Chi ủy viên", "Yên Lạc", "", ""],
    [5, "Nguyễn Văn 5", "01/01/1974", "Chi ủy viên", "Yên Lạc", "", ""],
    [6, "Vũ Văn 6", 1960, "Bí thư chi bộ", "Yên Lạc", "", "Chi bộ Tây"],
    // Some writers leave the top-left value in every cell of a merge: C8 must still read blank.
    [7, "Vũ Văn 7", "Vũ Văn 7", "Chi ủy viên", "", "", "Chi bộ Tây"],
    [8, "Vũ Văn 8", 1962, "Chi ủy viên", "", "", "Chi bộ Tây"],
  ];
  const wb: WorkbookData = { sheets: [sheet("CB", values, 1, 1, ["G2:G6", "B8:C8", "E7:F9"])] };
  const t = table("cadres", "CB", 1, 8, { name: 2, birth: 3, role: 4, commune: 5, cell: 7 });
  const { cadres } = readRecords(wb, [t]);

  it("reads a value merged down a column on every row of the area", () => {
    expect(cadres.slice(0, 5).map((c) => c.cell)).toEqual(Array(5).fill("Chi bộ Đông"));
    expect(cadres[4].raw.cell).toBe("Chi bộ Đông");
    expect(cadres.slice(0, 5).flatMap((c) => c.problems)).toEqual([
      expect.objectContaining({ code: "type/date" }), expect.objectContaining({ code: "type/date" }),
      expect.objectContaining({ code: "type/date" }), expect.objectContaining({ code: "type/date" }),
      expect.objectContaining({ code: "type/date" }),
    ]);
  });
  it("does not copy a value merged across columns into the next field", () => {
    const c = cadres[6];
    expect(c.name).toBe("Vũ Văn 7");
    expect(c.raw.birth).toBe("");
    expect(c.birth).toBeNull();
    // A blank birth is what is really wrong, and nothing says "Ngày sinh không đọc được: "Vũ Văn 7"".
    expect(c.problems.filter((p) => p.field === "birth")).toEqual([]);
  });
  it("takes a block merge's value down its first column only", () => {
    expect(cadres.slice(5).map((c) => c.commune)).toEqual(["Yên Lạc", "Yên Lạc", "Yên Lạc"]);
    const r = sheetReader(wb.sheets[0]);
    expect([r.value(8, 5), r.value(9, 5), r.value(8, 6), r.value(7, 6)]).toEqual(["Yên Lạc", "Yên Lạc", "", ""]);
    expect([r.value(2, 7), r.value(6, 7), r.value(7, 7)]).toEqual(["Chi bộ Đông", "Chi bộ Đông", "Chi bộ Tây"]);
  });
});

describe("readRecords: titles and blanks", () => {
  it("fills a blank commune cell from the title, without a required problem", () => {
    const wb: WorkbookData = { sheets: [sheet("S", [["Chi bộ", "Xã", "Ngày", "Loại"], ["A", "", 45658, "Thường kỳ"], ["B", "Khác", 45658, "Thường kỳ"]])] };
    const ds = readRecords(wb, [table("meetings", "S", 1, 2, { cell: 1, commune: 2, date: 3, kind: 4 }, { titleCommune: "Yên Lạc" })]);
    expect(ds.meetings.map((m) => m.commune)).toEqual(["Yên Lạc", "Khác"]);
    expect(ds.meetings[0].problems).toEqual([]);
    expect(ds.meetings[0].raw.commune).toBe("");
  });

  it("reads nothing from a table with no data rows", () => {
    const wb: WorkbookData = { sheets: [sheet("S", [["Chi bộ"]])] };
    expect(readRecords(wb, [table("meetings", "S", 1, 0, { cell: 1 })]).meetings).toEqual([]);
  });
});

describe("a workbook that counts dates from 1904", () => {
  const values: CellValue[][] = [
    ["Họ và tên", "Ngày sinh", "Chức vụ", "Chi bộ", "Ngày vào Đảng"],
    // 27468 in the 1900 system is 15/03/1975; a 1904 workbook stores it 1,462 lower.
    ["Nguyễn Văn An", 27468 - 1462, "Bí thư chi bộ", "Thôn 1", "19/05/1998"],
    ["Trần Thị Bình", 1980, "Bí thư chi bộ", "Thôn 2", 35934 - 1462],
  ];
  const wb = (date1904: boolean): WorkbookData => ({ sheets: [sheet("CB", values)], date1904 });
  const t = table("cadres", "CB", 1, 2, { name: 1, birth: 2, role: 3, cell: 4, joined: 5 });

  it("reads its serials 1,462 days later, as the 1900 system counts them", () => {
    const [a, b] = readRecords(wb(true), [t]).cadres;
    expect(a.birth).toEqual(day(1975, 3, 15));
    expect(b.joined).toEqual(day(1998, 5, 19));
    // A year typed alone is a year in either system.
    expect(b.birth).toEqual({ kind: "year", y: 1980 });
    // Without the flag the same numbers are four years and a day earlier.
    expect(readRecords(wb(false), [t]).cadres[0].birth).toEqual(day(1971, 3, 14));
  });

  it("keeps the value as stored, and writes a fix as a serial of its own system", () => {
    const [a] = readRecords(wb(true), [t]).cadres;
    expect(a.raw.birth).toBe(27468 - 1462);
    expect(a.problems).toEqual([{ code: "type/date", field: "joined", col: 5, value: "19/05/1998", fix: 35934 - 1462 }]);
  });
});

describe("a sparse sheet: missing rows and short rows are blank", () => {
  it("detects and reads the table as if the gaps were blank cells", async () => {
    const { understand } = await import("./index");
    const values: CellValue[][] = [];
    values[2] = ["Họ và tên", "Năm sinh", "Chức vụ", "Chi bộ"];
    values[3] = ["Nguyễn Văn An", 1970, "Bí thư chi bộ", "Thôn 1"];
    // Row 5 missing altogether, row 6 shorter than the header.
    values[5] = ["Trần Thị Bình", 1980, "Bí thư chi bộ"];
    values[7] = ["Lê Văn Cường", 1975, "Bí thư chi bộ", "Thôn 3"];
    const { tables, dataset } = understand({ sheets: [{ name: "S", originRow: 1, originCol: 1, values }] });
    expect(tables.map((x) => [x.kind, x.headerTop, x.dataRows])).toEqual([["cadres", 3, [4, 6, 8]]]);
    expect(dataset.cadres.map((c) => [c.name, c.cell])).toEqual([["Nguyễn Văn An", "Thôn 1"], ["Trần Thị Bình", null], ["Lê Văn Cường", "Thôn 3"]]);
  });
});
