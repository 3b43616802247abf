import { meetingDuplicate } from "./meetingDuplicate";
import { dataset, meeting } from "../../../test/factories/records";
import { runTableRule } from "../../../test/factories/rules";
import { day } from "../model";

describe("meeting/duplicate", () => {
  it("flags the same cell, date and kind twice, at the repeat, pointing back", () => {
    const a = meeting({ row: 5 });
    const b = meeting({ row: 17, cell: "chi bộ  thôn 1" });
    const [f, ...rest] = runTableRule(meetingDuplicate, dataset({ meetings: [a, b] }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "meeting/duplicate", severity: "error", row: 17, relatedRows: [5] });
    expect(f.message.vi).toContain("dòng 5");
  });
  it("accepts a regular and a thematic meeting on one day, other days, other cells, other communes", () => {
    const rows = [
      meeting(), meeting({ kind: "Chuyên đề", topic: "x" }), meeting({ date: day(2026, 7, 6) }),
      meeting({ cell: "Chi bộ Thôn 2" }), meeting({ commune: "Xã Khác" }),
    ];
    expect(runTableRule(meetingDuplicate, dataset({ meetings: rows }))).toEqual([]);
  });
});
