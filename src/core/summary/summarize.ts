import {
  CadreRecord, COMMITTEE_ROLES, Dataset, MEETING_KINDS, MeetingKind, Period, Role, Settings, Text, formatDay, formatPeriod,
  periodEnd, previousYearPeriod,
} from "../model";
import { fold } from "../text/fold";
import { hasMeetingTime, isFutureMeeting, meetingTimeKey, meetingYear, meetsQuality, monthsDue, periodIsOver, quartersDue } from "../facts";
import { cadrePredicates, emptyStructure } from "./cadres";
import { CadreCountContext, PreviousTermSource, cadreTable, countCadreTable } from "./cadreTables";
import { cadreColumns, meetingColumns } from "./columns";
import { buildCommuneIndex, orderCommunes, resolveCommune } from "./communes";
import { CADRE_BITS, MEETING_BITS } from "./coverage";
import { LeftOutLog } from "./leftOut";
import { PlacedMeeting, countMeetings, monthFigures } from "./meetings";
import { RowMaker, missingColumns } from "./rows";
import { Tally, compared, notRecorded } from "./tally";
import { CadreKey, Figure, MeetingKey, MeetingRow, MeetingTable, MeetingTableRow, Summary, TOTAL_LABEL_VI } from "./types";

export type { PreviousTermSource };

export interface SummarizeOptions {
  /** Add "Cùng kỳ năm trước" and "Tăng/giảm" to table 3. */
  compareWithPreviousYear?: boolean;
  /** Add "Khóa trước" and "Tăng/giảm" to tables 1 and 2, from this source. */
  compareWithPreviousTerm?: PreviousTermSource;
}

const SECRETARY: Role = "Bí thư chi bộ";
const COMMITTEE = new Set<Role>(COMMITTEE_ROLES);
const KIND_INDEX = new Map<MeetingKind, number>(MEETING_KINDS.values.map((k, i) => [k, i]));

const TABLE_NAMES = {
  secretaries: { vi: "biểu 1", en: "table 1" },
  committee: { vi: "biểu 2", en: "table 2" },
  meetings: { vi: "biểu 3", en: "table 3" },
};
const NO_DATA: Text = { vi: "Chưa có số liệu", en: "No data" };
const NO_MONTH_OVER: Text = { vi: "Chưa tính được: chưa hết tháng nào của kỳ", en: "Not yet: no month of the period is over" };
const NO_QUARTER_OVER: Text = { vi: "Chưa tính được: chưa hết quý nào của kỳ", en: "Not yet: no quarter of the period is over" };
const KIND_BIT = MEETING_BITS.needMask("kind");
const ATTENDANCE_BITS = MEETING_BITS.needMask("present") | MEETING_BITS.needMask("total");
const ABSENCE_BITS = MEETING_BITS.needMask(["unexcused", "excused"]);
const NO_PREVIOUS_YEAR: Text = { vi: "Không có số liệu cùng kỳ năm trước", en: "No rows for the same period last year" };

/**
 * Tables 1, 2 and 3 of DOMAIN.md for one period, per commune and for the
 * whole province, one figure per column of columns.ts. Rows with error
 * findings are still counted wherever their fields could be read; rows that
 * cannot be placed at all are listed in `leftOut`, with the reason; a figure
 * whose field the workbook does not record is "not recorded", never 0.
 */
export function summarize(dataset: Dataset, period: Period, settings: Settings, opts: SummarizeOptions = {}): Summary {
  const mode = settings.rounding;
  const source = opts.compareWithPreviousTerm ?? null;
  const roster = source?.from === "file" ? source.cadres : [];
  // A roster from another file names communes too: one identity for them all (facts/places).
  const index = buildCommuneIndex(roster.length > 0 ? { ...dataset, cadres: [...dataset.cadres, ...roster] } : dataset);
  const log = new LeftOutLog();
  const withData = new Set<string>();

  // Tables 1 and 2.
  const cadreCols = cadreColumns(settings.ageBands);
  const ctx: CadreCountContext = {
    index, log, columns: cadreCols, predicates: cadrePredicates(cadreCols), at: periodEnd(period),
    plausible: { min: settings.minAge, max: settings.maxAge }, withData,
  };
  const rowsOf = { secretaries: [] as CadreRecord[], committee: [] as CadreRecord[] };
  const rosterOf = { secretaries: [] as CadreRecord[], committee: [] as CadreRecord[] };
  const place = (c: CadreRecord, into: typeof rowsOf) => {
    if (c.role === null) { log.add("cadre/no-role", c.sheet, c.row); return; }
    if (c.role === SECRETARY) into.secretaries.push(c);
    else if (COMMITTEE.has(c.role)) into.committee.push(c);
  };
  for (const c of dataset.cadres) place(c, source?.from === "sheet" && c.sheet === source.sheet ? rosterOf : rowsOf);
  for (const c of roster) place(c, rosterOf);
  const structure = emptyStructure();
  const secretaryGroups = countCadreTable(rowsOf.secretaries, rosterOf.secretaries, source, ctx, structure);
  const committeeGroups = countCadreTable(rowsOf.committee, rosterOf.committee, source, ctx, null);

  // Table 3: every cell of each commune, from CELLS and from MEETINGS, numbered once.
  const cellsByCommune = new Map<string, number[]>();
  const cellIds = new Map<string, Map<string, number>>();
  let cellCount = 0;
  // A cell name typed without marks in one sheet ("Thon Dong Tam") is the one marked cell of its commune it
  // matches: index.cache (facts/places) resolves it, as the check does.
  const cellIdentity = (communeK: string, cell: string): string => "\u0000" + index.cache.cellIn(communeK, cell);
  const cellId = (communeK: string, cell: string): number => {
    let byRaw = cellIds.get(communeK);
    if (!byRaw) { byRaw = new Map(); cellIds.set(communeK, byRaw); }
    let id = byRaw.get(cell);
    if (id === undefined) {
      // Spellings with one identity key ("Thôn 1", "thôn  1", "Tân Hòa"/"Tân Hoà") are one cell.
      const folded = cellIdentity(communeK, cell);
      id = byRaw.get(folded);
      if (id === undefined) {
        id = cellCount++;
        byRaw.set(folded, id);
        let list = cellsByCommune.get(communeK);
        if (!list) { list = []; cellsByCommune.set(communeK, list); }
        list.push(id);
      }
      byRaw.set(cell, id);
    }
    return id;
  };
  /** The id of a cell already registered, or -1: a lookup that never makes a new cell. */
  const knownCellId = (communeK: string, cell: string): number => {
    const byRaw = cellIds.get(communeK);
    if (!byRaw) return -1;
    return byRaw.get(cell) ?? byRaw.get(cellIdentity(communeK, cell)) ?? -1;
  };
  // Communes whose cells CELLS lists: their register is CELLS. A meeting naming another cell there is an
  // `xref/cell` error, usually a typo ("Thôn Đồng Tâmm"): it stays a meeting, but is not one more cell
  // that "missed" every month, which would lower the commune's share for a spelling mistake.
  const registered = new Set<string>();
  for (const c of dataset.cells) {
    if (!c.cell || !c.commune) continue;
    const k = resolveCommune(index, c.commune, null) as string;
    withData.add(k);
    registered.add(k);
    cellId(k, c.cell);
  }
  const placed: PlacedMeeting[] = [];
  // Per cell, the (day, kind) pairs seen: small integer keys, no big numbers and no Date per row.
  const seenMeetings: Array<Set<number> | undefined> = [];
  const previous = opts.compareWithPreviousYear ? previousYearPeriod(period) : null;
  for (const m of dataset.meetings) {
    const k = resolveCommune(index, m.commune, m.cell);
    // Only rows that could belong to the period (or whose period is unknown) are worth reporting.
    const year = meetingYear(m);
    const relevant = year === null || year === period.year || (previous !== null && year === previous.year);
    if (k === null) { if (relevant) log.add("meeting/no-commune", m.sheet, m.row); continue; }
    withData.add(k);
    if (!hasMeetingTime(m)) { log.add("meeting/no-date", m.sheet, m.row); continue; }
    // A meeting after today has not happened (the `meeting/future` error): counting it would report it as held.
    if (isFutureMeeting(m, settings.today)) { if (relevant) log.add("meeting/future", m.sheet, m.row); continue; }
    let id = -1;
    if (!m.cell) { if (relevant) log.add("meeting/no-cell", m.sheet, m.row); }
    else if (!registered.has(k)) id = cellId(k, m.cell);
    else {
      id = knownCellId(k, m.cell);
      if (id < 0 && relevant) log.add("meeting/unknown-cell", m.sheet, m.row);
    }
    const mask = MEETING_BITS.maskOf(m);
    // A field the sheet does not record is one missing column (Summary.notRecorded), not a gap on every row.
    if (relevant && m.kind === null && mask & KIND_BIT) log.add("meeting/no-kind", m.sheet, m.row);
    if (relevant && (m.present === null || m.total === null) && (mask & ATTENDANCE_BITS) === ATTENDANCE_BITS) log.add("meeting/no-attendance", m.sheet, m.row);
    // Absences the row does not say were excused or not (facts/quality): the check cannot fault the meeting, and
    // the summary cannot count it as meeting the standard; it says so rather than count it either way.
    // With no absence column at all, quality is a column not recorded (Summary.notRecorded), not a note per row.
    else if (relevant && (mask & ATTENDANCE_BITS) === ATTENDANCE_BITS && mask & ABSENCE_BITS && meetsQuality(m, settings.qualityAttendancePct) === null) {
      log.add("meeting/quality-unknown", m.sheet, m.row);
    }
    const time = meetingTimeKey(m);
    if (id >= 0 && m.kind !== null && time !== null) {
      // The same cell, day and kind twice is one meeting entered twice (the `meeting/duplicate` error):
      // counting both would add a meeting, its rating and its attendance that never happened.
      const key = time * 4 + KIND_INDEX.get(m.kind)!;
      let seen = seenMeetings[id];
      if (!seen) seenMeetings[id] = seen = new Set();
      if (seen.has(key)) { if (relevant) log.add("meeting/duplicate", m.sheet, m.row); continue; }
      seen.add(key);
    }
    placed.push({ communeK: k, cellId: id, rec: m });
  }
  const meetingCols = meetingColumns;
  const now = countMeetings(placed, cellsByCommune, cellCount, period, settings, meetingCols);
  const before = previous ? countMeetings(placed, cellsByCommune, cellCount, previous, settings, meetingCols) : null;

  const order = orderCommunes(index, withData);
  const name = (k: string) => index.names.get(k) ?? k;

  const cadreMaker = new RowMaker<string, CadreKey>(cadreCols, CADRE_BITS, mode);
  const secretaries = cadreTable(secretaryGroups, order, name, cadreMaker);
  const committee = cadreTable(committeeGroups, order, name, cadreMaker);

  const over = { months: monthsDue(period, settings.today), quarters: quartersDue(period, settings.today) };
  const overBefore = previous ? { months: monthsDue(previous, settings.today), quarters: quartersDue(previous, settings.today) } : null;
  const blockedBy = (o: { months: number[]; quarters: number[] }) => (i: number): Text | null => {
    const m = meetingCols[i].measure;
    if (m.kind !== "share" || m.of !== "cells") return null;
    if (m.over === "month") return o.months.length === 0 ? NO_MONTH_OVER : null;
    return o.quarters.length === 0 ? NO_QUARTER_OVER : null;
  };
  const meetingMaker = new RowMaker<string, MeetingKey>(meetingCols, MEETING_BITS, mode, blockedBy(over));
  const beforeMaker = overBefore ? new RowMaker<string, MeetingKey>(meetingCols, MEETING_BITS, mode, blockedBy(overBefore)) : null;
  const withPrevious = (figures: Record<MeetingKey, Figure>, prev: Record<MeetingKey, Figure> | null): Record<MeetingKey, Figure> => {
    const out = {} as Record<MeetingKey, Figure>;
    meetingCols.forEach((c, i) => {
      const key = c.key as MeetingKey;
      out[key] = compared(figures[key], prev ? prev[key] : notRecorded(NO_PREVIOUS_YEAR), meetingMaker.shape(i), "previousYear");
    });
    return out;
  };

  // A commune with no meeting row in a period sent no figures for it: "chưa có số liệu", not 0 meetings and
  // 0% of its cells meeting monthly. The same holds for "Cùng kỳ năm trước": with no rows of last year,
  // zeros there would print a rise of 100 points in "Tăng/giảm". Toàn tỉnh adds only the rows it shows.
  const withMeetings = (t: Tally | undefined): Tally | null => (t && t.units > 0 ? t : null);
  const shown: Array<{ commune: string; t: Tally }> = [];
  const shownBefore: Array<{ commune: string; t: Tally }> = [];
  const meetingRows: MeetingTableRow[] = order.map((k) => {
    const t = withMeetings(now.byCommune.get(k));
    if (!t) return { commune: name(k), noData: true };
    shown.push({ commune: name(k), t });
    const figures = meetingMaker.figures(t);
    if (!before || !beforeMaker) return { commune: name(k), figures };
    const p = withMeetings(before.byCommune.get(k));
    if (p) shownBefore.push({ commune: name(k), t: p });
    return { commune: name(k), figures: withPrevious(figures, p ? beforeMaker.figures(p) : null) };
  });
  let totalFigures = meetingMaker.total(shown, NO_DATA);
  if (beforeMaker) totalFigures = withPrevious(totalFigures, shownBefore.length > 0 ? beforeMaker.total(shownBefore, NO_PREVIOUS_YEAR) : null);
  const meetingTotal: MeetingRow = { commune: TOTAL_LABEL_VI, figures: totalFigures };
  const meetings: MeetingTable = { rows: meetingRows, total: meetingTotal };

  const cadreParts = (g: typeof secretaryGroups) => order.flatMap((k) => {
    const t = g.current.get(k);
    return t ? [{ commune: name(k), t }] : [];
  });
  const notRecordedColumns = [
    ...missingColumns("cadres", [
      { label: TABLE_NAMES.secretaries, columns: cadreCols, parts: cadreParts(secretaryGroups) },
      { label: TABLE_NAMES.committee, columns: cadreCols, parts: cadreParts(committeeGroups) },
    ], CADRE_BITS),
    ...missingColumns("meetings", [{ label: TABLE_NAMES.meetings, columns: meetingCols, parts: shown }], MEETING_BITS),
  ];

  const summary: Summary = {
    period: formatPeriod(period),
    rounding: mode,
    tables: { secretaries, committee, meetings },
    monthly: monthFigures(now.monthly, mode),
    secretaryStructure: structure,
    ageBands: settings.ageBands.map((b) => ({ key: b.key, min: b.min, max: b.max })),
    notRecorded: notRecordedColumns,
    leftOut: log.list(),
  };
  if (previous) summary.comparedWith = formatPeriod(previous);
  if (!periodIsOver(period, settings.today)) {
    summary.openPeriod = { today: formatDay(settings.today), monthsOver: over.months, quartersOver: over.quarters };
  }
  return summary;
}

/** Folded label of the total row, for hosts that look for it. */
export const TOTAL_KEY = fold(TOTAL_LABEL_VI);
