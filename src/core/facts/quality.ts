import type { MeetingRecord } from "../model";
import { isRecorded } from "./recorded";

type Attendance = Pick<MeetingRecord, "present" | "total" | "exempt" | "excused" | "unexcused">;

/** Members expected at a meeting: total − exempt; null when the total is unreadable. */
export function expectedAt(m: Pick<MeetingRecord, "total" | "exempt">): number | null {
  if (m.total === null) return null;
  return m.total - (m.exempt ?? 0);
}

/**
 * Attendance as a percentage of the members who must attend (total − exempt),
 * or null when it cannot be computed (no present or total, or nobody expected).
 */
export function attendancePct(m: Pick<MeetingRecord, "present" | "total" | "exempt">): number | null {
  const expected = expectedAt(m);
  if (m.present === null || expected === null || expected <= 0) return null;
  return (m.present / expected) * 100;
}

/**
 * How many were absent without reason, as far as the row tells: the "Vắng
 * không lý do" column when it is read; otherwise what the other figures leave
 * no doubt about: nobody when everyone expected came, or when "Vắng có lý do"
 * covers every absence; the rest of the absentees when "Vắng có lý do" is read
 * and covers only some. Null when the row cannot say (18 of 20 present and no
 * column for either kind of absence).
 */
export function unexcusedAbsent(m: Attendance): number | null {
  if (m.unexcused !== null) return m.unexcused;
  const expected = expectedAt(m);
  if (m.present === null || expected === null) return null;
  const absent = expected - m.present;
  if (absent <= 0) return 0;
  if (m.excused !== null) return Math.max(0, absent - m.excused);
  return null;
}

/**
 * "Đạt yêu cầu chất lượng" (Hướng dẫn 12-HD/BTCTW, DOMAIN.md `meeting/quality`):
 * attendance above the threshold and nobody absent without reason.
 *
 * - false: attendance is at or below the threshold, or somebody was absent
 *   without reason; the check says so (`meeting/quality`), the summary does
 *   not count the meeting as meeting the standard;
 * - true: attendance is above the threshold and the row shows nobody absent
 *   without reason (see unexcusedAbsent);
 * - null: the row cannot tell (attendance unreadable, or absences that no
 *   column says were excused or not). Neither a finding nor a quality meeting:
 *   the summary reports such meetings as not known, never as failing.
 *
 * Compared in integers (present × 100 > threshold × expected), so 17 of 20 is
 * exactly 85% and does not pass an 85% threshold.
 */
export function meetsQuality(m: Attendance, thresholdPct: number): boolean | null {
  const unexcused = unexcusedAbsent(m);
  if (unexcused !== null && unexcused > 0) return false;
  const expected = expectedAt(m);
  if (m.present === null || expected === null || expected <= 0) return null;
  if (m.present * 100 <= thresholdPct * expected) return false;
  return unexcused === null ? null : true;
}

/**
 * The row's table records what quality needs: attendance (present and total)
 * and at least one kind of absence ("Vắng không lý do" or "Vắng có lý do").
 * A tracker, or a list with attendance but no absence column, does not: its
 * quality is not recorded, which is not the same as 0 meetings meeting it.
 */
export function qualityIsRecorded(m: MeetingRecord): boolean {
  return isRecorded(m, "present") && isRecorded(m, "total") && (isRecorded(m, "unexcused") || isRecorded(m, "excused"));
}
