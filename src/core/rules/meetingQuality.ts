import { MeetingRecord, Settings } from "../model";
import { fieldFinding } from "./finding";
import { MeetingRowRule } from "./rowRule";

/**
 * Attendance as a percentage of the members who must attend (total − exempt),
 * or null when it cannot be computed. The summary uses the same function, so
 * "đạt yêu cầu chất lượng" means the same thing in both places.
 */
export function attendancePct(m: Pick<MeetingRecord, "present" | "total" | "exempt">): number | null {
  if (m.present === null || m.total === null) return null;
  const expected = m.total - (m.exempt ?? 0);
  return expected > 0 ? (m.present / expected) * 100 : null;
}

/** True when a meeting meets the quality standard of Hướng dẫn 12-HD/BTCTW, null when unknown. */
export function meetsQuality(m: Pick<MeetingRecord, "present" | "total" | "exempt" | "unexcused">, settings: Settings): boolean | null {
  if (m.unexcused !== null && m.unexcused > 0) return false;
  const pct = attendancePct(m);
  if (pct === null) return null;
  return pct > settings.qualityAttendancePct;
}

/**
 * `meeting/quality` (info): attendance of 85% or less, or somebody absent
 * without reason. One meeting in ten or so gets one, so the sentence names no
 * meeting (the row does) and is shared between meetings with the same figures.
 */
export const meetingQuality: MeetingRowRule = (m, ctx, out) => {
  // meetsQuality, inlined: this runs on every meeting row.
  const unexcused = m.unexcused !== null && m.unexcused > 0 ? m.unexcused : 0;
  const pct = attendancePct(m);
  const threshold = ctx.settings.qualityAttendancePct;
  const lowAttendance = pct !== null && pct <= threshold;
  if (!lowAttendance && unexcused === 0) return;
  const text = sentence(ctx.settings, lowAttendance ? Math.round((pct as number) * 100) : -1, unexcused);
  out.push(fieldFinding("meeting/quality", "info", m, lowAttendance ? PRESENT_FIRST : UNEXCUSED_FIRST, text.vi, text.en));
};

const PRESENT_FIRST: Array<"present" | "unexcused"> = ["present", "unexcused"];
const UNEXCUSED_FIRST: Array<"present" | "unexcused"> = ["unexcused", "present"];

const SENTENCES = new WeakMap<Settings, Map<number, { vi: string; en: string }>>();

/** The sentence for an attendance (in hundredths of a percent, -1 when it is fine) and a count of unexcused absences. */
function sentence(settings: Settings, pct100: number, unexcused: number): { vi: string; en: string } {
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
