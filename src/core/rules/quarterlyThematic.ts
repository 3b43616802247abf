import { MeetingRecord, compareDays, inPeriod, periodQuarters } from "../model";
import { cellKeysOf } from "./context";
import { CellEntry, cellTitle, cellsToCover } from "./cellUniverse";
import { colOf, makeFinding, rawOf } from "./finding";
import { TableRule, isThematic, monthIsOver } from "./tableRule";

const ROMAN = ["I", "II", "III", "IV"];

/**
 * `cell/quarterly-thematic`: a cell held no thematic meeting in some quarter
 * of the period (Hướng dẫn 12-HD/BTCTW, 2018: at least one per quarter).
 */
export const quarterlyThematic: TableRule = (dataset, ctx, out) => {
  if (!ctx.tables.has("meetings")) return;
  const year = ctx.period.year;
  const quarters = periodQuarters(ctx.period).filter((q) => monthIsOver(year, q * 3, ctx.today));
  if (quarters.length === 0) return;
  const keys = cellKeysOf(ctx, dataset.meetings);
  const held = new Map<string, number>();
  // Plain regular meetings per cell, kept only to point a finding at a likely mislabelled one.
  const plain = new Map<string, MeetingRecord[]>();
  for (let i = 0; i < dataset.meetings.length; i++) {
    const m = dataset.meetings[i];
    const key = keys[i];
    if (key === null || m.date === null || !inPeriod(ctx.period, m.date)) continue;
    if (isThematic(m.kind)) held.set(key, (held.get(key) ?? 0) | (1 << Math.ceil(m.date.m / 3)));
    else if (m.kind === "Thường kỳ") {
      let list = plain.get(key);
      if (!list) plain.set(key, (list = []));
      list.push(m);
    }
  }
  for (const entry of cellsToCover(dataset, ctx, dataset.meetings).values()) {
    const bits = held.get(entry.key) ?? 0;
    for (const q of quarters) {
      if (bits & (1 << q)) continue;
      out.push(missingQuarter(entry, q, year, plain.get(entry.key) ?? []));
    }
  }
};

/**
 * Where to point a missing quarter: a month of it with two "regular" meetings
 * most likely holds the thematic one under the wrong kind, and the regular
 * meeting is the month's first; so the later one is pointed at (its kind cell).
 * Otherwise, the cell's first row.
 */
function missingQuarter(entry: CellEntry, q: number, year: number, plain: readonly MeetingRecord[]) {
  const title = cellTitle(entry);
  const base = {
    rule: "cell/quarterly-thematic" as const, severity: "warning" as const,
    message: `${title} không có buổi sinh hoạt chuyên đề nào trong quý ${ROMAN[q - 1]} năm ${year} (Hướng dẫn 12-HD/BTCTW).`,
    messageEn: `${title} held no thematic meeting in Q${q} ${year} (Guidance 12-HD/BTCTW).`,
  };
  let suspect: MeetingRecord | null = null;
  let twin: MeetingRecord | null = null;
  for (let month = q * 3 - 2; month <= q * 3 && suspect === null; month++) {
    const inMonth = plain.filter((m) => (m.date as { m: number }).m === month);
    if (inMonth.length < 2) continue;
    const sorted = [...inMonth].sort((a, b) => compareDays(a.date!, b.date!) || a.row - b.row);
    twin = sorted[0];
    suspect = sorted[sorted.length - 1];
  }
  if (suspect === null || twin === null) return makeFinding({ ...base, ...entry.anchor });
  return makeFinding({
    ...base,
    sheet: suspect.sheet, row: suspect.row, col: colOf(suspect, "kind"), value: rawOf(suspect, "kind"),
    message: base.message.replace(/\.$/, "") + `; tháng ${suspect.date!.m} có hai buổi thường kỳ, có thể buổi ở dòng này là sinh hoạt chuyên đề.`,
    messageEn: base.messageEn.replace(/\.$/, "") + `; month ${suspect.date!.m} has two regular meetings, and this one may be the thematic meeting.`,
    relatedRows: [twin.row],
  });
}
