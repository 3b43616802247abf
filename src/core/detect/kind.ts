import { FIELDS, TABLE_KINDS, TableKind } from "../model/fields";
import { FieldHit, matchHeader } from "./headerMatch";
import { isMetricLabel } from "./headerWords";

/** One column of a header as read: the texts it may be read as, and how to show it. */
export interface HeaderColumn {
  /** 0-based index into the sheet's values. */
  index: number;
  /** Texts to try, most specific first: the sub-header, then group + sub-header. */
  texts: string[];
  /** The header as it reads, both rows joined with " / ". */
  display: string;
  stt: boolean;
  /** The column is the right part of a label merged over several columns: not a column of its own. */
  continues?: boolean;
}

export interface FieldAssignment {
  field: string;
  index: number;
  confidence: number;
  shared: boolean;
}

export interface KindMatch {
  kind: TableKind;
  assignments: FieldAssignment[];
  /** Header columns that are neither a field nor the STT column. */
  unmapped: HeaderColumn[];
  score: number;
  /** Overall confidence 0..1. */
  confidence: number;
}

/**
 * The fields a table kind cannot do without, any one of them: a row of that
 * table is about it. MEETINGS is anchored on the date, the one thing every
 * meeting row has; CADRES on the name, or its family part when the sheet splits
 * the name in two ("Họ đệm" | "Tên").
 */
export const ANCHORS: Record<TableKind, readonly string[]> = { cells: ["cell"], cadres: ["name", "surname"], meetings: ["date"], communes: ["commune"] };

/** A split name needs both parts: a lone "Họ" column is no name. */
function hasAnchor(kind: TableKind, assignments: readonly FieldAssignment[]): FieldAssignment | undefined {
  const fields = new Set(assignments.map((a) => a.field));
  return assignments.find((a) => ANCHORS[kind].includes(a.field) && (a.field !== "surname" || fields.has("givenName")));
}

/** Weight of a match whose synonym names fields of several kinds ("Chi bộ", "Xã"). */
const SHARED_WEIGHT = 0.5;

function hitsFor(kind: TableKind, col: HeaderColumn): FieldHit[] {
  const best = new Map<string, FieldHit>();
  for (const text of col.texts) {
    for (const h of matchHeader(text)[kind]) {
      const prev = best.get(h.field);
      if (!prev || h.confidence > prev.confidence) best.set(h.field, h);
    }
  }
  return [...best.values()];
}

/** Each field to one column and each column to one field, surest matches first. */
export function assign(kind: TableKind, cols: readonly HeaderColumn[]): FieldAssignment[] {
  const candidates: FieldAssignment[] = [];
  for (const col of cols) {
    if (col.stt || col.continues) continue;
    for (const h of hitsFor(kind, col)) candidates.push({ field: h.field, index: col.index, confidence: h.confidence, shared: h.shared });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const usedFields = new Set<string>();
  const usedCols = new Set<number>();
  const out: FieldAssignment[] = [];
  for (const c of candidates) {
    if (usedFields.has(c.field) || usedCols.has(c.index)) continue;
    usedFields.add(c.field);
    usedCols.add(c.index);
    out.push(c);
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Surely a field: a column matched this well is one even when its label is an amount ("Số đảng viên"). */
const SURE_FIELD = 0.9;

/**
 * A report form, not a list: its columns are mostly figures ("Tổng số", "Nữ",
 * "Dưới 40 tuổi", "Số lượng" | "Tỷ lệ %") per commune or cell, and they
 * outnumber the columns that surely are fields of this kind. Each column is
 * judged by its own label, the most specific text, so "Bí thư chi bộ / Nữ" is
 * the figure "Nữ". A list keeps its figures fewer than its fields (a cadres
 * list with "Đại học" | "Cao đẳng" tick columns still has name, birth, role…).
 */
function isReport(cols: readonly HeaderColumn[], assignments: readonly FieldAssignment[]): boolean {
  const sure = new Set(assignments.filter((a) => a.confidence >= SURE_FIELD).map((a) => a.index));
  let metric = 0;
  for (const c of cols) {
    if (c.stt || c.continues || sure.has(c.index) || c.texts.length === 0) continue;
    if (isMetricLabel(c.texts[0])) metric++;
  }
  return metric >= 2 && metric > assignments.length;
}

function evaluateKind(kind: TableKind, cols: readonly HeaderColumn[]): KindMatch | undefined {
  const assignments = assign(kind, cols);
  const anchor = hasAnchor(kind, assignments);
  if (!anchor) return undefined;
  const strong = assignments.some((a) => a.confidence >= 0.9);
  const hasStt = cols.some((c) => c.stt);
  // A one-column list of communes ("STT | Tên xã/phường") is still a table; any
  // other table needs two fields, so that a lone title "Chi bộ thôn 1" is not one.
  const enough = assignments.length >= 2 || (kind === "communes" && anchor.confidence >= 0.9 && hasStt);
  if (!strong || !enough) return undefined;
  if (isReport(cols, assignments)) return undefined;
  const mappedIdx = new Set(assignments.map((a) => a.index));
  const unmapped = cols.filter((c) => !c.stt && !c.continues && !mappedIdx.has(c.index));
  const weighted = assignments.reduce((s, a) => s + a.confidence * (a.shared ? SHARED_WEIGHT : 1), 0);
  const coverage = assignments.length / FIELDS[kind].length;
  const score = weighted + 0.5 * coverage;
  const mean = assignments.reduce((s, a) => s + a.confidence, 0) / assignments.length;
  const mappedRatio = assignments.length / (assignments.length + unmapped.length);
  const confidence = Math.round(mean * (0.75 + 0.25 * mappedRatio) * 100) / 100;
  return { kind, assignments, unmapped, score, confidence };
}

/**
 * Whether these header columns are a report form: no kind reads them as a
 * list, and for some kind the anchor is there but figures outnumber the
 * fields (see isReport). A cadres list's "Năm sinh / Nam | Nữ" are figures
 * to the communes kind, yet the columns are a list: the cadres kind reads them.
 */
export function isReportHeader(cols: readonly HeaderColumn[]): boolean {
  if (bestKind(cols)) return false;
  for (const kind of TABLE_KINDS) {
    const assignments = assign(kind, cols);
    if (hasAnchor(kind, assignments) && isReport(cols, assignments)) return true;
  }
  return false;
}

/**
 * The table kind these header columns describe best, or undefined when they
 * describe none. "Chi bộ" and "Xã" appear in three kinds, so they count half;
 * the distinctive fields ("Họ và tên", "Ngày sinh hoạt", "Loại hình") decide.
 */
export function bestKind(cols: readonly HeaderColumn[]): KindMatch | undefined {
  let best: KindMatch | undefined;
  for (const kind of TABLE_KINDS) {
    const m = evaluateKind(kind, cols);
    if (m && (!best || m.score > best.score + 1e-9)) best = m;
  }
  return best;
}
