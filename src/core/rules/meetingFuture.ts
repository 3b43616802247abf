import { compareDays, formatDay } from "../model";
import { fieldFinding } from "./finding";
import { MeetingRowRule } from "./rowRule";

/** `meeting/future`: a meeting dated after today has not happened; usually a mistyped year or a day/month swap. */
export const meetingFuture: MeetingRowRule = (m, ctx, out) => {
  if (m.date === null || compareDays(m.date, ctx.today) <= 0) return;
  const cell = m.cell ?? "(chưa rõ chi bộ)";
  out.push(fieldFinding("meeting/future", "error", m, ["date"],
    `${cell}: ngày sinh hoạt ${formatDay(m.date)} ở sau ngày hôm nay (${formatDay(ctx.today)}).`,
    `${m.cell ?? "(unknown cell)"}: the meeting date ${formatDay(m.date)} is after today (${formatDay(ctx.today)}).`));
};
