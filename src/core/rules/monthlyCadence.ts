import { inPeriod, periodMonths } from "../model";
import { cellKeysOf } from "./context";
import { cellTitle, cellsToCover } from "./cellUniverse";
import { makeFinding } from "./finding";
import { TableRule, isRegular, monthIsOver } from "./tableRule";

/**
 * `cell/monthly`: a cell held no regular meeting in some month of the period
 * (Điều lệ Đảng, art. 24: one every month). One finding per cell and missing
 * month, at the cell's first meeting row (or its CELLS row when it has none).
 */
export const monthlyCadence: TableRule = (dataset, ctx, out) => {
  if (!ctx.tables.has("meetings")) return;
  const months = periodMonths(ctx.period).filter((m) => monthIsOver(ctx.period.year, m, ctx.today));
  if (months.length === 0) return;
  const keys = cellKeysOf(ctx, dataset.meetings);
  // Bit m set: the cell met regularly in month m.
  const held = new Map<string, number>();
  for (let i = 0; i < dataset.meetings.length; i++) {
    const m = dataset.meetings[i];
    const key = keys[i];
    if (key === null || m.date === null || !isRegular(m.kind) || !inPeriod(ctx.period, m.date)) continue;
    held.set(key, (held.get(key) ?? 0) | (1 << m.date.m));
  }
  for (const entry of cellsToCover(dataset, ctx, dataset.meetings).values()) {
    const bits = held.get(entry.key) ?? 0;
    for (const month of months) {
      if (bits & (1 << month)) continue;
      const title = cellTitle(entry);
      out.push(makeFinding({
        rule: "cell/monthly", severity: "error", ...entry.anchor,
        message: `${title} không sinh hoạt thường kỳ trong tháng ${month}/${ctx.period.year} (Điều lệ Đảng, Điều 24).`,
        messageEn: `${title} held no regular meeting in ${month}/${ctx.period.year} (Party Statute, art. 24).`,
      }));
    }
  }
};
