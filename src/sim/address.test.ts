import { checkSheetName, parseLocalAddress, qualifiedAddress, rectToA1, sheetPrefix, splitSheet } from "./address";

describe("A1 addresses", () => {
  it.each([
    ["A1", { r0: 0, c0: 0, rows: 1, cols: 1 }],
    ["$B$2:c4", { r0: 1, c0: 1, rows: 3, cols: 2 }],
    ["C4:B2", { r0: 1, c0: 1, rows: 3, cols: 2 }],
    ["XFD1048576", { r0: 1_048_575, c0: 16_383, rows: 1, cols: 1 }],
    ["B:D", { r0: 0, c0: 1, rows: 1_048_576, cols: 3 }],
    ["3:5", { r0: 2, c0: 0, rows: 3, cols: 16_384 }],
  ])("parses %s", (address, rect) => {
    expect(parseLocalAddress(address)).toEqual(rect);
    expect(rectToA1(rect)).toBe(address.replace(/\$/g, "").toUpperCase().replace("C4:B2", "B2:C4"));
  });

  it.each(["", "A", "5", "A0", "XFE1", "A1048577", "A1:B2:C3", "A1,B2", "Tên"])("refuses %s", (address) => {
    expect(() => parseLocalAddress(address)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
  });

  it("quotes sheet names as Excel does", () => {
    expect(sheetPrefix("Sheet1")).toBe("Sheet1");
    expect(sheetPrefix("TổngHợp")).toBe("TổngHợp");
    expect(sheetPrefix("Cán bộ")).toBe("'Cán bộ'");
    expect(sheetPrefix("O'Neil")).toBe("'O''Neil'");
    expect(sheetPrefix("A1")).toBe("'A1'");
    expect(sheetPrefix("2025")).toBe("'2025'");
    expect(qualifiedAddress("Cán bộ", { r0: 0, c0: 0, rows: 3, cols: 3 })).toBe("'Cán bộ'!A1:C3");
    expect(splitSheet("'O''Neil'!B2")).toEqual({ sheet: "O'Neil", local: "B2" });
    expect(splitSheet("B2")).toEqual({ sheet: null, local: "B2" });
  });

  it("checks sheet names", () => {
    expect(checkSheetName("Tổng hợp (2)")).toBe("Tổng hợp (2)");
    for (const bad of ["", " ", "a/b", "x".repeat(32), "History", "'a"]) {
      expect(() => checkSheetName(bad)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    }
  });
});
