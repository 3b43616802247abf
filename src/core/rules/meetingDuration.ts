import { fieldFinding } from "./finding";
import { meetingName } from "./rowRule";
import { defineRule } from "./rule";

/**
 * `meeting/duration`: under 90 minutes, or under 120 when a regular and a
 * thematic meeting are held together (Hướng dẫn 42-HD/BTCTW, 28/10/2025).
 */
export const meetingDuration = defineRule({
  id: "meeting/duration",
  severities: ["warning"],
  label: { vi: "Thời lượng sinh hoạt", en: "Meeting duration" },
  checks: {
    vi: "Buổi sinh hoạt ngắn hơn thời lượng tối thiểu, hoặc ngắn hơn thời lượng khi kết hợp chuyên đề với buổi thường kỳ kết hợp chuyên đề (Hướng dẫn 42-HD/BTCTW).",
    en: "A meeting shorter than the minimum duration, or shorter than the combined duration when a regular and a thematic meeting are held together (Guidance 42-HD/BTCTW).",
  },
  fix: null,
  settings: ["minMinutes", "minMinutesCombined"],
  run: {
    meeting: (m, ctx, out) => {
      if (m.minutes === null) return;
      const combined = m.kind === "Thường kỳ kết hợp chuyên đề";
      const min = combined ? ctx.settings.minMinutesCombined : ctx.settings.minMinutes;
      if (m.minutes >= min) return;
      const name = meetingName(m);
      out.push(fieldFinding("meeting/duration", "warning", m, ["minutes"],
        {
          vi: `${name.vi}: chỉ ${m.minutes} phút, dưới ${min} phút` +
          (combined ? " cho buổi thường kỳ kết hợp chuyên đề" : "") + " (Hướng dẫn 42-HD/BTCTW).",
          en: `${name.en}: only ${m.minutes} minutes, under ${min}` +
          (combined ? " for a combined regular and thematic meeting" : "") + " (Guidance 42-HD/BTCTW).",
        }));
    },
  },
});
