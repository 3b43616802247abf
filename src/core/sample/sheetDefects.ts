import { CellValue, RuleId, SheetProblem, WorkbookData } from "./deps";
import { PlantedDefect } from "./types";

type PlantSheets = (workbook: WorkbookData, year: number, rule: RuleId) => PlantedDefect[];

/**
 * Defects of whole sheets, planted after the cell defects, keyed by their rule
 * as the cell defects' tables are (defects.ts): two sheets that hold a table
 * the product cannot read (a list whose key column is missing, a work log whose
 * headers match no table), and two sheets the workbook lists that could not be
 * read. The second kind exists only in memory: a reader reports it
 * (WorkbookData.problems), and a file written from the sample holds no broken part.
 */
const SHEET_DEFECTS: Partial<Record<RuleId, PlantSheets>> = {
  "sheet/not-understood": (workbook, year, rule) => {
    const noName: CellValue[][] = [
      ["DANH SÁCH ĐẢNG VIÊN MỚI KẾT NẠP"],
      [],
      ["STT", "Ngày sinh", "Giới tính", "Chi bộ", "Ngày vào Đảng"],
      [1, `12/03/${year - 25}`, "Nam", "Chi bộ Thôn 1", `19/05/${year}`],
      [2, `04/10/${year - 23}`, "Nữ", "Chi bộ Thôn 2", `03/02/${year}`],
      [3, `21/07/${year - 30}`, "Nam", "Chi bộ Thôn 3", `02/09/${year}`],
    ];
    const workLog: CellValue[][] = [
      ["STT", "Công việc", "Người phụ trách", "Thời hạn", "Kết quả"],
      [1, "Rà soát danh sách đảng viên", "Văn phòng", `31/03/${year}`, "Xong"],
      [2, "Chuẩn bị sinh hoạt chuyên đề", "Ban Tuyên giáo", `30/06/${year}`, "Đang làm"],
    ];
    // Rectangular, as a host's used range is.
    const rect = (rows: CellValue[][]) => rows.map((r) => [...r, ...Array<CellValue>(5 - r.length).fill("")]);
    workbook.sheets.push(
      { name: "ĐV mới kết nạp", originRow: 1, originCol: 1, values: rect(noName) },
      { name: "Ghi chép công việc", originRow: 1, originCol: 1, values: rect(workLog) },
    );
    return [
      { rule, sheet: "ĐV mới kết nạp", row: 3, column: "B", address: "B3", note: "Danh sách thiếu cột Họ và tên" },
      { rule, sheet: "Ghi chép công việc", row: 1, column: "B", address: "B1", note: "Tiêu đề cột không khớp bảng nào" },
    ];
  },
  "sheet/unreadable": (workbook, _year, rule) => {
    const problems: SheetProblem[] = [
      {
        sheet: "Sinh hoạt quý IV", code: "missing-part", lost: true,
        detail: {
          vi: "tệp ghi có trang này nhưng thiếu phần dữ liệu của nó; hãy mở tệp bằng Excel, kiểm tra trang rồi lưu lại",
          en: "the file lists this sheet but its data part is missing; open the file in Excel, check the sheet and save it again",
        },
      },
      {
        sheet: "Cán bộ (bản cũ)", code: "unreadable", lost: true,
        detail: {
          vi: "phần dữ liệu của trang bị hỏng, không đọc được; hãy lấy lại bản tệp trước đó hoặc nhập lại trang",
          en: "the sheet's data part is damaged and cannot be read; take an earlier copy of the file or enter the sheet again",
        },
      },
    ];
    workbook.problems = [...(workbook.problems ?? []), ...problems];
    return problems.map((p): PlantedDefect => ({ rule, sheet: p.sheet, row: 1, column: "A", address: "A1", note: "Trang không đọc được" }));
  },
};

/** The rules planted as whole sheets: the keys of the table above. */
export const SHEET_DEFECT_RULES = Object.keys(SHEET_DEFECTS) as readonly RuleId[];

export function plantSheetDefects(workbook: WorkbookData, year: number): PlantedDefect[] {
  return (Object.entries(SHEET_DEFECTS) as Array<[RuleId, PlantSheets]>).flatMap(([rule, plant]) => plant(workbook, year, rule));
}
