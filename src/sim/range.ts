import type { CellValue } from "../core/model/values";
import { isExcelError } from "../core/model/values";
import {
  MAX_COLS, MAX_ROWS, Rect, boundingRect, cellAddress, checkRect, intersect, parseLocalAddress, qualifiedAddress, rectToA1, sameSheetName, splitSheet,
} from "./address";
import { interpretInput, CellContent } from "./cellInput";
import { normalizeColor } from "./color";
import { invalidArgument, itemNotFound, simError } from "./errors";
import { BorderStyle, CellStyle, Edge, SheetModel, cellKey, overlaps, readRect } from "./model";
import { assertEditable } from "./protection";
import { ScalarDef, SimClientObject, SimClientResult, SimCollection, SimRequestContextBase } from "./proxy";
import { displayText } from "./text";
import { SimWorksheet } from "./worksheet";
import { PATH_KIND } from "./wireCost";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
  /** RangeAreas (getRanges): the rectangles; `rect` is then their bounding box. Formats go to each. */
  areas?: Rect[];
}

/** What a range's format parts need: the range's target (a Range, or RangeAreas formatting all its areas). */
export interface RangeSource {
  _target(): RangeTarget | null;
}

/** A RangeAreas target split into one target per area. */
function eachArea(t: RangeTarget): RangeTarget[] {
  return t.areas ? t.areas.map((rect) => ({ sheet: t.sheet, rect })) : [t];
}

/** The client sends 2D arrays larger than this in slices (office.js setRangePropertiesInBulk). */
export const BULK_CELLS = 1500;

/** Excel refuses to read more cells than this in one request. */
export const MAX_CELLS_PER_READ = 5_000_000;
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
const DEFAULT_FONT = { name: "Calibri", size: 11, color: "#000000" };

const SHAPE_MESSAGE = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

function checkReadSize(t: RangeTarget, what: string): void {
  const cells = t.rect.rows * t.rect.cols;
  if (cells > MAX_CELLS_PER_READ) {
    throw simError("RangeExceedsLimit", `The cell count in the range has exceeded the maximum supported number (${cells} > ${MAX_CELLS_PER_READ} for ${what}).`);
  }
}

function mapCells<V>(t: RangeTarget, fn: (r0: number, c0: number) => V): V[][] {
  const out: V[][] = new Array(t.rect.rows);
  for (let i = 0; i < t.rect.rows; i++) {
    const line: V[] = new Array(t.rect.cols);
    for (let j = 0; j < t.rect.cols; j++) line[j] = fn(t.rect.r0 + i, t.rect.c0 + j);
    out[i] = line;
  }
  return out;
}

/**
 * Walks a 2D write against the range: an array must match the range's shape
 * exactly; a single non-array value goes to every cell (as Office.js allows);
 * null leaves a cell unchanged.
 */
function eachInput(t: RangeTarget, input: unknown, fn: (r0: number, c0: number, v: unknown) => void): void {
  const { rect } = t;
  if (Array.isArray(input)) {
    if (input.length !== rect.rows || input.some((row) => !Array.isArray(row) || row.length !== rect.cols)) throw invalidArgument(SHAPE_MESSAGE);
    for (let i = 0; i < rect.rows; i++) {
      const row = input[i] as unknown[];
      for (let j = 0; j < rect.cols; j++) if (row[j] !== null && row[j] !== undefined) fn(rect.r0 + i, rect.c0 + j, row[j]);
    }
    return;
  }
  if (input === null || input === undefined) return;
  for (let r = rect.r0; r < rect.r0 + rect.rows; r++) for (let c = rect.c0; c < rect.c0 + rect.cols; c++) fn(r, c, input);
}

/** `values` and `formulas` writes behave alike in Excel: text starting with "=" is a formula either way. */
function writeContents(t: RangeTarget, input: unknown, what: string): void {
  assertEditable(t.sheet, t.rect, "cells", what);
  // Interpret everything first so that one bad element leaves the range untouched.
  const pending: Array<[number, number, CellContent]> = [];
  eachInput(t, input, (r, c, v) => pending.push([r, c, interpretInput(v, t.sheet.numberFormat(r, c))]));
  for (const [r, c, content] of pending) t.sheet.setContent(r, c, content);
}

function writeNumberFormat(t: RangeTarget, input: unknown): void {
  assertEditable(t.sheet, t.rect, "formats", "numberFormat");
  const check = (v: unknown) => {
    if (typeof v !== "string") throw invalidArgument("A number format must be text.");
    return v;
  };
  if (!Array.isArray(input) && input !== null && t.rect.rows === MAX_ROWS) {
    // Whole columns: keep one format per column instead of a million cells.
    const fmt = check(input);
    for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) t.sheet.columnFormats.set(c, fmt);
    for (const [key, s] of t.sheet.styles) {
      const c = key % MAX_COLS;
      if (c >= t.rect.c0 && c < t.rect.c0 + t.rect.cols && s.numberFormat !== undefined) t.sheet.styles.set(key, { ...s, numberFormat: undefined });
    }
    t.sheet.version++;
    return;
  }
  const pending: Array<[number, number, string]> = [];
  eachInput(t, input, (r, c, v) => pending.push([r, c, check(v)]));
  for (const [r, c, f] of pending) t.sheet.updateStyle(r, c, { numberFormat: f });
}

function valueType(v: CellValue): string {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return isExcelError(v) ? "Error" : "String";
}

/**
 * Formatting whole columns or the whole sheet is common and cheap in Excel.
 * The simulator stores formats per cell, so past this many cells it works on
 * the part of the range that holds anything (values or formats) instead.
 */
const LARGE_FORMAT_CELLS = 1_000_000;

function clipLarge(t: RangeTarget): { rect: Rect | null; clipped: boolean } {
  if (t.rect.rows * t.rect.cols <= LARGE_FORMAT_CELLS) return { rect: t.rect, clipped: false };
  const used = t.sheet.usedRect(false);
  return { rect: used ? intersect(used, t.rect) : null, clipped: true };
}

/** The value every cell agrees on, or null when they differ (Excel's answer for mixed formats). */
function uniform<V>(t: RangeTarget, get: (s: CellStyle | undefined, r0: number, c0: number) => V): V | null {
  if (t.areas) {
    const answers = eachArea(t).map((a) => uniform(a, get));
    return answers.every((a) => a === answers[0]) ? answers[0] : null;
  }
  let first: V | undefined;
  let seen = false;
  const { rect, clipped } = clipLarge(t);
  if (clipped) {
    // The cells outside the used range carry only their column's format.
    for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) {
      const v = get(t.sheet.columnStyles.get(c), t.rect.r0, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  if (!rect) return first ?? null;
  for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
    for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
      const v = get(t.sheet.style(r, c), r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

function styleWrite(t: RangeTarget, what: string, patch: (s: CellStyle) => void): void {
  if (t.areas) {
    const areas = eachArea(t);
    for (const a of areas) assertEditable(a.sheet, a.rect, "formats", what);
    for (const a of areas) styleWrite(a, what, patch);
    return;
  }
  assertEditable(t.sheet, t.rect, "formats", what);
  const { rect, clipped } = clipLarge(t);
  if (clipped && t.rect.r0 === 0 && t.rect.rows === MAX_ROWS) {
    for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) {
      const s = { ...(t.sheet.columnStyles.get(c) ?? {}) };
      patch(s);
      t.sheet.columnStyles.set(c, s);
    }
  }
  if (!rect) return;
  t.sheet.mapStyles(rect, (s) => {
    patch(s);
    return s;
  });
}

function oneOf(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) throw invalidArgument(`${what} must be one of ${allowed.join(", ")}; got ${String(value)}.`);
  return value;
}

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"] as const;
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"] as const;
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"] as const;
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"] as const;
const UNDERLINES = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"] as const;

/** The host's view of a range argument: a proxy of the same context, or an address on `sheet`. */
export function rangeArg(context: SimRequestContextBase, arg: unknown, sheet: SheetModel): RangeTarget {
  if (typeof arg === "string") {
    const { sheet: named, local } = splitSheet(arg);
    let target = sheet;
    if (named !== null) {
      const found = context.host.model.sheets.find((s) => sameSheetName(s.name, named));
      if (!found) throw itemNotFound(`No sheet named "${named}".`);
      target = found;
    }
    return { sheet: target, rect: parseLocalAddress(local) };
  }
  if (arg instanceof SimRange) {
    if (arg.context !== context) throw simError("InvalidObjectPath", "A range from another Excel.run context cannot be used here.");
    return arg._require();
  }
  throw invalidArgument("Expected a Range or an address.");
}

export class SimRange extends SimClientObject<RangeTarget> {
  private _format?: SimRangeFormat;
  private _dv?: SimDataValidation;
  private _worksheet?: SimWorksheet;

  constructor(context: SimRequestContextBase, private readonly resolver: () => RangeTarget | null) {
    super(context, "Range");
  }

  protected _resolve(): RangeTarget | null {
    return this.resolver();
  }

  protected _scalars(): Record<string, ScalarDef<RangeTarget>> {
    return RANGE_SCALARS;
  }

  protected override _navigation() {
    return { format: () => this.format, worksheet: () => this.worksheet, dataValidation: () => this.dataValidation };
  }

  get address(): string { return this._get("address"); }
  get addressLocal(): string { return this._get("addressLocal"); }
  get cellCount(): number { return this._get("cellCount"); }
  get rowCount(): number { return this._get("rowCount"); }
  get columnCount(): number { return this._get("columnCount"); }
  get rowIndex(): number { return this._get("rowIndex"); }
  get columnIndex(): number { return this._get("columnIndex"); }
  get isEntireColumn(): boolean { return this._get("isEntireColumn"); }
  get isEntireRow(): boolean { return this._get("isEntireRow"); }
  get text(): string[][] { return this._get("text"); }
  get valueTypes(): string[][] { return this._get("valueTypes"); }
  get values(): any[][] { return this._get("values"); }
  set values(v: any[][]) { this._setInBulk("values", v); }
  get formulas(): any[][] { return this._get("formulas"); }
  set formulas(v: any[][]) { this._setInBulk("formulas", v); }
  get formulasLocal(): any[][] { return this._get("formulasLocal"); }
  set formulasLocal(v: any[][]) { this._setInBulk("formulasLocal", v); }
  get numberFormat(): any[][] { return this._get("numberFormat"); }
  set numberFormat(v: any[][]) { this._setInBulk("numberFormat", v); }
  get numberFormatLocal(): any[][] { return this._get("numberFormatLocal"); }
  set numberFormatLocal(v: any[][]) { this._set("numberFormatLocal", v); }
  get hyperlink(): Excel.RangeHyperlink | null { return this._get("hyperlink"); }
  set hyperlink(v: Excel.RangeHyperlink | null) { this._set("hyperlink", v); }
  get valuesAsJson(): unknown[][] { return this._get("valuesAsJson"); }

  get format(): SimRangeFormat {
    return (this._format ??= this._child(PATH_KIND.property, "Format", [], () => new SimRangeFormat(this.context, this)));
  }

  get dataValidation(): SimDataValidation {
    return (this._dv ??= this._child(PATH_KIND.property, "DataValidation", [], () => new SimDataValidation(this.context, this)));
  }

  // Created once, so that load("worksheet/name") is readable through range.worksheet afterwards.
  get worksheet(): SimWorksheet {
    return (this._worksheet ??= this._child(PATH_KIND.property, "Worksheet", [], () => new SimWorksheet(this.context, () => this._require().sheet)));
  }

  /** The client keeps ranges inside Excel.run: Excel answers with a reference id (wireCost.ts). */
  override _keepsReference(): boolean {
    return true;
  }

  /**
   * What the client does with a 2D array of more than 1,500 cells (values,
   * formulas, number formats; office.js setRangePropertiesInBulk): it checks
   * the shape once, then sends the rows in slices of about 1,500 cells, each
   * through getRow(first).getBoundingRect(getRow(last)), none of them kept.
   */
  private _setInBulk(prop: string, v: unknown): void {
    const rows = Array.isArray(v) ? v.length : 0;
    const cols = rows > 0 && Array.isArray((v as unknown[][])[0]) ? (v as unknown[][])[0].length : 0;
    if (rows * cols <= BULK_CELLS) return this._set(prop, v);
    this._ValidateArraySize(rows, cols);
    const sliceRows = Math.max(1, Math.round(BULK_CELLS / cols));
    for (let start = 0; start < rows; start += sliceRows) {
      const count = Math.min(sliceRows, rows - start);
      const first = this.getRow(start)._untrack();
      const slice = first.getBoundingRect(this.getRow(start + count - 1)._untrack())._untrack();
      slice._set(prop, (v as unknown[][]).slice(start, start + count));
    }
  }

  /** The client's shape check before a bulk write (office.js Range._ValidateArraySize, ExcelApi 1.3). */
  _ValidateArraySize(rows: number, columns: number): void {
    this._call("_ValidateArraySize", [rows, columns], false, (t) => {
      if (t.rect.rows !== rows || t.rect.cols !== columns) throw invalidArgument(SHAPE_MESSAGE);
    }, "1.3");
  }

  /** A range derived from this one by the method `wire` names. */
  private _derive(wire: [string, unknown[]], fn: (t: RangeTarget) => Rect | null, nullable = false, notFound = "The range is empty."): SimRange {
    const r = this._child(PATH_KIND.method, wire[0], wire[1], () => new SimRange(this.context, () => {
      const t = this._require();
      const rect = fn(t);
      if (rect === null) {
        if (nullable) return null;
        throw itemNotFound(notFound);
      }
      return { sheet: t.sheet, rect: checkRect(rect) };
    }));
    if (nullable) r._instantiateNull();
    return r;
  }

  _instantiateNull(): void {
    this._instantiate();
  }

  getCell(row: number, column: number): SimRange {
    return this._derive(["GetCell", [row, column]], ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + column, rows: 1, cols: 1 }));
  }
  getRow(row: number): SimRange {
    return this._derive(["GetRow", [row]], ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0, rows: 1, cols: rect.cols }));
  }
  getColumn(column: number): SimRange {
    return this._derive(["GetColumn", [column]], ({ rect }) => ({ r0: rect.r0, c0: rect.c0 + column, rows: rect.rows, cols: 1 }));
  }
  getLastRow(): SimRange {
    return this._derive(["GetLastRow", []], ({ rect }) => ({ ...rect, r0: rect.r0 + rect.rows - 1, rows: 1 }));
  }
  getLastColumn(): SimRange {
    return this._derive(["GetLastColumn", []], ({ rect }) => ({ ...rect, c0: rect.c0 + rect.cols - 1, cols: 1 }));
  }
  getLastCell(): SimRange {
    return this._derive(["GetLastCell", []], ({ rect }) => ({ r0: rect.r0 + rect.rows - 1, c0: rect.c0 + rect.cols - 1, rows: 1, cols: 1 }));
  }
  getEntireRow(): SimRange {
    return this._derive(["GetEntireRow", []], ({ rect }) => ({ r0: rect.r0, c0: 0, rows: rect.rows, cols: MAX_COLS }));
  }
  getEntireColumn(): SimRange {
    return this._derive(["GetEntireColumn", []], ({ rect }) => ({ r0: 0, c0: rect.c0, rows: MAX_ROWS, cols: rect.cols }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derive(["GetOffsetRange", [rowOffset, columnOffset]], ({ rect }) => ({ ...rect, r0: rect.r0 + rowOffset, c0: rect.c0 + columnOffset }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._derive(["GetResizedRange", [deltaRows, deltaColumns]], ({ rect }) => ({ ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaColumns }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): SimRange {
    return this._derive(["GetAbsoluteResizedRange", [numRows, numColumns]], ({ rect }) => ({ ...rect, rows: numRows, cols: numColumns }));
  }
  getRowsAbove(count = 1): SimRange {
    return this._derive(["GetRowsAbove", [count]], ({ rect }) => ({ ...rect, r0: rect.r0 - count, rows: count }));
  }
  getRowsBelow(count = 1): SimRange {
    return this._derive(["GetRowsBelow", [count]], ({ rect }) => ({ ...rect, r0: rect.r0 + rect.rows, rows: count }));
  }
  getColumnsBefore(count = 1): SimRange {
    return this._derive(["GetColumnsBefore", [count]], ({ rect }) => ({ ...rect, c0: rect.c0 - count, cols: count }));
  }
  getColumnsAfter(count = 1): SimRange {
    return this._derive(["GetColumnsAfter", [count]], ({ rect }) => ({ ...rect, c0: rect.c0 + rect.cols, cols: count }));
  }
  getBoundingRect(anotherRange: SimRange | string): SimRange {
    return this._derive(["GetBoundingRect", [anotherRange]], (t) => boundingRect(t.rect, this._other(t, anotherRange).rect));
  }
  getIntersection(anotherRange: SimRange | string): SimRange {
    return this._derive(["GetIntersection", [anotherRange]], (t) => intersect(t.rect, this._other(t, anotherRange).rect), false, "The ranges do not intersect.");
  }
  getIntersectionOrNullObject(anotherRange: SimRange | string): SimRange {
    return this._derive(["GetIntersectionOrNullObject", [anotherRange]], (t) => intersect(t.rect, this._other(t, anotherRange).rect), true);
  }
  getUsedRange(valuesOnly = false): SimRange {
    return this._derive(["GetUsedRange", [valuesOnly]], (t) => usedIn(t, valuesOnly));
  }
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this._derive(["GetUsedRangeOrNullObject", [valuesOnly]], (t) => usedIn(t, valuesOnly), true);
  }

  private _other(t: RangeTarget, arg: unknown): RangeTarget {
    const o = rangeArg(this.context, arg, t.sheet);
    if (o.sheet !== t.sheet) throw invalidArgument("The two ranges are on different sheets.");
    return o;
  }

  /** ExcelApi 1.13: the merged areas that overlap this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    const areas = this._child(PATH_KIND.method, "GetMergedAreasOrNullObject", [], () => new SimRangeAreas(this.context, () => {
      this.context.requireApi("1.13", "Range.getMergedAreasOrNullObject");
      const t = this._require();
      const rects = t.sheet.merges.filter((m) => overlaps(m, t.rect));
      // The reference: "if the merged areas count in this range is more than 512, then this
      // method will fail to return the result". How it fails is not documented; we fail the sync.
      if (rects.length > MAX_MERGED_AREAS) throw simError("GeneralException", `The range holds ${rects.length} merged areas; Excel returns at most ${MAX_MERGED_AREAS}.`, "Range.getMergedAreasOrNullObject");
      return rects.length ? { sheet: t.sheet, rects } : null;
    }));
    areas._instantiateNull();
    return areas;
  }

  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], true, (t) => {
      const mode = oneOf(applyTo, ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"], "clear applyTo");
      if (mode === "All" || mode === "Contents") {
        assertEditable(t.sheet, t.rect, "cells", "clear");
        t.sheet.clearContents(t.rect);
      }
      if (mode === "All" || mode === "Formats") {
        assertEditable(t.sheet, t.rect, "formats", "clear formats");
        t.sheet.clearFormats(t.rect);
      }
      if (mode === "All" || mode === "Hyperlinks" || mode === "RemoveHyperlinks") {
        for (const [key, s] of t.sheet.styles) {
          if (!s.hyperlink) continue;
          const r = Math.floor(key / MAX_COLS), c = key % MAX_COLS;
          if (r >= t.rect.r0 && r < t.rect.r0 + t.rect.rows && c >= t.rect.c0 && c < t.rect.c0 + t.rect.cols) t.sheet.styles.set(key, { ...s, hyperlink: undefined });
        }
      }
    });
  }

  merge(across = false): void {
    this._call("merge", [across], true, (t) => {
      assertEditable(t.sheet, t.rect, "formats", "merge");
      const rects = across
        ? Array.from({ length: t.rect.rows }, (_, i) => ({ r0: t.rect.r0 + i, c0: t.rect.c0, rows: 1, cols: t.rect.cols }))
        : [t.rect];
      for (const m of rects) {
        if (m.rows * m.cols < 2) continue;
        t.sheet.merges = t.sheet.merges.filter((x) => !overlaps(x, m));
        // Excel keeps only the top-left value of a merged area.
        const keep = { value: t.sheet.value(m.r0, m.c0), formula: t.sheet.formula(m.r0, m.c0) };
        t.sheet.clearContents(m);
        t.sheet.setContent(m.r0, m.c0, keep);
        t.sheet.merges.push(m);
      }
    });
  }

  unmerge(): void {
    this._call("unmerge", [], true, (t) => {
      assertEditable(t.sheet, t.rect, "formats", "unmerge");
      t.sheet.merges = t.sheet.merges.filter((x) => !overlaps(x, t.rect));
      t.sheet.version++;
    });
  }

  select(): void {
    this._call("select", [], false, (t) => {
      if (t.sheet.visibility !== "Visible") throw simError("InvalidOperation", `Cannot select a range on the hidden sheet "${t.sheet.name}".`);
      const model = this.context.host.model;
      model.activeSheetId = t.sheet.id;
      model.selection = { sheetId: t.sheet.id, rect: t.rect };
      this.context.host.changed();
    });
  }

  /** ExcelApi 1.9. Only the properties asked for come back, as in Excel. */
  getCellProperties(cellPropertiesLoadOptions: Excel.CellPropertiesLoadOptions): SimClientResult<Excel.CellProperties[][]> {
    return this._callResult("getCellProperties", [cellPropertiesLoadOptions], (t) => {
      checkReadSize(t, "getCellProperties");
      return mapCells(t, (r, c) => cellProperties(t.sheet, r, c, cellPropertiesLoadOptions));
    }, "1.9");
  }

  /** ExcelApi 1.9. One entry per cell, same shape as the range; null entries leave a cell alone. */
  setCellProperties(cellPropertiesData: Excel.SettableCellProperties[][]): void {
    this._call("setCellProperties", [cellPropertiesData], true, (t) => {
      const { rect } = t;
      if (!Array.isArray(cellPropertiesData) || cellPropertiesData.length !== rect.rows || cellPropertiesData.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
        throw invalidArgument(SHAPE_MESSAGE);
      }
      assertEditable(t.sheet, rect, "formats", "setCellProperties");
      for (let i = 0; i < rect.rows; i++) {
        for (let j = 0; j < rect.cols; j++) {
          const p = cellPropertiesData[i][j];
          if (p) applyCellProperties(t.sheet, rect.r0 + i, rect.c0 + j, p);
        }
      }
    }, "1.9");
  }
}

function usedIn(t: RangeTarget, valuesOnly: boolean): Rect | null {
  return t.sheet.usedRectWithin(t.rect, valuesOnly);
}

function hyperlinkOf(sheet: SheetModel, r: number, c: number): Excel.RangeHyperlink | null {
  const h = sheet.style(r, c)?.hyperlink;
  return h ? { ...h } : null;
}

const RANGE_SCALARS: Record<string, ScalarDef<RangeTarget>> = {
  address: { get: (t) => qualifiedAddress(t.sheet.name, t.rect) },
  addressLocal: { get: (t) => qualifiedAddress(t.sheet.name, t.rect) },
  cellCount: { get: (t) => t.rect.rows * t.rect.cols },
  rowCount: { get: (t) => t.rect.rows },
  columnCount: { get: (t) => t.rect.cols },
  rowIndex: { get: (t) => t.rect.r0 },
  columnIndex: { get: (t) => t.rect.c0 },
  isEntireColumn: { get: (t) => t.rect.r0 === 0 && t.rect.rows === MAX_ROWS },
  isEntireRow: { get: (t) => t.rect.c0 === 0 && t.rect.cols === MAX_COLS },
  values: {
    get: (t) => (checkReadSize(t, "values"), readRect(t.sheet, t.rect)),
    set: (t, v) => writeContents(t, v, "values"),
  },
  formulas: {
    get: (t) => (checkReadSize(t, "formulas"), mapCells(t, (r, c) => t.sheet.formula(r, c) ?? t.sheet.value(r, c))),
    set: (t, v) => writeContents(t, v, "formulas"),
  },
  formulasLocal: {
    get: (t) => (checkReadSize(t, "formulasLocal"), mapCells(t, (r, c) => t.sheet.formula(r, c) ?? t.sheet.value(r, c))),
    set: (t, v) => writeContents(t, v, "formulasLocal"),
  },
  numberFormat: {
    get: (t) => (checkReadSize(t, "numberFormat"), mapCells(t, (r, c) => t.sheet.numberFormat(r, c))),
    set: (t, v) => writeNumberFormat(t, v),
  },
  numberFormatLocal: {
    since: "1.7",
    get: (t) => (checkReadSize(t, "numberFormatLocal"), mapCells(t, (r, c) => t.sheet.numberFormat(r, c))),
    set: (t, v) => writeNumberFormat(t, v),
  },
  text: {
    get: (t) => (checkReadSize(t, "text"), mapCells(t, (r, c) => displayText(t.sheet.value(r, c), t.sheet.numberFormat(r, c)))),
  },
  valueTypes: {
    get: (t) => (checkReadSize(t, "valueTypes"), mapCells(t, (r, c) => valueType(t.sheet.value(r, c)))),
  },
  valuesAsJson: {
    since: "1.16",
    get: (t) => (checkReadSize(t, "valuesAsJson"), mapCells(t, (r, c) => {
      const v = t.sheet.value(r, c);
      const type = valueType(v);
      return { type: type === "Empty" ? "Empty" : type, basicValue: v, basicType: type };
    })),
  },
  hyperlink: {
    since: "1.7",
    get: (t) => hyperlinkOf(t.sheet, t.rect.r0, t.rect.c0),
    set: (t, v) => {
      assertEditable(t.sheet, t.rect, "cells", "hyperlink");
      const link = v as Excel.RangeHyperlink | null;
      t.sheet.mapStyles(t.rect, (s) => ({ ...s, hyperlink: link ? { ...link } : undefined }));
      if (link) {
        const shown = link.textToDisplay ?? link.address ?? link.documentReference;
        for (let r = t.rect.r0; r < t.rect.r0 + t.rect.rows; r++) {
          for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) {
            if (link.textToDisplay !== undefined || t.sheet.value(r, c) === "") t.sheet.setContent(r, c, { value: shown ?? "" });
          }
        }
      }
    },
  },
};

function boundingOf(rects: readonly Rect[]): Rect {
  return rects.reduce((a, b) => boundingRect(a, b));
}

/** A set of rectangles on one sheet (Excel.RangeAreas): getRanges, or getMergedAreasOrNullObject. */
export interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

export class SimRangeAreas extends SimClientObject<AreasTarget> {
  constructor(context: SimRequestContextBase, private readonly resolver: () => AreasTarget | null) {
    super(context, "RangeAreas");
  }
  protected _resolve(): AreasTarget | null {
    return this.resolver();
  }
  protected _scalars(): Record<string, ScalarDef<AreasTarget>> {
    return {
      address: { get: (t) => t.rects.map((r) => qualifiedAddress(t.sheet.name, r)).join(",") },
      addressLocal: { get: (t) => t.rects.map((r) => qualifiedAddress(t.sheet.name, r)).join(",") },
      areaCount: { get: (t) => t.rects.length },
      cellCount: { get: (t) => t.rects.reduce((n, r) => n + r.rows * r.cols, 0) },
    };
  }
  protected override _navigation() {
    return { areas: () => this.areas, format: () => this.format };
  }
  get address(): string { return this._get("address"); }
  get addressLocal(): string { return this._get("addressLocal"); }
  get areaCount(): number { return this._get("areaCount"); }
  get cellCount(): number { return this._get("cellCount"); }
  private _areas?: SimRangeCollection;
  private _format?: SimRangeFormat;
  /** ExcelApi 1.9: one format for every area (a fill set here fills each of them). */
  get format(): SimRangeFormat {
    return (this._format ??= this._child(PATH_KIND.property, "Format", [], () => new SimRangeFormat(this.context, {
      _target: () => {
        this.context.requireApi("1.9", "RangeAreas.format");
        const t = this._target();
        return t ? { sheet: t.sheet, rect: boundingOf(t.rects), areas: t.rects } : null;
      },
    })));
  }
  get areas(): SimRangeCollection {
    return (this._areas ??= this._child(PATH_KIND.property, "Areas", [], () => new SimRangeCollection(this.context, () => {
      const t = this._require();
      return t.rects.map((rect) => ({ sheet: t.sheet, rect }));
    })));
  }
  _instantiateNull(): void {
    this._instantiate();
  }
  override _keepsReference(): boolean {
    return true;
  }
}

export class SimRangeCollection extends SimCollection<RangeTarget, SimRange> {
  constructor(context: SimRequestContextBase, private readonly resolver: () => RangeTarget[]) {
    super(context, "RangeCollection");
  }
  protected _resolve(): RangeTarget[] {
    return this.resolver();
  }
  protected _itemProxy(model: RangeTarget): SimRange {
    return this._child(PATH_KIND.method, "GetItemAt", [0], () => new SimRange(this.context, () => model));
  }
}

// ---------------------------------------------------------------- formats

abstract class RangePart extends SimClientObject<RangeTarget> {
  constructor(context: SimRequestContextBase, entity: string, protected readonly range: RangeSource) {
    super(context, entity);
  }
  protected _resolve(): RangeTarget | null {
    return this.range._target();
  }
}

function columnWidthOf(sheet: SheetModel, c: number): number {
  return sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
}

export class SimRangeFormat extends RangePart {
  private _fill?: SimRangeFill;
  private _font?: SimRangeFont;
  private _borders?: SimRangeBorderCollection;
  private _protection?: SimFormatProtection;

  constructor(context: SimRequestContextBase, range: RangeSource) {
    super(context, "RangeFormat", range);
  }

  protected _scalars(): Record<string, ScalarDef<RangeTarget>> {
    return FORMAT_SCALARS;
  }
  protected override _navigation() {
    return { fill: () => this.fill, font: () => this.font, borders: () => this.borders, protection: () => this.protection };
  }

  get fill(): SimRangeFill { return (this._fill ??= this._child(PATH_KIND.property, "Fill", [], () => new SimRangeFill(this.context, this.range))); }
  get font(): SimRangeFont { return (this._font ??= this._child(PATH_KIND.property, "Font", [], () => new SimRangeFont(this.context, this.range))); }
  get borders(): SimRangeBorderCollection { return (this._borders ??= this._child(PATH_KIND.property, "Borders", [], () => new SimRangeBorderCollection(this.context, this.range))); }
  get protection(): SimFormatProtection { return (this._protection ??= this._child(PATH_KIND.property, "Protection", [], () => new SimFormatProtection(this.context, this.range))); }

  get wrapText(): boolean | null { return this._get("wrapText"); }
  set wrapText(v: boolean | null) { this._set("wrapText", v); }
  get horizontalAlignment(): string | null { return this._get("horizontalAlignment"); }
  set horizontalAlignment(v: string | null) { this._set("horizontalAlignment", v); }
  get verticalAlignment(): string | null { return this._get("verticalAlignment"); }
  set verticalAlignment(v: string | null) { this._set("verticalAlignment", v); }
  get columnWidth(): number | null { return this._get("columnWidth"); }
  set columnWidth(v: number | null) { this._set("columnWidth", v); }
  get rowHeight(): number | null { return this._get("rowHeight"); }
  set rowHeight(v: number | null) { this._set("rowHeight", v); }

  autofitColumns(): void {
    this._call("autofitColumns", [], true, (t) => {
      assertEditable(t.sheet, t.rect, "formats", "autofitColumns");
      const used = t.sheet.usedRect(true);
      for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) {
        let longest = 0;
        const rows = used ? intersect(used, { ...t.rect, c0: c, cols: 1 }) : null;
        if (rows) for (let r = rows.r0; r < rows.r0 + rows.rows; r++) longest = Math.max(longest, displayText(t.sheet.value(r, c), t.sheet.numberFormat(r, c)).length);
        // About 6 points per character of Calibri 11, plus the cell's padding.
        t.sheet.columnWidths.set(c, Math.min(255 * 6, Math.max(12, longest * 6 + 6)));
      }
    });
  }

  autofitRows(): void {
    this._call("autofitRows", [], true, (t) => assertEditable(t.sheet, t.rect, "formats", "autofitRows"));
  }
}

const FORMAT_SCALARS: Record<string, ScalarDef<RangeTarget>> = {
  wrapText: {
    get: (t) => uniform(t, (s) => s?.wrapText ?? false),
    set: (t, v) => styleWrite(t, "wrapText", (s) => (s.wrapText = Boolean(v))),
  },
  horizontalAlignment: {
    get: (t) => uniform(t, (s) => s?.hAlign ?? "General"),
    set: (t, v) => {
      const a = oneOf(v, H_ALIGN, "horizontalAlignment");
      styleWrite(t, "horizontalAlignment", (s) => (s.hAlign = a));
    },
  },
  verticalAlignment: {
    get: (t) => uniform(t, (s) => s?.vAlign ?? "Bottom"),
    set: (t, v) => {
      const a = oneOf(v, V_ALIGN, "verticalAlignment");
      styleWrite(t, "verticalAlignment", (s) => (s.vAlign = a));
    },
  },
  columnWidth: {
    get: (t) => {
      const w = columnWidthOf(t.sheet, t.rect.c0);
      for (let c = t.rect.c0 + 1; c < t.rect.c0 + t.rect.cols; c++) if (columnWidthOf(t.sheet, c) !== w) return null;
      return w;
    },
    set: (t, v) => {
      if (typeof v !== "number" || !(v >= 0) || v > 255 * 7.5) throw invalidArgument(`A column width must be a number of points from 0 to ${255 * 7.5}.`);
      assertEditable(t.sheet, t.rect, "formats", "columnWidth");
      for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) t.sheet.columnWidths.set(c, v);
      t.sheet.version++;
    },
  },
  rowHeight: {
    get: (t) => {
      const h = t.sheet.rowHeights.get(t.rect.r0) ?? DEFAULT_ROW_HEIGHT;
      for (let r = t.rect.r0 + 1; r < t.rect.r0 + t.rect.rows; r++) if ((t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT) !== h) return null;
      return h;
    },
    set: (t, v) => {
      if (typeof v !== "number" || !(v >= 0) || v > 409) throw invalidArgument("A row height must be a number of points from 0 to 409.");
      assertEditable(t.sheet, t.rect, "formats", "rowHeight");
      for (let r = t.rect.r0; r < t.rect.r0 + t.rect.rows; r++) t.sheet.rowHeights.set(r, v);
      t.sheet.version++;
    },
  },
};

export class SimRangeFill extends RangePart {
  constructor(context: SimRequestContextBase, range: RangeSource) {
    super(context, "RangeFill", range);
  }
  protected _scalars(): Record<string, ScalarDef<RangeTarget>> {
    return FILL_SCALARS;
  }
  get color(): string { return this._get("color"); }
  set color(v: string) { this._set("color", v); }
  get pattern(): string { return this._get("pattern"); }
  set pattern(v: string) { this._set("pattern", v); }
  get tintAndShade(): number | null { return this._get("tintAndShade"); }
  get patternColor(): string { return this._get("patternColor"); }
  set patternColor(v: string) { this._set("patternColor", v); }
  set tintAndShade(v: number | null) { this._set("tintAndShade", v); }
  clear(): void {
    this._call("clear", [], true, (t) => styleWrite(t, "fill.clear", (s) => delete s.fill));
  }
}

const FILL_SCALARS: Record<string, ScalarDef<RangeTarget>> = {
  // No fill reads as white in Excel, which is why restoring "#FFFFFF" is not the same as clearing.
  color: {
    get: (t) => uniform(t, (s) => s?.fill ?? "#FFFFFF"),
    set: (t, v) => {
      const color = normalizeColor(v);
      styleWrite(t, "fill.color", (s) => (s.fill = color));
    },
  },
  // A cell with no fill answers like a white one, color and pattern alike (office-js#6218, #4900);
  // only tintAndShade tells them apart: null for no fill, a number for a fill (#4900, Microsoft's answer).
  tintAndShade: {
    since: "1.9",
    get: (t) => uniform(t, (s) => (s?.fill ? 0 : null)),
    set: (t, v) => {
      if (v !== null && (typeof v !== "number" || v < -1 || v > 1)) throw invalidArgument("tintAndShade is a number from -1 to 1.");
      styleWrite(t, "fill.tintAndShade", (s) => void (s.fill ??= "#FFFFFF"));
    },
  },
  // Patterns are not simulated: every fill is solid, its pattern colour Excel's default black.
  patternColor: {
    since: "1.15",
    get: (t) => uniform(t, () => "#000000"),
    set: (t, v) => void normalizeColor(v),
  },
  pattern: {
    since: "1.15",
    get: (t) => uniform(t, () => "Solid"),
    set: (t, v) => {
      const p = oneOf(v, ["None", "Solid"], "fill.pattern");
      styleWrite(t, "fill.pattern", (s) => {
        if (p === "None") delete s.fill;
        else s.fill ??= "#FFFFFF";
      });
    },
  },
};

export class SimRangeFont extends RangePart {
  constructor(context: SimRequestContextBase, range: RangeSource) {
    super(context, "RangeFont", range);
  }
  protected _scalars(): Record<string, ScalarDef<RangeTarget>> {
    return FONT_SCALARS;
  }
  get bold(): boolean | null { return this._get("bold"); }
  set bold(v: boolean | null) { this._set("bold", v); }
  get italic(): boolean | null { return this._get("italic"); }
  set italic(v: boolean | null) { this._set("italic", v); }
  get color(): string | null { return this._get("color"); }
  set color(v: string | null) { this._set("color", v); }
  get size(): number | null { return this._get("size"); }
  set size(v: number | null) { this._set("size", v); }
  get name(): string | null { return this._get("name"); }
  set name(v: string | null) { this._set("name", v); }
  get underline(): string | null { return this._get("underline"); }
  set underline(v: string | null) { this._set("underline", v); }
}

const FONT_SCALARS: Record<string, ScalarDef<RangeTarget>> = {
  bold: { get: (t) => uniform(t, (s) => s?.bold ?? false), set: (t, v) => styleWrite(t, "font.bold", (s) => (s.bold = Boolean(v))) },
  italic: { get: (t) => uniform(t, (s) => s?.italic ?? false), set: (t, v) => styleWrite(t, "font.italic", (s) => (s.italic = Boolean(v))) },
  color: {
    get: (t) => uniform(t, (s) => s?.fontColor ?? DEFAULT_FONT.color),
    set: (t, v) => {
      const color = normalizeColor(v);
      styleWrite(t, "font.color", (s) => (s.fontColor = color));
    },
  },
  size: {
    get: (t) => uniform(t, (s) => s?.fontSize ?? DEFAULT_FONT.size),
    set: (t, v) => {
      if (typeof v !== "number" || v < 1 || v > 409) throw invalidArgument("A font size must be a number from 1 to 409.");
      styleWrite(t, "font.size", (s) => (s.fontSize = v));
    },
  },
  name: {
    get: (t) => uniform(t, (s) => s?.fontName ?? DEFAULT_FONT.name),
    set: (t, v) => {
      if (typeof v !== "string" || !v) throw invalidArgument("A font name must be text.");
      styleWrite(t, "font.name", (s) => (s.fontName = v));
    },
  },
  underline: {
    get: (t) => uniform(t, (s) => s?.underline ?? "None"),
    set: (t, v) => {
      const u = oneOf(v, UNDERLINES, "font.underline");
      styleWrite(t, "font.underline", (s) => (s.underline = u));
    },
  },
};

export class SimFormatProtection extends RangePart {
  constructor(context: SimRequestContextBase, range: RangeSource) {
    super(context, "FormatProtection", range);
  }
  protected _scalars(): Record<string, ScalarDef<RangeTarget>> {
    return {
      locked: {
        get: (t) => uniform(t, (s) => s?.locked ?? true),
        set: (t, v) => styleWrite(t, "protection.locked", (s) => (s.locked = Boolean(v))),
      },
      formulaHidden: { get: () => false, set: () => undefined },
    };
  }
  get locked(): boolean | null { return this._get("locked"); }
  set locked(v: boolean | null) { this._set("locked", v); }
  get formulaHidden(): boolean | null { return this._get("formulaHidden"); }
  set formulaHidden(v: boolean | null) { this._set("formulaHidden", v); }
}

// ---------------------------------------------------------------- borders

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];
const NO_BORDER: BorderStyle = { style: "None", color: "#000000", weight: "Thin" };

/** The cell edges a border index stands for, within the range. */
function borderEdges(rect: Rect, index: BorderIndex): Array<[number, number, Edge]> {
  const out: Array<[number, number, Edge]> = [];
  const lastR = rect.r0 + rect.rows - 1, lastC = rect.c0 + rect.cols - 1;
  for (let r = rect.r0; r <= lastR; r++) {
    for (let c = rect.c0; c <= lastC; c++) {
      if (index === "EdgeTop" && r === rect.r0) out.push([r, c, "top"]);
      if (index === "EdgeBottom" && r === lastR) out.push([r, c, "bottom"]);
      if (index === "EdgeLeft" && c === rect.c0) out.push([r, c, "left"]);
      if (index === "EdgeRight" && c === lastC) out.push([r, c, "right"]);
      if (index === "InsideHorizontal" && r < lastR) out.push([r, c, "bottom"], [r + 1, c, "top"]);
      if (index === "InsideVertical" && c < lastC) out.push([r, c, "right"], [r, c + 1, "left"]);
    }
  }
  return out;
}

export class SimRangeBorderCollection extends SimCollection<BorderIndex, SimRangeBorder> {
  constructor(context: SimRequestContextBase, private readonly range: RangeSource) {
    super(context, "RangeBorderCollection");
  }
  protected _resolve(): BorderIndex[] | null {
    return this.range._target() ? [...BORDER_INDEXES] : null;
  }
  protected _itemProxy(index: BorderIndex): SimRangeBorder {
    return this._child(PATH_KIND.indexer, "", [index], () => new SimRangeBorder(this.context, this.range, index));
  }
  getItem(index: string): SimRangeBorder {
    return this._child(PATH_KIND.indexer, "", [index], () => new SimRangeBorder(this.context, this.range, index as BorderIndex));
  }
  getItemAt(i: number): SimRangeBorder {
    return this._child(PATH_KIND.method, "GetItemAt", [i], () => new SimRangeBorder(this.context, this.range, BORDER_INDEXES[i]));
  }
}

export class SimRangeBorder extends RangePart {
  constructor(context: SimRequestContextBase, range: RangeSource, private readonly index: BorderIndex) {
    super(context, "RangeBorder", range);
  }
  protected override _resolve(): RangeTarget | null {
    oneOf(this.index, BORDER_INDEXES, "border index");
    return super._resolve();
  }
  private edges(t: RangeTarget) {
    const { rect } = clipLarge(t);
    return rect ? borderEdges(rect, this.index) : [];
  }
  private read(t: RangeTarget, key: keyof BorderStyle): string | null {
    const edges = this.edges(t);
    if (edges.length === 0) return NO_BORDER[key];
    let first: string | undefined;
    for (const [r, c, e] of edges) {
      const v = (t.sheet.style(r, c)?.borders?.[e] ?? NO_BORDER)[key];
      if (first === undefined) first = v;
      else if (v !== first) return null;
    }
    return first ?? null;
  }
  private write(t: RangeTarget, patch: Partial<BorderStyle>): void {
    assertEditable(t.sheet, t.rect, "formats", "borders");
    for (const [r, c, e] of this.edges(t)) {
      const s = t.sheet.style(r, c);
      const old = s?.borders?.[e] ?? { ...NO_BORDER };
      const next = { ...old, ...patch };
      if (patch.style && patch.style !== "None" && old.style === "None" && !patch.weight) next.weight = "Thin";
      t.sheet.updateStyle(r, c, { borders: { ...(s?.borders ?? {}), [e]: next } });
    }
  }
  protected _scalars(): Record<string, ScalarDef<RangeTarget>> {
    return {
      sideIndex: { get: () => this.index },
      style: { get: (t) => this.read(t, "style"), set: (t, v) => this.write(t, { style: oneOf(v, BORDER_STYLES, "border style") }) },
      color: { get: (t) => this.read(t, "color"), set: (t, v) => this.write(t, { color: normalizeColor(v) }) },
      weight: { get: (t) => this.read(t, "weight"), set: (t, v) => this.write(t, { weight: oneOf(v, BORDER_WEIGHTS, "border weight") }) },
    };
  }
  get sideIndex(): string { return this._get("sideIndex"); }
  get style(): string { return this._get("style"); }
  set style(v: string) { this._set("style", v); }
  get color(): string { return this._get("color"); }
  set color(v: string) { this._set("color", v); }
  get weight(): string { return this._get("weight"); }
  set weight(v: string) { this._set("weight", v); }
}

// ---------------------------------------------------------------- data validation

/** Range.getMergedAreasOrNullObject fails over this many merged areas (ExcelApi 1.13 reference). */
export const MAX_MERGED_AREAS = 512;

/** Excel keeps a list validation's source in a formula of at most 255 characters. */
export const MAX_LIST_SOURCE = 255;

export class SimDataValidation extends RangePart {
  constructor(context: SimRequestContextBase, range: RangeSource) {
    super(context, "DataValidation", range);
  }
  protected _scalars(): Record<string, ScalarDef<RangeTarget>> {
    return {
      rule: {
        since: "1.8",
        get: (t) => {
          const dv = t.sheet.validations.find((v) => overlaps(v.rect, t.rect));
          return dv ? { list: { ...dv.rule.list } } : {};
        },
        set: (t, v) => {
          const list = (v as { list?: { inCellDropDown?: boolean; source?: unknown } } | null)?.list;
          if (!list) throw invalidArgument("Only list rules are simulated: { list: { inCellDropDown, source } }.");
          let source: string;
          if (typeof list.source === "string") source = list.source;
          else if (list.source instanceof SimRange) {
            const src = list.source._require();
            source = "=" + qualifiedAddress(src.sheet.name, src.rect);
          } else throw invalidArgument("A list rule needs a source: text like \"a,b,c\" or a Range.");
          if (source.trim() === "") throw invalidArgument("A list rule's source cannot be empty.");
          if (source.length > MAX_LIST_SOURCE) throw invalidArgument(`A list rule's source is ${source.length} characters long; Excel accepts at most ${MAX_LIST_SOURCE}.`);
          assertEditable(t.sheet, t.rect, "formats", "dataValidation");
          t.sheet.validations = t.sheet.validations.filter((x) => !overlaps(x.rect, t.rect));
          t.sheet.validations.push({ rect: t.rect, rule: { list: { inCellDropDown: list.inCellDropDown ?? true, source } } });
          t.sheet.version++;
        },
      },
      type: {
        since: "1.8",
        get: (t) => {
          const hits = t.sheet.validations.filter((v) => overlaps(v.rect, t.rect));
          if (hits.length === 0) return "None";
          return hits.length === 1 && intersect(hits[0].rect, t.rect)?.rows === t.rect.rows && intersect(hits[0].rect, t.rect)?.cols === t.rect.cols ? "List" : "Inconsistent";
        },
      },
      ignoreBlanks: { since: "1.8", get: () => true, set: () => undefined },
    };
  }
  get rule(): Excel.DataValidationRule { return this._get("rule"); }
  set rule(v: Excel.DataValidationRule) { this._set("rule", v); }
  get type(): string { return this._get("type"); }
  get ignoreBlanks(): boolean { return this._get("ignoreBlanks"); }
  set ignoreBlanks(v: boolean) { this._set("ignoreBlanks", v); }
  clear(): void {
    this._call("clear", [], true, (t) => {
      assertEditable(t.sheet, t.rect, "formats", "dataValidation.clear");
      t.sheet.validations = t.sheet.validations.filter((x) => !overlaps(x.rect, t.rect));
    }, "1.8");
  }
}

// ---------------------------------------------------------------- cell properties (ExcelApi 1.9)

type Wanted = Record<string, unknown> | boolean | undefined;

function wants(opts: Wanted, key: string): Wanted {
  if (!opts || opts === true) return opts;
  return opts[key] as Wanted;
}

function pick<T extends Record<string, unknown>>(opts: Wanted, all: T): Partial<T> {
  if (opts === true) return { ...all };
  const out: Partial<T> = {};
  if (!opts) return out;
  for (const k of Object.keys(all) as Array<keyof T>) if (opts[k as string]) out[k] = all[k];
  return out;
}

function cellProperties(sheet: SheetModel, r: number, c: number, opts: Excel.CellPropertiesLoadOptions): Excel.CellProperties {
  const s = sheet.style(r, c);
  const o = opts as Record<string, Wanted>;
  const out: Record<string, unknown> = {};
  if (o.address) out.address = qualifiedAddress(sheet.name, { r0: r, c0: c, rows: 1, cols: 1 });
  if (o.addressLocal) out.addressLocal = qualifiedAddress(sheet.name, { r0: r, c0: c, rows: 1, cols: 1 });
  if (o.hyperlink) out.hyperlink = s?.hyperlink ? { ...s.hyperlink } : null;
  if (o.style) out.style = "Normal";
  const f = o.format;
  if (f) {
    const format: Record<string, unknown> = pick(f, {
      wrapText: s?.wrapText ?? false,
      horizontalAlignment: s?.hAlign ?? "General",
      verticalAlignment: s?.vAlign ?? "Bottom",
      columnWidth: columnWidthOf(sheet, c),
      rowHeight: sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT,
    });
    const fill = wants(f, "fill");
    if (fill) format.fill = pick(fill, { color: s?.fill ?? "#FFFFFF", pattern: "Solid", tintAndShade: s?.fill ? 0 : null });
    const font = wants(f, "font");
    if (font) {
      format.font = pick(font, {
        bold: s?.bold ?? false, italic: s?.italic ?? false, color: s?.fontColor ?? DEFAULT_FONT.color,
        size: s?.fontSize ?? DEFAULT_FONT.size, name: s?.fontName ?? DEFAULT_FONT.name, underline: s?.underline ?? "None",
      });
    }
    const prot = wants(f, "protection");
    if (prot) format.protection = pick(prot, { locked: s?.locked ?? true, formulaHidden: false });
    const borders = wants(f, "borders");
    if (borders) {
      const side = (e: Edge) => ({ ...(s?.borders?.[e] ?? NO_BORDER) });
      format.borders = pick(borders, { top: side("top"), bottom: side("bottom"), left: side("left"), right: side("right") });
    }
    out.format = format;
  }
  return out as Excel.CellProperties;
}

function applyCellProperties(sheet: SheetModel, r: number, c: number, p: Excel.SettableCellProperties): void {
  const f = p.format;
  const patch: Partial<CellStyle> = {};
  const old = sheet.style(r, c) ?? {};
  let clearFill = false;
  if (f) {
    if (f.fill) {
      if (f.fill.pattern === "None") clearFill = true;
      else if (f.fill.color !== undefined) patch.fill = normalizeColor(f.fill.color);
      else if (f.fill.pattern === "Solid" && !old.fill) patch.fill = "#FFFFFF";
    }
    if (f.font) {
      if (f.font.bold !== undefined) patch.bold = f.font.bold;
      if (f.font.italic !== undefined) patch.italic = f.font.italic;
      if (f.font.color !== undefined) patch.fontColor = normalizeColor(f.font.color);
      if (f.font.size !== undefined) patch.fontSize = f.font.size;
      if (f.font.name !== undefined) patch.fontName = f.font.name;
      if (f.font.underline !== undefined) patch.underline = oneOf(f.font.underline, UNDERLINES, "font.underline");
    }
    if (f.wrapText !== undefined) patch.wrapText = f.wrapText;
    if (f.horizontalAlignment !== undefined) patch.hAlign = oneOf(f.horizontalAlignment, H_ALIGN, "horizontalAlignment");
    if (f.verticalAlignment !== undefined) patch.vAlign = oneOf(f.verticalAlignment, V_ALIGN, "verticalAlignment");
    if (f.protection?.locked !== undefined) patch.locked = f.protection.locked;
    if (f.borders) {
      const borders = { ...(old.borders ?? {}) };
      for (const e of ["top", "bottom", "left", "right"] as const) {
        const b = f.borders[e];
        if (b) borders[e] = { ...(borders[e] ?? NO_BORDER), ...(b.style ? { style: oneOf(b.style, BORDER_STYLES, "border style") } : {}), ...(b.color ? { color: normalizeColor(b.color) } : {}), ...(b.weight ? { weight: b.weight } : {}) };
      }
      patch.borders = borders;
    }
  }
  if (p.hyperlink !== undefined) patch.hyperlink = p.hyperlink ? { ...p.hyperlink } : undefined;
  const next: CellStyle = { ...old, ...patch };
  if (clearFill) delete next.fill;
  sheet.styles.set(cellKey(r, c), next);
  sheet.version++;
}

export { cellAddress, rectToA1 };
