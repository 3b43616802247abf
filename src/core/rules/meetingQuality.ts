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
  if (meetsQuality(m, ctx.settings) !== false) return;
  const name = meetingName(m);
  const pct = attendancePct(m);
  const reasonsVi: string[] = [];
  const reasonsEn: string[] = [];
  const threshold = ctx.settings.qualityAttendancePct;
  if (pct !== null && pct <= threshold) {
    reasonsVi.push(`tỷ lệ dự ${pct.toFixed(2).replace(".", ",")}% không vượt quá ${threshold}%`);
    reasonsEn.push(`attendance ${pct.toFixed(2)}% is not above ${threshold}%`);
  }
  if (m.unexcused !== null && m.unexcused > 0) {
    reasonsVi.push(`${m.unexcused} đảng viên vắng không lý do`);
    reasonsEn.push(`${m.unexcused} absent without reason`);
  }
  const fields: Array<"present" | "unexcused"> = pct !== null && pct <= threshold ? ["present", "unexcused"] : ["unexcused", "present"];
  out.push(fieldFinding("meeting/quality", "info", m, fields,
    `${name.vi}: chưa đạt yêu cầu chất lượng (${reasonsVi.join("; ")}).`,
    `${name.en}: does not meet the quality standard (${reasonsEn.join("; ")}).`));
};
