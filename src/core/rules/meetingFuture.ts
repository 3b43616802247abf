import { formatDay } from "../model";
import { isFutureMeeting } from "../facts";
import { fieldFinding } from "./finding";
import { meetingWhen } from "./rowRule";
import { defineRule } from "./rule";

/**
 * `meeting/future`: a meeting dated after today has not happened; usually a
 * mistyped year or a day/month swap. A tracker's mark for a month that has not
 * begun is one too (facts/calendar isFutureMeeting).
 */
export const meetingFuture = defineRule({
  id: "meeting/future",
  severities: ["error"],
  label: { vi: "Ngày họp trong tương lai", en: "Meeting in the future" },
  checks: {
    vi: "Ngày sinh hoạt ở sau hôm nay (thường là gõ nhầm năm hoặc đảo ngày và tháng); cả dấu đánh cho một tháng chưa bắt đầu.",
    en: "The meeting's date is after today (usually a mistyped year, or day and month swapped); also a tracker's mark for a month that has not begun.",
  },
  fix: null,
  settings: [],
  run: {
    meeting: (m, ctx, out) => {
      if (!isFutureMeeting(m, ctx.today)) return;
      const cell = m.cell ?? "(chưa rõ chi bộ)";
      const when = m.date
        ? { vi: `ngày sinh hoạt ${formatDay(m.date)}`, en: `the meeting date ${formatDay(m.date)}` }
        : { vi: `buổi sinh hoạt ${meetingWhen(m)?.vi}`, en: `the meeting ${meetingWhen(m)?.en}` };
      out.push(fieldFinding("meeting/future", "error", m, ["date", "cell"], {
        vi: `${cell}: ${when.vi} ở sau ngày hôm nay (${formatDay(ctx.today)}).`,
        en: `${m.cell ?? "(unknown cell)"}: ${when.en} is after today (${formatDay(ctx.today)}).`,
      }));
    },
  },
});
