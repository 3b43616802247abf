import { CadreRecord, Finding, MeetingRecord } from "../model";
import { CheckContext } from "./context";

/**
 * A row rule looks at one record and pushes what it finds. All row rules of a
 * table run inside one loop over the rows, so pushing into a shared array
 * keeps that loop free of per-row allocations.
 */
export type MeetingRowRule = (m: MeetingRecord, ctx: CheckContext, out: Finding[]) => void;
export type CadreRowRule = (c: CadreRecord, ctx: CheckContext, out: Finding[]) => void;

/** "Chi bộ Thôn 1, 05/07/2026": which meeting a message is about. */
export function meetingName(m: MeetingRecord): { vi: string; en: string } {
  const cell = m.cell ?? "(chưa rõ chi bộ)";
  const cellEn = m.cell ?? "(unknown cell)";
  const d = m.date;
  // Written out rather than through formatDay: one call per finding on up to 155,000 rows.
  const date = d ? (d.d < 10 ? "0" : "") + d.d + (d.m < 10 ? "/0" : "/") + d.m + "/" + d.y : null;
  return {
    vi: date ? `Buổi sinh hoạt của ${cell} ngày ${date}` : `Buổi sinh hoạt của ${cell}`,
    en: date ? `The meeting of ${cellEn} on ${date}` : `The meeting of ${cellEn}`,
  };
}

export function cadreName(c: CadreRecord): string {
  return c.name ?? "(chưa rõ họ tên)";
}
