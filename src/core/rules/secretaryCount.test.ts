import { secretaryCount } from "./secretaryCount";
import { cadre, cell, dataset, meeting } from "../../../test/factories/records";
import { runTableRule } from "../../../test/factories/rules";

describe("cell/secretary-count", () => {
  it("flags two secretaries at the second one's role cell, naming both rows", () => {
    const a = cadre({ name: "Nguyễn Văn An", row: 4 });
    const b = cadre({ name: "Trần Văn Bình", row: 9 });
    const [f, ...rest] = runTableRule(secretaryCount, dataset({ cadres: [a, b] }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "cell/secretary-count", severity: "error", row: 9, relatedRows: [4], value: "Bí thư chi bộ" });
    expect(f.message.vi).toContain("Chi bộ Thôn 1 (Xã Yên Lạc) có 2 bí thư chi bộ");
  });
  it("flags a cell with only a deputy, at its first cadre row", () => {
    const d = cadre({ role: "Phó Bí thư chi bộ", cell: "Chi bộ Thôn 2", row: 11 });
    const [f] = runTableRule(secretaryCount, dataset({ cadres: [cadre(), d] }));
    expect(f).toMatchObject({ row: 11 });
    expect(f.message.vi).toContain("không có bí thư");
  });
  it("flags a CELLS cell with no cadre at all, at its CELLS row; a cell seen only in meetings too", () => {
    const withCells = dataset({ cadres: [cadre()], cells: [cell(), cell({ cell: "Chi bộ Thôn 5", row: 3 })] });
    expect(runTableRule(secretaryCount, withCells).map((f) => [f.sheet, f.row])).toEqual([["Chi bộ", 3]]);
    const withMeetings = dataset({ cadres: [cadre()], meetings: [meeting({ cell: "Chi bộ Thôn 6", row: 40 })] });
    expect(runTableRule(secretaryCount, withMeetings).map((f) => [f.sheet, f.row])).toEqual([["Sinh hoạt", 40]]);
  });
  it("keeps cells whose names differ only in diacritics apart (Thôn Đồng, Thôn Đông)", () => {
    const ds = dataset({ cadres: [cadre({ cell: "Chi bộ Thôn Đồng" }), cadre({ cell: "Chi bộ Thôn Đông" })] });
    expect(runTableRule(secretaryCount, ds)).toEqual([]);
  });
  it("treats the same name in two communes as two cells, and is silent without a cadre table", () => {
    const ds = dataset({ cadres: [cadre(), cadre({ commune: "Xã Khác" })] });
    expect(runTableRule(secretaryCount, ds)).toEqual([]);
    expect(runTableRule(secretaryCount, dataset({ meetings: [meeting()] }))).toEqual([]);
  });
});
