import { MeetingRecord, dayNumber, formatDay } from "../model";
import { cellKeysOf } from "./context";
import { colOf, makeFinding, rawOf } from "./finding";
import { TableRule } from "./tableRule";

/**
 * `meeting/duplicate`: the same cell, date and kind twice, which counts one
 * meeting twice in the summary. Each repeat is reported at its own row,
 * pointing back at the first.
 */
export const meetingDuplicate: TableRule = (dataset, ctx, out) => {
  const keys = cellKeysOf(ctx, dataset.meetings);
  const first = new Map<string, MeetingRecord>();
  for (let i = 0; i < dataset.meetings.length; i++) {
    const m = dataset.meetings[i];
    const cellKey = keys[i];
    if (cellKey === null || m.date === null || m.kind === null) continue;
    const key = cellKey + "\u0002" + dayNumber(m.date) + "\u0002" + m.kind;
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
      messageEn: `The ${m.kind} meeting of ${m.cell} on ${formatDay(m.date)} is entered twice (same as ${whereEn}).`,
      relatedRows: [earlier.row],
    }));
  }
};
