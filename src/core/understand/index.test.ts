import { CellValue, WorkbookData, day } from "../model";
import { understand } from "./index";

describe("understand", () => {
  const values: CellValue[][] = [
    ["ĐẢNG BỘ XÃ YÊN LẠC", "", "", "", ""],
    ["DANH SÁCH SINH HOẠT CHI BỘ", "", "", "", ""],
    ["STT", "Chi bộ", "Ngày sinh hoạt", "Loại", "Có mặt"],
    [1, "Chi bộ thôn Đông", 45658, "Thường kỳ", 20],
    [2, "Chi bộ thôn Tây", "15/02/2025", "Chuyên đề", 18],
    ["", "", "", "", ""],
    ["Tổng cộng", "", "", "", 38],
  ];
  const wb: WorkbookData = { sheets: [{ name: "Sinh hoạt", originRow: 1, originCol: 1, values }] };

  it("finds the table and reads its rows into records", () => {
    const { tables, dataset } = understand(wb);
    const meetings = tables.find((t) => t.kind === "meetings");
    expect(meetings).toBeDefined();
    expect(dataset.meetings.map((m) => [m.row, m.cell, m.kind, m.present])).toEqual([
      [4, "Chi bộ thôn Đông", "Thường kỳ", 20],
      [5, "Chi bộ thôn Tây", "Chuyên đề", 18],
    ]);
    expect(dataset.meetings[1].date).toEqual(day(2025, 2, 15));
  });

  it("takes the user's mapping as given", () => {
    const { dataset } = understand(wb, [{ kind: "meetings", sheet: "Sinh hoạt", headerTop: 3, headerBottom: 3, columns: { cell: 2, present: 5 } }]);
    expect(dataset.meetings.length).toBeGreaterThanOrEqual(2);
    expect(dataset.meetings[0]).toMatchObject({ cell: "Chi bộ thôn Đông", present: 20, date: null });
  });
});
