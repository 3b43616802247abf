/**
 * Facts that more than one step needs, each defined once: check and summary
 * call these, so a clerk never sees the two disagree.
 *
 * - recorded: whether the workbook records a field at all ("not recorded" is never 0);
 * - quality: attendance, absences without reason, "đạt yêu cầu chất lượng";
 * - meetingKind: regular or thematic;
 * - calendar: a meeting's year, month and quarter (from a day, or a tracker's
 *   month or quarter), the months and quarters of a period that are over, the future;
 * - places: which rows are one commune and one cell.
 */
export { isRecorded, recordsKind } from "./recorded";
export { attendancePct, expectedAt, meetsQuality, qualityIsRecorded, unexcusedAbsent } from "./quality";
export { isRegular, isThematic } from "./meetingKind";
export {
  hasMeetingTime, isFutureMeeting, meetingInPeriod, meetingMonth, meetingQuarter, meetingTimeKey, meetingYear,
  monthIsOver, monthsDue, periodIsOver, quarterIsOver, quartersDue,
} from "./calendar";
export { Places } from "./places";
