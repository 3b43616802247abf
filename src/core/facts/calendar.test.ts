import { day } from "../model";
import {
  hasMeetingTime, isFutureMeeting, meetingInPeriod, meetingMonth, meetingQuarter, meetingTimeKey, meetingYear,
  monthIsOver, monthsDue, periodIsOver, quartersDue,
} from "./calendar";

const dated = (y: number, m: number, d: number) => ({ date: day(y, m, d) });
const month = (y: number, m: number) => ({ date: null, heldIn: { kind: "month" as const, y, m } });
const quarter = (y: number, q: 1 | 2 | 3 | 4) => ({ date: null, heldIn: { kind: "quarter" as const, y, q } });
const none = { date: null };

describe("a meeting's time, from a day or a tracker's month or quarter", () => {
  it("reads year, month and quarter", () => {
    expect([meetingYear(dated(2026, 5, 3)), meetingMonth(dated(2026, 5, 3)), meetingQuarter(dated(2026, 5, 3))]).toEqual([2026, 5, 2]);
    expect([meetingYear(month(2026, 12)), meetingMonth(month(2026, 12)), meetingQuarter(month(2026, 12))]).toEqual([2026, 12, 4]);
    expect([meetingYear(quarter(2026, 3)), meetingMonth(quarter(2026, 3)), meetingQuarter(quarter(2026, 3))]).toEqual([2026, null, 3]);
    expect([meetingYear(none), meetingMonth(none), meetingQuarter(none), hasMeetingTime(none)]).toEqual([null, null, null, false]);
  });
  it("places a month or a quarter in its period", () => {
    expect(meetingInPeriod(month(2026, 8), { kind: "quarter", year: 2026, quarter: 3 })).toBe(true);
    expect(meetingInPeriod(quarter(2026, 2), { kind: "quarter", year: 2026, quarter: 3 })).toBe(false);
    expect(meetingInPeriod(quarter(2026, 2), { kind: "year", year: 2026 })).toBe(true);
    expect(meetingInPeriod(none, { kind: "year", year: 2026 })).toBe(false);
  });
  it("never puts a month-only meeting in the future while its month runs, nor a day before today", () => {
    const today = day(2026, 11, 30);
    expect(isFutureMeeting(dated(2026, 11, 30), today)).toBe(false);
    expect(isFutureMeeting(dated(2026, 12, 1), today)).toBe(true);
    expect(isFutureMeeting(month(2026, 11), today)).toBe(false);
    expect(isFutureMeeting(month(2026, 12), today)).toBe(true);
    expect(isFutureMeeting(quarter(2026, 4), today)).toBe(false);
    expect(isFutureMeeting(quarter(2027, 1), today)).toBe(true);
    expect(isFutureMeeting(none, today)).toBe(false);
  });
  it("gives one key per day, per month without a day, and per quarter without a month", () => {
    const keys = [dated(2026, 3, 1), dated(2026, 3, 31), month(2026, 3), quarter(2026, 1), month(2025, 3), dated(2026, 4, 1)].map(meetingTimeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(meetingTimeKey(month(2026, 3))).toBe(meetingTimeKey(month(2026, 3)));
    expect(meetingTimeKey(none)).toBeNull();
  });
});

describe("which months of a period are over", () => {
  it("a month is over once today is in a later month (30/11 leaves November open)", () => {
    expect(monthIsOver(2026, 10, day(2026, 11, 30))).toBe(true);
    expect(monthIsOver(2026, 11, day(2026, 11, 30))).toBe(false);
    expect(monthIsOver(2025, 12, day(2026, 1, 1))).toBe(true);
  });
  it("lists the months and quarters due", () => {
    const today = day(2026, 11, 30);
    expect(monthsDue({ kind: "year", year: 2026 }, today)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(quartersDue({ kind: "year", year: 2026 }, today)).toEqual([1, 2, 3]);
    expect(monthsDue({ kind: "quarter", year: 2026, quarter: 4 }, today)).toEqual([10]);
    expect(monthsDue({ kind: "year", year: 2025 }, today)).toHaveLength(12);
    expect([periodIsOver({ kind: "year", year: 2026 }, today), periodIsOver({ kind: "quarter", year: 2026, quarter: 3 }, today)]).toEqual([false, true]);
  });
});
