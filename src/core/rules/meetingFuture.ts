import { formatDay } from "../model";
import { fieldFinding } from "./finding";
import { MeetingRowRule } from "./rowRule";

/** `meeting/future`: a meeting dated after today has not happened; usually a mistyped year or a day/month swap. */
export const meetingFuture: MeetingRowRule = (m, ctx, out) => {
  const d = m.date;
  // Compared as yyyymmdd numbers: this runs on every meeting row.
  if (d === null || d.y * 10000 + d.m * 100 + d.d <= ctx.today.y * 10000 + ctx.today.m * 100 + ctx.today.d) return;
  const cell = m.cell ?? "(chưa rõ chi bộ)";
  out.push(fieldFinding("meeting/future", "error", m, ["date"],
    `${cell}: ngày sinh hoạt ${formatDay(d)} ở sau ngày hôm nay (${formatDay(ctx.today)}).`,
    `${m.cell ?? "(unknown cell)"}: the meeting date ${formatDay(d)} is after today (${formatDay(ctx.today)}).`));
};
