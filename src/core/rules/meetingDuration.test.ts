import { meetingDuration } from "./meetingDuration";
import { meeting, settings } from "../../../test/factories/records";
import { runMeetingRule } from "../../../test/factories/rules";

describe("meeting/duration", () => {
  it("flags a regular meeting under 90 minutes as a warning", () => {
    const [f] = runMeetingRule(meetingDuration, meeting({ kind: "Thường kỳ", minutes: 60 }));
    expect(f).toMatchObject({ rule: "meeting/duration", severity: "warning", value: 60 });
    expect(f.message.vi).toContain("90");
  });
  it("asks 120 minutes of a combined meeting", () => {
    const [f] = runMeetingRule(meetingDuration, meeting({ kind: "Thường kỳ kết hợp chuyên đề", minutes: 100, topic: "x" }));
    expect(f.message.vi).toContain("120");
  });
  it("accepts the limits themselves, unknown durations, and follows the settings", () => {
    expect(runMeetingRule(meetingDuration, meeting({ kind: "Thường kỳ", minutes: 90 }))).toEqual([]);
    expect(runMeetingRule(meetingDuration, meeting({ kind: "Thường kỳ kết hợp chuyên đề", minutes: 120, topic: "x" }))).toEqual([]);
    expect(runMeetingRule(meetingDuration, meeting({ minutes: null }))).toEqual([]);
    expect(runMeetingRule(meetingDuration, meeting({ kind: "Thường kỳ", minutes: 60 }), settings({ minMinutes: 60 }))).toEqual([]);
  });
});
