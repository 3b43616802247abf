import {
  COMMITTEE_ROLES, Dataset, MEETING_KINDS, MeetingKind, Period, Role, Settings, formatPeriod, periodEnd, previousYearPeriod,
} from "../model";
import { fold } from "../text/fold";
import { hasMeetingTime, isFutureMeeting, meetingTimeKey, meetingYear, meetsQuality } from "../facts";
import { CadreCounts, addCadreCounts, addToStructure, cadreRow, countCadre, emptyCadreCounts, emptyStructure } from "./cadres";
import { buildCommuneIndex, orderCommunes, resolveCommune } from "./communes";
import { LeftOutLog } from "./leftOut";
import {
  MeetingCounts, PlacedMeeting, addMeetingCounts, countMeetings, emptyMeetingCounts, meetingChange, meetingMetrics, monthFigures,
} from "./meetings";
import { CadreTable, CadreTableRow, MeetingRow, MeetingTable, MeetingTableRow, Summary, TOTAL_LABEL_VI } from "./types";

export interface SummarizeOptions {
  /** Add "Cùng kỳ năm trước" and "Tăng/giảm" to table 3. */
  compareWithPreviousYear?: boolean;
}

const SECRETARY: Role = "Bí thư chi bộ";
const COMMITTEE = new Set<Role>(COMMITTEE_ROLES);
const KIND_INDEX = new Map<MeetingKind, number>(MEETING_KINDS.values.map((k, i) => [k, i]));

/**
 * Tables 1, 2 and 3 of DOMAIN.md for one period, per commune and for the
 * whole province. Rows with error findings are still counted wherever their
 * fields could be read; rows that cannot be placed at all are listed in
 * `leftOut`, with the reason.
 */
export function summarize(dataset: Dataset, period: Period, settings: Settings, opts: SummarizeOptions = {}): Summary {
  const mode = settings.rounding;
  const bands = settings.ageBands;
  const index = buildCommuneIndex(dataset);
  const log = new LeftOutLog();
  const withData = new Set<string>();

  // Tables 1 and 2.
  const at = periodEnd(period);
  const secretaries = new Map<string, CadreCounts>();
  const committee = new Map<string, CadreCounts>();
  const structure = emptyStructure();
  const plausibleAges = { min: settings.minAge, max: settings.maxAge };
  for (const c of dataset.cadres) {
    if (c.role === null) { log.add("cadre/no-role", c.sheet, c.row); continue; }
    const isSecretary = c.role === SECRETARY;
    if (!isSecretary && !COMMITTEE.has(c.role)) continue;
    const k = resolveCommune(index, c.commune, c.cell);
    if (k === null) { log.add("cadre/no-commune", c.sheet, c.row); continue; }
    withData.add(k);
    const table = isSecretary ? secretaries : committee;
    let counts = table.get(k);
    if (!counts) { counts = emptyCadreCounts(bands.length); table.set(k, counts); }
    const gaps = countCadre(counts, c, at, bands, plausibleAges);
    if (gaps.birth) log.add("cadre/no-birth", c.sheet, c.row);
    if (gaps.ageOutOfRange) log.add("cadre/age-out-of-range", c.sheet, c.row);
    if (gaps.gender) log.add("cadre/no-gender", c.sheet, c.row);
    if (gaps.ethnicity) log.add("cadre/no-ethnicity", c.sheet, c.row);
    if (isSecretary) addToStructure(structure, c);
  }

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
    if (relevant && m.kind === null) log.add("meeting/no-kind", m.sheet, m.row);
    if (relevant && (m.present === null || m.total === null)) log.add("meeting/no-attendance", m.sheet, m.row);
    // Absences the row does not say were excused or not (facts/quality): the check cannot fault the meeting, and
    // the summary cannot count it as meeting the standard; it says so rather than count it either way.
    else if (relevant && meetsQuality(m, settings.qualityAttendancePct) === null) log.add("meeting/quality-unknown", m.sheet, m.row);
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
  const now = countMeetings(placed, cellsByCommune, cellCount, period, settings);
  const before = previous ? countMeetings(placed, cellsByCommune, cellCount, previous, settings) : null;

  const order = orderCommunes(index, withData);
  const name = (k: string) => index.names.get(k) ?? k;

  const cadreTable = (counts: Map<string, CadreCounts>): CadreTable => {
    const total = emptyCadreCounts(bands.length);
    const rows: CadreTableRow[] = order.map((k) => {
      const c = counts.get(k);
      if (!c) return { commune: name(k), noData: true };
      addCadreCounts(total, c);
      return cadreRow(name(k), c, bands, mode);
    });
    return { rows, total: cadreRow(TOTAL_LABEL_VI, total, bands, mode) };
  };

  const meetingRow = (label: string, c: MeetingCounts, prev: MeetingCounts | null): MeetingRow => {
    const metrics = meetingMetrics(c, mode);
    if (!prev) return { commune: label, ...metrics };
    const previousYear = meetingMetrics(prev, mode);
    return { commune: label, ...metrics, previousYear, change: meetingChange(metrics, previousYear) };
  };

  // A commune with no meeting row in a period sent no figures for it: "chưa có số liệu", not 0 meetings and
  // 0% of its cells meeting monthly. The same holds for "Cùng kỳ năm trước": with no rows of last year,
  // zeros there would print a rise of 100 points in "Tăng/giảm". Toàn tỉnh adds only the rows it shows.
  const withMeetings = (c: MeetingCounts | undefined): MeetingCounts | null => (c && c.meetings > 0 ? c : null);
  const meetingTable = (): MeetingTable => {
    const total = emptyMeetingCounts();
    const totalBefore = emptyMeetingCounts();
    const rows: MeetingTableRow[] = order.map((k) => {
      const c = withMeetings(now.byCommune.get(k));
      if (!c) return { commune: name(k), noData: true };
      addMeetingCounts(total, c);
      const p = before ? withMeetings(before.byCommune.get(k)) : null;
      if (p) addMeetingCounts(totalBefore, p);
      return meetingRow(name(k), c, p);
    });
    return { rows, total: meetingRow(TOTAL_LABEL_VI, total, totalBefore.meetings > 0 ? totalBefore : null) };
  };

  const summary: Summary = {
    period: formatPeriod(period),
    rounding: mode,
    tables: { secretaries: cadreTable(secretaries), committee: cadreTable(committee), meetings: meetingTable() },
    monthly: monthFigures(now.monthly, mode),
    secretaryStructure: structure,
    ageBands: bands.map((b) => ({ key: b.key, min: b.min, max: b.max })),
    leftOut: log.list(),
  };
  if (previous) summary.comparedWith = formatPeriod(previous);
  return summary;
}

/** Folded label of the total row, for hosts that look for it. */
export const TOTAL_KEY = fold(TOTAL_LABEL_VI);
