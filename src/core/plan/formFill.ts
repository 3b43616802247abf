import { CellValue, PlanOp, SheetData, WritePlan, a1, isBlank } from "../model";
import { fold } from "../text/fold";
import { communeKey } from "../summary/communes";
import { CadreRow, CountPct, MeetingMetrics, Summary, isNoData } from "../summary/types";
import { CadreMetric, MeetingMetric, MEETING_METRICS, TableKey, cadreMetrics } from "./metrics";

/**
 * Filling the user's own form (DOMAIN.md, "Filling the user's own template").
 * Rows are found by a label naming a commune or the total; columns by their
 * header path (every header row above, merged cells spread over their area),
 * matched to a metric and to its count or its percentage. Only the crossings
 * are written, and never a cell holding a formula or text.
 */
export interface FormFillOptions {
  /** Which summary table the form holds; guessed from its headers and title when absent. */
  table?: TableKey;
}

export type MetricPart = "count" | "pct";

export interface FormFillResult {
  plan: WritePlan;
  table: TableKey;
  matched: {
    rows: Array<{ row: number; label: string; commune: string; noData: boolean }>;
    columns: Array<{ col: number; header: string; metric: string; part: MetricPart }>;
  };
  unmatchedRows: Array<{ row: number; label: string }>;
  unmatchedColumns: Array<{ col: number; header: string }>;
  /** Crossings not written, and why (a formula, a text label, a commune with no data). */
  skipped: Array<{ address: string; reason: string }>;
}

const TOTAL_LABELS = ["toan tinh", "tong cong", "cong", "tong so", "toan dang bo", "tong", "whole province", "total"];
const PCT_WORDS = /(^| )(ty le|tl|%|ti le|pct)( |$)/;
const COUNT_WORDS = /(^| )(so luong|sl|so|count)( |$)/;
const MAX_HEADER_ROWS = 4;

interface Grid {
  top: number;
  left: number;
  rows: number;
  cols: number;
  text(r: number, c: number): string;
  value(r: number, c: number): CellValue;
  isFormula(r: number, c: number): boolean;
}

function grid(form: SheetData): Grid {
  const v = form.values;
  const cols = v.reduce((m, r) => Math.max(m, r.length), 0);
  // Spread each merged area's value over the area, as a person reads it.
  const spread = new Map<string, CellValue>();
  for (const m of form.merges ?? []) {
    const [a, b] = m.split(":");
    const p = parseA1(a);
    const q = parseA1(b ?? a);
    if (!p || !q) continue;
    const val = v[p.row - form.originRow]?.[p.col - form.originCol] ?? "";
    for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) if (r !== p.row || c !== p.col) spread.set(`${r},${c}`, val);
  }
  const value = (r: number, c: number): CellValue => spread.get(`${r},${c}`) ?? v[r - form.originRow]?.[c - form.originCol] ?? "";
  return {
    top: form.originRow, left: form.originCol, rows: v.length, cols,
    value,
    text: (r, c) => { const x = value(r, c); return typeof x === "string" ? x.trim() : typeof x === "number" ? String(x) : ""; },
    isFormula: (r, c) => form.formulas?.[r - form.originRow]?.[c - form.originCol] === true,
  };
}

function parseA1(s: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(s.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

const isNumbering = (s: string) => /^\(?\d{1,3}\)?$/.test(s.trim()) || /^\(?[a-z]\)?$/i.test(s.trim());

function phraseIn(path: string, phrase: string): boolean {
  return ` ${path} `.includes(` ${phrase} `);
}

/** The metric a header path names: the most specific pattern wins; a tie between metrics is no match. */
function matchMetric(path: string, metrics: Array<CadreMetric | MeetingMetric>): (CadreMetric | MeetingMetric) | null {
  let best: CadreMetric | MeetingMetric | null = null;
  let bestScore = 0;
  let tie = false;
  for (const m of metrics) {
    let score = 0;
    for (const pat of m.patterns) if (pat.every((p) => phraseIn(path, p))) score = Math.max(score, pat.join(" ").length);
    if (score > bestScore) { best = m; bestScore = score; tie = false; } else if (score > 0 && score === bestScore) tie = true;
  }
  return tie ? null : best;
}

/**
 * Match the deepest header rows first: a group label high above ("Tổng số bí
 * thư") must not outweigh the column's own label ("Nữ") below it.
 */
function matchHeader(header: string, metrics: Array<CadreMetric | MeetingMetric>): (CadreMetric | MeetingMetric) | null {
  const segments = header.split(" / ");
  for (let k = 1; k <= segments.length; k++) {
    const m = matchMetric(fold(segments.slice(segments.length - k).join(" ")), metrics);
    if (m) return m;
  }
  return null;
}

function partOf(path: string, metric: CadreMetric | MeetingMetric): MetricPart {
  if (metric.kind === "pct") return "pct";
  if (metric.kind === "count") return "count";
  return PCT_WORDS.test(path) ? "pct" : COUNT_WORDS.test(path) ? "count" : "count";
}

interface RowMatch { row: number; label: string; key: string | "total" }

function communeOfLabel(label: string, keys: ReadonlyMap<string, string>): string | "total" | null {
  const f = fold(label);
  if (f === "" ) return null;
  if (TOTAL_LABELS.includes(f)) return "total";
  const k = communeKey(label);
  return keys.has(k) ? k : null;
}

/** Which table the form holds: the one whose metrics name most of its columns; title words split tables 1 and 2. */
function guessTable(paths: string[], titleText: string, summary: Summary): TableKey {
  const cm = cadreMetrics(summary);
  const cadreHits = paths.filter((p) => matchHeader(p, cm) !== null).length;
  const meetingHits = paths.filter((p) => matchHeader(p, MEETING_METRICS) !== null).length;
  if (meetingHits > cadreHits) return "meetings";
  const t = fold(titleText);
  return /cap uy vien|dang uy vien|cap uy co so|uy vien ban chap hanh/.test(t) ? "committee" : "secretaries";
}

export function planFormFill(form: SheetData, summary: Summary, opts: FormFillOptions = {}): FormFillResult {
  const g = grid(form);
  const lastRow = g.top + g.rows - 1;
  const lastCol = g.left + g.cols - 1;

  // Every commune the summary knows (from any table), by key.
  const keys = new Map<string, string>();
  for (const t of [summary.tables.secretaries, summary.tables.committee, summary.tables.meetings]) {
    for (const r of t.rows) keys.set(communeKey(r.commune), r.commune);
  }

  // The label column: where most cells name a commune or the total.
  let labelCol = -1;
  let labelHits = 0;
  for (let c = g.left; c <= lastCol; c++) {
    let hits = 0;
    for (let r = g.top; r <= lastRow; r++) if (communeOfLabel(g.text(r, c), keys) !== null) hits++;
    if (hits > labelHits) { labelHits = hits; labelCol = c; }
  }
  const empty: FormFillResult = { plan: { ops: [] }, table: opts.table ?? "secretaries", matched: { rows: [], columns: [] }, unmatchedRows: [], unmatchedColumns: [], skipped: [] };
  if (labelCol < 0) return empty;

  const matchedRows: RowMatch[] = [];
  for (let r = g.top; r <= lastRow; r++) {
    const label = g.text(r, labelCol);
    const k = communeOfLabel(label, keys);
    if (k !== null) matchedRows.push({ row: r, label, key: k });
  }
  const firstData = matchedRows[0].row;
  const lastData = matchedRows[matchedRows.length - 1].row;

  // Header rows: the non-blank rows just above the first data row, skipping a numbering row "(1) (2) (3)".
  const headerRows: number[] = [];
  for (let r = firstData - 1; r >= g.top && headerRows.length < MAX_HEADER_ROWS; r--) {
    const texts: string[] = [];
    for (let c = g.left; c <= lastCol; c++) { const t = g.text(r, c); if (t) texts.push(t); }
    if (texts.length === 0) break;
    if (texts.every(isNumbering)) continue;
    // A title line (one text across the sheet) ends the header.
    if (texts.length === 1 && headerRows.length > 0) break;
    headerRows.unshift(r);
  }
  const titleText: string[] = [];
  for (let r = g.top; r < (headerRows[0] ?? firstData); r++) for (let c = g.left; c <= lastCol; c++) titleText.push(g.text(r, c));

  // Header paths, with a group label carried right over blank cells that have sub-labels below.
  const paths = new Map<number, string>();
  const carried = new Map<number, string>();
  for (const r of headerRows) {
    let carry = "";
    for (let c = g.left; c <= lastCol; c++) {
      let t = g.text(r, c);
      const below = r < headerRows[headerRows.length - 1] ? g.text(r + 1, c) : "";
      if (t === "" && carry !== "" && below !== "") t = carry;
      carry = t !== "" && r < headerRows[headerRows.length - 1] ? t : "";
      // A label merged down over two header rows reads once, not twice.
      const prev = carried.get(c);
      if (t !== "" && prev?.split(" / ").pop() !== t) carried.set(c, prev ? `${prev} / ${t}` : t);
    }
  }
  for (const [c, h] of carried) if (c !== labelCol) paths.set(c, h);

  const table = opts.table ?? guessTable([...paths.values()], titleText.join(" "), summary);
  const metrics: Array<CadreMetric | MeetingMetric> = table === "meetings" ? MEETING_METRICS : cadreMetrics(summary);

  const columns: FormFillResult["matched"]["columns"] = [];
  const unmatchedColumns: FormFillResult["unmatchedColumns"] = [];
  for (const [c, header] of [...paths.entries()].sort((a, b) => a[0] - b[0])) {
    const f = fold(header);
    if (/^(stt|tt|so tt|so thu tu)$/.test(f) || /ghi chu/.test(f)) continue;
    const m = matchHeader(header, metrics);
    if (m) columns.push({ col: c, header, metric: m.id, part: partOf(f, m) });
    else unmatchedColumns.push({ col: c, header });
  }

  // Rows between the header and the last matched row whose label names nothing.
  const unmatchedRows: FormFillResult["unmatchedRows"] = [];
  const matchedSet = new Set(matchedRows.map((m) => m.row));
  const headerBottom = headerRows[headerRows.length - 1] ?? firstData - 1;
  for (let r = headerBottom + 1; r <= lastData; r++) {
    if (matchedSet.has(r)) continue;
    const label = g.text(r, labelCol);
    if (label !== "" && !isNumbering(label)) unmatchedRows.push({ row: r, label });
  }

  const cells: Array<{ row: number; col: number; value: CellValue }> = [];
  const skipped: FormFillResult["skipped"] = [];
  const rowsOut: FormFillResult["matched"]["rows"] = [];
  const byId = new Map(metrics.map((m) => [m.id, m]));
  for (const mr of matchedRows) {
    const source = rowSource(summary, table, mr.key);
    const commune = mr.key === "total" ? "Toàn tỉnh" : keys.get(mr.key) ?? mr.label;
    rowsOut.push({ row: mr.row, label: mr.label, commune, noData: source === null });
    for (const col of columns) {
      const address = a1(mr.row, col.col);
      if (source === null) { skipped.push({ address, reason: "chưa có số liệu / no data" }); continue; }
      if (g.isFormula(mr.row, col.col)) { skipped.push({ address, reason: "ô chứa công thức / formula" }); continue; }
      const current = g.value(mr.row, col.col);
      if (!isBlank(current) && typeof current !== "number") { skipped.push({ address, reason: "ô chứa chữ / text cell" }); continue; }
      const m = byId.get(col.metric) as CadreMetric | MeetingMetric;
      const v = (m.get as (r: unknown) => CountPct | number | null)(source);
      const value = v === null ? null : typeof v === "number" ? v : col.part === "pct" ? v.pct : v.count;
      if (value === null) { skipped.push({ address, reason: "không có tỷ lệ (mẫu số 0) / no share" }); continue; }
      cells.push({ row: mr.row, col: col.col, value });
    }
  }
  const ops: PlanOp[] = cells.length > 0 ? [{ op: "formCells", sheet: form.name, cells }] : [];
  return { plan: { ops }, table, matched: { rows: rowsOut, columns }, unmatchedRows, unmatchedColumns, skipped };
}

function rowSource(summary: Summary, table: TableKey, key: string | "total"): CadreRow | MeetingMetrics | null {
  const t = summary.tables[table];
  if (key === "total") return t.total;
  const row = (t.rows as Array<CadreRow | MeetingMetrics & { commune: string } | { commune: string; noData: true }>).find((r) => communeKey(r.commune) === key);
  if (!row || isNoData(row as { commune: string })) return null;
  return row as CadreRow | MeetingMetrics;
}
