import { quarterlyThematic } from "./quarterlyThematic";
import { dataset, fullYear, meeting, settings, YEAR_2026 } from "../../../test/factories/records";
import { runTableRule } from "../../../test/factories/rules";
import { day } from "../model";

describe("cell/quarterly-thematic", () => {
  it("flags a quarter with no thematic meeting as a warning", () => {
    const rows = fullYear("Chi bộ Thôn 1", "Xã Yên Lạc").filter((m) => !(m.kind === "Chuyên đề" && m.date!.m === 6));
    const found = runTableRule(quarterlyThematic, dataset({ meetings: rows }), settings(), YEAR_2026);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "cell/quarterly-thematic", severity: "warning", row: rows[0].row });
    expect(found[0].message.vi).toContain("quý II năm 2026");
  });
  it("counts a combined meeting, and skips quarters not over yet", () => {
    const rows = [meeting({ date: day(2026, 2, 5), kind: "Thường kỳ kết hợp chuyên đề", topic: "x" })];
    const found = runTableRule(quarterlyThematic, dataset({ meetings: rows }), settings({ today: day(2026, 7, 1) }), YEAR_2026);
    expect(found.map((f) => f.message.vi)).toEqual([expect.stringContaining("quý II")]);
  });
  it("is silent with a clean year", () => {
    expect(runTableRule(quarterlyThematic, dataset({ meetings: fullYear("Chi bộ Thôn 1", "Xã Yên Lạc") }))).toEqual([]);
  });
});

describe("cell/quarterly-thematic pointing", () => {
  it("points at the later of two regular meetings in a month of the quarter", () => {
    const rows = fullYear("Chi bộ Thôn 1", "Xã Yên Lạc");
    const thematic = rows.find((m) => m.kind === "Chuyên đề" && m.date!.m === 9)!;
    thematic.kind = "Thường kỳ";
    const [f] = runTableRule(quarterlyThematic, dataset({ meetings: rows }), settings(), YEAR_2026);
    expect(f).toMatchObject({ row: thematic.row, column: "D" });
  });
});
