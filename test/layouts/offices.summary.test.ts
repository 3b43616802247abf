import { CellValue, SheetData, defaultSettings } from "../../src/core/model";
import { serialToDay } from "../../src/core/cells/serial";
import { understand } from "../../src/core/understand";
import { summarize, isNoData, type CadreTable, type Figure, type MeetingRow, type Summary } from "../../src/core/summary";
import {
  TRACKER_LAYOUTS, bracketTitleCommune, cellsOfEveryRegion, committeeSections, englishSplitName, secretariesTitleCommune, sheetPerCommune,
  twinEnglish, twinVietnamese,
} from "../fixtures/layouts/offices";
import { range, type WorkbookLayout } from "../fixtures/layouts/types";

/**
 * The summary of each office layout equals a count made here from the
 * fixture's own rows: the rows detection should find (the expected data rows),
 * read by the plain rules of this file, not by the product's parsers.
 */

function summaryOf(layout: WorkbookLayout): Summary {
  const { dataset } = understand(layout.workbook);
  return summarize(dataset, layout.period, defaultSettings(layout.today));
}

/** The fixture's own data rows of the i-th expected table, as arrays of cells by 1-based column. */
function rowsOf(layout: WorkbookLayout, i: number): Array<(col: number) => CellValue> {
  const e = layout.expected[i];
  const sheet = layout.workbook.sheets.find((s) => s.name === e.sheet) as SheetData;
  return e.dataRows.map((r) => (col: number) => sheet.values[r - sheet.originRow]?.[col - sheet.originCol] ?? "");
}

const yearOf = (v: CellValue): number => {
  if (typeof v === "number") return v > 3000 ? (serialToDay(v) as { day: { y: number } }).day.y : v;
  return Number(/(\d{4})\s*$/.exec(String(v).trim())?.[1]);
};

interface CadreCount { total: number; women: number; minority: number | null; under40: number }

/** A figure's count; a figure that is not recorded has none (null), never 0. */
const n = (row: { figures: Record<string, Figure> }, key: string): number | null => row.figures[key]?.count ?? null;

function cadreFigures(t: CadreTable): Record<string, CadreCount> {
  const out: Record<string, CadreCount> = {};
  for (const r of t.rows) {
    if (isNoData(r)) continue;
    out[r.commune] = { total: n(r, "total") as number, women: n(r, "women") as number, minority: n(r, "minority"), under40: n(r, "under40") as number };
  }
  return out;
}

/** `kinh` null: the sheet has no ethnicity column, so the minority figure is not recorded (null), never 0. */
function add(into: Record<string, CadreCount>, commune: string, woman: boolean, kinh: boolean | null, born: number, year: number): void {
  const c = (into[commune] ??= { total: 0, women: 0, minority: kinh === null ? null : 0, under40: 0 });
  c.total++;
  if (woman) c.women++;
  if (kinh === false) c.minority = (c.minority ?? 0) + 1;
  if (year - born < 40) c.under40++;
}

describe("the summary of each office layout equals a count of its own rows", () => {
  it(secretariesTitleCommune.name, () => {
    const want: Record<string, CadreCount> = {};
    let villageHead = 0;
    let trained = 0;
    for (const cell of rowsOf(secretariesTitleCommune, 0)) {
      const woman = cell(4) !== "";
      add(want, "Xã Tiên Du", woman, cell(5) === "Kinh", Number(woman ? cell(4) : cell(3)), 2025);
      if (cell(10) === "x") villageHead++;
      if (cell(11) === "x") trained++;
    }
    const s = summaryOf(secretariesTitleCommune);
    expect(cadreFigures(s.tables.secretaries)).toEqual(want);
    expect(n(s.tables.secretaries.total, "villageHead")).toBe(villageHead);
    expect(n(s.tables.secretaries.total, "trained")).toBe(trained);
  });

  it(committeeSections.name, () => {
    const want: Record<string, CadreCount> = {};
    committeeSections.expected.forEach((e, i) => {
      for (const cell of rowsOf(committeeSections, i)) {
        add(want, e.titleCommune as string, /^n[ữu]$/i.test(String(cell(4))), cell(6) === "Kinh", yearOf(cell(5)), 2025);
      }
    });
    const s = summaryOf(committeeSections);
    expect(cadreFigures(s.tables.committee)).toEqual(want);
    // Every post in the list is the committee's, "Bí thư" and "Phó Bí thư" included: no cell secretary.
    expect(s.tables.secretaries.rows.every(isNoData)).toBe(true);
  });

  it(sheetPerCommune.name, () => {
    const want: Record<string, CadreCount> = {};
    sheetPerCommune.expected.forEach((e, i) => {
      if (e.kind !== "cadres") return;
      for (const cell of rowsOf(sheetPerCommune, i)) add(want, e.titleCommune as string, cell(4) === "Nữ", null, Number(cell(3)), 2025);
    });
    const s = summaryOf(sheetPerCommune);
    expect(cadreFigures(s.tables.secretaries)).toEqual(want);
    expect(s.tables.secretaries.rows.map((r) => r.commune)).toEqual(["Xã Tiên Du", "Phường Từ Sơn", "Xã Hoàn Sơn"]);
  });

  it(`${twinVietnamese.name}: cadres, meetings, and the commune that sent nothing`, () => {
    const s = summaryOf(twinVietnamese);
    const communes = rowsOf(twinVietnamese, 0).map((cell) => String(cell(2)));
    expect(s.tables.meetings.rows.map((r) => r.commune)).toEqual(communes);
    expect(s.tables.meetings.rows.filter(isNoData).map((r) => r.commune)).toEqual(["Xã Liên Bão"]);
    const secretaries: Record<string, CadreCount> = {};
    for (const cell of rowsOf(twinVietnamese, 2)) {
      if (cell(7) !== "Bí thư chi bộ") continue;
      add(secretaries, String(cell(9)), cell(4) === "Nữ", cell(5) === "Kinh", yearOf(cell(3)), 2025);
    }
    expect(cadreFigures(s.tables.secretaries)).toEqual(secretaries);
    const meetings = rowsOf(twinVietnamese, 3);
    for (const commune of ["Xã Tiên Du", "Phường Từ Sơn"]) {
      const mine = meetings.filter((cell) => cell(3) === commune);
      const row = s.tables.meetings.rows.find((r) => r.commune === commune) as MeetingRow;
      const cells = rowsOf(twinVietnamese, 1).filter((cell) => cell(4) === commune).length;
      expect([n(row, "cells"), n(row, "meetings"), n(row, "allMonthly"), n(row, "thematicEveryQuarter")]).toEqual([cells, mine.length, cells, cells]);
      expect(n(row, "rating.tot")).toBe(mine.filter((cell) => cell(16) === "Tốt").length);
      expect(n(row, "online")).toBe(mine.filter((cell) => cell(6) === "Trực tuyến").length);
      const present = mine.reduce((k, cell) => k + Number(cell(10)), 0);
      const expected = mine.reduce((k, cell) => k + Number(cell(8)) - Number(cell(9)), 0);
      expect(row.figures.avgAttendancePct.pct).toBeCloseTo((present / expected) * 100, 2);
    }
  });

  it(`${twinEnglish.name} gives the same figures as its Vietnamese twin`, () => {
    expect(summaryOf(twinEnglish)).toEqual(summaryOf(twinVietnamese));
  });

  it(cellsOfEveryRegion.name, () => {
    const s = summaryOf(cellsOfEveryRegion);
    // The commune column is merged down each commune's rows: the value sits on its first row.
    const cellsBy = new Map<string, number>();
    let commune = "";
    for (const cell of rowsOf(cellsOfEveryRegion, 0)) {
      if (cell(2) !== "") commune = String(cell(2));
      cellsBy.set(commune, (cellsBy.get(commune) ?? 0) + 1);
    }
    const meetings = rowsOf(cellsOfEveryRegion, 1);
    for (const [c, count] of cellsBy) {
      const row = s.tables.meetings.rows.find((r) => r.commune === c) as MeetingRow;
      expect([c, n(row, "cells"), n(row, "meetings"), n(row, "allMonthly"), n(row, "thematicEveryQuarter")])
        .toEqual([c, count, meetings.filter((cell) => cell(2) === c).length, count, count]);
    }
    expect(s.leftOut.filter((l) => l.reason === "meeting/unknown-cell")).toEqual([]);
  });
  it(`${bracketTitleCommune.name}: the commune in brackets, the split name, quality from the figures a row gives`, () => {
    const s = summaryOf(bracketTitleCommune);
    const commune = "Xã Yên Lạc";
    const secretaries: Record<string, CadreCount> = {};
    for (const cell of rowsOf(bracketTitleCommune, 1)) add(secretaries, commune, cell(5) === "Nữ", cell(6) === "Kinh", Number(cell(4)), 2025);
    expect(cadreFigures(s.tables.secretaries)).toEqual(secretaries);
    const meetings = rowsOf(bracketTitleCommune, 2);
    const cells = rowsOf(bracketTitleCommune, 0).length;
    // Quality as the guidance puts it: more than 85% of the members present, and every absentee excused (no "Vắng không lý do"
    // column: the absentees the "Vắng có lý do" column does not cover were absent without reason).
    const quality = meetings.filter((cell) => {
      const total = Number(cell(6)), present = Number(cell(7)), excused = Number(cell(8));
      return present * 100 > 85 * total && total - present - excused === 0;
    }).length;
    const row = s.tables.meetings.rows.find((r) => r.commune === commune) as MeetingRow;
    expect([n(row, "cells"), n(row, "meetings"), n(row, "allMonthly"), n(row, "thematicEveryQuarter")]).toEqual([cells, meetings.length, cells, cells]);
    expect(n(row, "quality")).toBe(quality);
    expect(quality).toBeGreaterThan(0);
    expect(quality).toBeLessThan(meetings.length);
    expect(n(row, "upperAttended")).toBe(meetings.filter((cell) => cell(9) === "x").length);
    expect(n(row, "rating.tot")).toBe(meetings.filter((cell) => cell(10) === "Tốt").length);
    // No "Hình thức" column: how many met online is not recorded, never 0.
    expect(row.figures.online.notRecorded).toBeDefined();
  });

  it(englishSplitName.name, () => {
    const want: Record<string, CadreCount> = {};
    for (const cell of rowsOf(englishSplitName, 0)) add(want, String(cell(9)), cell(5) === "Female", cell(6) === "Kinh", Number(cell(4)), 2025);
    const s = summaryOf(englishSplitName);
    expect(cadreFigures(s.tables.secretaries)).toEqual(want);
  });
});

describe("a tracker's summary: its meetings and cadence, counted from its own cells", () => {
  it.each(TRACKER_LAYOUTS.map((l) => [l.name, l] as const))("%s", (_name, layout) => {
    const s = summaryOf(layout);
    const e = layout.expected[0];
    const sheet = layout.workbook.sheets.find((x) => x.name === e.sheet) as SheetData;
    const cellCol = e.columns.cell;
    // Time columns: every column right of the cell column that is not a note ("Ghi chú"); a filled one is a meeting.
    const timeCols = range(cellCol + 1, sheet.values[0].length).filter((c) => !(e.unmapped ?? []).includes(c));
    const byCommune = new Map<string, { cells: number; meetings: number }>();
    for (const cell of rowsOf(layout, 0)) {
      const commune = e.columns.commune ? String(cell(e.columns.commune)) : (e.titleCommune as string);
      const c = byCommune.get(commune) ?? { cells: 0, meetings: 0 };
      c.cells += 1;
      c.meetings += timeCols.filter((col) => cell(col) !== "" && cell(col) !== 0).length;
      byCommune.set(commune, c);
    }
    for (const [commune, want] of byCommune) {
      const row = s.tables.meetings.rows.find((r) => r.commune === commune) as MeetingRow;
      // Every cell of these trackers met every month: all of them held every monthly meeting.
      expect([commune, n(row, "cells"), n(row, "meetings"), n(row, "allMonthly")]).toEqual([commune, want.cells, want.meetings, want.cells]);
      // Attendance and duration have no column in a tracker: not recorded, never 0.
      expect(row.figures.avgAttendancePct.notRecorded).toBeDefined();
      expect(row.figures.quality.notRecorded).toBeDefined();
    }
  });
});
