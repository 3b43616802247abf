import { presentGtTotal } from "./presentGtTotal";
import { meeting } from "../../../test/factories/records";
import { runMeetingRule } from "../../../test/factories/rules";

describe("meeting/present-gt-total", () => {
  it("flags more present than members", () => {
    const [f] = runMeetingRule(presentGtTotal, meeting({ total: 20, present: 21, excused: 0, row: 9 }));
    expect(f).toMatchObject({ rule: "meeting/present-gt-total", severity: "error", row: 9, value: 21 });
    expect(f.message.vi).toContain("21");
  });
  it("accepts everybody present, and unknown counts", () => {
    expect(runMeetingRule(presentGtTotal, meeting({ total: 20, present: 20, excused: 0 }))).toEqual([]);
    expect(runMeetingRule(presentGtTotal, meeting({ total: null, present: 20 }))).toEqual([]);
  });
});
