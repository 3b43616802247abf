import { rowRef, rowsRef } from "./rowRef";

describe("rowRef", () => {
  it("names the sheet and the row as a row, never as a cell address", () => {
    expect(rowRef("Theo doi SH", 232, "vi")).toBe("Theo doi SH, dòng 232");
    expect(rowRef("Theo doi SH", 232, "en")).toBe("Theo doi SH, row 232");
  });

  it("leaves the sheet out when the reader is already on it", () => {
    expect(rowRef("Cán bộ", 12, "vi", "Cán bộ")).toBe("dòng 12");
    expect(rowRef("Cán bộ", 12, "en", "Sinh hoạt")).toBe("Cán bộ, row 12");
  });
});

describe("rowsRef", () => {
  it("groups rows by sheet, in the order given", () => {
    const rows = [{ sheet: "Theo doi SH", row: 232 }, { sheet: "Cán bộ", row: 5 }, { sheet: "Theo doi SH", row: 240 }];
    expect(rowsRef(rows, "vi")).toBe("Theo doi SH, dòng 232, 240; Cán bộ, dòng 5");
    expect(rowsRef(rows, "en")).toBe("Theo doi SH, rows 232, 240; Cán bộ, row 5");
    expect(rowsRef([], "vi")).toBe("");
  });
});
