import { formatDay } from "../model";
import { isFutureMeeting } from "../facts";
import { fieldFinding } from "./finding";
import { MeetingRowRule, meetingWhen } from "./rowRule";

/**
 * `meeting/future`: a meeting dated after today has not happened; usually a
 * mistyped year or a day/month swap. A tracker's mark for a month that has not
 * begun is one too (facts/calendar isFutureMeeting).
 */
export const meetingFuture: MeetingRowRule = (m, ctx, out) => {
  if (!isFutureMeeting(m, ctx.today)) return;
  const cell = m.cell ?? "(chưa rõ chi bộ)";
  const when = m.date
    ? { vi: `ngày sinh hoạt ${formatDay(m.date)}`, en: `the meeting date ${formatDay(m.date)}` }
    : { vi: `buổi sinh hoạt ${meetingWhen(m)?.vi}`, en: `the meeting ${meetingWhen(m)?.en}` };
  out.push(fieldFinding("meeting/future", "error", m, ["date", "cell"],
    `${cell}: ${when.vi} ở sau ngày hôm nay (${formatDay(ctx.today)}).`,
    `${m.cell ?? "(unknown cell)"}: ${when.en} is after today (${formatDay(ctx.today)}).`));
};
