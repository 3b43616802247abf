import { MeetingRecord, Period, RoundingMode, Settings, periodMonths } from "../model";
import { expectedAt, isRegular, isThematic, meetingMonth, meetingQuarter, meetingYear, monthsDue, quartersDue } from "../facts";
import type { CellPeriod, MeetingColumn } from "./columns";
import { MEETING_BITS } from "./coverage";
import { formatPct } from "./pct";
import { Tally } from "./tally";
import { MonthFigures } from "./types";

/** A meeting placed in its commune (and cell, when known), ready to count. */
export interface PlacedMeeting {
  communeK: string;
  /** The cell's number in the summary's cell register, or -1 when the row names no cell. */
  cellId: number;
  rec: MeetingRecord;
}

export interface MeetingPeriodResult {
  byCommune: Map<string, Tally>;
  monthly: Map<number, { meetings: number; present: number; expected: number }>;
}

/** The columns' counting functions by index, looked up once rather than per meeting. */
interface MeetingCounters {
  meetingShares: Array<[number, (m: MeetingRecord, s: Settings) => boolean]>;
  ratios: Array<[number, (m: MeetingRecord) => number | null, (m: MeetingRecord) => number | null]>;
  cellShares: Array<[number, (c: CellPeriod) => boolean]>;
}

function counters(columns: readonly MeetingColumn[]): MeetingCounters {
  const out: MeetingCounters = { meetingShares: [], ratios: [], cellShares: [] };
  columns.forEach((c, i) => {
    const m = c.measure;
    if (m.kind === "share" && m.of === "meetings") out.meetingShares.push([i, m.counts]);
    else if (m.kind === "share" && m.of === "cells") out.cellShares.push([i, m.counts]);
    else if (m.kind === "ratio") out.ratios.push([i, m.num, m.den]);
  });
  return out;
}

/**
 * Counts table 3 for one period. `cellsByCommune` is every cell each commune
 * has (CELLS and MEETINGS together, any date), so a cell that held no meeting at
 * all still counts as a cell that missed its monthly meetings. Only the months
 * and quarters over by `settings.today` are asked of a cell.
 */
export function countMeetings(
  meetings: readonly PlacedMeeting[],
  cellsByCommune: ReadonlyMap<string, readonly number[]>,
  cellCount: number,
  period: Period,
  settings: Settings,
  columns: readonly MeetingColumn[],
): MeetingPeriodResult {
  // The months and quarters over on today (facts/calendar), as the check's cadence rules ask them.
  const monthsMask = monthsDue(period, settings.today).reduce((m, mo) => m | (1 << mo), 0);
  const quartersMask = quartersDue(period, settings.today).reduce((m, q) => m | (1 << q), 0);
  const { meetingShares, ratios, cellShares } = counters(columns);
  const byCommune = new Map<string, Tally>();
  const monthly = new Map<number, { meetings: number; present: number; expected: number }>();
  for (const mo of periodMonths(period)) monthly.set(mo, { meetings: 0, present: 0, expected: 0 });
  // Bit masks per cell (month bits 1-12, quarter bits 1-4): typed arrays keep 155,000 meetings allocation-free.
  const regularMask = new Int32Array(cellCount);
  const thematicMask = new Int32Array(cellCount);
  const year = period.year;
  const quarter = period.kind === "quarter" ? period.quarter : 0;
  let lastK = "";
  let t = new Tally(columns.length);
  const get = (k: string) => {
    let x = byCommune.get(k);
    if (!x) { x = new Tally(columns.length); byCommune.set(k, x); }
    return x;
  };
  for (const pm of meetings) {
    const m = pm.rec;
    if (meetingYear(m) !== year) continue;
    const q = meetingQuarter(m) as number;
    if (quarter !== 0 && q !== quarter) continue;
    // A tracker's thematic mark may give the quarter only: such a meeting is in no month.
    const month = meetingMonth(m);
    // Meetings come grouped by commune, so the last commune's counters are usually the right ones.
    if (pm.communeK !== lastK) { t = get(pm.communeK); lastK = pm.communeK; }
    t.units += 1;
    t.cover.add(m.sheet, MEETING_BITS.maskOf(m));
    const mon = month === null ? undefined : monthly.get(month);
    if (mon) mon.meetings += 1;
    for (const [i, counts] of meetingShares) if (counts(m, settings)) t.num[i] += 1;
    for (const [i, num, den] of ratios) {
      const n = num(m);
      const e = den(m);
      if (n !== null && e !== null && e > 0) { t.num[i] += n; t.den[i] += e; }
    }
    const expected = expectedAt(m);
    if (mon && expected !== null && expected > 0 && m.present !== null) { mon.present += m.present; mon.expected += expected; }
    if (pm.cellId >= 0) {
      if (isRegular(m.kind) && month !== null) regularMask[pm.cellId] |= 1 << month;
      if (isThematic(m.kind)) thematicMask[pm.cellId] |= 1 << q;
    }
  }
  const cell: CellPeriod = { everyMonth: false, everyQuarter: false };
  for (const [communeK, cells] of cellsByCommune) {
    const x = get(communeK);
    x.cells += cells.length;
    for (const id of cells) {
      cell.everyMonth = monthsMask !== 0 && (regularMask[id] & monthsMask) === monthsMask;
      cell.everyQuarter = quartersMask !== 0 && (thematicMask[id] & quartersMask) === quartersMask;
      for (const [i, counts] of cellShares) if (counts(cell)) x.num[i] += 1;
    }
  }
  return { byCommune, monthly };
}

export function monthFigures(monthly: MeetingPeriodResult["monthly"], mode: RoundingMode): MonthFigures[] {
  return [...monthly.entries()].map(([month, v]) => ({ month, meetings: v.meetings, avgAttendancePct: formatPct(v.present, v.expected, mode) }));
}
