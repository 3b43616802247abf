import { TrackerColumn } from "../model/tables";
import { CellValue } from "../model/values";
import { fold } from "../text/fold";
import { Grid } from "./grid";
import { HEADER_SEARCH_ROWS, TableHeader, readColumns } from "./header";
import { matchHeader } from "./headerMatch";
import { HeaderColumn } from "./kind";
import { TimeLabel, readTimeLabel } from "./timeLabel";

export { readTimeLabel } from "./timeLabel";
export type { TimeLabel } from "./timeLabel";

/**
 * The wide meeting tracker: one row per cell, one column per month, each cell
 * holding the date of the month's meeting, a mark (x, ✓, "Có") or nothing, and
 * sometimes a column per quarter (or per month) for the thematic meeting.
 * Offices head the months "Tháng 1" … "Tháng 12", "T1" … "T12", "Th1",
 * "01/2025", or "Tháng" over 1 … 12, and the quarters "Quý I" over "T1 | T2 |
 * T3 | CĐ", or "CĐ Quý I". Its header matches no list (no date column), so it
 * is found here, before the lists are looked for.
 */

/** A column's time, from its own label and its groups' ("Quý I" over "CĐ", "Tháng" over "3"). */
function columnTime(col: HeaderColumn): TimeLabel | undefined {
  const merged: TimeLabel = {};
  let any = false;
  for (const text of col.texts) {
    const t = readTimeLabel(text);
    if (!t) continue;
    any = true;
    merged.month ??= t.month;
    merged.quarter ??= t.quarter;
    merged.year ??= t.year;
    merged.kind ??= t.kind;
  }
  return any ? merged : undefined;
}

/** The tracker found at a header, in 0-based indexes (TableHeader's shape, with its time columns). */
export interface TrackerHeader extends TableHeader {
  times: Array<Omit<TrackerColumn, "col"> & { index: number }>;
}

export interface TrackerFound {
  top: number;
  bottom: number;
  table: TrackerHeader;
}

/** The cell column: a label that surely names the party cell ("Tên chi bộ", "Chi bộ", "Cell"). */
function isCellLabel(col: HeaderColumn): boolean {
  return col.texts.some((t) => matchHeader(t).meetings.some((h) => h.field === "cell" && h.confidence >= 0.9));
}

function isCommuneLabel(col: HeaderColumn): boolean {
  return col.texts.some((t) => matchHeader(t).meetings.some((h) => h.field === "commune" && h.confidence >= 0.9));
}

/** A list of meetings has a date column: then it is a list, not a tracker. */
function isDateLabel(col: HeaderColumn): boolean {
  return col.texts.some((t) => matchHeader(t).meetings.some((h) => h.field === "date" && h.confidence >= 0.9));
}

/** Rows under the header looked at to tell a tracker (dates, days, marks) from a report (counts per month). */
const VALUE_CHECK_ROWS = 30;

/** A number no tracker cell holds: not a day of the month, not a mark, not a date serial. A count. */
function isCount(v: CellValue): boolean {
  return typeof v === "number" && (v > 31 || !Number.isInteger(v)) && v < 367;
}

function readTracker(g: Grid, top: number, bottom: number, last: number): TrackerFound | undefined {
  const cols = readColumns(g, top, bottom).filter((c) => c.texts.length > 0);
  const cellCol = cols.find((c) => !c.stt && !c.continues && isCellLabel(c) && !columnTime(c));
  if (!cellCol) return undefined;
  if (cols.some(isDateLabel)) return undefined;
  // Sub-header rows leave the cell column blank; a data row names its cell there.
  for (let r = top + 1; r <= bottom; r++) if (g.raw(r, cellCol.index) !== "" && g.headerValue(r, cellCol.index) !== g.raw(top, cellCol.index)) return undefined;
  const times: TrackerHeader["times"] = [];
  let lastMonth: number | undefined;
  for (const c of cols) {
    if (c === cellCol || c.stt || c.continues) continue;
    const t = columnTime(c);
    if (!t) continue;
    if (t.month !== undefined) {
      times.push({ index: c.index, month: t.month, year: t.year, kind: t.kind ?? "Thường kỳ" });
      lastMonth = t.month;
    } else if (t.quarter !== undefined && t.kind !== "Thường kỳ") {
      times.push({ index: c.index, quarter: t.quarter, year: t.year, kind: "Chuyên đề" });
    } else if (t.kind === "Chuyên đề" && lastMonth !== undefined) {
      // "T1 | T2 | T3 | CĐ": the thematic column of the quarter its months just ended.
      times.push({ index: c.index, quarter: Math.ceil(lastMonth / 3) as 1 | 2 | 3 | 4, year: t.year, kind: "Chuyên đề" });
    }
  }
  const months = new Set(times.filter((t) => t.month !== undefined).map((t) => t.month));
  const quarters = new Set(times.filter((t) => t.quarter !== undefined).map((t) => t.quarter));
  if (months.size < 3 && quarters.size < 2) return undefined;
  const stop = Math.min(last, bottom + VALUE_CHECK_ROWS);
  for (let r = bottom + 1; r <= stop; r++) for (const t of times) if (isCount(g.raw(r, t.index))) return undefined;
  const timeIdx = new Set(times.map((t) => t.index));
  const communeCol = cols.find((c) => c !== cellCol && !c.stt && !c.continues && !timeIdx.has(c.index) && isCommuneLabel(c));
  const assignments = [{ field: "cell", index: cellCol.index, confidence: 1, shared: false }];
  if (communeCol) assignments.push({ field: "commune", index: communeCol.index, confidence: 1, shared: false });
  const used = new Set([...timeIdx, ...assignments.map((a) => a.index)]);
  const unmapped = cols.filter((c) => !c.stt && !c.continues && !used.has(c.index));
  const left = Math.min(...cols.map((c) => c.index));
  const right = Math.max(...cols.map((c) => c.index));
  const mappedRatio = used.size / (used.size + unmapped.length);
  const confidence = Math.round((0.75 + 0.25 * mappedRatio) * 100) / 100;
  return {
    top,
    bottom,
    table: {
      left, right, columns: cols, times,
      match: { kind: "meetings", assignments, unmapped, score: times.length + assignments.length, confidence },
    },
  };
}

/**
 * The tracker whose header lies among the first rows of the block first..last
 * (0-based), reading one to three header rows ("Quý I" over "T1 | T2 | T3 |
 * CĐ", "Tháng" over 1 … 12); the reading with the most time columns wins.
 */
export function findTracker(g: Grid, first: number, last: number): TrackerFound | undefined {
  let best: TrackerFound | undefined;
  const stop = Math.min(last, first + HEADER_SEARCH_ROWS - 1);
  for (let r = first; r <= stop; r++) {
    for (let bottom = r; bottom <= Math.min(last, r + 2); bottom++) {
      const found = readTracker(g, r, bottom, last);
      if (found && (!best || found.table.times.length > best.table.times.length)) best = found;
    }
    if (best) return best;
  }
  return best;
}

/**
 * The year a tracker's title or tab names: "THEO DÕI SINH HOẠT CHI BỘ NĂM
 * 2025", "Quý I/2025", "SH 2025". The date line of the header block ("…, ngày
 * 10 tháng 01 năm 2026", when the report was signed) and a term ("nhiệm kỳ
 * 2025-2030") are not the tracker's year.
 */
export function yearOfTitles(texts: readonly string[]): number | undefined {
  for (const text of texts) {
    const k = fold(text);
    if (/\bngay\b.*\bthang\b.*\bnam\b/.test(k) || /\bnhiem ky\b/.test(k)) continue;
    const m = /\b(?:nam|quy [ivx1-4]+|q [1-4])\s+((?:19|20)\d\d)\b/.exec(k) ?? /^(?:.*\D)?((?:19|20)\d\d)(?:\D.*)?$/.exec(k);
    if (m) return Number(m[1]);
  }
  return undefined;
}
