import {
  CellRecord, CellValue, DayDate, DerivedFrom, DetectedTable, HeldIn, MEETING_FIELDS, MEETING_KINDS, MeetingKind, MeetingRecord,
  ParseProblem, Text, TrackerColumn, day, isValidDay,
} from "../model";
import { parseField } from "../cells/field";
import { readDateText, readSerial } from "../cells/date";
import { parseEnum } from "../cells/enum";
import { readText } from "../cells/text";
import { readYesNoWord } from "../cells/yesno";
import { dayToSerial } from "../cells/serial";
import { SheetReader } from "./sheetReader";
import { BLANK } from "./blankRecords";

/**
 * Reads a wide meeting tracker (detect/tracker): each filled time cell of a
 * cell's row is one meeting of that cell.
 *
 * - A date (a serial, "05/03/2025", "5/3", or the day alone, 5) is the
 *   meeting's day; its year, when the cell does not write it, is the tracker's
 *   (from the column's header, the title or the tab).
 * - A mark (x, ✓, "Có", 1 in a tracker of 0/1 marks) says the meeting was held
 *   in that month, or that quarter for a quarter's thematic column: the record
 *   gets `heldIn` and no day (facts/calendar reads it; no rule makes a day up).
 * - A kind ("CĐ", "TK+CĐ") is a mark with that kind of meeting.
 * - Nothing, "0", "-", "Không", "Chưa họp": no meeting.
 * - Anything else is a meeting whose time cannot be read: a record with a
 *   `type/date` problem, so it is reported and counted as undated, never dropped.
 *
 * The date and kind are `derived: "tracker"`; attendance, duration and the
 * rest have no column, so they are not recorded (facts/recorded).
 */

const CELL_DEF = MEETING_FIELDS.find((f) => f.key === "cell")!;
const COMMUNE_DEF = MEETING_FIELDS.find((f) => f.key === "commune")!;

/** "Không", "Chưa họp", "Không SH", "Nghỉ", "-": a month without its meeting, said in words. */
const NOT_HELD = /^(?:không|ko|chưa|nghỉ|hoãn|k\.?)(?:\s|$)|^[-–—_.0]+$/i;
/** "5/3": day and month, the year left to the tracker. */
const DAY_MONTH = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/;
/** "5", "ngày 5": the day alone, the month and year left to the column. */
const DAY_ALONE = /^(?:ngày\s*)?(\d{1,2})$/i;

type Reading =
  | { kind: "none" }
  | { kind: "day"; date: DayDate; fix?: CellValue }
  | { kind: "mark"; meeting?: MeetingKind }
  | { kind: "bad"; detail: Text };

const NO_SUCH_DAY: Text = { vi: "không có ngày này", en: "there is no such day" };
const NO_YEAR = {
  kind: "bad" as const,
  detail: {
    vi: "không rõ năm: cần ghi năm ở tiêu đề (\"năm 2025\"), ở cột tháng (\"Tháng 1/2025\") hoặc ghi đủ ngày/tháng/năm",
    en: "the year is not known: write it in the title (\"năm 2025\"), in the month's header (\"Tháng 1/2025\") or write the full date",
  },
};
const UNREADABLE = {
  kind: "bad" as const,
  detail: {
    vi: "cần ghi ngày sinh hoạt (ví dụ 05/03/2025), hoặc đánh dấu x nếu chi bộ đã sinh hoạt",
    en: "write the meeting's date (e.g. 05/03/2025), or x if the cell held its meeting",
  },
};

function monthOf(tc: TrackerColumn): number | undefined {
  return tc.month;
}

/** A day of the column's month, or a problem. */
function dayInColumn(d: number, tc: TrackerColumn, year: number | undefined): Reading {
  const month = monthOf(tc);
  if (month === undefined) return UNREADABLE;
  if (year === undefined) return NO_YEAR;
  if (!isValidDay(year, month, d)) return { kind: "bad", detail: NO_SUCH_DAY };
  return { kind: "day", date: day(year, month, d) };
}

interface TableReading {
  /** The tracker's cells hold only 0 and 1 as numbers: they are marks, not days. */
  marksAreNumbers: boolean;
  year: number | undefined;
  /** Excel's 1904 date system: serials are 1,462 days short. */
  serialShift: number;
}

function readTime(v: CellValue, tc: TrackerColumn, t: TableReading): Reading {
  const year = tc.year ?? t.year;
  if (typeof v === "boolean") return v ? { kind: "mark" } : { kind: "none" };
  if (typeof v === "number") {
    if (t.marksAreNumbers) return v === 1 ? { kind: "mark" } : v === 0 ? { kind: "none" } : UNREADABLE;
    if (Number.isInteger(v) && v >= 1 && v <= 31) return dayInColumn(v, tc, year);
    if (v === 0) return { kind: "none" };
    const r = readSerial(v + t.serialShift);
    return "day" in r ? { kind: "day", date: r.day } : { kind: "bad", detail: r.detail ?? UNREADABLE.detail };
  }
  const s = readText(v).text;
  if (s === "") return { kind: "none" };
  const yes = readYesNoWord(s);
  if (yes === true) return { kind: "mark" };
  if (yes === false || NOT_HELD.test(s)) return { kind: "none" };
  const kind = parseEnum(MEETING_KINDS, s);
  if (kind.kind === "value") return { kind: "mark", meeting: kind.value };
  const full = readDateText(s, false);
  if (full?.kind === "day") {
    const serial = dayToSerial(full.day);
    return serial === null ? { kind: "day", date: full.day } : { kind: "day", date: full.day, fix: serial };
  }
  if (full?.kind === "bad") return { kind: "bad", detail: full.detail };
  let m = DAY_MONTH.exec(s);
  if (m) {
    if (year === undefined) return NO_YEAR;
    const dd = Number(m[1]);
    const mm = Number(m[2]);
    return isValidDay(year, mm, dd) ? { kind: "day", date: day(year, mm, dd) } : { kind: "bad", detail: NO_SUCH_DAY };
  }
  m = DAY_ALONE.exec(s);
  if (m) return dayInColumn(Number(m[1]), tc, year);
  return UNREADABLE;
}

/** The day lies outside its column's month or quarter: kept as written, and said. */
function outsideColumn(date: DayDate, tc: TrackerColumn): ParseProblem<"date"> | null {
  if (tc.month !== undefined && date.m !== tc.month) {
    return { code: "type/date", field: "date", col: tc.col, value: "", detail: { vi: `ngày này không thuộc tháng ${tc.month} của cột`, en: `this day is not in the column's month (${tc.month})` } };
  }
  if (tc.quarter !== undefined && Math.ceil(date.m / 3) !== tc.quarter) {
    return { code: "type/date", field: "date", col: tc.col, value: "", detail: { vi: `ngày này không thuộc quý ${tc.quarter} của cột`, en: `this day is not in the column's quarter (${tc.quarter})` } };
  }
  return null;
}

/** The tracker's year when no header or title gives it: the year most of its written dates have. */
function yearOfDates(table: DetectedTable, reader: SheetReader, shift: number): number | undefined {
  const counts = new Map<number, number>();
  for (const row of table.dataRows) {
    for (const tc of table.tracker!.times) {
      const v = reader.value(row, tc.col);
      let y: number | undefined;
      if (typeof v === "number" && v >= 367) {
        const r = readSerial(v + shift);
        if ("day" in r) y = r.day.y;
      } else if (typeof v === "string") {
        const r = readDateText(v, false);
        if (r?.kind === "day") y = r.day.y;
      }
      if (y !== undefined) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

function marksAreNumbers(table: DetectedTable, reader: SheetReader): boolean {
  let any = false;
  for (const row of table.dataRows) {
    for (const tc of table.tracker!.times) {
      const v = reader.value(row, tc.col);
      if (typeof v !== "number") continue;
      if (v !== 0 && v !== 1) return false;
      any = true;
    }
  }
  return any;
}

function meetingRecord(sheet: string, row: number, cols: MeetingRecord["cols"], raw: MeetingRecord["raw"]): MeetingRecord {
  return BLANK.meetings(sheet, row, cols as Record<string, number>, raw as Record<string, CellValue>, []);
}

export interface TrackerRecords {
  meetings: MeetingRecord[];
  /** One per row, when the workbook has no other list of cells: the tracker is then the list of its commune's cells. */
  cells: CellRecord[];
}

/**
 * One tracker table's meetings (and, when `withCells`, its rows as cells, so a
 * cell that held no meeting at all still counts as a cell that missed them).
 */
export function readTracker(table: DetectedTable, reader: SheetReader, opts: { withCells: boolean; serialShift: number }, out: TrackerRecords): void {
  const tracker = table.tracker!;
  const columns = table.columns as Record<string, { col: number } | undefined>;
  const cellCol = columns.cell?.col;
  if (cellCol === undefined) return;
  const communeCol = columns.commune?.col;
  const titleCommune = table.titleCommune ?? null;
  const reading: TableReading = {
    marksAreNumbers: marksAreNumbers(table, reader),
    year: tracker.year ?? yearOfDates(table, reader, opts.serialShift),
    serialShift: opts.serialShift,
  };
  const derived: Partial<Record<string, DerivedFrom>> = { date: "tracker", kind: "tracker" };
  if (communeCol === undefined && titleCommune !== null) derived.commune = table.communeFrom ?? "title";
  Object.freeze(derived);
  const kinds = {
    regular: tracker.times.some((t) => t.kind === "Thường kỳ"),
    thematic: tracker.times.some((t) => t.kind === "Chuyên đề"),
  };
  // One frozen cols object per time column, shared by the records of that column.
  const colsOf = new Map<number, MeetingRecord["cols"]>();
  for (const tc of tracker.times) {
    const cols: MeetingRecord["cols"] = { cell: cellCol, date: tc.col };
    if (communeCol !== undefined) cols.commune = communeCol;
    colsOf.set(tc.col, Object.freeze(cols));
  }
  const cellCols: CellRecord["cols"] = Object.freeze(communeCol !== undefined ? { cell: cellCol, commune: communeCol } : { cell: cellCol });
  for (const row of table.dataRows) {
    const rawCell = reader.value(row, cellCol);
    const cellRead = parseField(CELL_DEF, rawCell);
    const rawCommune = communeCol !== undefined ? reader.value(row, communeCol) : undefined;
    const communeRead = rawCommune !== undefined ? parseField(COMMUNE_DEF, rawCommune) : undefined;
    const cell = cellRead.kind === "value" ? (cellRead.value as string) : null;
    let commune = communeRead?.kind === "value" ? (communeRead.value as string) : null;
    if (commune === null && titleCommune !== null && (rawCommune === undefined || rawCommune === "")) commune = titleCommune;
    // The cell's own problems (spaces, a legacy encoding, a blank name) are the row's, said once.
    const rowProblems: ParseProblem[] = [];
    for (const p of cellRead.problems) rowProblems.push({ ...p, field: "cell", col: cellCol, value: rawCell });
    if (communeRead && communeCol !== undefined) for (const p of communeRead.problems) rowProblems.push({ ...p, field: "commune", col: communeCol, value: rawCommune as CellValue });
    let first: { problems: ParseProblem[] } | null = null;
    if (opts.withCells) {
      const raw: CellRecord["raw"] = { cell: rawCell };
      if (rawCommune !== undefined) raw.commune = rawCommune;
      const rec = BLANK.cells(table.sheet, row, cellCols as Record<string, number>, raw as Record<string, CellValue>, []);
      rec.cell = cell;
      rec.commune = commune;
      if (derived.commune) rec.derived = Object.freeze({ commune: derived.commune });
      out.cells.push(rec);
      first = rec;
    }
    for (const tc of tracker.times) {
      const v = reader.value(row, tc.col);
      const r = readTime(v, tc, reading);
      if (r.kind === "none") continue;
      const raw: MeetingRecord["raw"] = { cell: rawCell, date: v };
      if (rawCommune !== undefined) raw.commune = rawCommune;
      const rec = meetingRecord(table.sheet, row, colsOf.get(tc.col)!, raw);
      rec.cell = cell;
      rec.commune = commune;
      rec.derived = derived;
      rec.trackerKinds = kinds;
      rec.kind = r.kind === "mark" && r.meeting ? r.meeting : tc.kind;
      if (r.kind === "mark" && r.meeting && r.meeting !== "Thường kỳ") kinds.thematic = true;
      if (r.kind === "mark" && r.meeting && r.meeting !== "Chuyên đề") kinds.regular = true;
      if (r.kind === "day") {
        rec.date = r.date;
        // The fix is a serial of the workbook's own date system.
        if (r.fix !== undefined) rec.problems.push({ code: "type/date", field: "date", col: tc.col, value: v, fix: (r.fix as number) - reading.serialShift });
        const outside = outsideColumn(r.date, tc);
        if (outside) rec.problems.push({ ...outside, value: v });
      } else if (r.kind === "mark") {
        const year = tc.year ?? reading.year;
        if (year === undefined) rec.problems.push({ code: "type/date", field: "date", col: tc.col, value: v, detail: NO_YEAR.detail });
        else rec.heldIn = heldIn(tc, year);
      } else {
        rec.problems.push({ code: "type/date", field: "date", col: tc.col, value: v, detail: r.detail });
      }
      out.meetings.push(rec);
      first ??= rec;
    }
    if (first !== null) first.problems.unshift(...rowProblems);
  }
  Object.freeze(kinds);
}

function heldIn(tc: TrackerColumn, year: number): HeldIn {
  return tc.month !== undefined ? { kind: "month", y: year, m: tc.month } : { kind: "quarter", y: year, q: tc.quarter as 1 | 2 | 3 | 4 };
}
