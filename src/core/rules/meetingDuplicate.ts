import { MEETING_KINDS, MeetingKind, MeetingRecord, dayNumber, formatDay } from "../model";

const KIND_INDEX = new Map<MeetingKind, number>(MEETING_KINDS.values.map((k, i) => [k, i]));
const KIND_EN: Record<MeetingKind, string> = {
  "Thường kỳ": "regular",
  "Chuyên đề": "thematic",
  "Thường kỳ kết hợp chuyên đề": "combined regular and thematic",
};
import { cellIdsOf } from "./context";
import { colOf, makeFinding, rawOf } from "./finding";
import { TableRule } from "./tableRule";

/**
 * `meeting/duplicate`: the same cell, date and kind twice, which counts one
 * meeting twice in the summary. Each repeat is reported at its own row,
 * pointing back at the first.
 */
export const meetingDuplicate: TableRule = (dataset, ctx, out) => {
  const ids = cellIdsOf(ctx, dataset.meetings);
  // A number key (cell id, day, kind) hashes far faster than a joined string over 155,000 rows.
  const first = new Map<number, MeetingRecord>();
  for (let i = 0; i < dataset.meetings.length; i++) {
    const m = dataset.meetings[i];
    if (ids[i] < 0 || m.date === null || m.kind === null) continue;
    const dn = dayNumber(m.date) + 50_000;
    if (dn < 0 || dn >= 200_000) continue; // outside 1833-2380: not a meeting date anyone can have held twice
    const key = (ids[i] * 200_000 + dn) * 4 + (KIND_INDEX.get(m.kind) ?? 3);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, m);
      continue;
    }
    const where = earlier.sheet === m.sheet ? `dòng ${earlier.row}` : `${earlier.sheet}!${earlier.row}`;
    const whereEn = earlier.sheet === m.sheet ? `row ${earlier.row}` : `${earlier.sheet}!${earlier.row}`;
    out.push(makeFinding({
      rule: "meeting/duplicate", severity: "error", sheet: m.sheet, row: m.row,
      col: colOf(m, "date", "cell"), value: rawOf(m, "date", "cell"),
      message: `Buổi sinh hoạt ${m.kind.toLowerCase()} của ${m.cell} ngày ${formatDay(m.date)} bị ghi hai lần (trùng với ${where}).`,
      messageEn: `The ${KIND_EN[m.kind]} meeting of ${m.cell} on ${formatDay(m.date)} is entered twice (same as ${whereEn}).`,
      relatedRows: [earlier.row],
    }));
  }
};
