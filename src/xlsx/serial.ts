/**
 * Excel date serials. Serial 1 is 1900-01-01 and serial 60 is the non-existent
 * 29/02/1900, kept by Excel for Lotus 1-2-3 compatibility; so from 1900-03-01
 * on, serials count days since 1899-12-30, and before that since 1899-12-31.
 * Workbooks in the 1904 date system count from 1904-01-01 (serial 0), which is
 * 1,462 days later.
 */
const MS_PER_DAY = 86400000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const MARCH_1_1900 = Date.UTC(1900, 2, 1);
export const DATE1904_OFFSET = 1462;

/** A UTC date-time (as ExcelJS builds them) to its 1900-system serial; time of day as a fraction. */
export function dateToSerial(date: Date): number {
  const ms = date.getTime();
  const days = (ms - EPOCH_1899_12_30) / MS_PER_DAY;
  return ms < MARCH_1_1900 ? days - 1 : days;
}

/** A 1900-system serial back to a UTC Date (serial 60 has no real day: it gives 1900-02-28 as Excel's neighbour). */
export function serialToDate(serial: number): Date {
  const days = serial < 61 ? serial + 1 : serial;
  return new Date(EPOCH_1899_12_30 + Math.round(days * MS_PER_DAY));
}

/** The serial of a calendar day (month 1-based). */
export function daySerial(y: number, m: number, d: number): number {
  return dateToSerial(new Date(Date.UTC(y, m - 1, d)));
}
