import { CellValue, DateOrYear, DayDate, Text, day, isValidDay } from "../model";
import { because, excelErrorProblem, isErrorValue, squash } from "./common";
import { BLANK, CellProblem, ParseResult, fail, ok } from "./result";
import { dayToSerial, serialToDay } from "./serial";

/** Years a date in these sheets can plausibly have; anything else is a typo, not a date to report on. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR = /^(\d{4})$/;

/** Two-digit years as Excel reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
export function expandTwoDigitYear(yy: number): number {
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

export type DateTextReading =
  | { kind: "day"; day: DayDate }
  | { kind: "year"; y: number }
  | { kind: "bad"; detail: Text };

const NO_SUCH_DAY: DateTextReading = { kind: "bad", detail: { vi: "không có ngày này", en: "there is no such day" } };
const YEAR_OUT_OF_RANGE: DateTextReading = {
  kind: "bad",
  detail: { vi: `năm phải trong khoảng ${MIN_YEAR}–${MAX_YEAR}`, en: `the year must be within ${MIN_YEAR}–${MAX_YEAR}` },
};

function checkedDay(y: number, m: number, d: number): DateTextReading {
  if (!isValidDay(y, m, d)) return NO_SUCH_DAY;
  if (y < MIN_YEAR || y > MAX_YEAR) return YEAR_OUT_OF_RANGE;
  return { kind: "day", day: day(y, m, d) };
}

/**
 * A date written as text. Always day first, as in Vietnam: "dd/mm/yyyy",
 * "d/m/yy", "dd-mm-yyyy", "dd.mm.yyyy", or "yyyy-mm-dd"; a year alone only
 * when the caller allows it (birth years). An impossible day is reported,
 * never moved to a nearby one.
 */
export function readDateText(text: string, allowYear: boolean): DateTextReading | null {
  const t = squash(text);
  let m = DAY_FIRST.exec(t);
  if (m) {
    const y = m[4].length === 2 ? expandTwoDigitYear(Number(m[4])) : Number(m[4]);
    return checkedDay(y, Number(m[3]), Number(m[1]));
  }
  m = ISO.exec(t);
  if (m) return checkedDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YEAR.exec(t);
  if (m && allowYear) {
    const y = Number(m[1]);
    if (y < MIN_YEAR || y > MAX_YEAR) return YEAR_OUT_OF_RANGE;
    return { kind: "year", y };
  }
  return null;
}

/** A serial number as a day, with the Lotus leap day and out-of-range serials as problems. */
export function readSerial(serial: number): { day: DayDate } | CellProblem {
  const r = serialToDay(serial);
  if (r.kind === "lotus-leap-day") {
    return because("type/date", "ngày 29/02/1900 không có thật (lỗi năm nhuận của Excel)", "29/02/1900 never existed (Excel's 1900 leap-year bug)");
  }
  if (r.kind === "out-of-range" || r.day.y < MIN_YEAR || r.day.y > MAX_YEAR) {
    return because("type/date", `không phải ngày nào trong các năm ${MIN_YEAR}–${MAX_YEAR}`, `not a day in the years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return { day: r.day };
}

/**
 * The fix for a date typed as text: its serial, so that "Sửa tự động" makes it a real Excel date.
 * No detail: the message ("... được ghi dạng văn bản") already says all there is.
 */
function textDateProblem(d: DayDate): CellProblem[] {
  const serial = dayToSerial(d);
  return serial === null ? [] : [{ code: "type/date", fix: serial }];
}

/** What to write instead, for text that is no date at all. */
const NOT_A_DATE = because("type/date", "cần ghi ngày dạng ngày/tháng/năm, ví dụ 05/07/1975", "write the date as day/month/year, e.g. 05/07/1975");

const YEAR_ALONE = because("type/date", "chỉ có năm, cần ghi đủ ngày/tháng/năm, ví dụ 05/07/2025", "a year alone; write the full day/month/year, e.g. 05/07/2025");

function parseDateLike(v: CellValue, allowYear: boolean): ParseResult<DateOrYear> {
  if (typeof v === "number") {
    // A birth column holding 1975 means the year, not serial 1975 (28/05/1905).
    if (Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR) {
      if (allowYear) return ok({ kind: "year", y: v });
      // Elsewhere a whole day is needed, and serial 2025 (17/07/1905) is no day anyone meant:
      // it is a year typed alone, an error as the text "2025" is, never a silent 1905.
      return fail(YEAR_ALONE);
    }
    const r = readSerial(v);
    return "day" in r ? ok(r.day) : fail(r);
  }
  if (typeof v === "boolean") return fail(NOT_A_DATE);
  if (isErrorValue(v)) return fail(excelErrorProblem("type/date", v));
  if (squash(v) === "") return BLANK;
  const r = readDateText(v, allowYear);
  if (r === null) return fail(NOT_A_DATE);
  if (r.kind === "bad") return fail({ code: "type/date", detail: r.detail });
  if (r.kind === "year") return ok({ kind: "year", y: r.y });
  return ok(r.day, textDateProblem(r.day));
}

/** `date` fields: a day, from a serial or from day-first text. */
export function parseDate(v: CellValue): ParseResult<DayDate> {
  return parseDateLike(v, false) as ParseResult<DayDate>;
}

/** `birth` fields: a day, or a year alone ("1975" or 1975). */
export function parseBirth(v: CellValue): ParseResult<DateOrYear> {
  return parseDateLike(v, true);
}
