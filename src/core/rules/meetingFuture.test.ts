import { meetingFuture } from "./meetingFuture";
import { meeting, settings } from "../../../test/factories/records";
import { runMeetingRule } from "../../../test/factories/rules";
import { day } from "../model";

describe("meeting/future", () => {
  const s = settings({ today: day(2026, 11, 23) });
  it("flags a meeting dated after today", () => {
    const [f] = runMeetingRule(meetingFuture, meeting({ date: day(2026, 11, 24), row: 30 }), s);
    expect(f).toMatchObject({ rule: "meeting/future", severity: "error", row: 30, value: "24/11/2026" });
    expect(f.message.vi).toContain("23/11/2026");
  });
  it("accepts today and earlier, and undated meetings", () => {
    expect(runMeetingRule(meetingFuture, meeting({ date: day(2026, 11, 23) }), s)).toEqual([]);
    expect(runMeetingRule(meetingFuture, meeting({ date: day(2025, 12, 31) }), s)).toEqual([]);
    expect(runMeetingRule(meetingFuture, meeting({ date: null }), s)).toEqual([]);
  });
});
