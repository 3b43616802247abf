import { communeFromTitle, detectTables, detectWorkbook, expandAbbreviations, isSttHeader, matchHeader, tableFromUserMapping } from "../../src/core/detect";
import { parseMerge } from "../../src/core/detect/grid";
import { isFooterRow, isNumberingRow, isTotalRow } from "../../src/core/detect/rowKinds";
import { CellValue, SheetData } from "../../src/core/model/values";
import { cadresMergedHeader, cadresShuffled } from "../fixtures/layouts/cadres";
import { meetingsMinimal } from "../fixtures/layouts/meetings";

function best(text: string, kind: "cells" | "cadres" | "meetings" | "communes"): { field: string; confidence: number } | undefined {
  const hits = [...matchHeader(text)[kind]].sort((a, b) => b.confidence - a.confidence);
  return hits[0] && { field: hits[0].field, confidence: hits[0].confidence };
}

describe("matchHeader", () => {
  it("gives 1 to an exact synonym, whatever the case, diacritics or spaces", () => {
    expect(best("Họ và tên", "cadres")).toEqual({ field: "name", confidence: 1 });
    expect(best("  HO   VA TEN ", "cadres")).toEqual({ field: "name", confidence: 1 });
    expect(best("TĐCM", "cadres")).toEqual({ field: "education", confidence: 1 });
    expect(best("LLCT", "cadres")).toEqual({ field: "theory", confidence: 1 });
  });

  it("gives less to an abbreviation of a synonym", () => {
    expect(best("Trình độ CM", "cadres")).toEqual({ field: "education", confidence: 0.9 });
    expect(best("SL ĐV", "cells")).toEqual({ field: "members", confidence: 0.9 });
    expect(best("Số lượng đảng viên", "cells")).toEqual({ field: "members", confidence: 0.9 });
    expect(best("Số ĐV dự", "meetings")).toEqual({ field: "present", confidence: 0.9 });
  });

  it("gives still less to a longer or shorter label that holds a synonym", () => {
    const longer = best("Họ và tên đảng viên", "cadres");
    expect(longer?.field).toBe("name");
    expect(longer!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(longer!.confidence).toBeLessThan(0.9);
    const shorter = best("Sổ tay đảng viên", "cadres");
    expect(shorter?.field).toBe("eHandbook");
    expect(shorter!.confidence).toBeLessThan(0.9);
  });

  it("does not read a header that is a synonym of its own as a shortened other one", () => {
    // "Ngày sinh" is the birth date, not "Ngày sinh hoạt" cut short: a cadre list without names is not a meetings table.
    expect(matchHeader("Ngày sinh").meetings.find((h) => h.field === "date")).toBeUndefined();
    expect(best("Ngày sinh", "cadres")?.field).toBe("birth");
  });

  it("does not read a one-word synonym inside a longer label", () => {
    expect(best("Nam sinh viên", "cadres")?.field).not.toBe("birthYearMale");
    expect(best("Xã hội", "cells")).toBeUndefined();
  });

  it("marks synonyms several kinds share", () => {
    expect(matchHeader("Chi bộ").cells.find((h) => h.field === "cell")?.shared).toBe(true);
    expect(matchHeader("Họ và tên").cadres.find((h) => h.field === "name")?.shared).toBe(false);
  });

  it("matches nothing for blank or unknown labels", () => {
    expect(best("", "cadres")).toBeUndefined();
    expect(best("Số điện thoại", "cadres")).toBeUndefined();
  });

  it("expands abbreviations on folded text", () => {
    expect(expandAbbreviations("trinh do cm")).toBe("trinh do chuyen mon");
    expect(expandAbbreviations("sl dv")).toBe("so dang vien");
    expect(expandAbbreviations("")).toBe("");
  });

  it("knows the STT column", () => {
    for (const t of ["STT", "TT", "Số TT", "#", "Số thứ tự"]) expect(isSttHeader(t)).toBe(true);
    expect(isSttHeader("Họ tên")).toBe(false);
  });
});

describe("row kinds", () => {
  it("tells a numbering row from a data row", () => {
    expect(isNumberingRow(["(1)", "(2)", "(3)=(4)+(5)", "A"], 0, 3)).toBe(true);
    expect(isNumberingRow([1, 2, 3, 4], 0, 3)).toBe(true);
    expect(isNumberingRow([1, 25, 23, 2], 0, 3)).toBe(false);
    // Increasing but not one by one: a data row of small counts, not column numbers.
    expect(isNumberingRow([1, 5, 12, 30], 0, 3)).toBe(false);
    expect(isNumberingRow([7, 8, 9], 0, 2)).toBe(false);
    expect(isNumberingRow([1, "Chi bộ thôn 1", 3], 0, 2)).toBe(false);
    expect(isNumberingRow([1.5, 2], 0, 1)).toBe(false);
    expect(isNumberingRow([true, 2], 0, 1)).toBe(false);
    expect(isNumberingRow(["(1)", "", ""], 0, 2)).toBe(false);
  });

  it("finds the total row label in the first filled cells", () => {
    expect(isTotalRow(["", "Tổng cộng", 12], 0, 2)).toBe(true);
    expect(isTotalRow(["CỘNG", "", 12], 0, 2)).toBe(true);
    expect(isTotalRow(["Toàn tỉnh", 5], 0, 1)).toBe(true);
    expect(isTotalRow([1, "Chi bộ Tổng đội Thanh niên xung phong", 12], 0, 2)).toBe(false);
    expect(isTotalRow([1, 2, 3, "Tổng cộng"], 0, 3)).toBe(false);
    expect(isTotalRow([1, "x".repeat(60)], 0, 1)).toBe(false);
  });

  it("recognises the signature block", () => {
    expect(isFooterRow(["", "Yên Lạc, ngày 30 tháng 9 năm 2026"], 0, 1)).toBe(true);
    expect(isFooterRow(["NGƯỜI LẬP BIỂU", "", "T/M ĐẢNG ỦY"], 0, 2)).toBe(true);
    expect(isFooterRow([1, "Nguyễn Văn An"], 0, 1)).toBe(false);
    expect(isFooterRow(["Nguyễn Văn An"], 0, 0)).toBe(false);
    expect(isFooterRow(["", ""], 0, 1)).toBe(false);
  });
});

describe("communeFromTitle", () => {
  it("reads the commune a party or government title names", () => {
    expect(communeFromTitle("ĐẢNG BỘ XÃ YÊN LẠC")).toBe("Xã Yên Lạc");
    expect(communeFromTitle("Đảng ủy phường Ba Đình")).toBe("Phường Ba Đình");
    expect(communeFromTitle("UBND THỊ TRẤN PHONG CHÂU")).toBe("Thị trấn Phong Châu");
    expect(communeFromTitle("ỦY BAN NHÂN DÂN ĐẶC KHU CỒN CỎ")).toBe("Đặc khu Cồn Cỏ");
    expect(communeFromTitle("ĐẢNG BỘ XÃ YÊN LẠC - TỈNH VĨNH PHÚC")).toBe("Xã Yên Lạc");
    expect(communeFromTitle("XÃ KIM SƠN")).toBe("Xã Kim Sơn");
  });

  it("leaves other titles alone", () => {
    expect(communeFromTitle("DANH SÁCH BÍ THƯ CHI BỘ")).toBeUndefined();
    expect(communeFromTitle("ĐẢNG BỘ TỈNH THANH HÓA")).toBeUndefined();
    expect(communeFromTitle("ĐẢNG BỘ XÃ")).toBeUndefined();
    expect(communeFromTitle("")).toBeUndefined();
    expect(communeFromTitle("Xã Yên Lạc đã tổ chức sinh hoạt chi bộ đầy đủ trong quý")).toBeUndefined();
  });
});

describe("parseMerge", () => {
  it("reads A1 ranges relative to the origin", () => {
    expect(parseMerge("C5:D6", 5, 3)).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
    expect(parseMerge("Sheet1!$B$2", 1, 1)).toEqual({ top: 1, bottom: 1, left: 1, right: 1 });
    expect(parseMerge("not a range", 1, 1)).toBeUndefined();
  });
});

function sheet(values: CellValue[][], name = "S"): SheetData {
  return { name, originRow: 1, originCol: 1, values };
}

describe("sheets with no table", () => {
  it("finds none in an empty sheet", () => {
    expect(detectTables(sheet([]))).toEqual([]);
    expect(detectTables(sheet([[""], ["", "  "]]))).toEqual([]);
  });

  it("finds none in a sheet with only titles", () => {
    expect(detectTables(sheet([["ĐẢNG BỘ XÃ YÊN LẠC"], ["DANH SÁCH BÍ THƯ CHI BỘ"], ["Quý III năm 2026"]]))).toEqual([]);
  });

  it("finds none in random values", () => {
    // A fixed pseudo-random sheet: numbers and words that name no field.
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = ["táo", "cam", "ổi", "xoài", "mít", "Hà Nội", "abc", "42", "ngày mai"];
    const values: CellValue[][] = [];
    for (let r = 0; r < 40; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < 8; c++) row.push(rnd() < 0.5 ? Math.floor(rnd() * 1000) : words[Math.floor(rnd() * words.length)]);
      values.push(row);
    }
    expect(detectTables(sheet(values))).toEqual([]);
  });

  it("finds none where a single label is all there is", () => {
    expect(detectTables(sheet([["Chi bộ", "Chi bộ thôn 1"], ["Ghi chú", ""]]))).toEqual([]);
  });
});

describe("kind choice", () => {
  it("takes Chi bộ + Xã alone as a list of cells", () => {
    expect(detectTables(sheet([["Chi bộ", "Xã"], ["Thôn 1", "Yên Lạc"]]))[0].kind).toBe("cells");
  });

  it("takes a one-column list with STT as communes", () => {
    const t = detectTables(sheet([["STT", "Tên xã/phường"], [1, "Xã Yên Lạc"], [2, "Xã Kim Sơn"]]));
    expect(t.map((x) => [x.kind, x.dataRows])).toEqual([["communes", [2, 3]]]);
  });

  it("weighs the distinctive fields over shared ones", () => {
    expect(detectTables(sheet([["Chi bộ", "Ngày sinh hoạt", "Có mặt"], ["Thôn 1", 46023, 20]]))[0].kind).toBe("meetings");
    expect(detectTables(sheet([["Chi bộ", "Họ và tên", "Chức vụ"], ["Thôn 1", "An", "Bí thư chi bộ"]]))[0].kind).toBe("cadres");
  });

  it("keeps one table when a column has no label but holds data", () => {
    const t = detectTables(sheet([["Họ và tên", "Ngày sinh", "", "Chức vụ", "Chi bộ"], ["An", "1/1/1970", "ghi chú", "Bí thư chi bộ", "Thôn 1"]]));
    expect(t).toHaveLength(1);
    expect(t[0].columns.cell?.col).toBe(5);
  });

  it("closes a table at a signature block after a blank row even without a total", () => {
    const t = detectTables(sheet([["Chi bộ", "Ngày họp", "Loại"], ["Thôn 1", 46023, "Thường kỳ"], [], ["", "", "Yên Lạc, ngày 1 tháng 10 năm 2026"]]));
    expect(t[0].dataRows).toEqual([2]);
  });

  it("keeps a table going when a printout repeats its header after a blank row", () => {
    const header = ["Chi bộ", "Ngày họp", "Loại"];
    const t = detectTables(sheet([header, ["Thôn 1", 46023, "Thường kỳ"], [], header, ["Thôn 2", 46024, "Thường kỳ"]]));
    expect(t).toHaveLength(1);
    expect(t[0].dataRows).toEqual([2, 5]);
  });
});

describe("tableFromUserMapping", () => {
  it("uses the mapping as given, with confidence 1", () => {
    const t = tableFromUserMapping(cadresShuffled.sheet, { kind: "cadres", sheet: cadresShuffled.sheet.name, headerTop: 1, headerBottom: 1, columns: { name: 4, role: 1, birth: 2 } });
    expect(t.source).toBe("user");
    expect(t.confidence).toBe(1);
    expect(t.columns).toEqual({
      name: { col: 4, header: "Họ tên", confidence: 1 },
      role: { col: 1, header: "Chức vụ", confidence: 1 },
      birth: { col: 2, header: "Ngày sinh", confidence: 1 },
    });
    expect(t.dataRows).toEqual([2, 3, 4]);
    expect(t.unmapped.map((u) => u.col)).toEqual([3, 5, 6, 7, 8, 9, 10]);
  });

  it("reads two-row headers, stops at lastRow and keeps the title commune", () => {
    const s = cadresMergedHeader.sheet;
    const t = tableFromUserMapping(s, { kind: "cadres", sheet: s.name, headerTop: 5, headerBottom: 6, columns: { name: 2, education: 8 }, lastRow: 9 });
    expect(t.columns.education).toEqual({ col: 8, header: "Trình độ / Chuyên môn", confidence: 1 });
    expect(t.dataRows).toEqual([8, 9]);
    expect(t.skippedRows).toEqual([{ row: 7, reason: "numbering" }]);
    expect(t.titleCommune).toBe("Xã Yên Lạc");
  });

  it("accepts a mapping with no columns", () => {
    const t = tableFromUserMapping(meetingsMinimal.sheet, { kind: "meetings", sheet: "SH", headerTop: 1, headerBottom: 1, columns: {} });
    expect(t.columns).toEqual({});
    expect(t.unmapped.map((u) => u.col)).toEqual([1, 2, 3]);
  });
});

describe("detectWorkbook", () => {
  it("uses the user's mapping for its sheet and detects the others", () => {
    const tables = detectWorkbook(
      { sheets: [cadresShuffled.sheet, meetingsMinimal.sheet, { ...meetingsMinimal.sheet, name: "hidden", visibility: "veryHidden" }] },
      [{ kind: "meetings", sheet: "SH", headerTop: 1, headerBottom: 1, columns: { cell: 1, date: 2 } }],
    );
    expect(tables.map((t) => [t.sheet, t.kind, t.source])).toEqual([
      ["Sheet1", "cadres", "detected"],
      ["SH", "meetings", "user"],
    ]);
  });

  it("detects every sheet when no mapping is given", () => {
    expect(detectWorkbook({ sheets: [meetingsMinimal.sheet] })).toHaveLength(1);
  });
});

describe("merged header cells", () => {
  it("reads a label merged over two columns as one column", () => {
    const s: SheetData = {
      name: "M",
      originRow: 1,
      originCol: 1,
      values: [
        ["Họ và tên", "", "Chức vụ", "Ghi chú"],
        ["Nguyễn Văn An", "", "Bí thư chi bộ", ""],
      ],
      merges: ["A1:B1", "A2:B2", "D1:D40"],
    };
    const [t] = detectTables(s);
    expect(t.columns.name?.col).toBe(1);
    expect(t.unmapped).toEqual([{ col: 4, header: "Ghi chú" }]);
  });

  it("spreads a tall merged label down the header", () => {
    const values: CellValue[][] = [
      ["STT", "Họ và tên", "Năm sinh", "", "Chức vụ"],
      ["", "", "Nam", "Nữ", ""],
    ];
    for (let i = 1; i <= 60; i++) values.push([i, `Người ${i}`, 1970, "", "Chi ủy viên"]);
    const [t] = detectTables({ name: "T", originRow: 1, originCol: 1, values, merges: ["A1:A62", "B1:B2", "C1:D1", "E1:E2"] });
    expect([t.headerTop, t.headerBottom]).toEqual([1, 2]);
    expect(t.columns).toMatchObject({ name: { col: 2 }, birthYearMale: { col: 3 }, birthYearFemale: { col: 4 }, role: { col: 5 } });
    expect(t.dataRows).toHaveLength(60);
  });
});

describe("section and subtotal rows", () => {
  const header: CellValue[] = ["STT", "Họ và tên", "Chức vụ", "Chi bộ", "Năm sinh"];
  const rows: CellValue[][] = [
    header,
    ["I.", "ĐẢNG BỘ XÃ YÊN LẠC", "", "", ""],
    [1, "Nguyễn Văn An", "Bí thư chi bộ", "Thôn 1", 1970],
    ["", "Trần Thị Bình", "Bí thư chi bộ", "", ""],
    ["", "Cộng xã Yên Lạc", "", "", 2],
    [],
    ["II. Đảng bộ xã Kim Sơn", "", "", "", ""],
    ["A.", "Chi bộ nông thôn", "", "", ""],
    [2, "Công an xã Kim Sơn", "Bí thư chi bộ", "Chi bộ Công an", 1980],
    ["", "Tổng cộng", "", "", 3],
  ];
  const s = { name: "Cán bộ", originRow: 1, originCol: 1, values: rows };

  it("splits the list at each commune's section, leaving out labels, subtotals and sparse rows kept", () => {
    const tables = detectTables(s);
    expect(tables.map((t) => [t.titleCommune, t.dataRows, t.skippedRows])).toEqual([
      ["Xã Yên Lạc", [3, 4], [{ row: 2, reason: "header" }, { row: 5, reason: "total" }]],
      ["Xã Kim Sơn", [9], [{ row: 7, reason: "header" }, { row: 8, reason: "header" }, { row: 10, reason: "total" }]],
    ]);
    expect(tables.every((t) => t.headerTop === 1 && t.columns.name?.col === 2)).toBe(true);
  });

  it("keeps a user's mapping whole across sections", () => {
    const t = tableFromUserMapping(s, { kind: "cadres", sheet: "Cán bộ", headerTop: 1, headerBottom: 1, columns: { name: 2, role: 3 } });
    expect(t.dataRows).toEqual([3, 4, 9]);
    expect(t.titleCommune).toBe("Xã Yên Lạc");
  });

  it("ends the table at a blank row after the total when no section follows", () => {
    const t = detectTables({ ...s, values: [...rows, [], ["", "Ghi chú thêm", "", "", ""], [9, "Người ngoài bảng", "Đảng viên", "", 1990]] });
    expect(t[t.length - 1].dataRows).toEqual([9]);
  });
});

describe("sparse data rows", () => {
  it("are data, even when one of their texts names a commune", () => {
    const [t] = detectTables({
      name: "S",
      originRow: 1,
      originCol: 1,
      values: [
        ["Họ và tên", "Chức vụ", "Chi bộ", "Ghi chú", "Đảng bộ xã"],
        ["Nguyễn Văn An", "Bí thư chi bộ", "Thôn 1", "", "Xã Yên Lạc"],
        ["Trần Văn Bình", "", "", "", "Xã Yên Lạc"],
      ],
    });
    expect(t.dataRows).toEqual([2, 3]);
  });
});

describe("communeFromTitle: the commune wherever a title names it", () => {
  it.each([
    ["DANH SÁCH BÍ THƯ CHI BỘ TRỰC THUỘC ĐẢNG BỘ XÃ TIÊN DU", "Xã Tiên Du"],
    ["(Đảng bộ xã Tiên Du)", "Xã Tiên Du"],
    ["( Đảng bộ xã Tiên Du )", "Xã Tiên Du"],
    ["Danh sách bí thư chi bộ xã Tiên Du năm 2025", "Xã Tiên Du"],
    ["DANH SÁCH BÍ THƯ CHI BỘ XÃ TIÊN DU NĂM 2025", "Xã Tiên Du"],
    ["BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG HẠC THÀNH KHÓA I, NHIỆM KỲ 2025-2030", "Phường Hạc Thành"],
    ["ĐẢNG ỦY XÃ TIÊN DU", "Xã Tiên Du"],
    ["Đơn vị: xã Tiên Du", "Xã Tiên Du"],
    ["ĐẢNG BỘ XÃ NĂM CĂN", "Xã Năm Căn"],
    ["Đảng bộ xã Ea H'Leo, tỉnh Đắk Lắk", "Xã Ea H'leo"],
    ["SINH HOẠT CHI BỘ CÁC CHI BỘ THUỘC ĐẢNG BỘ XÃ KIM SƠN QUÝ III", "Xã Kim Sơn"],
  ])("%j -> %j", (title, commune) => {
    expect(communeFromTitle(title)).toBe(commune);
  });
  it.each([
    "Chi bộ Công an xã", "Chi bộ Trường Tiểu học xã Yên Lạc", "ĐẢNG BỘ THỊ XÃ PHÚ THỌ", "DANH SÁCH BÍ THƯ CHI BỘ CÁC XÃ",
    "Tiên Du, ngày 15 tháng 12 năm 2025",
  ])("%j names no commune", (title) => {
    expect(communeFromTitle(title)).toBeUndefined();
  });
});

describe("foot lines are not data", () => {
  it.each([
    ["Cộng: 33 đồng chí"], ["Tổng số: 45 đồng chí"], ["Tổng cộng: 12 chi bộ"], ["Tổng số có 12 chi bộ"], ["TỔNG CỘNG"],
  ])("%j closes the list", (label) => {
    expect(isTotalRow([label, "", ""], 0, 2)).toBe(true);
  });
  it.each([
    ["Tiên Du, ngày 15 tháng 12 năm 2025"], ["Tiên Du, ngày   tháng   năm 2025"], ["Người lập biểu"], ["NGƯỜI LẬP DANH SÁCH"],
    ["Xác nhận của Đảng ủy xã"], ["T/M ĐẢNG ỦY"], ["K/T BÍ THƯ"], ["BÍ THƯ"], ["(Ký, ghi rõ họ tên)"], ["Nơi nhận:"], ["- Lưu VP."], ["Lưu: VT"],
  ])("%j is a foot line", (label) => {
    expect(isFooterRow(["", label], 0, 1)).toBe(true);
  });
  it.each([["Lưu Văn Bình"], ["Bí thư chi bộ"], ["Công an xã"], ["Cộng đồng dân cư số 2"], ["Tô Văn Cộng"]])("%j is data", (text) => {
    expect(isFooterRow([text, "x"], 0, 1)).toBe(false);
    expect(isTotalRow([text, "x"], 0, 1)).toBe(false);
  });
});
