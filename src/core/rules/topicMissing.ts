import { isRecorded, isThematic } from "../facts";
import { fieldFinding } from "./finding";
import { MeetingRowRule, meetingName } from "./rowRule";

/**
 * `meeting/topic-missing`: a thematic meeting (alone or combined with a regular
 * one) with no topic. Only where the sheet records topics: a list with no
 * topic column, or a tracker, does not say the topic is missing, it does not
 * record topics at all (facts/recorded).
 */
export const topicMissing: MeetingRowRule = (m, _ctx, out) => {
  if (!isThematic(m.kind) || !isRecorded(m, "topic")) return;
  if (m.topic !== null && m.topic.trim() !== "") return;
  const name = meetingName(m);
  out.push(fieldFinding("meeting/topic-missing", "warning", m, ["topic", "kind"],
    `${name.vi}: sinh hoạt chuyên đề nhưng không ghi chủ đề.`,
    `${name.en}: a thematic meeting with no topic.`));
};
