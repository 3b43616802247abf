import { CellValue, PlanOp, SheetData, WorkbookData, day, defaultSettings } from "../model";
import { understand } from "../understand";
import { summarize } from "../summary";
import { planFormFill } from "../plan";
import { TOTAL_ROW_LABELS, isTotalLabel } from "./totalLabel";

describe("isTotalLabel (a list's closing rows)", () => {
  it.each(["Tổng cộng", "TỔNG CỘNG", " Cộng ", "Tổng số", "Toàn xã", "Toàn phường", "Toàn tỉnh", "Toàn Đảng bộ", "Grand total", "Whole province",
    "Tổng cộng toàn xã", "Cộng xã Yên Lạc", "Cộng: 33 đồng chí", "Tổng số: 45", "Tổng số có 12 chi bộ", "Tổng Cộng"])("%s closes a list", (s) => {
    expect(isTotalLabel(s)).toBe(true);
  });
  it.each(["Công an xã", "Cộng Hòa", "Xã Cộng Hòa", "Tống Văn Tâm", "Toàn", "Chi bộ Thôn 1", "Trường THCS", "Tổng đài viên"])("%s is data", (s) => {
    expect(isTotalLabel(s)).toBe(false);
  });
  it("holds its words folded, as fold gives them", () => {
    for (const w of TOTAL_ROW_LABELS) expect(w).toMatch(/^[a-z ]+$/);
  });
});

describe("a report form's total row: the same words as a list's", () => {
  const sheet = (name: string, values: CellValue[][]): SheetData => ({ name, originRow: 1, originCol: 1, values });
  const data = sheet("Cán bộ", [
    ["Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đảng bộ xã", "Nhiệm kỳ"],
    ["Nguyễn Thị A", "01/02/1980", "Nữ", "Bí thư chi bộ", "Xã Yên Lạc", "2025-2030"],
    ["Trần Văn B", "03/04/1975", "Nam", "Bí thư chi bộ", "Xã Đông Sơn", "2025-2030"],
  ]);
  const workbook: WorkbookData = { sheets: [data] };
  const summary = summarize(understand(workbook).dataset, { kind: "year", year: 2026 }, defaultSettings(day(2027, 1, 15)));
  const filled = (total: string) => {
    const r = planFormFill(sheet("Biểu 01", [["Đơn vị", "Tổng số", "Nữ"], ["Xã Yên Lạc", "", ""], ["Xã Đông Sơn", "", ""], [total, "", ""]]), summary);
    const cells = (r.plan.ops.find((o) => o.op === "formCells") as Extract<PlanOp, { op: "formCells" }> | undefined)?.cells ?? [];
    return cells.filter((c) => c.row === 4).map((c) => c.value);
  };

  it.each(["Toàn tỉnh", "Tổng cộng", "Toàn xã", "Grand total", "Whole province", "TỔNG SỐ"])("%s is filled with the total", (label) => {
    expect(filled(label)).toEqual([2, 1]);
  });

  it("a subtotal label on a form is not the total: only the whole label is", () => {
    expect(filled("Cộng xã Yên Lạc")).toEqual([]);
  });
});
