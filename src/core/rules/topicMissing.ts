import { fieldFinding } from "./finding";
import { MeetingRowRule, meetingName } from "./rowRule";

/** `meeting/topic-missing`: a thematic meeting (alone or combined with a regular one) with no topic. */
export const topicMissing: MeetingRowRule = (m, _ctx, out) => {
  if (m.kind !== "Chuyên đề" && m.kind !== "Thường kỳ kết hợp chuyên đề") return;
  if (m.topic !== null && m.topic.trim() !== "") return;
  const name = meetingName(m);
  out.push(fieldFinding("meeting/topic-missing", "warning", m, ["topic", "kind"],
    `${name.vi}: sinh hoạt chuyên đề nhưng không ghi chủ đề.`,
    `${name.en}: a thematic meeting with no topic.`));
};
