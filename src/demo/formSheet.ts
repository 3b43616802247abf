import type { CellValue, SheetData } from "../core/model";

export const FORM_SHEET = "Biểu mẫu báo cáo";

/**
 * A user's own report form, as offices keep them: title rows, a two-row
 * header, one row per commune, a "Toàn tỉnh" row, a formula column and a
 * signature line. The demo adds it to the sample so "Điền vào biểu mẫu" has
 * something real to fill, including a row and a column it cannot match.
 */
export function demoFormSheet(communes: string[]): SheetData {
  const header1: CellValue[] = ["STT", "Đơn vị", "Bí thư chi bộ", "", "", "", "Ghi chú"];
  const header2: CellValue[] = ["", "", "Tổng số", "Nữ", "Dưới 40 tuổi", "Đại học trở lên", ""];
  const rows: CellValue[][] = communes.map((c, i) => [i + 1, c, "", "", "", "", ""]);
  const values: CellValue[][] = [
    ["ĐẢNG BỘ TỈNH", "", "", "", "", "", ""],
    ["BÁO CÁO ĐỘI NGŨ BÍ THƯ CHI BỘ", "", "", "", "", "", ""],
    ["", "", "", "", "", "", ""],
    header1,
    header2,
    ...rows,
    ["", "Xã chưa sáp nhập (cũ)", "", "", "", "", ""],
    ["", "Toàn tỉnh", "", "", "", "", ""],
    ["", "", "", "", "", "", ""],
    ["", "", "", "", "NGƯỜI LẬP BIỂU", "", ""],
  ];
  return { name: FORM_SHEET, originRow: 1, originCol: 1, values, merges: ["A1:G1", "A2:G2", "C4:F4"] };
}
