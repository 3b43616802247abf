import { meetingQuality } from "./meetingQuality";
import { attendancePct, meetsQuality } from "../facts";
import { meeting, settings } from "../../../test/factories/records";
import { runMeetingRule } from "../../../test/factories/rules";

describe("meeting/quality", () => {
  it("flags attendance of 85% or less as info", () => {
    const m = meeting({ total: 20, exempt: 0, present: 17, excused: 3, unexcused: 0 });
    expect(attendancePct(m)).toBe(85);
    const [f] = runMeetingRule(meetingQuality, m);
    expect(f).toMatchObject({ rule: "meeting/quality", severity: "info" });
    expect(f.message.vi).toContain("85,00%");
  });
  it("flags anybody absent without reason, even with high attendance", () => {
    const [f] = runMeetingRule(meetingQuality, meeting({ total: 40, present: 39, excused: 0, unexcused: 1 }));
    expect(f.message.vi).toContain("vắng không lý do");
  });
  it("counts attendance against members who must attend (total − exempt)", () => {
    const m = meeting({ total: 20, exempt: 3, present: 16, excused: 1, unexcused: 0 });
    expect(meetsQuality(m, settings().qualityAttendancePct)).toBe(true);
    expect(runMeetingRule(meetingQuality, m)).toEqual([]);
  });
  it("stays silent when attendance is unknown", () => {
    expect(runMeetingRule(meetingQuality, meeting({ present: null, unexcused: null }))).toEqual([]);
  });
});
