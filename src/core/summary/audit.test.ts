import { day, defaultSettings } from "../model";
import { summarize } from ".";
import { cadre, cell, dataset, meeting } from "../../../test/factories/records";
import { n, rowFigures, totalFigures } from "../../../test/factories/summary";

/** Figures the audit of the summary found wrong, each pinned by the smallest case that shows it. */
const settings = defaultSettings(day(2027, 1, 15));
const q3 = { kind: "quarter", year: 2026, quarter: 3 } as const;

describe("a meeting whose cell is not in CELLS", () => {
  // "Thôn Đồng Tâmm" is a typo (`xref/cell`): counting it as a second cell of the commune would make it
  // 2 cells, one of which "missed" every month, and print 50% where the register's one cell holds 100%.
  const ds = dataset({
    cells: [cell({ cell: "Thôn Đồng Tâm", commune: "Xã Yên Lạc" })],
    meetings: [
      ...[7, 8, 9].map((m) => meeting({ cell: "Thôn Đồng Tâm", date: day(2026, m, 5), kind: "Thường kỳ kết hợp chuyên đề" })),
      meeting({ cell: "Thôn Đồng Tâmm", date: day(2026, 9, 20), kind: "Chuyên đề" }),
    ],
  });
  const s = summarize(ds, q3, settings);
  const row = rowFigures(s, "meetings", "Xã Yên Lạc");

  it("is counted as a meeting, not as one more cell of the commune", () => {
    expect(row.meetings).toEqual(n(4));
    expect(row.cells).toEqual(n(1));
    expect(row.allMonthly).toEqual({ count: 1, pct: 100 });
    expect(row.thematicEveryQuarter).toEqual({ count: 1, pct: 100 });
  });

  it("is reported among the rows counted without their cell", () => {
    const l = s.leftOut.find((x) => x.reason === "meeting/unknown-cell");
    expect(l?.count).toBe(1);
    expect(l?.scope).toBe("field");
  });

  it("still makes a cell when the commune has no CELLS rows at all", () => {
    const other = summarize(dataset({ cells: [cell({ cell: "Thôn 1", commune: "Xã Khác" })], meetings: [meeting({ cell: "Thôn Mới", commune: "Xã Yên Lạc" })] }), q3, settings);
    expect(rowFigures(other, "meetings", "Xã Yên Lạc").cells).toEqual(n(1));
  });
});

describe("ages outside the 18–80 the cadre/age rule accepts", () => {
  // Ages on 30/09/2026.
  const ds = dataset({
    cadres: [
      cadre({ birth: day(2015, 1, 1) }), // 11: a typo, not a young secretary
      cadre({ birth: { kind: "year", y: 2030 } }), // born in the future
      cadre({ birth: day(1930, 1, 1) }), // 96
      cadre({ birth: day(2008, 9, 30) }), // 18 on the day: counted, in 18–30
      cadre({ birth: day(1945, 10, 1) }), // 80 (81 the next day): counted, over 60
      cadre({ birth: day(1986, 10, 1) }), // 39: under 40, in 31–40
    ],
  });
  const s = summarize(ds, q3, settings);
  const t = totalFigures(s, "secretaries");

  it("are counted in the total but in no age column, under 40 included", () => {
    expect(t.total).toEqual(n(6));
    expect(t.under40.count).toBe(2);
    expect(t["age.18-30"].count).toBe(1);
    expect(t["age.31-40"].count).toBe(1);
    expect(t["age.over60"].count).toBe(1);
  });

  it("are reported, so the office fixes the birth dates", () => {
    const l = s.leftOut.find((x) => x.reason === "cadre/age-out-of-range");
    expect(l?.count).toBe(3);
    expect(l?.message.vi).toContain("độ tuổi");
  });
});

describe("a meeting entered twice (same cell, day and kind)", () => {
  // The `meeting/duplicate` rule says it: the row repeats one meeting. Counting both would report
  // 4 meetings, two of them rated Tốt, for a cell that met three times.
  const ds = dataset({
    cells: [cell({ cell: "Thôn 1", commune: "Xã Yên Lạc" })],
    meetings: [
      meeting({ cell: "Thôn 1", date: day(2026, 7, 5), rating: "Tốt", row: 2 }),
      meeting({ cell: "Thôn 1", date: day(2026, 8, 5), rating: "Khá", row: 3 }),
      meeting({ cell: "Thôn 1", date: day(2026, 9, 5), rating: "Khá", row: 4, kind: "Thường kỳ kết hợp chuyên đề" }),
      meeting({ cell: "thôn  1", date: day(2026, 7, 5), rating: "Tốt", row: 5 }),
      // Same day, other kind: a second meeting, counted.
      meeting({ cell: "Thôn 1", date: day(2026, 9, 5), rating: "Tốt", row: 6, kind: "Chuyên đề" }),
    ],
  });
  const s = summarize(ds, q3, settings);
  const row = rowFigures(s, "meetings", "Xã Yên Lạc");

  it("is counted once", () => {
    expect(row.meetings).toEqual(n(4));
    expect(row["rating.tot"]).toEqual({ count: 2, pct: 50 });
    expect(s.monthly.find((m) => m.month === 7)?.meetings).toBe(1);
  });

  it("is reported with its row", () => {
    const l = s.leftOut.find((x) => x.reason === "meeting/duplicate");
    expect(l).toMatchObject({ count: 1, scope: "row", examples: [{ sheet: "Sinh hoạt", row: 5 }] });
  });
});

describe("a commune that sent no meetings for a period", () => {
  // Xã Trống has its cells in CELLS but no meeting row of 2026-Q3: printing "0 buổi, 0% chi bộ sinh hoạt
  // đủ hằng tháng" would tell the province its cells stopped meeting, when the figures were not sent.
  const ds = dataset({
    cells: [cell({ cell: "Thôn 1", commune: "Xã Yên Lạc" }), cell({ cell: "Thôn 1", commune: "Xã Trống" }), cell({ cell: "Thôn 2", commune: "Xã Trống" })],
    meetings: [
      ...[7, 8, 9].map((m) => meeting({ cell: "Thôn 1", commune: "Xã Yên Lạc", date: day(2026, m, 5) })),
      meeting({ cell: "Thôn 1", commune: "Xã Yên Lạc", date: day(2025, 8, 5) }),
      meeting({ cell: "Thôn 1", commune: "Xã Trống", date: day(2025, 8, 5) }),
    ],
  });
  const s = summarize(ds, q3, settings, { compareWithPreviousYear: true });
  const rowOf = (sum: typeof s, commune: string) => sum.tables.meetings.rows.find((r) => r.commune === commune);
  const trong = rowOf(s, "Xã Trống");

  it("shows as chưa có số liệu, and Toàn tỉnh adds only the rows shown", () => {
    expect(trong).toEqual({ commune: "Xã Trống", noData: true });
    const t = totalFigures(s, "meetings");
    expect(t.cells.count).toBe(1);
    expect(t.allMonthly).toMatchObject({ count: 1, pct: 100 });
  });

  it("has no same-period-last-year figures when last year has no meeting row: not recorded, rather than zeros", () => {
    const none = summarize(dataset({ cells: ds.cells, meetings: ds.meetings.filter((m) => m.date!.y === 2026) }), q3, settings, { compareWithPreviousYear: true });
    const row = rowFigures(none, "meetings", "Xã Yên Lạc");
    expect(row.meetings.count).toBe(3);
    expect(row.meetings.previousYear).toEqual({ count: null, pct: null, notRecorded: expect.objectContaining({ vi: "Không có số liệu cùng kỳ năm trước" }) });
    expect(row.meetings.change).toBeNull();
    expect(row.allMonthly.change).toBeNull();
    expect(totalFigures(none, "meetings").meetings.previousYear?.notRecorded).toBeDefined();
  });

  it("compares with last year where last year has rows", () => {
    const row = rowFigures(s, "meetings", "Xã Yên Lạc");
    expect(row.meetings.previousYear?.count).toBe(1);
    expect(row.meetings.change).toBe(2);
    // One cell met every month this quarter, none last year: 100 points up.
    expect(row.allMonthly.previousYear).toEqual({ count: 0, pct: 0 });
    expect(row.allMonthly.change).toBe(100);
    // Last year's Toàn tỉnh adds last year's figures of the rows shown, so that "Tăng/giảm" compares the
    // same communes: Xã Trống, with no row this year, is not in it.
    const t = totalFigures(s, "meetings");
    expect(t.meetings.previousYear?.count).toBe(1);
    expect(t.cells.previousYear?.count).toBe(1);
  });
});
