import { DayDate, day } from "./dates";

/** A reporting period: one quarter of a year, or the whole year. */
export type Period =
  | { kind: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: "year"; year: number };

/** "2026-Q3" or "2026" (also "Q3/2026", "2026Q3"). Returns null when it is neither. */
export function parsePeriod(text: string): Period | null {
  const s = text.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) return { kind: "year", year: Number(m[1]) };
  m = /^(\d{4})\s*-?\s*Q([1-4])$/.exec(s) ?? null;
  if (m) return { kind: "quarter", year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  m = /^Q([1-4])\s*[/-]\s*(\d{4})$/.exec(s);
  if (m) return { kind: "quarter", year: Number(m[2]), quarter: Number(m[1]) as 1 | 2 | 3 | 4 };
  return null;
}

export function formatPeriod(p: Period): string {
  return p.kind === "year" ? String(p.year) : `${p.year}-Q${p.quarter}`;
}

const ROMAN = ["I", "II", "III", "IV"];

/** "Quý III năm 2026" / "Năm 2026". */
export function periodLabelVi(p: Period): string {
  return p.kind === "year" ? `Năm ${p.year}` : `Quý ${ROMAN[p.quarter - 1]} năm ${p.year}`;
}

export function periodLabelEn(p: Period): string {
  return p.kind === "year" ? `Year ${p.year}` : `Q${p.quarter} ${p.year}`;
}

/** The months (1-12) the period covers, in order. */
export function periodMonths(p: Period): number[] {
  if (p.kind === "year") return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const first = (p.quarter - 1) * 3 + 1;
  return [first, first + 1, first + 2];
}

/** The quarters (1-4) the period covers. */
export function periodQuarters(p: Period): Array<1 | 2 | 3 | 4> {
  return p.kind === "year" ? [1, 2, 3, 4] : [p.quarter];
}

export function periodStart(p: Period): DayDate {
  return day(p.year, periodMonths(p)[0], 1);
}

/** The last day of the period: ages are measured on this day (DOMAIN.md). */
export function periodEnd(p: Period): DayDate {
  const lastMonth = periodMonths(p)[periodMonths(p).length - 1];
  return day(p.year, lastMonth, new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate());
}

export function inPeriod(p: Period, d: DayDate): boolean {
  if (d.y !== p.year) return false;
  return p.kind === "year" || Math.ceil(d.m / 3) === p.quarter;
}

/** The same period one year earlier, for the "Cùng kỳ năm trước" column. */
export function previousYearPeriod(p: Period): Period {
  return { ...p, year: p.year - 1 };
}
