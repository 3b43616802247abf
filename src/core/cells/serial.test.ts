import { day } from "../model";
import { dayToSerial, serialToDay } from "./serial";

describe("Excel serials", () => {
  it.each([
    [1, day(1900, 1, 1)],
    [31, day(1900, 1, 31)],
    [59, day(1900, 2, 28)],
    [61, day(1900, 3, 1)],
    [25569, day(1970, 1, 1)],
    [36526, day(2000, 1, 1)],
    [45658, day(2025, 1, 1)],
    [45716, day(2025, 2, 28)],
    [2958465, day(9999, 12, 31)],
  ])("serial %d is %j and back", (serial, d) => {
    expect(serialToDay(serial)).toEqual({ kind: "day", day: d });
    expect(dayToSerial(d)).toBe(serial);
  });

  it("treats serial 60, Lotus's 29/02/1900, as no day at all", () => {
    expect(serialToDay(60)).toEqual({ kind: "lotus-leap-day" });
    expect(serialToDay(60.5)).toEqual({ kind: "lotus-leap-day" });
  });

  it("drops the time of day", () => {
    expect(serialToDay(45658.75)).toEqual({ kind: "day", day: day(2025, 1, 1) });
  });

  it.each([0, -1, 0.5, 2958466, NaN, Infinity])("rejects %d", (s) => {
    expect(serialToDay(s)).toEqual({ kind: "out-of-range" });
  });

  it("has no serial before 1900 or after 9999", () => {
    expect(dayToSerial(day(1899, 12, 31))).toBeNull();
    expect(dayToSerial(day(10000, 1, 1))).toBeNull();
  });

  it("round-trips every day of 1900-1901 and a sample of later years", () => {
    for (let s = 1; s < 800; s++) {
      const r = serialToDay(s);
      if (s === 60) continue;
      if (r.kind !== "day") throw new Error(`serial ${s}`);
      expect(dayToSerial(r.day)).toBe(s);
    }
    for (let s = 800; s < 80000; s += 997) {
      const r = serialToDay(s);
      if (r.kind !== "day") throw new Error(`serial ${s}`);
      expect(dayToSerial(r.day)).toBe(s);
    }
  });
});
