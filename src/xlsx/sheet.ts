import type { CellValue, SheetData } from "../core/model";
import { columnLetter } from "../core/model";
import * as cellBytes from "./cellBytes";
import { CellValues } from "./cellValue";
import * as grid from "./limits";
import type { SharedStrings } from "./sharedStrings";
import { SheetBuild, layOut } from "./sheetLayout";
import * as xml from "./xmlScan";
import { XmlError, XmlScanner } from "./xmlScan";
import * as text from "./xmlText";

// Copied once into this module: a loader may turn imported bindings into getter calls, paid per tag in the loops below.
const { OPEN, CLOSE, END, bytes } = xml;
const { GRID_MAX_COL, GRID_MAX_ROW } = grid;
const { T_N, T_STR, T_INLINE, parseRef, typeOf, smallInteger, mergeRef } = cellBytes;
const { decodeFlags, asciiText } = text;

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

const SHEET_DATA = bytes("sheetData"), ROW = bytes("row"), MERGE_CELL = bytes("mergeCell"), IS = bytes("is");
const REF = bytes("ref");
const LT = 0x3c, GT = 0x3e, SLASH = 0x2f;
const PROGRESS_EVERY = 2000;

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
  private readonly values: CellValues;
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
  private readonly ref: cellBytes.CellRef = { row: 0, col: 0 };

  constructor(readonly b: Uint8Array, readonly ctx: SheetContext) {
    this.sc = new XmlScanner(b);
    this.values = new CellValues(ctx.shared, ctx.maxStringChars);
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
      this.refOk = parseRef(this.b, from, to, this.ref);
      this.cellRow = this.ref.row;
      this.cellCol = this.ref.col;
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
        const value = this.values.fromBytes(b, p + 3, vEnd, this.type);
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
    return decodeFlags.invalidUtf8 || this.values.sharedInvalid(this.type);
  }

  private valueCut(): boolean {
    return this.values.cut || this.values.sharedCut(this.type);
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
          value = this.values.fromV(sc, this.type);
          invalid = this.valueInvalid();
          cut = this.valueCut();
        } else if (len === 1 && first === 0x66) {
          formula = true;
          if (tok === OPEN) sc.skipElement();
        } else if (len === 2 && tok === OPEN && sc.is(IS)) {
          decodeFlags.invalidUtf8 = false;
          const text = this.values.fromInline(sc);
          invalid = decodeFlags.invalidUtf8;
          cut = this.values.cut;
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

