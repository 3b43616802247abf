import { Settings, Text } from "../model";

type QualitySettings = Pick<Settings, "qualityAttendancePct">;
import { attendancePct, expectedAt, meetsQuality, unexcusedAbsent } from "../facts";
import { fieldFinding } from "./finding";
import { defineRule } from "./rule";

/**
 * `meeting/quality` (info): the meeting does not meet the quality standard
 * (facts/quality meetsQuality, the same test the summary counts with):
 * attendance of 85% or less, or somebody absent without reason. A meeting the
 * row cannot judge gets nothing. One meeting in ten or so gets one, so the
 * sentence names no meeting (the row does) and is shared between meetings
 * with the same figures.
 */
export const meetingQuality = defineRule({
  id: "meeting/quality",
  severities: ["info"],
  label: { vi: "Chưa đạt chất lượng", en: "Below the quality standard" },
  checks: {
    vi: "Tỷ lệ dự không vượt quá mức đạt chất lượng, hoặc có đảng viên vắng không lý do: buổi sinh hoạt chưa đạt yêu cầu chất lượng và không được tính là đạt trong bảng tổng hợp (Hướng dẫn 12-HD/BTCTW).",
    en: "Attendance not above the quality threshold, or somebody absent without reason: the meeting is below the quality standard and is not counted as meeting it in the summary (Guidance 12-HD/BTCTW).",
  },
  fix: null,
  settings: ["qualityAttendancePct"],
  run: {
    meeting: (m, ctx, out) => {
      const threshold = ctx.settings.qualityAttendancePct;
      if (meetsQuality(m, threshold) !== false) return;
      const unexcused = unexcusedAbsent(m) ?? 0;
      const pct = attendancePct(m);
      const expected = expectedAt(m) ?? 0;
      // The same integer comparison as meetsQuality, so a message never says "85,00%" of a meeting that passed.
      const lowAttendance = pct !== null && (m.present as number) * 100 <= threshold * expected;
      const text = sentence(ctx.settings, lowAttendance ? Math.round((pct as number) * 100) : -1, unexcused);
      out.push(fieldFinding("meeting/quality", "info", m, lowAttendance ? PRESENT_FIRST : UNEXCUSED_FIRST, text));
    },
  },
});

const PRESENT_FIRST: Array<"present" | "unexcused"> = ["present", "unexcused"];
const UNEXCUSED_FIRST: Array<"present" | "unexcused"> = ["unexcused", "present"];

const SENTENCES = new WeakMap<QualitySettings, Map<number, Text>>();

/** The sentence for an attendance (in hundredths of a percent, -1 when it is fine) and a count of unexcused absences. */
function sentence(settings: QualitySettings, pct100: number, unexcused: number): Text {
  let cache = SENTENCES.get(settings);
  if (!cache) SENTENCES.set(settings, (cache = new Map()));
  const key = (pct100 + 1) * 100_000 + unexcused;
  let text = cache.get(key);
  if (!text) {
    const threshold = settings.qualityAttendancePct;
    const vi: string[] = [];
    const en: string[] = [];
    if (pct100 >= 0) {
      const fixed = (pct100 / 100).toFixed(2);
      vi.push(`tỷ lệ dự ${fixed.replace(".", ",")}% không vượt quá ${threshold}%`);
      en.push(`attendance ${fixed}% is not above ${threshold}%`);
    }
    if (unexcused > 0) {
      vi.push(`${unexcused} đảng viên vắng không lý do`);
      en.push(`${unexcused} absent without reason`);
    }
    text = {
      vi: `Buổi sinh hoạt chưa đạt yêu cầu chất lượng (Hướng dẫn 12-HD/BTCTW): ${vi.join("; ")}.`,
      en: `The meeting does not meet the quality standard (Guidance 12-HD/BTCTW): ${en.join("; ")}.`,
    };
    cache.set(key, text);
  }
  return text;
}
