import type { CellValue, FormatRun, SheetData } from "../core/model";
import { columnLetter } from "../core/model";
import * as grid from "./limits";
import { dateToSerial } from "./serial";
import type { SharedStrings } from "./sharedStrings";
import * as xml from "./xmlScan";
import { bytes, charBoundary, XmlError, XmlScanner } from "./xmlScan";
import * as text from "./xmlText";
import { asciiText, decodeExcelEscapes, decodeText } from "./xmlText";

// Copied once into this module: a loader may turn imported bindings into getter calls, paid per tag in the loops below.
const { OPEN, CLOSE, END } = xml;
const { GRID_MAX_COL, GRID_MAX_ROW } = grid;
const decodeFlags = text.decodeFlags;

/**
 * One worksheet part (xl/worksheets/sheetN.xml) to a SheetData, in one pass
 * over its bytes: the cells of <sheetData> as Excel's range.values gives them
 * (shared strings resolved, numbers as numbers, dates as serials, errors as
 * their text, formulas as their cached results, inline and rich text as plain
 * text), which cells hold a formula, the merged areas, and the number formats.
 *
 * Only cells holding a value or a formula are kept. The used range is theirs
 * (as getUsedRange(valuesOnly) gives it: an empty merge or a formatted cell
 * does not stretch it), and it is laid out dense, as range.values would be,
 * only while that costs at most a few times the cells themselves; otherwise
 * rows are kept only where data is (SheetData.values may be sparse), so one
 * stray value in XFD1048576 costs one row, not 17 billion cells.
 */
export interface SheetContext {
  shared: SharedStrings;
  /** Number format code by cell style index; null for General. */
  formats: Array<string | null>;
  maxStringChars: number;
  maxMerges: number;
  /** Cells still allowed in the workbook; decreased as cells are kept. */
  budget: { cells: number };
  /** Called with the number of <row> elements read so far in this sheet, now and then. */
  onRows?: (rows: number) => void;
}

/** What the sheet held that could not be taken as it is: the caller turns it into problems. */
export interface SheetIssues {
  beyondGrid: number;
  firstBeyondGrid: string;
  invalidUtf8: number;
  firstInvalidUtf8: string;
  truncated: number;
  firstTruncated: string;
  mergesDropped: number;
  mergesBeyondGrid: number;
}

export interface SheetRead {
  sheet: SheetData;
  issues: SheetIssues;
  rows: number;
}

/** Thrown when the workbook's cell bound is reached inside this sheet: the sheet is not kept. */
export class CellBoundError extends Error {
  constructor() {
    super("too many cells");
    this.name = "CellBoundError";
  }
}

const T_N = 0, T_S = 1, T_STR = 2, T_INLINE = 3, T_B = 4, T_E = 5, T_D = 6;

const SHEET_DATA = bytes("sheetData"), ROW = bytes("row"), MERGE_CELL = bytes("mergeCell"), IS = bytes("is"), T = bytes("t");
const RPH = bytes("rPh"), REF = bytes("ref"), STR = bytes("str"), INLINE_STR = bytes("inlineStr");
const LT = 0x3c, GT = 0x3e, SLASH = 0x2f;
const PROGRESS_EVERY = 2000;
/** A gap in a row up to this many columns is filled with ""; a wider one is left as a hole (a sparse row). */
const PAD_LIMIT = 64;

/** A cell reference parsed from bytes: row and column, or 0 when malformed, or beyond the grid. */
let refRow = 0;
let refCol = 0;

/**
 * Parses "AB12" in b[from..to). Sets refRow/refCol; returns false when it is
 * not a reference, or names a cell beyond XFD / row 1,048,576 (then refCol or
 * refRow is 0 and nothing is allocated for it).
 */
function parseRef(b: Uint8Array, from: number, to: number): boolean {
  let i = from;
  let col = 0;
  for (; i < to; i++) {
    const c = b[i] | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    if (col > GRID_MAX_COL) { refRow = 0; refCol = 0; return false; }
  }
  let row = 0;
  const digitsFrom = i;
  for (; i < to; i++) {
    const c = b[i];
    if (c < 0x30 || c > 0x39) break;
    row = row * 10 + (c - 0x30);
    if (row > GRID_MAX_ROW) { refRow = 0; refCol = 0; return false; }
  }
  refRow = row;
  refCol = col;
  return col > 0 && row > 0 && i === to && i > digitsFrom;
}

function typeOf(b: Uint8Array, from: number, to: number): number {
  const len = to - from;
  if (len === 1) {
    switch (b[from]) {
      case 0x73: return T_S;
      case 0x62: return T_B;
      case 0x65: return T_E;
      case 0x64: return T_D;
      default: return T_N;
    }
  }
  if (len === 3 && b[from] === STR[0] && b[from + 1] === STR[1] && b[from + 2] === STR[2]) return T_STR;
  if (len === 9) {
    for (let k = 0; k < 9; k++) if (b[from + k] !== INLINE_STR[k]) return T_N;
    return T_INLINE;
  }
  return T_N;
}

/** A whole number of at most 15 digits (exact in a double) straight from the bytes; NaN for anything else. */
function smallInteger(b: Uint8Array, from: number, to: number): number {
  let i = from;
  let neg = false;
  if (b[i] === 0x2d) { neg = true; i++; }
  const len = to - i;
  if (len < 1 || len > 15) return NaN;
  let n = 0;
  for (; i < to; i++) {
    const c = b[i] - 0x30;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return neg ? -n : n;
}

/** A cell's number as range.values gives it: "" for none, the number, or the text when it is not one. */
function numberValue(text: string): CellValue {
  if (text.trim() === "") return "";
  const n = Number(text);
  return Number.isNaN(n) ? text : n;
}

/** ISO 8601 date cells (t="d", written by some tools): Excel shows them as serials. */
function isoDateValue(text: string): CellValue {
  if (!text) return "";
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : text + "Z");
  return Number.isNaN(t) ? text : dateToSerial(new Date(t));
}

class SheetBuild {
  /** Rows by absolute index (row - 1), each indexed by absolute column - 1. */
  readonly rows: CellValue[][] = [];
  formulaRows: boolean[][] | null = null;
  readonly runs: FormatRun[] = [];
  /** The run still open in each column (absolute, 1-based), to be extended by the next row. */
  private readonly openRuns: Array<FormatRun | undefined> = [];
  cells = 0;
  /** Whether some row was left with a hole (a gap wider than PAD_LIMIT), which a dense layout must fill. */
  holes = false;
  minRow = Infinity;
  maxRow = 0;
  minCol = Infinity;
  maxCol = 0;

  put(row: number, col: number, v: CellValue, formula: boolean): void {
    let r = this.rows[row - 1];
    if (r === undefined) {
      r = [];
      this.rows[row - 1] = r;
    }
    if (place(r, col - 1, v, "")) this.holes = true;
    if (formula) {
      if (!this.formulaRows) this.formulaRows = [];
      let f = this.formulaRows[row - 1];
      if (f === undefined) {
        f = [];
        this.formulaRows[row - 1] = f;
      }
      place(f, col - 1, true, false);
    }
    this.cells++;
    if (row < this.minRow) this.minRow = row;
    if (row > this.maxRow) this.maxRow = row;
    if (col < this.minCol) this.minCol = col;
    if (col > this.maxCol) this.maxCol = col;
  }

  format(row: number, col: number, code: string): void {
    const open = this.openRuns[col];
    if (open && open.format === code && open.row + open.count === row) {
      open.count++;
      return;
    }
    const run: FormatRun = { col, row, count: 1, format: code };
    this.runs.push(run);
    this.openRuns[col] = run;
  }
}

/**
 * Sets a[i] = v, filling a short gap with `blank` so ordinary rows stay dense;
 * a wide gap stays a hole, and the result says so.
 */
function place<T>(a: T[], i: number, v: T, blank: T): boolean {
  const len = a.length;
  if (i === len) a.push(v);
  else if (i < len) a[i] = v;
  else if (i - len <= PAD_LIMIT) {
    for (let k = len; k < i; k++) a.push(blank);
    a.push(v);
  } else {
    a[i] = v;
    return true;
  }
  return false;
}

export function readSheet(part: Uint8Array, name: string, ctx: SheetContext): SheetRead {
  const r = new SheetScan(part, ctx);
  r.run();
  return { sheet: layOut(r.build, name, r.merges), issues: r.issues, rows: r.rowsRead };
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** The state of one pass over a sheet: where in the grid it is, and the cell being read. */
class SheetScan {
  readonly sc: XmlScanner;
  readonly build = new SheetBuild();
  readonly merges: string[] = [];
  readonly issues: SheetIssues = {
    beyondGrid: 0, firstBeyondGrid: "", invalidUtf8: 0, firstInvalidUtf8: "", truncated: 0, firstTruncated: "",
    mergesDropped: 0, mergesBeyondGrid: 0,
  };
  rowsRead = 0;
  private readonly maxTextBytes: number;
  private inSheetData = false;
  private row = 0;
  private rowOk = true;
  private col = 0;
  // The cell being read: its type, style, and where it is.
  private type = T_N;
  private style = -1;
  private refGiven = false;
  private refOk = true;
  private refFrom = 0;
  private refTo = 0;
  private cellRow = 0;
  private cellCol = 0;

  constructor(readonly b: Uint8Array, readonly ctx: SheetContext) {
    this.sc = new XmlScanner(b);
    this.maxTextBytes = ctx.maxStringChars * 10;
  }

  run(): void {
    const b = this.b;
    const sc = this.sc;
    for (;;) {
      // Unprefixed cells are most of every sheet: they are read here without the scanner's general tag handling.
      if (this.inSheetData) {
        // A short loop beats indexOf here: the next tag is almost always the very next byte.
        let lt = sc.pos;
        while (lt < b.length && b[lt] !== LT) lt++;
        if (lt < b.length && b[lt + 1] === 0x63 && (isSpace(b[lt + 2]) || b[lt + 2] === GT || b[lt + 2] === SLASH)) {
          this.plainCell(lt);
          continue;
        }
      }
      const tok = sc.next();
      if (tok === END) break;
      const len = sc.nameEnd - sc.localStart;
      if (tok === CLOSE) {
        if (len === 9 && sc.is(SHEET_DATA)) this.inSheetData = false;
      } else if (len === 1 && b[sc.localStart] === 0x63 && this.inSheetData) {
        this.startCell();
        while (sc.nextAttr()) {
          if (sc.attrNameEnd - sc.attrLocalStart === 1) this.cellAttr(b[sc.attrLocalStart], sc.valueStart, sc.valueEnd);
        }
        this.cellBody(tok === OPEN);
      } else if (len === 3 && this.inSheetData && sc.is(ROW)) {
        this.startRow();
      } else if (len === 9 && tok === OPEN && sc.is(SHEET_DATA)) {
        this.inSheetData = true;
      } else if (len === 9 && sc.is(MERGE_CELL)) {
        this.mergeCell();
      }
    }
  }

  private startRow(): void {
    const sc = this.sc;
    let given = false;
    while (sc.nextAttr()) {
      if (sc.attrNameEnd - sc.attrLocalStart === 1 && this.b[sc.attrLocalStart] === 0x72) {
        given = true;
        const n = smallInteger(this.b, sc.valueStart, sc.valueEnd);
        this.rowOk = n >= 1 && n <= GRID_MAX_ROW;
        this.row = this.rowOk ? n : 0;
      }
    }
    if (!given) {
      // Rows without a number follow the one before, as Excel reads them.
      this.row = this.rowOk ? this.row + 1 : 0;
      this.rowOk = this.rowOk && this.row <= GRID_MAX_ROW;
    }
    this.col = 0;
    if (++this.rowsRead % PROGRESS_EVERY === 0) this.ctx.onRows?.(this.rowsRead);
  }

  private startCell(): void {
    this.type = T_N;
    this.style = -1;
    this.refGiven = false;
    this.refOk = true;
    this.cellRow = this.row;
    this.cellCol = this.col + 1;
  }

  /** One attribute of <c>: r (where), t (type), s (style). */
  private cellAttr(name: number, from: number, to: number): void {
    if (name === 0x72) {
      this.refGiven = true;
      this.refFrom = from;
      this.refTo = to;
      this.refOk = parseRef(this.b, from, to);
      this.cellRow = refRow;
      this.cellCol = refCol;
    } else if (name === 0x74) this.type = typeOf(this.b, from, to);
    else if (name === 0x73) this.style = smallInteger(this.b, from, to);
  }

  /**
   * An unprefixed <c at b[lt]: its attributes read in one pass, then the
   * common body `<v>text</v></c>` (or none) taken directly; any other body
   * goes through the scanner like a prefixed cell.
   */
  private plainCell(lt: number): void {
    const b = this.b;
    const sc = this.sc;
    this.startCell();
    let i = lt + 2;
    for (;;) {
      while (isSpace(b[i])) i++;
      const c = b[i];
      if (c === GT || c === SLASH || i >= b.length) break;
      const nameStart = i;
      while (i < b.length && b[i] !== 0x3d && !isSpace(b[i]) && b[i] !== GT) i++;
      const nameLen = i - nameStart;
      while (isSpace(b[i])) i++;
      if (b[i] !== 0x3d) throw new XmlError("an attribute without a value");
      i++;
      while (isSpace(b[i])) i++;
      const q = b[i];
      if (q !== 0x22 && q !== 0x27) throw new XmlError("an attribute value without quotes");
      let end = i + 1;
      while (end < b.length && b[end] !== q) end++;
      if (end >= b.length) throw new XmlError("an unterminated attribute value");
      if (nameLen === 1) this.cellAttr(b[nameStart], i + 1, end);
      i = end + 1;
    }
    if (b[i] === SLASH) {
      if (b[i + 1] !== GT) throw new XmlError("unterminated tag");
      sc.pos = i + 2;
      this.cellBody(false);
      return;
    }
    if (b[i] !== GT) throw new XmlError("unterminated tag");
    const p = i + 1;
    // <v>text</v></c>
    if (b[p] === LT && b[p + 1] === 0x76 && b[p + 2] === GT) {
      let vEnd = p + 3;
      while (vEnd < b.length && b[vEnd] !== LT) vEnd++;
      if (vEnd < b.length && b[vEnd + 1] === SLASH && b[vEnd + 2] === 0x76 && b[vEnd + 3] === GT
        && b[vEnd + 4] === LT && b[vEnd + 5] === SLASH && b[vEnd + 6] === 0x63 && b[vEnd + 7] === GT) {
        sc.pos = vEnd + 8;
        this.settle();
        decodeFlags.invalidUtf8 = false;
        const value = valueOfBytes(b, p + 3, vEnd, this.type, this.ctx, this.maxTextBytes);
        this.keep(value, false, this.valueInvalid(), this.valueCut());
        return;
      }
    }
    // </c> straight away: an empty cell.
    if (b[p] === LT && b[p + 1] === SLASH && b[p + 2] === 0x63 && b[p + 3] === GT) {
      sc.pos = p + 4;
      this.cellBody(false);
      return;
    }
    sc.pos = p;
    sc.pushOpen(lt + 1, lt + 2);
    this.cellBody(true);
  }

  /** Where the cell lands, once its attributes are read: out of the grid, or the column after it. */
  private settle(): void {
    if (!this.refGiven && (!this.rowOk || this.cellCol > GRID_MAX_COL)) this.refOk = false;
    if (this.refOk) this.col = this.cellCol;
  }

  private valueInvalid(): boolean {
    return decodeFlags.invalidUtf8 || (this.type === T_S && this.ctx.shared.invalidUtf8.has(lastSharedIndex));
  }

  private valueCut(): boolean {
    return valueCut || (this.type === T_S && this.ctx.shared.truncated.has(lastSharedIndex));
  }

  /** The children of a <c> just opened (when `open`): <v>, <f>, <is>; anything else skipped. Consumes </c>. */
  private cellBody(open: boolean): void {
    const sc = this.sc;
    const b = this.b;
    this.settle();
    let value: CellValue = "";
    let formula = false;
    let invalid = false;
    let cut = false;
    if (open) {
      const depth = sc.depth;
      for (;;) {
        const tok = sc.next();
        if (tok === END) break;
        if (tok === CLOSE) {
          if (sc.depth < depth) break;
          continue;
        }
        const len = sc.nameEnd - sc.localStart;
        const first = b[sc.localStart];
        if (len === 1 && first === 0x76 && tok === OPEN) {
          // <v>: the value, or the cached result of a formula.
          decodeFlags.invalidUtf8 = false;
          value = readV(sc, this.type, this.ctx, this.maxTextBytes);
          invalid = this.valueInvalid();
          cut = this.valueCut();
        } else if (len === 1 && first === 0x66) {
          formula = true;
          if (tok === OPEN) sc.skipElement();
        } else if (len === 2 && tok === OPEN && sc.is(IS)) {
          decodeFlags.invalidUtf8 = false;
          const text = readInline(sc, this.ctx.maxStringChars, this.maxTextBytes);
          invalid = decodeFlags.invalidUtf8;
          cut = inlineCut;
          if (this.type === T_INLINE || this.type === T_STR || this.type === T_N) value = text;
        } else if (tok === OPEN) {
          sc.skipElement();
        }
      }
    }
    this.keep(value, formula, invalid, cut);
  }

  /** Keeps a cell that holds something, inside the grid and the cell bound; counts one outside the grid. */
  private keep(value: CellValue, formula: boolean, invalid: boolean, cut: boolean): void {
    if (value === "" && !formula) return;
    const issues = this.issues;
    if (!this.refOk) {
      if (issues.beyondGrid++ === 0) {
        issues.firstBeyondGrid = this.refGiven ? asciiText(this.b, this.refFrom, Math.min(this.refTo, this.refFrom + 24)) : "";
      }
      return;
    }
    if (--this.ctx.budget.cells < 0) throw new CellBoundError();
    const r = this.cellRow;
    const c = this.cellCol;
    this.build.put(r, c, value, formula);
    if (invalid && issues.invalidUtf8++ === 0) issues.firstInvalidUtf8 = columnLetter(c) + r;
    if (cut && issues.truncated++ === 0) issues.firstTruncated = columnLetter(c) + r;
    if (this.style >= 0) {
      const code = this.ctx.formats[this.style];
      if (code) this.build.format(r, c, code);
    }
  }

  private mergeCell(): void {
    const sc = this.sc;
    while (sc.nextAttr()) {
      if (!sc.attrIs(REF)) continue;
      const ref = mergeRef(this.b, sc.valueStart, sc.valueEnd);
      if (ref === null) this.issues.mergesBeyondGrid++;
      else if (this.merges.length >= this.ctx.maxMerges) this.issues.mergesDropped++;
      else this.merges.push(ref);
    }
  }
}

/** The shared-string index the last value resolved, so the caller can ask whether that string was flagged. */
let lastSharedIndex = -1;
/** Whether the last value's text was cut to the string bound. */
let valueCut = false;

/** The value of a <v> element just opened, by the cell's type; consumes </v>. */
function readV(sc: XmlScanner, type: number, ctx: SheetContext, maxTextBytes: number): CellValue {
  const b = sc.b;
  const lt = b.indexOf(LT, sc.pos);
  if (lt >= 0 && b[lt + 1] === SLASH) {
    const from = sc.pos;
    sc.pos = lt;
    sc.next(); // </v>, checked to close what was opened
    return valueOfBytes(b, from, lt, type, ctx, maxTextBytes);
  }
  const s = sc.text(maxTextBytes);
  valueCut = sc.textTruncated;
  return valueOfText(s, type, ctx);
}

/** A value from the raw text of its <v> (no markup inside). Numbers and shared-string indexes skip making a string. */
function valueOfBytes(b: Uint8Array, from: number, to: number, type: number, ctx: SheetContext, maxTextBytes: number): CellValue {
  valueCut = false;
  if (type === T_N || type === T_S) {
    const n = smallInteger(b, from, to);
    if (!Number.isNaN(n)) {
      if (type === T_N) return n;
      lastSharedIndex = n;
      return ctx.shared.strings[n] ?? "";
    }
  }
  let end = to;
  if (to - from > maxTextBytes) {
    end = charBoundary(b, from + maxTextBytes);
    valueCut = true;
  }
  return valueOfText(decodeText(b, from, end, true), type, ctx);
}

function valueOfText(text: string, type: number, ctx: SheetContext): CellValue {
  switch (type) {
    case T_S: {
      const i = Number(text);
      lastSharedIndex = i;
      return Number.isInteger(i) ? ctx.shared.strings[i] ?? "" : "";
    }
    case T_STR:
    case T_INLINE: {
      const s = decodeExcelEscapes(text);
      if (s.length <= ctx.maxStringChars) return s;
      valueCut = true;
      return s.slice(0, ctx.maxStringChars);
    }
    case T_B: {
      const t = text.trim();
      return t === "1" || t.toLowerCase() === "true";
    }
    case T_E:
      return text;
    case T_D:
      return isoDateValue(text);
    default:
      return numberValue(text);
  }
}

let inlineCut = false;

/** The plain text of an <is> element just opened: its <t> and runs' <t>, without phonetic guides; consumes </is>. */
function readInline(sc: XmlScanner, maxChars: number, maxTextBytes: number): string {
  const depth = sc.depth;
  let text = "";
  inlineCut = false;
  for (;;) {
    const tok = sc.next();
    if (tok === END) break;
    if (tok === CLOSE) {
      if (sc.depth < depth) break;
      continue;
    }
    if (tok !== OPEN) continue;
    if (sc.is(RPH)) sc.skipElement();
    else if (sc.is(T)) {
      if (text.length >= maxChars) {
        inlineCut = true;
        sc.skipElement();
        continue;
      }
      text += sc.text(maxTextBytes);
      if (sc.textTruncated) inlineCut = true;
    }
  }
  text = decodeExcelEscapes(text);
  if (text.length > maxChars) {
    inlineCut = true;
    text = text.slice(0, maxChars);
  }
  return text;
}

/** A merged area's reference when both corners are cells of the grid ("A1:C2"); null otherwise. */
function mergeRef(b: Uint8Array, from: number, to: number): string | null {
  let colon = -1;
  for (let i = from; i < to; i++) if (b[i] === 0x3a) { colon = i; break; }
  const end1 = colon < 0 ? to : colon;
  if (!parseRef(b, from, end1)) return null;
  if (colon >= 0 && !parseRef(b, colon + 1, to)) return null;
  return asciiText(b, from, to).toUpperCase();
}

/** Dense while the rectangle costs at most a few times its cells (or a million); sparse beyond. */
function denseAffordable(height: number, width: number, cells: number): boolean {
  return height * width <= Math.max(4 * cells, 1_000_000);
}

function layOut(build: SheetBuild, name: string, merges: string[]): SheetData {
  const sheet: SheetData = { name, originRow: 1, originCol: 1, values: [] };
  if (merges.length) sheet.merges = merges;
  if (build.cells === 0) return sheet;
  const { minRow, maxRow, minCol, maxCol } = build;
  const height = maxRow - minRow + 1;
  const width = maxCol - minCol + 1;
  const dense = denseAffordable(height, width, build.cells);
  sheet.originRow = minRow;
  sheet.originCol = minCol;
  sheet.values = shape(build.rows, minRow, height, minCol, width, dense, build.holes, "" as CellValue);
  if (build.formulaRows) sheet.formulas = shape(build.formulaRows, minRow, height, minCol, width, dense, true, false);
  if (build.runs.length) sheet.formatRuns = build.runs;
  return sheet;
}

/**
 * Rows from absolute indexes to the range's: shifted to the origin, and, when
 * dense, every row present and `width` long, as range.values gives them.
 */
function shape<T>(rows: T[][], minRow: number, height: number, minCol: number, width: number, dense: boolean, holes: boolean, blank: T): T[][] {
  const out: T[][] = dense ? new Array(height) : [];
  const shift = minCol - 1;
  if (dense) {
    for (let i = 0; i < height; i++) {
      const src = rows[minRow - 1 + i];
      let row: T[];
      if (src === undefined) row = new Array<T>(width).fill(blank);
      else {
        row = shift > 0 ? src.slice(shift) : src;
        if (holes) for (let k = 0; k < row.length; k++) if (row[k] === undefined) row[k] = blank;
        while (row.length < width) row.push(blank);
      }
      out[i] = row;
    }
    return out;
  }
  // Sparse: only the rows that hold something, each as long as its last cell.
  rows.forEach((src, index) => {
    out[index - (minRow - 1)] = shift > 0 ? src.slice(shift) : src;
  });
  return out;
}
