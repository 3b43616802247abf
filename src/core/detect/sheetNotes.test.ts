import { CellValue, SheetData } from "../model/values";
import { explainSheet, sheetNotesOf } from "./sheetNotes";
import { detectWorkbook } from "./userMapping";

const sheet = (values: CellValue[][], name = "S"): SheetData => ({ name, originRow: 1, originCol: 1, values });

describe("explainSheet: why a sheet with data gave no table", () => {
  it("a list whose key column is missing names the table and the column", () => {
    const n = explainSheet(sheet([["DANH SÁCH"], [], ["STT", "Ngày sinh", "Chức vụ", "Chi bộ", "Dân tộc"], [1, "01/01/1970", "BT", "Thôn 1", "Kinh"], [2, "01/01/1971", "BT", "Thôn 2", "Kinh"]]));
    expect(n).toMatchObject({ reason: "no-key-column", kind: "cadres", looksLikeTable: true, row: 3, col: 2, rows: 4 });
    expect(n?.detail.vi).toContain('thiếu cột "Họ và tên"');
  });
  it("labels over data that match no table", () => {
    const n = explainSheet(sheet([["STT", "Công việc", "Người phụ trách", "Thời hạn"], [1, "Họp", "An", "15/3"], [2, "Báo cáo", "Bình", "30/3"]]));
    expect(n).toMatchObject({ reason: "headers-unknown", looksLikeTable: true, row: 1, labels: ["Công việc", "Người phụ trách", "Thời hạn"] });
  });
  it("rows of data with no labels", () => {
    expect(explainSheet(sheet([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))).toMatchObject({ reason: "no-header", looksLikeTable: true, rows: 3 });
  });
  it("a report form, the product's findings sheet and a sheet of titles are named, not warned about", () => {
    const report = sheet([["STT", "Đơn vị", "Tổng số", "Nữ", "Dưới 40 tuổi"], [1, "Xã Yên Lạc", 12, 3, 4], [2, "Xã Kim Sơn", 10, 2, 5]]);
    expect(explainSheet(report)).toMatchObject({ reason: "report", looksLikeTable: false });
    const findings = sheet([["STT", "Mức độ", "Quy tắc", "Trang", "Ô", "Giá trị", "Nội dung", "Gợi ý sửa"], [1, "Lỗi", "required", "Cán bộ", "B5", "", "Thiếu", ""], [2, "Lỗi", "required", "Cán bộ", "B6", "", "Thiếu", ""]]);
    expect(explainSheet(findings)).toMatchObject({ reason: "report", looksLikeTable: false });
    expect(explainSheet(sheet([["BÁO CÁO"], ["Kính gửi: Ban Tổ chức Tỉnh ủy"]]))).toMatchObject({ reason: "text", looksLikeTable: false });
  });
  it("says nothing of an empty sheet, ragged or sparse", () => {
    const values: CellValue[][] = [];
    values[4] = ["", " "];
    expect(explainSheet(sheet(values))).toBeUndefined();
  });
  it("notes only the sheets without a table, and every sheet the reader lost", () => {
    const wb = {
      sheets: [sheet([["Họ và tên", "Chức vụ"], ["An", "Bí thư chi bộ"]], "CB"), sheet([[1, 2, 3], [4, 5, 6], [7, 8, 9]], "Số")],
      problems: [{ sheet: "Mất", code: "missing-part" as const, lost: true, detail: { vi: "thiếu", en: "missing" } }],
    };
    expect(sheetNotesOf(wb, detectWorkbook(wb)).map((n) => [n.sheet, n.reason])).toEqual([["Số", "no-header"], ["Mất", "unreadable"]]);
  });
});
