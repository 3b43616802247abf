import { isRecorded, isThematic } from "../facts";
import { fieldFinding } from "./finding";
import { meetingName } from "./rowRule";
import { defineRule } from "./rule";

/**
 * `meeting/topic-missing`: a thematic meeting (alone or combined with a regular
 * one) with no topic. Only where the sheet records topics: a list with no
 * topic column, or a tracker, does not say the topic is missing, it does not
 * record topics at all (facts/recorded).
 */
export const topicMissing = defineRule({
  id: "meeting/topic-missing",
  severities: ["warning"],
  label: { vi: "Thiếu chủ đề chuyên đề", en: "Thematic topic missing" },
  checks: {
    vi: "Buổi sinh hoạt chuyên đề (riêng hoặc kết hợp) không ghi chủ đề, ở trang có cột chủ đề.",
    en: "A thematic meeting (alone or combined) with no topic, on a sheet that has a topic column.",
  },
  fix: null,
  settings: [],
  run: {
    meeting: (m, _ctx, out) => {
      if (!isThematic(m.kind) || !isRecorded(m, "topic")) return;
      if (m.topic !== null && m.topic.trim() !== "") return;
      const name = meetingName(m);
      out.push(fieldFinding("meeting/topic-missing", "warning", m, ["topic", "kind"], {
        vi: `${name.vi}: sinh hoạt chuyên đề nhưng không ghi chủ đề.`,
        en: `${name.en}: a thematic meeting with no topic.`,
      }));
    },
  },
});
