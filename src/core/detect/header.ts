import { isBlank } from "../model/values";
import { Grid, text } from "./grid";
import { isSttHeader } from "./headerMatch";
import { HeaderColumn, KindMatch, bestKind, isReportHeader } from "./kind";
import { isNumberingRow } from "./rowKinds";

/** One table's part of a header row: its columns and what they match. */
export interface TableHeader {
  /** 0-based first and last column of the table. */
  left: number;
  right: number;
  columns: HeaderColumn[];
  match: KindMatch;
}

/** A header found on a sheet: one to three rows, holding one table or several side by side. */
export interface HeaderFound {
  /** 0-based first and last header row. */
  top: number;
  bottom: number;
  tables: TableHeader[];
  score: number;
}

/** Headers sit under at most this many title rows at the top of a block. */
export const HEADER_SEARCH_ROWS = 15;

/** Data rows looked at to tell two tables side by side from one table with an unlabelled column. */
const SEPARATOR_CHECK_ROWS = 5;

/** The header columns of rows top..bottom (one to three rows), every column of the sheet. */
export function readColumns(g: Grid, top: number, bottom: number): HeaderColumn[] {
  const cols = stackedColumns(g, top, bottom);
  markContinuations(g, cols, bottom);
  return cols;
}

/**
 * A label merged over two columns with nothing under it ("Họ và tên" over B:C)
 * reads the same in both; only the first is a column, as a person sees it.
 */
function markContinuations(g: Grid, cols: HeaderColumn[], row: number): void {
  for (let c = 1; c < cols.length; c++) {
    const col = cols[c];
    if (col.texts.length === 0 || col.display !== cols[c - 1].display) continue;
    const m = g.mergeAt(row, c);
    if (m && m.left < c) col.continues = true;
  }
}

/**
 * Reads each column down the header rows. A group label ("Trình độ" over
 * "Chuyên môn" | "LLCT", "Vắng" over "Có lý do" | "Không lý do") is, without
 * merge information, only in the group's first column, so it is carried right
 * while the columns under it have labels further down. A column's texts are
 * its own label first, then with its groups in front, most specific first.
 */
function stackedColumns(g: Grid, top: number, bottom: number): HeaderColumn[] {
  const height = bottom - top + 1;
  const labels: string[][] = [];
  for (let k = 0; k < height; k++) {
    const row: string[] = [];
    for (let c = 0; c < g.width; c++) row.push(text(g.headerValue(top + k, c)));
    labels.push(row);
  }
  for (let k = 0; k < height - 1; k++) {
    let group = "";
    for (let c = 0; c < g.width; c++) {
      const t = labels[k][c];
      let below = false;
      for (let j = k + 1; j < height; j++) if (labels[j][c] !== "" && labels[j][c] !== t) below = true;
      const next = labels[k + 1][c];
      if (t !== "") group = next !== "" && next !== t ? t : "";
      else if (below) labels[k][c] = group;
      else group = "";
    }
  }
  const cols: HeaderColumn[] = [];
  for (let c = 0; c < g.width; c++) {
    const chain: string[] = [];
    for (let k = 0; k < height; k++) {
      const t = labels[k][c];
      // A label merged down over several header rows is one label.
      if (t !== "" && t !== chain[chain.length - 1]) chain.push(t);
    }
    const texts: string[] = [];
    for (let i = chain.length - 1; i >= 0; i--) texts.push(chain.slice(i).join(" "));
    const stt = chain.length > 0 && isSttHeader(chain[chain.length - 1]);
    cols.push({ index: c, texts, display: chain.join(" / "), stt });
  }
  return cols;
}

/** Could rows r and r+1 be one header whose top row groups the bottom one? */
export function twoRowPlausible(g: Grid, r: number, lastRow: number): boolean {
  const b = r + 1;
  if (b > lastRow) return false;
  const bottomRow = g.values[b] ?? [];
  for (const v of bottomRow) if (typeof v === "number" || typeof v === "boolean") return false;
  if (isNumberingRow(bottomRow, 0, g.width - 1)) return false;
  for (const m of g.mergesStartingAt(r)) {
    if (m.bottom >= b) return true;
    if (m.right > m.left) {
      for (let c = m.left; c <= m.right; c++) if (!isBlank(g.raw(b, c))) return true;
    }
  }
  for (let c = 1; c < g.width; c++) {
    if (!isBlank(g.raw(r, c)) || isBlank(g.raw(b, c))) continue;
    // A blank top cell over a sub-header: it belongs to a group if the cells to
    // its left, back to the group's label, all have sub-headers too.
    let k = c - 1;
    while (k >= 0 && isBlank(g.raw(r, k)) && !isBlank(g.raw(b, k))) k--;
    if (k >= 0 && !isBlank(g.raw(r, k)) && !isBlank(g.raw(b, k))) return true;
  }
  return false;
}

interface Segment {
  left: number;
  right: number;
}

function segmentsOf(cols: readonly HeaderColumn[]): Segment[] {
  const out: Segment[] = [];
  let cur: Segment | undefined;
  for (const col of cols) {
    if (col.texts.length === 0) {
      cur = undefined;
      continue;
    }
    if (cur) cur.right = col.index;
    else {
      cur = { left: col.index, right: col.index };
      out.push(cur);
    }
  }
  return out;
}

function separatorIsEmpty(g: Grid, from: number, to: number, afterRow: number): boolean {
  const last = Math.min(g.rowCount - 1, afterRow + SEPARATOR_CHECK_ROWS);
  for (let r = afterRow + 1; r <= last; r++) for (let c = from; c <= to; c++) if (!isBlank(g.raw(r, c))) return false;
  return true;
}

function tableOf(cols: readonly HeaderColumn[], seg: Segment): TableHeader | undefined {
  const columns = cols.slice(seg.left, seg.right + 1).filter((c) => c.texts.length > 0);
  const match = bestKind(columns);
  return match ? { left: seg.left, right: seg.right, columns, match } : undefined;
}

/**
 * The tables a header reading describes. Blank header columns split it into
 * segments; two neighbours are separate tables (side by side) only when each
 * is a table on its own and the columns between them are empty below the
 * header too; otherwise the blank column is an unlabelled column of one table.
 */
function tablesOf(g: Grid, cols: readonly HeaderColumn[], bottom: number): TableHeader[] {
  const segs = segmentsOf(cols);
  const groups: Segment[] = [];
  for (const seg of segs) {
    const prev = groups[groups.length - 1];
    if (!prev) {
      groups.push({ ...seg });
      continue;
    }
    const apart =
      tableOf(cols, prev) !== undefined &&
      tableOf(cols, seg) !== undefined &&
      separatorIsEmpty(g, prev.right + 1, seg.left - 1, bottom);
    if (apart) groups.push({ ...seg });
    else prev.right = seg.right;
  }
  const out: TableHeader[] = [];
  for (const seg of groups) {
    const t = tableOf(cols, seg);
    if (t) out.push(t);
  }
  return out;
}

function scoreOf(tables: readonly TableHeader[]): number {
  return tables.reduce((s, t) => s + t.match.score, 0);
}

/** Cheap test before reading a row as a header: labels are text, data rows hold numbers. */
export function mayBeHeader(g: Grid, r: number): boolean {
  const row = g.values[r];
  if (!row) return false;
  let strings = 0;
  let numbers = 0;
  for (const v of row) {
    if (typeof v === "string") {
      if (v.trim() !== "") strings++;
    } else if (typeof v === "number" || typeof v === "boolean") numbers++;
  }
  return strings >= 2 && numbers <= 1;
}

/** Header rows at most: a title row of groups, sub-groups, labels. */
const MAX_HEADER_ROWS = 3;

/** Column spans (of any reading of the header) whose columns form a report, not a list. */
export function reportSpans(cols: readonly HeaderColumn[]): Array<{ left: number; right: number }> {
  return segmentsOf(cols).filter((seg) => isReportHeader(cols.slice(seg.left, seg.right + 1).filter((c) => c.texts.length > 0)));
}

/**
 * Reads row r (and the rows under it when they are sub-headers) as a header;
 * undefined if no table fits. A span that some reading shows to be a report
 * form is no table in any reading: read as one row, "Bí thư chi bộ" merged over
 * "Tổng số" | "Nữ" | … hides the figures under it, but they are still there.
 */
export function readHeaderAt(g: Grid, r: number, lastRow: number): HeaderFound | undefined {
  if (!mayBeHeader(g, r)) return undefined;
  const readings: HeaderFound[] = [];
  const reports: Segment[] = [];
  for (let bottom = r; bottom < r + MAX_HEADER_ROWS && bottom <= lastRow; bottom++) {
    // Each further row must be a sub-header of the one above it.
    if (bottom > r && !twoRowPlausible(g, bottom - 1, lastRow)) break;
    const cols = readColumns(g, r, bottom);
    reports.push(...reportSpans(cols));
    const tables = tablesOf(g, cols, bottom);
    readings.push({ top: r, bottom, tables, score: scoreOf(tables) });
  }
  let found: HeaderFound | undefined;
  for (const reading of readings) {
    const tables = reading.tables.filter((t) => !reports.some((s) => s.left <= t.right && t.left <= s.right));
    const score = scoreOf(tables);
    // On a tie the taller reading wins: it names the columns more fully.
    if (tables.length && (!found || score >= found.score)) found = { ...reading, tables, score };
  }
  return found;
}

/** The best header among the first rows of the block first..last (0-based, inclusive). */
export function findHeader(g: Grid, first: number, last: number): HeaderFound | undefined {
  let best: HeaderFound | undefined;
  const stop = Math.min(last, first + HEADER_SEARCH_ROWS - 1);
  for (let r = first; r <= stop; r++) {
    const h = readHeaderAt(g, r, last);
    if (h && (!best || h.score > best.score + 1e-9)) best = h;
  }
  return best;
}
