import { inPeriod, periodQuarters } from "../model";
import { cellKeysOf } from "./context";
import { cellTitle, cellsToCover } from "./cellUniverse";
import { makeFinding } from "./finding";
import { TableRule, isThematic, monthIsOver } from "./tableRule";

const ROMAN = ["I", "II", "III", "IV"];

/**
 * `cell/quarterly-thematic`: a cell held no thematic meeting in some quarter
 * of the period (Hướng dẫn 12-HD/BTCTW, 2018: at least one per quarter).
 */
export const quarterlyThematic: TableRule = (dataset, ctx, out) => {
  if (!ctx.tables.has("meetings")) return;
  const quarters = periodQuarters(ctx.period).filter((q) => monthIsOver(ctx.period.year, q * 3, ctx.today));
  if (quarters.length === 0) return;
  const keys = cellKeysOf(ctx, dataset.meetings);
  const held = new Map<string, number>();
  for (let i = 0; i < dataset.meetings.length; i++) {
    const m = dataset.meetings[i];
    const key = keys[i];
    if (key === null || m.date === null || !isThematic(m.kind) || !inPeriod(ctx.period, m.date)) continue;
    held.set(key, (held.get(key) ?? 0) | (1 << Math.ceil(m.date.m / 3)));
  }
  for (const entry of cellsToCover(dataset, ctx, dataset.meetings).values()) {
    const bits = held.get(entry.key) ?? 0;
    for (const q of quarters) {
      if (bits & (1 << q)) continue;
      const title = cellTitle(entry);
      out.push(makeFinding({
        rule: "cell/quarterly-thematic", severity: "warning", ...entry.anchor,
        message: `${title} không có buổi sinh hoạt chuyên đề nào trong quý ${ROMAN[q - 1]} năm ${ctx.period.year} (Hướng dẫn 12-HD/BTCTW).`,
        messageEn: `${title} held no thematic meeting in Q${q} ${ctx.period.year} (Guidance 12-HD/BTCTW).`,
      }));
    }
  }
};
