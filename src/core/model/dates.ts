/** A calendar day. Months and days are 1-based, as people write them. */
export interface DayDate {
  kind: "day";
  y: number;
  m: number;
  d: number;
}

/** A year written alone, as birth years often are ("1975"). */
export interface YearOnly {
  kind: "year";
  y: number;
}

export type DateOrYear = DayDate | YearOnly;

/**
 * When a meeting was held, when the sheet gives no day: a wide tracker's mark
 * ("x" under "Tháng 3") says the month, a mark under a quarter's thematic
 * column says the quarter. No rule turns it into a day: a meeting on "1/3"
 * nobody wrote would be a fact the office never reported. core/facts/calendar
 * reads a meeting's year, month and quarter from its day or from this.
 */
export type HeldIn =
  | { kind: "month"; y: number; m: number }
  | { kind: "quarter"; y: number; q: 1 | 2 | 3 | 4 };

export function day(y: number, m: number, d: number): DayDate {
  return { kind: "day", y, m, d };
}

/** Days since 1970-01-01, for ordering and differences. */
export function dayNumber(date: DayDate): number {
  return Math.floor(Date.UTC(date.y, date.m - 1, date.d) / 86400000);
}

export function fromDayNumber(n: number): DayDate {
  const dt = new Date(n * 86400000);
  return day(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function isValidDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function compareDays(a: DayDate, b: DayDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Full years of age on `at`; a year alone counts as period year minus birth year (DOMAIN.md). */
export function ageAt(birth: DateOrYear, at: DayDate): number {
  if (birth.kind === "year") return at.y - birth.y;
  let age = at.y - birth.y;
  if (at.m < birth.m || (at.m === birth.m && at.d < birth.d)) age -= 1;
  return age;
}

export function formatDay(date: DateOrYear): string {
  if (date.kind === "year") return String(date.y);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(date.d)}/${p(date.m)}/${date.y}`;
}
