import { sheetNotUnderstood } from "./sheetNotUnderstood";
import { dataset } from "../../../test/factories/records";
import { runTableRule } from "../../../test/factories/rules";
import { understand } from "../understand";
import { CellValue, SheetNote } from "../model";

const note = (p: Partial<SheetNote>): SheetNote => ({
  sheet: "Ghi chép", reason: "headers-unknown", looksLikeTable: true, rows: 12, row: 3, col: 2, detail: { vi: "lý do", en: "reason" }, ...p,
});

describe("sheet/not-understood", () => {
  it("warns at the header row found, naming the sheet, its rows and the reason", () => {
    const [f] = runTableRule(sheetNotUnderstood, dataset({ sheetNotes: [note({})] }));
    expect(f).toMatchObject({ rule: "sheet/not-understood", severity: "warning", sheet: "Ghi chép", address: "B3", value: null });
    expect(f.message.vi).toBe('Trang "Ghi chép" có 12 dòng dữ liệu nhưng không được đọc, nên không được kiểm tra hay tổng hợp: lý do.');
    expect(f.message.en).toContain("reason");
  });
  it("only names a report, a sheet of titles or a sheet the reader lost (sheet/unreadable says that one)", () => {
    const notes = [note({ reason: "report", looksLikeTable: false }), note({ reason: "text", looksLikeTable: false }), note({ reason: "unreadable", looksLikeTable: false })];
    expect(runTableRule(sheetNotUnderstood, dataset({ sheetNotes: notes }))).toEqual([]);
  });
  it("is what check says of a sheet whose list lacks its key column", () => {
    const values: CellValue[][] = [["STT", "Năm sinh", "Chức vụ", "Chi bộ"], [1, 1970, "Bí thư chi bộ", "Thôn 1"], [2, 1975, "Bí thư chi bộ", "Thôn 2"]];
    const { dataset: ds } = understand({ sheets: [{ name: "BT", originRow: 1, originCol: 1, values }] });
    const [f] = runTableRule(sheetNotUnderstood, ds);
    expect(f.address).toBe("B1");
    expect(f.message.vi).toContain('thiếu cột "Họ và tên"');
  });
});
