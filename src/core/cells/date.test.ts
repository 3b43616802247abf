import { day } from "../model";
import { parseBirth, parseDate, expandTwoDigitYear } from "./date";
import { dayToSerial } from "./serial";

describe("parseDate", () => {
  it("reads serials as days, without problems", () => {
    expect(parseDate(45658)).toEqual({ kind: "value", value: day(2025, 1, 1), problems: [] });
  });

  it("reports the Lotus leap day, serial 60", () => {
    const r = parseDate(60);
    expect(r.kind).toBe("problem");
    expect(r.problems[0]).toMatchObject({ code: "type/date" });
    expect(r.problems[0]).toMatchObject({ detail: { vi: expect.stringContaining("29/02/1900"), en: expect.stringContaining("leap-year") } });
    expect(r.problems[0].fix).toBeUndefined();
  });

  it.each([
    ["12/03/2024", day(2024, 3, 12)],
    ["1/3/2024", day(2024, 3, 1)],
    ["01/03/24", day(2024, 3, 1)],
    ["5/6/29", day(2029, 6, 5)],
    ["5/6/30", day(1930, 6, 5)],
    ["5/6/99", day(1999, 6, 5)],
    ["5/6/00", day(2000, 6, 5)],
    ["12-03-2024", day(2024, 3, 12)],
    ["12.03.2024", day(2024, 3, 12)],
    ["2024-03-12", day(2024, 3, 12)],
    ["  12/03/2024 ", day(2024, 3, 12)],
    ["29/02/2024", day(2024, 2, 29)],
  ])("reads the text %j day first, with its serial as the fix", (text, d) => {
    const r = parseDate(text);
    expect(r).toMatchObject({ kind: "value", value: d });
    expect(r.problems).toEqual([expect.objectContaining({ code: "type/date", fix: dayToSerial(d) })]);
  });

  it.each([
    "31/02/2024", "29/02/2023", "32/01/2024", "00/01/2024", "12/13/2024", "2024-02-30",
  ])("never guesses the impossible day %j", (text) => {
    const r = parseDate(text);
    expect(r.kind).toBe("problem");
    expect(r.problems[0]).toMatchObject({ code: "type/date" });
    expect(r.problems[0]).toMatchObject({ detail: { vi: "không có ngày này", en: "there is no such day" } });
    expect(r.problems[0].fix).toBeUndefined();
  });

  it.each([
    "abc", "12/03", "2024", "12/03/2024/1", "12/03-2024", "03/2024", "1/1/1850", "1/1/2150", "ngày 12",
  ])("rejects %j", (text) => {
    expect(parseDate(text).kind).toBe("problem");
  });

  it.each([0, -5, 3e6, 1])("rejects serials out of range (%d)", (n) => {
    // Serial 1 is 1900-01-01: a real day, in range.
    expect(parseDate(n).kind).toBe(n === 1 ? "value" : "problem");
  });

  it("rejects booleans and Excel errors, and reads blank as blank", () => {
    expect(parseDate(true).problems[0]).toMatchObject({ code: "type/date", detail: { vi: expect.stringContaining("ngày/tháng/năm"), en: expect.stringContaining("day/month/year") } });
    // The rule names the error from the value; a detail would only repeat it.
    expect(parseDate("#N/A")).toEqual({ kind: "problem", problems: [{ code: "type/date" }] });
    expect(parseDate("").kind).toBe("blank");
    expect(parseDate("   ").kind).toBe("blank");
  });

  it("expands two-digit years like Excel", () => {
    expect(expandTwoDigitYear(29)).toBe(2029);
    expect(expandTwoDigitYear(30)).toBe(1930);
  });
});

describe("parseBirth", () => {
  it("reads a year alone, as text or number", () => {
    expect(parseBirth("1975")).toEqual({ kind: "value", value: { kind: "year", y: 1975 }, problems: [] });
    expect(parseBirth(1975)).toEqual({ kind: "value", value: { kind: "year", y: 1975 }, problems: [] });
  });

  it("reads full dates and serials", () => {
    expect(parseBirth("05/06/1975")).toMatchObject({ kind: "value", value: day(1975, 6, 5) });
    expect(parseBirth(27550)).toMatchObject({ kind: "value", value: day(1975, 6, 5) });
  });

  it.each(["1850", "2150", "75"])("rejects the year %j", (y) => {
    expect(parseBirth(y).kind).toBe("problem");
  });

  it("a year alone is only for birth fields", () => {
    expect(parseDate("1975").kind).toBe("problem");
  });
});
