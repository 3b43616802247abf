import { CellValue, DetectedTable, PlanOp, SheetData, WorkbookData, WritePlan, a1, isBlank, Text } from "../model";
import { fold } from "../text/fold";
import { TOTAL_ROW_LABELS } from "../text/totalLabel";
import { communeKey } from "../summary/communes";
import { Comparand, Figure, NOT_RECORDED_MARK, Summary, SummaryRow, isNoData } from "../summary/types";
import { Metric, MEETING_METRICS, TableKey, cadreMetrics, figureAt, metricsOf } from "./metrics";

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

/** Which number of a metric a form column holds: this period's count or %, the previous term's (or last year's), or the change. */
export type MetricPart = "count" | "pct" | "previousCount" | "previousPct" | "change";

/** Why a crossing the form names was left as it is. */
export type SkipReason = "formula" | "text" | "noShare" | "noComparison";

export const SKIP_REASONS: Record<SkipReason, Text> = {
  formula: { vi: "ô có công thức, không ghi đè", en: "the cell holds a formula; not overwritten" },
  text: { vi: "ô có chữ của người dùng, không ghi đè", en: "the cell holds your text; not overwritten" },
  noShare: { vi: "không có tỷ lệ (mẫu số bằng 0)", en: "no share (the denominator is 0)" },
  noComparison: { vi: "bảng tổng hợp chưa có cột so sánh này (hãy chọn so sánh khi tạo bảng tổng hợp)", en: "the summary has no such comparison (choose it when making the summary)" },
};

export interface FormFillResult {
  plan: WritePlan;
  table: TableKey;
  matched: {
    rows: Array<{ row: number; label: string; commune: string; noData: boolean }>;
    columns: Array<{ col: number; header: string; metric: string; part: MetricPart }>;
  };
  unmatchedRows: Array<{ row: number; label: string }>;
  unmatchedColumns: Array<{ col: number; header: string }>;
  /** Rows of communes that sent no data ("chưa có số liệu"): left blank, every crossing of the row. */
  noDataRows: Array<{ row: number; label: string }>;
  /** Crossings not written, and why (the reason, and its sentence in both languages). */
  skipped: Array<{ address: string; reason: SkipReason; note: Text }>;
  /** Crossings written "–": the figure is not recorded, and this is why. */
  notRecorded: Array<{ address: string; note: Text }>;
}

const PCT_WORDS = /(^| )(ty le|tl|%|ti le|pct)( |$)/;
const COUNT_WORDS = /(^| )(so luong|sl|so|count)( |$)/;
const PREVIOUS_WORDS = /(^| )(khoa truoc|nhiem ky truoc|ky truoc|cung ky|nam truoc|previous|last year)( |$)/;
const CHANGE_WORDS = /(^| )(tang giam|change)( |$)/;
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
interface Scored { metric: Metric; score: number }

function matchMetric(path: string, metrics: readonly Metric[]): Scored | null {
  let best: Metric | null = null;
  let bestScore = 0;
  let tie = false;
  for (const m of metrics) {
    let score = 0;
    for (const pat of m.patterns) if (pat.every((p) => phraseIn(path, p))) score = Math.max(score, pat.join(" ").length);
    if (score > bestScore) { best = m; bestScore = score; tie = false; } else if (score > 0 && score === bestScore) tie = true;
  }
  return tie || best === null ? null : { metric: best, score: bestScore };
}

/**
 * Match the deepest header rows first: a group label high above ("Tổng số bí
 * thư") must not outweigh the column's own label ("Nữ") below it.
 */
function matchHeaderScored(header: string, metrics: readonly Metric[]): Scored | null {
  const segments = header.split(" / ");
  for (let k = 1; k <= segments.length; k++) {
    const m = matchMetric(fold(segments.slice(segments.length - k).join(" ")), metrics);
    if (m) return m;
  }
  return null;
}

function matchHeader(header: string, metrics: readonly Metric[]): Metric | null {
  return matchHeaderScored(header, metrics)?.metric ?? null;
}

/** Count or %, this period or the one compared, or the change: the deepest header row that says decides. */
function partOf(header: string, metric: Metric): MetricPart {
  const path = fold(header);
  if (CHANGE_WORDS.test(path)) return "change";
  let pct = metric.kind === "pct";
  if (metric.kind === "countPct") {
    const deepest = fold(header.split(" / ").pop() ?? header);
    pct = PCT_WORDS.test(deepest) ? true : COUNT_WORDS.test(deepest) ? false : PCT_WORDS.test(path);
  }
  if (PREVIOUS_WORDS.test(path)) return pct ? "previousPct" : "previousCount";
  return pct ? "pct" : "count";
}

interface RowMatch { row: number; label: string; key: string | "total" }

function communeOfLabel(label: string, keys: ReadonlyMap<string, string>): string | "total" | null {
  const f = fold(label);
  if (f === "" ) return null;
  // A form row is the total only by its whole label: "Cộng xã Yên Lạc" on a form is that commune's row.
  if (TOTAL_ROW_LABELS.has(f)) return "total";
  const k = communeKey(label);
  return keys.has(k) ? k : null;
}

/** Which table the form holds: the one whose metrics name most of its columns; title words split tables 1 and 2. */
function guessTable(paths: string[], titleText: string, summary: Summary): TableKey {
  // The family whose labels say more of the headers wins: "Đăng Sổ tay điện tử" is a meeting's, "Dùng Sổ tay" a cadre's.
  const cm = cadreMetrics(summary);
  const weight = (metrics: readonly Metric[]) => paths.reduce((sum, p) => sum + (matchHeaderScored(p, metrics)?.score ?? 0), 0);
  if (weight(MEETING_METRICS) > weight(cm)) return "meetings";
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
  const empty: FormFillResult = {
    plan: { ops: [] }, table: opts.table ?? "secretaries", matched: { rows: [], columns: [] }, unmatchedRows: [], unmatchedColumns: [], noDataRows: [], skipped: [], notRecorded: [],
  };
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
  const metrics = metricsOf(table, summary);

  const columns: FormFillResult["matched"]["columns"] = [];
  const unmatchedColumns: FormFillResult["unmatchedColumns"] = [];
  for (const [c, header] of [...paths.entries()].sort((a, b) => a[0] - b[0])) {
    const f = fold(header);
    if (/^(stt|tt|so tt|so thu tu)$/.test(f) || /ghi chu/.test(f)) continue;
    const m = matchHeader(header, metrics);
    if (m) columns.push({ col: c, header, metric: m.id, part: partOf(header, m) });
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
  const notRecorded: FormFillResult["notRecorded"] = [];
  const noDataRows: FormFillResult["noDataRows"] = [];
  const rowsOut: FormFillResult["matched"]["rows"] = [];
  for (const mr of matchedRows) {
    const source = rowSource(summary, table, mr.key);
    const commune = mr.key === "total" ? "Toàn tỉnh" : keys.get(mr.key) ?? mr.label;
    rowsOut.push({ row: mr.row, label: mr.label, commune, noData: source === null });
    if (source === null) {
      if (columns.length > 0) noDataRows.push({ row: mr.row, label: mr.label });
      continue;
    }
    for (const col of columns) {
      const address = a1(mr.row, col.col);
      if (g.isFormula(mr.row, col.col)) { skipped.push({ address, reason: "formula", note: SKIP_REASONS.formula }); continue; }
      const current = g.value(mr.row, col.col);
      // Our own "–" from an earlier fill is ours to replace; any other text is the user's.
      if (!isBlank(current) && typeof current !== "number" && current !== NOT_RECORDED_MARK) { skipped.push({ address, reason: "text", note: SKIP_REASONS.text }); continue; }
      const v = valueOf(figureAt(source, col.metric), col.part);
      if (v.kind === "skip") { skipped.push({ address, reason: v.reason, note: SKIP_REASONS[v.reason] }); continue; }
      if (v.kind === "notRecorded") {
        notRecorded.push({ address, note: v.note });
        cells.push({ row: mr.row, col: col.col, value: NOT_RECORDED_MARK });
        continue;
      }
      cells.push({ row: mr.row, col: col.col, value: v.value });
    }
  }
  const ops: PlanOp[] = cells.length > 0 ? [{ op: "formCells", sheet: form.name, cells }] : [];
  return { plan: { ops }, table, matched: { rows: rowsOut, columns }, unmatchedRows, unmatchedColumns, noDataRows, skipped, notRecorded };
}

type CellFill = { kind: "value"; value: number } | { kind: "notRecorded"; note: Text } | { kind: "skip"; reason: SkipReason };

/** The number a form column takes from a figure, "–" when the figure is not recorded. */
function valueOf(f: Figure, part: MetricPart): CellFill {
  let side: Figure | Comparand | undefined = f;
  if (part === "previousCount" || part === "previousPct") {
    side = f.previousTerm ?? f.previousYear;
    if (side === undefined) return { kind: "skip", reason: "noComparison" };
  }
  if (side.notRecorded !== undefined) return { kind: "notRecorded", note: side.notRecorded };
  if (part === "change") {
    if (f.change === undefined) return { kind: "skip", reason: "noComparison" };
    if (f.change === null) {
      const other = f.previousTerm ?? f.previousYear;
      return { kind: "notRecorded", note: other?.notRecorded ?? { vi: "Không so sánh được", en: "No comparison" } };
    }
    return { kind: "value", value: f.change };
  }
  const n = part === "pct" || part === "previousPct" ? side.pct : side.count;
  return n === null ? { kind: "skip", reason: "noShare" } : { kind: "value", value: n };
}

function rowSource(summary: Summary, table: TableKey, key: string | "total"): SummaryRow<string> | null {
  const t = summary.tables[table];
  if (key === "total") return t.total;
  const row = (t.rows as Array<SummaryRow<string> | { commune: string; noData: true }>).find((r) => communeKey(r.commune) === key);
  if (!row || isNoData(row)) return null;
  return row;
}

/**
 * The sheets "Điền vào biểu mẫu" can fill: those that look like a form of the
 * summary's tables (at least one commune or total row and one metric column
 * match), and are neither a data list the product reads (`tables`) nor one of
 * its own sheets. Large sheets are data, not forms.
 */
export function formSheets(workbook: WorkbookData, tables: readonly Pick<DetectedTable, "sheet">[], summary: Summary): string[] {
  const dataSheets = new Set(tables.map((t) => t.sheet));
  return workbook.sheets
    .filter((s) => !dataSheets.has(s.name) && s.values.length <= MAX_FORM_ROWS)
    .filter((s) => {
      const r = planFormFill(s, summary);
      return r.matched.rows.length > 0 && r.matched.columns.length > 0;
    })
    .map((s) => s.name);
}

/** A report form has a row per commune: a province's 166 and their headers fit well under this. */
const MAX_FORM_ROWS = 2000;
