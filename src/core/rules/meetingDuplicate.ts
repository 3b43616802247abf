import { MEETING_KINDS, MeetingKind, MeetingRecord, Text } from "../model";
import { meetingTimeKey } from "../facts";
import { cellIdsOf } from "./context";
import { rowRef } from "../text/rowRef";
import { colOf, makeFinding, valueOf } from "./finding";
import { meetingWhen } from "./rowRule";
import { defineRule } from "./rule";

const KIND_INDEX = new Map<MeetingKind, number>(MEETING_KINDS.values.map((k, i) => [k, i]));
const KIND_EN: Record<MeetingKind, string> = {
  "Thường kỳ": "regular",
  "Chuyên đề": "thematic",
  "Thường kỳ kết hợp chuyên đề": "combined regular and thematic",
};

/**
 * `meeting/duplicate`: the same cell, date and kind twice, which counts one
 * meeting twice in the summary. Each repeat is reported at its own row,
 * pointing back at the first. A tracker's month given without a day is its
 * own time (facts/calendar meetingTimeKey): two marks for one cell and month
 * are a repeat, a mark and a dated row of that month are not known to be.
 */
export const meetingDuplicate = defineRule({
  id: "meeting/duplicate",
  severities: ["error"],
  label: { vi: "Buổi sinh hoạt trùng", en: "Duplicate meeting" },
  checks: {
    vi: "Cùng chi bộ, cùng ngày và cùng loại sinh hoạt được ghi hai lần, nên bị đếm hai lần trong bảng tổng hợp.",
    en: "The same cell, date and kind of meeting entered twice, so the summary would count it twice.",
  },
  fix: null,
  settings: [],
  run: {
    table: (dataset, ctx, out) => {
      const ids = cellIdsOf(ctx, dataset.meetings);
      // A number key (cell id, time, kind) hashes far faster than a joined string over 155,000 rows.
      const first = new Map<number, MeetingRecord>();
      for (let i = 0; i < dataset.meetings.length; i++) {
        const m = dataset.meetings[i];
        if (ids[i] < 0 || m.kind === null) continue;
        const time = meetingTimeKey(m);
        if (time === null) continue;
        // Time keys stay below 5.5 million, so cell × 2^25 + time × 4 + kind is exact far past any province.
        const key = ids[i] * 33_554_432 + time * 4 + (KIND_INDEX.get(m.kind) ?? 3);
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, m);
          continue;
        }
        const when = meetingWhen(m) as Text;
        const where = rowRef(earlier.sheet, earlier.row, "vi", m.sheet);
        const whereEn = rowRef(earlier.sheet, earlier.row, "en", m.sheet);
        out.push(makeFinding({
          rule: "meeting/duplicate", severity: "error", sheet: m.sheet, row: m.row,
          col: colOf(m, "date", "cell"), ...valueOf(m, "date", "cell"),
          message: {
            vi: `Buổi sinh hoạt ${m.kind.toLowerCase()} của ${m.cell} ${when.vi} bị ghi hai lần (trùng với ${where}).`,
            en: `The ${KIND_EN[m.kind]} meeting of ${m.cell} ${when.en} is entered twice (same as ${whereEn}).`,
          },
          relatedRows: [earlier.row],
        }));
      }
    },
  },
});
