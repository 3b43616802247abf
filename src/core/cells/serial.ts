import { DayDate, dayNumber, fromDayNumber } from "../model";

/**
 * Excel date serials (1900 date system). Serial 1 is 1900-01-01. Excel keeps
 * Lotus 1-2-3's mistake of counting 29/02/1900, a day that never existed, as
 * serial 60; every serial after it is one day ahead of a true count from
 * 1900-01-01. So: serials 1..59 are January and February 1900, 60 is no day
 * at all, and 61 is 1900-03-01.
 */
export const LOTUS_LEAP_DAY_SERIAL = 60;
/** 9999-12-31, the last day Excel can show. */
export const MAX_EXCEL_SERIAL = 2958465;
/** Serial of 1970-01-01: dayNumber 0. */
const SERIAL_OF_1970 = 25569;
const FIRST_TRUE_SERIAL = 61;

export type SerialReading = { kind: "day"; day: DayDate } | { kind: "lotus-leap-day" } | { kind: "out-of-range" };

/** Half a millisecond, in days. */
const HALF_MS = 0.5 / 86_400_000;

/**
 * The day of a serial; a fraction (time of day) is dropped, as Excel's date
 * formats do. They round to the millisecond first, so a formula result a hair
 * short of midnight (45658.99999999999) shows, and is read, as the next day.
 */
export function serialToDay(serial: number): SerialReading {
  if (!Number.isFinite(serial)) return { kind: "out-of-range" };
  const whole = Math.floor(serial + HALF_MS);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL) return { kind: "out-of-range" };
  if (whole === LOTUS_LEAP_DAY_SERIAL) return { kind: "lotus-leap-day" };
  const shift = whole >= FIRST_TRUE_SERIAL ? SERIAL_OF_1970 : SERIAL_OF_1970 - 1;
  return { kind: "day", day: fromDayNumber(whole - shift) };
}

/** The serial Excel stores for a day; null before 1900-01-01 or after 9999-12-31 (Excel cannot hold them as dates). */
export function dayToSerial(d: DayDate): number | null {
  const n = dayNumber(d);
  const serial = n + SERIAL_OF_1970 >= FIRST_TRUE_SERIAL ? n + SERIAL_OF_1970 : n + SERIAL_OF_1970 - 1;
  return serial >= 1 && serial <= MAX_EXCEL_SERIAL ? serial : null;
}
