import { DayDate, MeetingRecord, Period, periodMonths, periodQuarters } from "../model";

/**
 * The calendar facts check and summary share: which months and quarters of a
 * period are over, and when a meeting was held. A meeting has a day (a list's
 * "Ngày sinh hoạt", a tracker cell holding a date) or, from a tracker's mark,
 * only a month or a quarter (`heldIn`); these read both, and never make a day up.
 */
type When = Pick<MeetingRecord, "date" | "heldIn">;

/** The year the meeting was held in, or null when the row gives none. */
export function meetingYear(m: When): number | null {
  if (m.date !== null) return m.date.y;
  return m.heldIn ? m.heldIn.y : null;
}

/** The month (1-12), or null when the row gives only a quarter or nothing. */
export function meetingMonth(m: When): number | null {
  if (m.date !== null) return m.date.m;
  return m.heldIn?.kind === "month" ? m.heldIn.m : null;
}

/** The quarter (1-4), or null when the row gives no time at all. */
export function meetingQuarter(m: When): 1 | 2 | 3 | 4 | null {
  const month = meetingMonth(m);
  if (month !== null) return (((month - 1) / 3 | 0) + 1) as 1 | 2 | 3 | 4;
  return m.heldIn?.kind === "quarter" ? m.heldIn.q : null;
}

/** The row says when the meeting was held: a day, a month or a quarter. */
export function hasMeetingTime(m: When): boolean {
  return m.date !== null || m.heldIn !== undefined;
}

/** The meeting falls in the period (a quarter-only meeting falls in its quarter and its year). */
export function meetingInPeriod(m: When, p: Period): boolean {
  if (meetingYear(m) !== p.year) return false;
  return p.kind === "year" || meetingQuarter(m) === p.quarter;
}

/**
 * A month is over, and its meeting can be missed, only once today is in a
 * later month: in November, December's meeting is not missing yet, and
 * neither is November's, even on 30/11, as a meeting held today is not in the
 * future (`meeting/future`).
 */
export function monthIsOver(year: number, month: number, today: DayDate): boolean {
  return year < today.y || (year === today.y && month < today.m);
}

export function quarterIsOver(year: number, quarter: number, today: DayDate): boolean {
  return monthIsOver(year, quarter * 3, today);
}

/** The months of the period that are over on `today`: the months a cell must have met in. */
export function monthsDue(p: Period, today: DayDate): number[] {
  return periodMonths(p).filter((m) => monthIsOver(p.year, m, today));
}

/** The quarters of the period that are over on `today`. */
export function quartersDue(p: Period, today: DayDate): Array<1 | 2 | 3 | 4> {
  return periodQuarters(p).filter((q) => quarterIsOver(p.year, q, today));
}

/** The period is over on `today`: every month of it is. */
export function periodIsOver(p: Period, today: DayDate): boolean {
  const months = periodMonths(p);
  return monthIsOver(p.year, months[months.length - 1], today);
}

/**
 * The meeting lies after today: its day does, or, for a month or quarter
 * given without a day, that month or quarter has not begun. A mark in the
 * current month is not in the future: the meeting may have been held already.
 */
export function isFutureMeeting(m: When, today: DayDate): boolean {
  const d = m.date;
  if (d !== null) return d.y * 10000 + d.m * 100 + d.d > today.y * 10000 + today.m * 100 + today.d;
  const h = m.heldIn;
  if (!h) return false;
  const firstMonth = h.kind === "month" ? h.m : h.q * 3 - 2;
  return h.y * 100 + firstMonth > today.y * 100 + today.m;
}

/**
 * One small integer per day, per month given without a day, and per quarter
 * given without a month, for grouping meetings: the same cell and kind with
 * the same key is one meeting entered twice. A month-only meeting never shares
 * a key with a dated one (the mark does not say which day it was). Null when
 * the row gives no time, or a year no meeting can have (outside 1000-9999).
 */
export function meetingTimeKey(m: When): number | null {
  let y: number;
  let slot: number;
  let d = 0;
  if (m.date !== null) {
    ({ y } = m.date);
    slot = m.date.m;
    d = m.date.d;
  } else if (m.heldIn) {
    y = m.heldIn.y;
    slot = m.heldIn.kind === "month" ? m.heldIn.m : 12 + m.heldIn.q;
  } else return null;
  if (y < 1000 || y > 9999) return null;
  // 17 slots (months 1-12, quarters 13-16) and 32 day values (0 = no day) per year.
  return (y * 17 + slot) * 32 + d;
}
