import { MeetingRecord, Period, RoundingMode, Settings, periodMonths } from "../model";
import { expectedAt, isRegular, isThematic, meetingMonth, meetingQuarter, meetingYear, meetsQuality, monthsDue, quartersDue } from "../facts";
import { countPct, formatPct, pctPointDiff } from "./pct";
import { DeltaCountPct, MeetingChange, MeetingMetrics, MonthFigures } from "./types";

/** A meeting placed in its commune (and cell, when known), ready to count. */
export interface PlacedMeeting {
  communeK: string;
  /** The cell's number in the summary's cell register, or -1 when the row names no cell. */
  cellId: number;
  rec: MeetingRecord;
}

/** Integer counters for table 3 in one commune. */
export interface MeetingCounts {
  cells: number;
  allMonthly: number;
  thematicEveryQuarter: number;
  meetings: number;
  present: number;
  expected: number;
  quality: number;
  upperAttended: number;
  fiveSteps: number;
  handbookPosted: number;
  online: number;
  tot: number;
  kha: number;
  trungBinh: number;
  kem: number;
}

export function emptyMeetingCounts(): MeetingCounts {
  return {
    cells: 0, allMonthly: 0, thematicEveryQuarter: 0, meetings: 0, present: 0, expected: 0, quality: 0,
    upperAttended: 0, fiveSteps: 0, handbookPosted: 0, online: 0, tot: 0, kha: 0, trungBinh: 0, kem: 0,
  };
}

export function addMeetingCounts(into: MeetingCounts, c: MeetingCounts): void {
  for (const k of Object.keys(into) as Array<keyof MeetingCounts>) into[k] += c[k];
}


export interface MeetingPeriodResult {
  byCommune: Map<string, MeetingCounts>;
  monthly: Map<number, { meetings: number; present: number; expected: number }>;
}

/**
 * Counts table 3 for one period. `cellsByCommune` is every cell each commune
 * has (CELLS and MEETINGS together, any date), so a cell that held no meeting at
 * all still counts as a cell that missed its monthly meetings. A cell must
 * have met in the months and quarters of the period that are over on the
 * settings' today (facts/calendar), as the check's cadence rules ask.
 */
export function countMeetings(
  meetings: readonly PlacedMeeting[],
  cellsByCommune: ReadonlyMap<string, readonly number[]>,
  cellCount: number,
  period: Period,
  settings: Settings,
): MeetingPeriodResult {
  const months = periodMonths(period);
  const allMonthsMask = monthsDue(period, settings.today).reduce((m, mo) => m | (1 << mo), 0);
  const allQuartersMask = quartersDue(period, settings.today).reduce((m, q) => m | (1 << q), 0);
  const byCommune = new Map<string, MeetingCounts>();
  const monthly = new Map<number, { meetings: number; present: number; expected: number }>();
  for (const mo of months) monthly.set(mo, { meetings: 0, present: 0, expected: 0 });
  // Bit masks per cell (month bits 1-12, quarter bits 1-4): typed arrays keep 155,000 meetings allocation-free.
  const regularMask = new Int32Array(cellCount);
  const thematicMask = new Int32Array(cellCount);
  const year = period.year;
  const quarter = period.kind === "quarter" ? period.quarter : 0;
  const threshold = settings.qualityAttendancePct;
  let lastK = "";
  let c: MeetingCounts = emptyMeetingCounts();
  const get = (k: string) => {
    let x = byCommune.get(k);
    if (!x) { x = emptyMeetingCounts(); byCommune.set(k, x); }
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
    if (pm.communeK !== lastK) { c = get(pm.communeK); lastK = pm.communeK; }
    c.meetings += 1;
    const mon = month === null ? undefined : monthly.get(month);
    if (mon) mon.meetings += 1;
    const expected = expectedAt(m);
    if (expected !== null && expected > 0 && m.present !== null) {
      c.present += m.present;
      c.expected += expected;
      if (mon) { mon.present += m.present; mon.expected += expected; }
    }
    if (meetsQuality(m, threshold) === true) c.quality += 1;
    if (m.upperAttended === true) c.upperAttended += 1;
    if (m.fiveSteps === true) c.fiveSteps += 1;
    if (m.handbookPosted === true) c.handbookPosted += 1;
    if (m.mode === "Trực tuyến") c.online += 1;
    switch (m.rating) {
      case "Tốt": c.tot += 1; break;
      case "Khá": c.kha += 1; break;
      case "Trung bình": c.trungBinh += 1; break;
      case "Kém": c.kem += 1; break;
      default: break;
    }
    if (pm.cellId >= 0) {
      if (isRegular(m.kind) && month !== null) regularMask[pm.cellId] |= 1 << month;
      if (isThematic(m.kind)) thematicMask[pm.cellId] |= 1 << q;
    }
  }
  for (const [communeK, cells] of cellsByCommune) {
    const x = get(communeK);
    x.cells += cells.length;
    for (const id of cells) {
      if ((regularMask[id] & allMonthsMask) === allMonthsMask) x.allMonthly += 1;
      if ((thematicMask[id] & allQuartersMask) === allQuartersMask) x.thematicEveryQuarter += 1;
    }
  }
  return { byCommune, monthly };
}

export function meetingMetrics(c: MeetingCounts, mode: RoundingMode): MeetingMetrics {
  const byCell = (n: number) => countPct(n, c.cells, mode);
  const byMeeting = (n: number) => countPct(n, c.meetings, mode);
  return {
    cells: c.cells,
    allMonthly: byCell(c.allMonthly),
    thematicEveryQuarter: byCell(c.thematicEveryQuarter),
    meetings: c.meetings,
    avgAttendancePct: formatPct(c.present, c.expected, mode),
    quality: byMeeting(c.quality),
    upperAttended: byMeeting(c.upperAttended),
    fiveSteps: byMeeting(c.fiveSteps),
    handbookPosted: byMeeting(c.handbookPosted),
    online: byMeeting(c.online),
    rating: { tot: byMeeting(c.tot), kha: byMeeting(c.kha), trungBinh: byMeeting(c.trungBinh), kem: byMeeting(c.kem) },
  };
}

function delta(now: { count: number; pct: number | null }, before: { count: number; pct: number | null }): DeltaCountPct {
  return { count: now.count - before.count, pct: pctPointDiff(now.pct, before.pct) };
}

export function meetingChange(now: MeetingMetrics, before: MeetingMetrics): MeetingChange {
  return {
    cells: now.cells - before.cells,
    allMonthly: delta(now.allMonthly, before.allMonthly),
    thematicEveryQuarter: delta(now.thematicEveryQuarter, before.thematicEveryQuarter),
    meetings: now.meetings - before.meetings,
    avgAttendancePct: pctPointDiff(now.avgAttendancePct, before.avgAttendancePct),
    quality: delta(now.quality, before.quality),
    upperAttended: delta(now.upperAttended, before.upperAttended),
    fiveSteps: delta(now.fiveSteps, before.fiveSteps),
    handbookPosted: delta(now.handbookPosted, before.handbookPosted),
    online: delta(now.online, before.online),
    rating: {
      tot: delta(now.rating.tot, before.rating.tot),
      kha: delta(now.rating.kha, before.rating.kha),
      trungBinh: delta(now.rating.trungBinh, before.rating.trungBinh),
      kem: delta(now.rating.kem, before.rating.kem),
    },
  };
}

export function monthFigures(monthly: MeetingPeriodResult["monthly"], mode: RoundingMode): MonthFigures[] {
  return [...monthly.entries()].map(([month, v]) => ({ month, meetings: v.meetings, avgAttendancePct: formatPct(v.present, v.expected, mode) }));
}
