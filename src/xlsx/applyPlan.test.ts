import type { PlanOp, WritePlan } from "../core/model";
import { CHARTS_NOTE, buildPlanSheets, parseRange } from "./applyPlan";

const NONE = { names: [] as string[], marked: new Set<string>() };

const plan: WritePlan = {
  ops: [
    { op: "sheet", sheet: "Tổng hợp", purpose: "summary", tabColor: "#1F4E78" },
    { op: "values", sheet: "Tổng hợp", address: "A1:C2", values: [["Xã", "=1+1", 3], ["@x", "", 4.5]] },
    { op: "formulas", sheet: "Tổng hợp", address: "D1", formulas: [["=HYPERLINK(\"#'Cán bộ'!B2\",\"B2\")"]] },
    { op: "format", sheet: "Tổng hợp", address: "A1:C1", format: { bold: true, fill: "#DDEBF7", border: true } },
    { op: "format", sheet: "Tổng hợp", address: "B1", format: { bold: false, numberFormat: "0.00" } },
    { op: "merge", sheet: "Tổng hợp", address: "A3:C3" },
    { op: "merge", sheet: "Tổng hợp", address: "B3:D4" },
    { op: "columnWidths", sheet: "Tổng hợp", firstCol: 2, widths: [150, 44] },
    { op: "freeze", sheet: "Tổng hợp", rows: 2, cols: 1 },
    { op: "chart", sheet: "Tổng hợp", name: "chibo-monthly-share", kind: "ColumnClustered", title: "x", source: "A1:C2", seriesBy: "Columns", anchor: { from: "E1", to: "L15" } },
  ],
};

describe("buildPlanSheets", () => {
  it("lays values, formulas and formats out cell by cell; later formats add to earlier ones", () => {
    const { sheets, report } = buildPlanSheets(plan, NONE);
    expect(report.sheets).toEqual([{ requested: "Tổng hợp", actual: "Tổng hợp" }]);
    const s = sheets[0];
    expect(s.tabColor).toBe("#1F4E78");
    expect(s.cells.get(1)!.get(1)).toEqual({ value: "Xã", format: { bold: true, fill: "#DDEBF7", border: true } });
    // Text that looks like a formula stays a value; only the plan's formulas are formulas.
    expect(s.cells.get(1)!.get(2)).toEqual({ value: "=1+1", format: { bold: false, fill: "#DDEBF7", border: true, numberFormat: "0.00" } });
    expect(s.cells.get(1)!.get(4)).toEqual({ formula: "HYPERLINK(\"#'Cán bộ'!B2\",\"B2\")" });
    expect(s.cells.get(2)!.get(2)).toEqual({});
    expect(s.widths).toEqual(new Map([[2, 150], [3, 44]]));
    expect(s.freeze).toEqual({ rows: 2, cols: 1 });
  });

  it("says what it could not do: an overlapping merge, and the charts", () => {
    const { sheets, report } = buildPlanSheets(plan, NONE);
    expect(sheets[0].merges).toEqual(["A3:C3"]);
    expect(report.notes).toEqual([
      { vi: expect.stringContaining("B3:D4 chồng lên vùng đã gộp"), en: expect.stringContaining("B3:D4 overlaps another merge") },
      CHARTS_NOTE,
    ]);
  });

  it("never takes a user's sheet: a free name under the one sheet-name rule", () => {
    const { sheets, report } = buildPlanSheets(plan, { names: ["TỔNG HỢP", "Tổng hợp (2)"], marked: new Set() });
    expect(sheets[0]).toMatchObject({ name: "Tổng hợp (3)", replaces: null });
    expect(report.sheets[0].actual).toBe("Tổng hợp (3)");
    const long = buildPlanSheets({ ops: [{ op: "sheet", sheet: "Tổng hợp: Quý 3/2025 [nháp] của các xã phường", purpose: "summary" }] }, NONE);
    expect(long.sheets[0].name).toBe("Tổng hợp- Quý 3-2025 -nháp- của");
  });

  it("replaces its own sheet of an earlier run in place, under the name it had", () => {
    const again = buildPlanSheets(plan, { names: ["Tổng hợp", "Tổng hợp (2)"], marked: new Set(["Tổng hợp (2)"]) });
    expect(again.sheets[0]).toMatchObject({ name: "Tổng hợp (2)", replaces: "Tổng hợp (2)" });
  });

  it("skips, and says, operations on sheets it did not make, the user's form among them", () => {
    const ops: PlanOp[] = [
      { op: "values", sheet: "Cán bộ", address: "A1", values: [["x"]] },
      { op: "formCells", sheet: "Mẫu báo cáo", cells: [{ row: 2, col: 2, value: 5 }] },
      { op: "sheet", sheet: "Mẫu", purpose: "template" },
      { op: "dropdown", sheet: "Mẫu", address: "A2:A9", values: ["Nam", "Nữ"] },
      { op: "dropdown", sheet: "Mẫu", address: "B2:B9", values: Array.from({ length: 60 }, (_, i) => `Giá trị ${i}`) },
      { op: "format", sheet: "Mẫu", address: "not an address", format: { bold: true } },
    ];
    const { sheets, report } = buildPlanSheets({ ops }, NONE);
    expect(sheets.map((s) => s.name)).toEqual(["Mẫu"]);
    expect(sheets[0].dropdowns).toEqual([{ address: "A2:A9", values: ["Nam", "Nữ"] }]);
    expect(report.notes.map((n) => n.vi)).toEqual([
      expect.stringMatching(/^Bỏ qua thao tác values trên trang "Cán bộ": trang này không do kế hoạch tạo ra/),
      expect.stringMatching(/^Bỏ qua thao tác formCells trên trang "Mẫu báo cáo": điền vào biểu mẫu có sẵn chỉ làm được trong Excel/),
      expect.stringContaining("quá 255 ký tự"),
      expect.stringContaining('địa chỉ "not an address" không hợp lệ'),
    ]);
    expect(report.notes.every((n) => n.en.length > 0 && n.en !== n.vi)).toBe(true);
  });
});

describe("parseRange", () => {
  it("reads A1 ranges, with or without $, in any corner order, within the grid", () => {
    expect(parseRange("B2")).toEqual({ r1: 2, c1: 2, r2: 2, c2: 2 });
    expect(parseRange("$D$9:b2")).toEqual({ r1: 2, c1: 2, r2: 9, c2: 4 });
    expect(parseRange("XFD1048576")).toEqual({ r1: 1048576, c1: 16384, r2: 1048576, c2: 16384 });
    expect(parseRange("XFE1")).toBeNull();
    expect(parseRange("A0")).toBeNull();
    expect(parseRange("A1:A1048577")).toBeNull();
    expect(parseRange("Sheet1!A1")).toBeNull();
  });
});
