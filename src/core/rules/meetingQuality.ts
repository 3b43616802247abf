import { MeetingRecord, Settings } from "../model";
import { fieldFinding } from "./finding";
import { MeetingRowRule, meetingName } from "./rowRule";

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

/** `meeting/quality` (info): attendance of 85% or less, or somebody absent without reason. */
export const meetingQuality: MeetingRowRule = (m, ctx, out) => {
  // Inlined meetsQuality: this runs on every meeting row, and builds one finding for one meeting in ten.
  const unexcused = m.unexcused !== null && m.unexcused > 0 ? m.unexcused : 0;
  const pct = attendancePct(m);
  const threshold = ctx.settings.qualityAttendancePct;
  const lowAttendance = pct !== null && pct <= threshold;
  if (!lowAttendance && unexcused === 0) return;
  const name = meetingName(m);
  let vi = "";
  let en = "";
  if (lowAttendance) {
    const fixed = (pct as number).toFixed(2);
    vi = `tỷ lệ dự ${fixed.replace(".", ",")}% không vượt quá ${threshold}%`;
    en = `attendance ${fixed}% is not above ${threshold}%`;
  }
  if (unexcused > 0) {
    vi += (vi ? "; " : "") + `${unexcused} đảng viên vắng không lý do`;
    en += (en ? "; " : "") + `${unexcused} absent without reason`;
  }
  out.push(fieldFinding("meeting/quality", "info", m, lowAttendance ? PRESENT_FIRST : UNEXCUSED_FIRST,
    `${name.vi}: chưa đạt yêu cầu chất lượng (${vi}).`,
    `${name.en}: does not meet the quality standard (${en}).`));
};

const PRESENT_FIRST: Array<"present" | "unexcused"> = ["present", "unexcused"];
const UNEXCUSED_FIRST: Array<"present" | "unexcused"> = ["unexcused", "present"];
