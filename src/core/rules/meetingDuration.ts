import { fieldFinding } from "./finding";
import { MeetingRowRule, meetingName } from "./rowRule";

/**
 * `meeting/duration`: under 90 minutes, or under 120 when a regular and a
 * thematic meeting are held together (Hướng dẫn 42-HD/BTCTW, 28/10/2025).
 */
export const meetingDuration: MeetingRowRule = (m, ctx, out) => {
  if (m.minutes === null) return;
  const combined = m.kind === "Thường kỳ kết hợp chuyên đề";
  const min = combined ? ctx.settings.minMinutesCombined : ctx.settings.minMinutes;
  if (m.minutes >= min) return;
  const name = meetingName(m);
  out.push(fieldFinding("meeting/duration", "warning", m, ["minutes"],
    `${name.vi}: chỉ ${m.minutes} phút, dưới ${min} phút` +
      (combined ? " cho buổi thường kỳ kết hợp chuyên đề" : "") + " (Hướng dẫn 42-HD/BTCTW).",
    `${name.en}: only ${m.minutes} minutes, under ${min}` +
      (combined ? " for a combined regular and thematic meeting" : "") + " (Guidance 42-HD/BTCTW)."));
};
