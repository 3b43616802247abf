import { MeetingRecord, periodMonths } from "../model";
import { cellKeysOf } from "./context";
import { CellEntry, cellTitle, cellsToCover } from "./cellUniverse";
import { colOf, makeFinding, rawOf } from "./finding";
import { TableRule, isRegular, monthIsOver } from "./tableRule";

/**
 * `cell/monthly`: a cell held no regular meeting in some month of the period
 * (Điều lệ Đảng, art. 24: one every month). One finding per cell and missing month.
 */
export const monthlyCadence: TableRule = (dataset, ctx, out) => {
  if (!ctx.tables.has("meetings")) return;
  const year = ctx.period.year;
  const months = periodMonths(ctx.period).filter((m) => monthIsOver(year, m, ctx.today));
  if (months.length === 0) return;
  const keys = cellKeysOf(ctx, dataset.meetings);
  // The year's regular meetings per cell (a quarter's neighbours can lie outside it), by month.
  const regular = new Map<string, MeetingRecord[]>();
  for (let i = 0; i < dataset.meetings.length; i++) {
    const m = dataset.meetings[i];
    const key = keys[i];
    if (key === null || m.date === null || m.date.y !== year || !isRegular(m.kind)) continue;
    let list = regular.get(key);
    if (!list) regular.set(key, (list = []));
    list.push(m);
  }
  for (const entry of cellsToCover(dataset, ctx, dataset.meetings).values()) {
    const list = regular.get(entry.key) ?? [];
    let bits = 0;
    for (const m of list) bits |= 1 << (m.date as { m: number }).m;
    for (const month of months) {
      if (bits & (1 << month)) continue;
      out.push(missingMonth(entry, month, year, list));
    }
  }
};

/**
 * Where to point a missing month: when a neighbouring month holds two regular
 * meetings, one of them is most likely this month's, dated wrongly. In a sheet
 * kept in date order, that is the earlier row of the month after, or the later
 * row of the month before. Otherwise, the cell's first row.
 */
function missingMonth(entry: CellEntry, month: number, year: number, regular: readonly MeetingRecord[]) {
  const inMonth = (mm: number) => regular.filter((m) => (m.date as { m: number }).m === mm);
  const after = inMonth(month + 1);
  const before = inMonth(month - 1);
  let suspect: MeetingRecord | null = null;
  if (after.length >= 2) suspect = after.reduce((a, b) => (b.row < a.row ? b : a));
  else if (before.length >= 2) suspect = before.reduce((a, b) => (b.row > a.row ? b : a));
  const title = cellTitle(entry);
  const base = {
    rule: "cell/monthly" as const, severity: "error" as const,
    message: `${title} không sinh hoạt thường kỳ trong tháng ${month}/${year} (Điều lệ Đảng, Điều 24).`,
    messageEn: `${title} held no regular meeting in ${month}/${year} (Party Statute, art. 24).`,
  };
  if (suspect === null) return makeFinding({ ...base, ...entry.anchor });
  const other = (suspect.date as { m: number }).m;
  const twins = inMonth(other).filter((m) => m !== suspect).map((m) => m.row);
  return makeFinding({
    ...base,
    sheet: suspect.sheet, row: suspect.row, col: colOf(suspect, "date"), value: rawOf(suspect, "date"),
    message: base.message.replace(/\.$/, "") + `; tháng ${other} có hai buổi thường kỳ, có thể buổi ở dòng này bị ghi nhầm ngày.`,
    messageEn: base.messageEn.replace(/\.$/, "") + `; month ${other} has two regular meetings, and this row's date may be wrong.`,
    relatedRows: twins,
  });
}
