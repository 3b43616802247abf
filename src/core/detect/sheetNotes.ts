import { FIELDS, TABLE_KINDS, TABLE_LABELS, TableKind } from "../model/fields";
import { DetectedTable, SheetNote, SheetNoteReason } from "../model/tables";
import { CellValue, SheetData, SheetProblem, WorkbookData, isBlank } from "../model/values";
import { FINDINGS_SHEET_HEADERS } from "../plan/findingsSheet";
import { fold } from "../text/fold";
import { Grid } from "./grid";
import { HEADER_SEARCH_ROWS, mayBeHeader, readColumns, reportSpans, twoRowPlausible } from "./header";
import { ANCHORS, HeaderColumn, assign } from "./kind";

/**
 * Why a sheet that holds data gave no table, in words a clerk can act on. The
 * check warns about the sheets that look like a table (`sheet/not-understood`);
 * the others (a report form, titles, the product's own findings sheet) are only named.
 */

/** Rows read to find a header; a sheet's header sits near the top of its blocks. */
const SCAN_ROWS = 200;
/** At most this many labels are quoted. */
const MAX_LABELS = 8;

interface Found {
  reason: SheetNoteReason;
  row: number;
  col: number;
  labels: string[];
  kind?: TableKind;
}

const filledCount = (row: readonly CellValue[] | undefined): number => {
  let n = 0;
  if (row) for (const v of row) if (!isBlank(v)) n++;
  return n;
};

const FINDINGS_KEYS = new Set([FINDINGS_SHEET_HEADERS.vi, FINDINGS_SHEET_HEADERS.en].map((h) => h.map(fold).join("|")));

/** The product's own findings sheet ("Mức độ | Quy tắc | Trang | Ô …"): written by "Xuất phát hiện", not a table to read. */
function isFindingsSheet(cols: readonly HeaderColumn[]): boolean {
  return FINDINGS_KEYS.has(cols.map((c) => fold(c.display)).join("|"));
}

/** The table a header's labels match except for the column its rows are about (the anchor), if any. */
function keyless(cols: readonly HeaderColumn[]): TableKind | undefined {
  let best: { kind: TableKind; strong: number } | undefined;
  for (const kind of TABLE_KINDS) {
    const a = assign(kind, cols);
    if (a.some((x) => ANCHORS[kind].includes(x.field))) continue;
    const strong = a.filter((x) => x.confidence >= 0.9 && !x.shared).length;
    if (strong >= 2 && (!best || strong > best.strong)) best = { kind, strong };
  }
  return best?.kind;
}

/** Rows of data under row r in the same block: rows with two or more filled cells. */
function rowsBelow(g: Grid, r: number): number {
  let n = 0;
  for (let k = r + 1; k < g.rowCount && k <= r + 5; k++) {
    const c = filledCount(g.values[k]);
    if (c === 0) break;
    if (c >= 2) n++;
  }
  return n;
}

/** The first label that is not the row number ("STT"): where a person reads the header. */
function firstLabelCol(cols: readonly HeaderColumn[]): number {
  return (cols.find((c) => !c.stt) ?? cols[0])?.index ?? 0;
}

/** The likeliest header of the sheet, and what is wrong with it. */
function examine(g: Grid): Found | undefined {
  let unknown: Found | undefined;
  let keyMissing: Found | undefined;
  const stop = Math.min(g.rowCount, SCAN_ROWS);
  let blockStart = -1;
  for (let r = 0; r < stop; r++) {
    const row = g.values[r];
    if (filledCount(row) === 0) { blockStart = -1; continue; }
    if (blockStart < 0) blockStart = r;
    if (r - blockStart >= HEADER_SEARCH_ROWS || !mayBeHeader(g, r)) continue;
    for (let bottom = r; bottom <= Math.min(r + 2, g.rowCount - 1); bottom++) {
      if (bottom > r && !twoRowPlausible(g, bottom - 1, g.rowCount - 1)) break;
      const cols = readColumns(g, r, bottom).filter((c) => c.texts.length > 0);
      const labels = cols.filter((c) => !c.stt && !c.continues).map((c) => c.display).slice(0, MAX_LABELS);
      const at = { row: r, col: firstLabelCol(cols), labels };
      if (isFindingsSheet(cols) || reportSpans(cols).length > 0) return { reason: "report", ...at };
      const kind = keyless(cols.filter((c) => !c.stt && !c.continues));
      if (kind && !keyMissing) keyMissing = { reason: "no-key-column", kind, ...at };
      if (!unknown && labels.length >= 3 && rowsBelow(g, bottom) >= 2) unknown = { reason: "headers-unknown", ...at };
    }
  }
  return keyMissing ?? unknown;
}

const quoted = (labels: readonly string[]) => labels.map((l) => `"${l}"`).join(", ");

function describe(f: Found | undefined, rows: number, dense: number): Pick<SheetNote, "reason" | "looksLikeTable" | "detail"> {
  if (f?.reason === "report") {
    return {
      reason: "report", looksLikeTable: false,
      detail: {
        vi: "trang là biểu báo cáo (số liệu theo từng xã, từng tháng) hoặc trang kết quả, không phải danh sách để kiểm tra",
        en: "the sheet is a report form (figures per commune or month) or a results sheet, not a list to check",
      },
    };
  }
  if (f?.reason === "no-key-column" && f.kind) {
    const anchor = FIELDS[f.kind].find((d) => d.key === ANCHORS[f.kind as TableKind][0])!;
    const table = TABLE_LABELS[f.kind];
    return {
      reason: "no-key-column", looksLikeTable: true,
      detail: {
        vi: `dòng ${f.row} có tiêu đề cột của bảng ${table.vi} (${quoted(f.labels)}) nhưng thiếu cột "${anchor.label.vi}", nên không đọc được dòng nào; ` +
          `hãy thêm hoặc đặt lại tên cột đó, hoặc gán cột bằng tay ở thẻ Dữ liệu`,
        en: `row ${f.row} has the column headers of the ${table.en.toLowerCase()} table (${quoted(f.labels)}) but no "${anchor.label.en}" column, ` +
          `so no row could be read; add or rename that column, or map the columns by hand in the Data tab`,
      },
    };
  }
  if (f?.reason === "headers-unknown") {
    return {
      reason: "headers-unknown", looksLikeTable: true,
      detail: {
        vi: `dòng ${f.row} có vẻ là dòng tiêu đề cột (${quoted(f.labels)}) nhưng không khớp bảng nào (chi bộ, cán bộ, sinh hoạt chi bộ, danh sách xã); ` +
          `nếu đây là dữ liệu cần kiểm tra, hãy đặt tên cột như "Họ và tên", "Tên chi bộ", "Ngày sinh hoạt", hoặc gán cột bằng tay ở thẻ Dữ liệu`,
        en: `row ${f.row} looks like a header row (${quoted(f.labels)}) but matches no table (cells, cadres, meetings, communes); ` +
          `if this is data to check, head its columns like "Họ và tên", "Tên chi bộ", "Ngày sinh hoạt", or map the columns by hand in the Data tab`,
      },
    };
  }
  if (dense >= 3) {
    return {
      reason: "no-header", looksLikeTable: true,
      detail: {
        vi: `có ${rows} dòng dữ liệu nhưng không tìm thấy dòng tiêu đề cột; hãy thêm một dòng tiêu đề (ví dụ "Họ và tên", "Tên chi bộ", "Ngày sinh hoạt") phía trên dữ liệu`,
        en: `${rows} rows of data but no header row was found; add a row of column headers (e.g. "Họ và tên", "Tên chi bộ", "Ngày sinh hoạt") above the data`,
      },
    };
  }
  return {
    reason: "text", looksLikeTable: false,
    detail: { vi: "trang chỉ có tiêu đề hoặc văn bản, không có bảng", en: "the sheet holds titles or text only, no table" },
  };
}

/**
 * Why this sheet, which gave no table, holds data that was not read; undefined
 * when it holds nothing at all (an empty sheet needs no word).
 */
export function explainSheet(sheet: SheetData): SheetNote | undefined {
  const g = new Grid(sheet);
  let rows = 0;
  let dense = 0;
  // The first cell with data: where a finding about the sheet points when no header row was found.
  let first: { row: number; col: number } | undefined;
  sheet.values.forEach((row, r) => {
    const n = filledCount(row);
    if (n > 0) rows++;
    if (n >= 3) dense++;
    if (n > 0 && !first) first = { row: g.absRow(r), col: g.absCol(row.findIndex((v) => !isBlank(v))) };
  });
  if (rows === 0 || !first) return undefined;
  const local = examine(g);
  // Rows and columns as a person reads them (1-based, absolute), in the sentence and in the note.
  const found = local && { ...local, row: g.absRow(local.row), col: g.absCol(local.col) };
  const note: SheetNote = { sheet: sheet.name, rows, ...describe(found, rows, dense) };
  if (found && note.reason === found.reason) {
    note.row = found.row;
    note.col = found.col;
    note.labels = found.labels;
    if (found.kind) note.kind = found.kind;
  } else {
    note.row = first.row;
    note.col = first.col;
  }
  return note;
}

/** A sheet the reader could not read (fully): its note, with the reader's own sentence. */
export function unreadableNote(p: SheetProblem): SheetNote {
  return { sheet: p.sheet, reason: "unreadable", looksLikeTable: false, rows: 0, detail: p.detail };
}

/**
 * The notes of a workbook: every sheet that holds data and gave no table
 * (very hidden sheets are the product's or an add-in's storage, not data), and
 * every sheet the reader could not read.
 */
export function sheetNotesOf(workbook: WorkbookData, tables: readonly DetectedTable[]): SheetNote[] {
  const withTables = new Set(tables.map((t) => t.sheet));
  const notes: SheetNote[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.visibility === "veryHidden" || withTables.has(sheet.name)) continue;
    const note = explainSheet(sheet);
    if (note) notes.push(note);
  }
  for (const p of workbook.problems ?? []) notes.push(unreadableNote(p));
  return notes;
}
