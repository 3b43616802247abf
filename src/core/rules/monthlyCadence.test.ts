import { monthlyCadence } from "./monthlyCadence";
import { cell, dataset, fullYear, meeting, Q3_2026, settings, YEAR_2026 } from "../../../test/factories/records";
import { runTableRule } from "../../../test/factories/rules";
import { day } from "../model";

describe("cell/monthly", () => {
  it("flags each month of the period with no regular meeting, at the cell's first row", () => {
    const rows = fullYear("Chi bộ Thôn 2", "Xã Yên Lạc").filter((m) => !(m.kind === "Thường kỳ" && m.date!.m === 8));
    const found = runTableRule(monthlyCadence, dataset({ meetings: rows }), settings(), Q3_2026);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "cell/monthly", severity: "error", row: rows[0].row, sheet: "Sinh hoạt" });
    expect(found[0].message.vi).toContain("tháng 8/2026");
    expect(found[0].message.vi).toContain("Chi bộ Thôn 2 (Xã Yên Lạc)");
  });
  it("counts a combined meeting as the month's regular meeting and looks only at the period", () => {
    const rows = [
      meeting({ date: day(2026, 7, 5), kind: "Thường kỳ" }),
      meeting({ date: day(2026, 8, 5), kind: "Thường kỳ kết hợp chuyên đề", topic: "x" }),
      meeting({ date: day(2026, 9, 5), kind: "Thường kỳ" }),
    ];
    expect(runTableRule(monthlyCadence, dataset({ meetings: rows }), settings(), Q3_2026)).toEqual([]);
    expect(runTableRule(monthlyCadence, dataset({ meetings: rows }), settings(), YEAR_2026)).toHaveLength(9);
  });
  it("does not count a thematic meeting alone, nor months that are not over yet", () => {
    const rows = [meeting({ date: day(2026, 7, 5), kind: "Chuyên đề", topic: "x" })];
    const s = settings({ today: day(2026, 8, 15) });
    const found = runTableRule(monthlyCadence, dataset({ meetings: rows }), s, Q3_2026);
    expect(found.map((f) => f.message.vi)).toEqual([expect.stringContaining("tháng 7/2026")]);
  });
  it("with CELLS, flags a listed cell without meetings at its CELLS row, but not cells of communes with no data", () => {
    const listed = cell({ cell: "Chi bộ Thôn 3", commune: "Xã Yên Lạc", row: 5 });
    const elsewhere = cell({ cell: "Chi bộ Thôn 3", commune: "Xã Khác", row: 6 });
    const ds = dataset({ cells: [cell({ cell: "Chi bộ Thôn 1" }), listed, elsewhere], meetings: fullYear("Chi bộ Thôn 1", "Xã Yên Lạc") });
    const found = runTableRule(monthlyCadence, ds, settings(), Q3_2026);
    expect(found).toHaveLength(3);
    expect(found.every((f) => f.sheet === "Chi bộ" && f.row === 5)).toBe(true);
  });
  it("takes a meeting's commune from CELLS when the row has none", () => {
    const ds = dataset({ cells: [cell({ cell: "Chi bộ Thôn 1", commune: "Xã Yên Lạc" })], meetings: fullYear("Chi bộ Thôn 1", null) });
    expect(runTableRule(monthlyCadence, ds)).toEqual([]);
  });
});

describe("cell/monthly pointing", () => {
  it("points at the likely mis-dated meeting when the next month holds two", () => {
    const rows = fullYear("Chi bộ Thôn 2", "Xã Yên Lạc");
    const julyMeeting = rows.find((m) => m.kind === "Thường kỳ" && m.date!.m === 7)!;
    julyMeeting.date = day(2026, 8, 12);
    const [f] = runTableRule(monthlyCadence, dataset({ meetings: rows }), settings(), Q3_2026);
    expect(f).toMatchObject({ row: julyMeeting.row, column: "C" });
    expect(f.relatedRows).toHaveLength(1);
    expect(f.message.vi).toContain("tháng 8 có hai buổi");
  });
});
