import { topicMissing } from "./topicMissing";
import { meeting } from "../../../test/factories/records";
import { runMeetingRule } from "../../../test/factories/rules";

describe("meeting/topic-missing", () => {
  it("flags thematic and combined meetings with no topic", () => {
    expect(runMeetingRule(topicMissing, meeting({ kind: "Chuyên đề", topic: null }))[0]).toMatchObject({ rule: "meeting/topic-missing", severity: "warning" });
    expect(runMeetingRule(topicMissing, meeting({ kind: "Thường kỳ kết hợp chuyên đề", topic: "  " }))).toHaveLength(1);
  });
  it("accepts a thematic meeting with a topic, and regular meetings without one", () => {
    expect(runMeetingRule(topicMissing, meeting({ kind: "Chuyên đề", topic: "Học tập và làm theo tư tưởng Hồ Chí Minh" }))).toEqual([]);
    expect(runMeetingRule(topicMissing, meeting({ kind: "Thường kỳ", topic: null }))).toEqual([]);
  });
});

describe("meeting/topic-missing where the sheet records no topic", () => {
  it("stays silent: a missing column is not a missing topic", () => {
    const cols = { cell: 1, date: 2, kind: 3 };
    expect(runMeetingRule(topicMissing, meeting({ kind: "Chuyên đề", topic: null, cols }))).toEqual([]);
  });
});
