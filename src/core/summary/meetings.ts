import { MeetingRecord, Period, RoundingMode, Settings, periodMonths, periodQuarters } from "../model";
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

/** Members expected at a meeting: total − exempt; null when the total is unreadable. */
export function expectedAt(m: MeetingRecord): number | null {
  if (m.total === null) return null;
  return m.total - (m.exempt ?? 0);
}

/**
 * "Đạt yêu cầu chất lượng" (Hướng dẫn 12-HD/BTCTW): attendance above the
 * threshold and nobody absent without reason. With no "vắng không lý do"
 * column, only full attendance proves nobody was absent without reason.
 */
export function meetsQuality(m: MeetingRecord, thresholdPct: number): boolean {
  const expected = expectedAt(m);
  if (expected === null || expected <= 0 || m.present === null) return false;
  const noUnexcused = m.unexcused !== null ? m.unexcused === 0 : m.present >= expected;
  return noUnexcused && m.present * 100 > thresholdPct * expected;
}

const isRegular = (m: MeetingRecord) => m.kind === "Thường kỳ" || m.kind === "Thường kỳ kết hợp chuyên đề";
const isThematic = (m: MeetingRecord) => m.kind === "Chuyên đề" || m.kind === "Thường kỳ kết hợp chuyên đề";

export interface MeetingPeriodResult {
  byCommune: Map<string, MeetingCounts>;
  monthly: Map<number, { meetings: number; present: number; expected: number }>;
}

/**
 * Counts table 3 for one period. `cellsByCommune` is every cell each commune
 * has (CELLS and MEETINGS together, any date), so a cell that held no meeting at
 * all still counts as a cell that missed its monthly meetings.
 */
export function countMeetings(
  meetings: readonly PlacedMeeting[],
  cellsByCommune: ReadonlyMap<string, readonly number[]>,
  cellCount: number,
  period: Period,
  settings: Settings,
): MeetingPeriodResult {
  const months = periodMonths(period);
  const quarters = periodQuarters(period);
  const allMonthsMask = months.reduce((m, mo) => m | (1 << mo), 0);
  const allQuartersMask = quarters.reduce((m, q) => m | (1 << q), 0);
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
    const d = m.date;
    if (d === null || d.y !== year) continue;
    const q = ((d.m - 1) / 3 | 0) + 1;
    if (quarter !== 0 && q !== quarter) continue;
    // Meetings come grouped by commune, so the last commune's counters are usually the right ones.
    if (pm.communeK !== lastK) { c = get(pm.communeK); lastK = pm.communeK; }
    c.meetings += 1;
    const mon = monthly.get(d.m);
    if (mon) mon.meetings += 1;
    const expected = expectedAt(m);
    if (expected !== null && expected > 0 && m.present !== null) {
      c.present += m.present;
      c.expected += expected;
      if (mon) { mon.present += m.present; mon.expected += expected; }
    }
    if (meetsQuality(m, threshold)) c.quality += 1;
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
      if (isRegular(m)) regularMask[pm.cellId] |= 1 << d.m;
      if (isThematic(m)) thematicMask[pm.cellId] |= 1 << q;
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
