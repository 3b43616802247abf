import { CellValue, PlanOp, SheetData, WorkbookData, day, defaultSettings } from "../../src/core/model";
import { understand } from "../../src/core/understand";
import { summarize } from "../../src/core/summary";
import { formSheets, planFormFill } from "../../src/core/plan";
import { cadre, dataset } from "../factories/records";

/** "Điền vào biểu mẫu" only on sheets that look like forms (issue 15), and the comparison columns of a form. */
const settings = defaultSettings(day(2027, 1, 15));

function sheet(name: string, values: CellValue[][], merges?: string[]): SheetData {
  return { name, originRow: 1, originCol: 1, values, merges };
}

describe("which sheets are forms", () => {
  const data = sheet("Cán bộ", [
    ["Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đảng bộ xã", "Nhiệm kỳ"],
    ["Nguyễn Thị A", "01/02/1980", "Nữ", "Bí thư chi bộ", "Xã Yên Lạc", "2025-2030"],
    ["Trần Văn B", "03/04/1975", "Nam", "Bí thư chi bộ", "Xã Đông Sơn", "2025-2030"],
  ]);
  const form = sheet("Biểu 01", [
    ["BÁO CÁO ĐỘI NGŨ BÍ THƯ CHI BỘ", "", ""],
    ["Đơn vị", "Tổng số", "Nữ"],
    ["Xã Yên Lạc", "", ""],
    ["Tổng cộng", "", ""],
  ]);
  const letter = sheet("Công văn", [["Kính gửi: Ban Tổ chức Tỉnh ủy"], ["Xã Yên Lạc báo cáo như sau"]]);
  const workbook: WorkbookData = { sheets: [data, form, letter] };
  const { tables, dataset: ds } = understand(workbook);
  const s = summarize(ds, { kind: "year", year: 2026 }, settings);

  it("offers the form only: not the data list it read, not a sheet of text", () => {
    expect(tables.map((t) => t.sheet)).toEqual(["Cán bộ"]);
    expect(formSheets(workbook, tables, s)).toEqual(["Biểu 01"]);
  });

  it("says plainly when a sheet matched nothing, rather than writing 0 cells as a success", () => {
    const r = planFormFill(letter, s);
    expect(r.plan.ops).toEqual([]);
    expect(r.matched.columns).toEqual([]);
  });
});

describe("a form with the previous term's columns", () => {
  const s = summarize(dataset({
    cadres: [
      cadre({ term: "2025-2030", gender: "Nữ" }), cadre({ term: "2025-2030" }),
      cadre({ term: "2020-2025" }), cadre({ term: "2020-2025" }), cadre({ term: "2020-2025", gender: "Nữ" }), cadre({ term: "2020-2025" }),
    ],
  }), { kind: "year", year: 2026 }, settings, { compareWithPreviousTerm: { from: "terms" } });

  it("fills Khóa trước and Tăng/giảm from the comparison", () => {
    const form = sheet("B1", [
      ["Đơn vị", "Nữ", "", "", ""],
      ["", "Số lượng", "Tỷ lệ %", "Khóa trước (%)", "Tăng/giảm (%)"],
      ["Toàn tỉnh", "", "", "", ""],
    ], ["B1:E1"]);
    const r = planFormFill(form, s);
    expect(r.matched.columns.map((c) => [c.col, c.part])).toEqual([[2, "count"], [3, "pct"], [4, "previousPct"], [5, "change"]]);
    expect((r.plan.ops[0] as Extract<PlanOp, { op: "formCells" }>).cells.map((c) => c.value)).toEqual([1, 50, 25, 25]);
  });

  it("leaves a comparison column blank, and says why, when the summary was made without it", () => {
    const plain = summarize(dataset({ cadres: [cadre({ gender: "Nữ" })] }), { kind: "year", year: 2026 }, settings);
    const r = planFormFill(sheet("B1", [["Đơn vị", "Nữ - khóa trước"], ["Toàn tỉnh", ""]]), plain);
    expect(r.skipped).toEqual([{ address: "B2", reason: "noComparison", note: expect.objectContaining({ en: expect.stringContaining("comparison") }) }]);
  });
});
