import { a1, columnLetter, columnNumber, isBlank, isExcelError } from "./values";
import { ageAt, compareDays, day, dayNumber, formatDay, fromDayNumber, isValidDay } from "./dates";
import {
  formatPeriod, inPeriod, parsePeriod, periodEnd, periodLabelEn, periodLabelVi, periodMonths,
  periodQuarters, periodStart, previousYearPeriod,
} from "./period";
import { fieldDef, FIELDS, TABLE_KINDS } from "./fields";
import { CELL_LEVEL_ROLES, COMMITTEE_ROLES, ETHNIC_GROUPS, ROLES } from "./enums";
import { defaultSettings } from "./settings";

describe("cell values", () => {
  it("converts column numbers and letters both ways", () => {
    for (const [n, s] of [[1, "A"], [26, "Z"], [27, "AA"], [52, "AZ"], [703, "AAA"], [16384, "XFD"]] as const) {
      expect(columnLetter(n)).toBe(s);
      expect(columnNumber(s)).toBe(n);
    }
    expect(a1(12, 2)).toBe("B12");
  });

  it("knows Excel's error texts and blank cells", () => {
    expect(isExcelError("#N/A")).toBe(true);
    expect(isExcelError("#REF!")).toBe(true);
    expect(isExcelError("#hashtag")).toBe(false);
    expect(isExcelError(0)).toBe(false);
    expect(isBlank("")).toBe(true);
    expect(isBlank("   ")).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });
});

describe("dates", () => {
  it("validates days, leap years included", () => {
    expect(isValidDay(2024, 2, 29)).toBe(true);
    expect(isValidDay(2025, 2, 29)).toBe(false);
    expect(isValidDay(1900, 2, 29)).toBe(false);
    expect(isValidDay(2024, 4, 31)).toBe(false);
    expect(isValidDay(2024, 13, 1)).toBe(false);
    expect(isValidDay(2024, 1, 0)).toBe(false);
    expect(isValidDay(2024.5, 1, 1)).toBe(false);
  });

  it("orders days and round-trips day numbers", () => {
    const d = day(2026, 9, 30);
    expect(fromDayNumber(dayNumber(d))).toEqual(d);
    expect(dayNumber(day(1970, 1, 2))).toBe(1);
    expect(compareDays(day(2026, 1, 1), day(2025, 12, 31))).toBeGreaterThan(0);
    expect(compareDays(d, day(2026, 9, 30))).toBe(0);
  });

  it("measures age in full years, and period year minus birth year for a year alone", () => {
    const end = day(2026, 9, 30);
    expect(ageAt(day(1986, 9, 30), end)).toBe(40);
    expect(ageAt(day(1986, 10, 1), end)).toBe(39);
    expect(ageAt(day(1986, 9, 31 - 1), end)).toBe(40);
    expect(ageAt({ kind: "year", y: 1986 }, end)).toBe(40);
  });

  it("formats day first, as in Vietnam", () => {
    expect(formatDay(day(2026, 7, 5))).toBe("05/07/2026");
    expect(formatDay({ kind: "year", y: 1975 })).toBe("1975");
  });
});

describe("periods", () => {
  it("parses quarters and years, and refuses anything else", () => {
    expect(parsePeriod("2026-Q3")).toEqual({ kind: "quarter", year: 2026, quarter: 3 });
    expect(parsePeriod(" 2026q1 ")).toEqual({ kind: "quarter", year: 2026, quarter: 1 });
    expect(parsePeriod("Q4/2025")).toEqual({ kind: "quarter", year: 2025, quarter: 4 });
    expect(parsePeriod("2026")).toEqual({ kind: "year", year: 2026 });
    expect(parsePeriod("2026-Q5")).toBeNull();
    expect(parsePeriod("quý 3")).toBeNull();
  });

  it("gives months, quarters, first and last day", () => {
    const q3 = parsePeriod("2026-Q3")!;
    const y = parsePeriod("2024")!;
    expect(periodMonths(q3)).toEqual([7, 8, 9]);
    expect(periodMonths(y)).toHaveLength(12);
    expect(periodQuarters(q3)).toEqual([3]);
    expect(periodQuarters(y)).toEqual([1, 2, 3, 4]);
    expect(periodStart(q3)).toEqual(day(2026, 7, 1));
    expect(periodEnd(q3)).toEqual(day(2026, 9, 30));
    expect(periodEnd(parsePeriod("2024-Q1")!)).toEqual(day(2024, 3, 31));
    expect(periodEnd(y)).toEqual(day(2024, 12, 31));
  });

  it("tells whether a day falls in the period", () => {
    const q3 = parsePeriod("2026-Q3")!;
    expect(inPeriod(q3, day(2026, 7, 1))).toBe(true);
    expect(inPeriod(q3, day(2026, 10, 1))).toBe(false);
    expect(inPeriod(q3, day(2025, 8, 1))).toBe(false);
    expect(inPeriod(parsePeriod("2026")!, day(2026, 12, 31))).toBe(true);
  });

  it("labels periods in both languages and finds the same period a year earlier", () => {
    const q3 = parsePeriod("2026-Q3")!;
    expect(periodLabelVi(q3)).toBe("Quý III năm 2026");
    expect(periodLabelEn(q3)).toBe("Q3 2026");
    expect(periodLabelVi(parsePeriod("2026")!)).toBe("Năm 2026");
    expect(periodLabelEn(parsePeriod("2026")!)).toBe("Year 2026");
    expect(formatPeriod(previousYearPeriod(q3))).toBe("2025-Q3");
    expect(formatPeriod(parsePeriod("2026")!)).toBe("2026");
  });
});

describe("field and value tables", () => {
  it("defines every table's fields with unique keys and at least one header", () => {
    for (const kind of TABLE_KINDS) {
      const keys = FIELDS[kind].map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of FIELDS[kind]) {
        expect(f.headers.length).toBeGreaterThan(0);
        if (f.type === "enum") expect(f.enumDef).toBeDefined();
      }
    }
    expect(fieldDef("meetings", "present").type).toBe("integer");
    expect(() => fieldDef("cells", "nope")).toThrow();
  });

  it("splits roles into cell level and committee level, covering all of them", () => {
    expect([...CELL_LEVEL_ROLES, ...COMMITTEE_ROLES].sort()).toEqual([...ROLES.values].sort());
    expect(ETHNIC_GROUPS).toHaveLength(54);
  });

  it("has the defaults of DOMAIN.md", () => {
    const s = defaultSettings(day(2026, 11, 23));
    expect([s.minAge, s.maxAge, s.qualityAttendancePct, s.minMinutes, s.minMinutesCombined]).toEqual([18, 80, 85, 90, 120]);
    expect(s.scoreBands).toEqual({ tot: 90, kha: 70, trungBinh: 50 });
    expect(s.ageBands.map((b) => b.key)).toEqual(["18-30", "31-40", "41-50", "51-60", "over60"]);
  });
});
