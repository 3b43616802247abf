import type { Text } from "./text";

/**
 * A cell value exactly as Excel's `range.values` gives it: numbers (dates are
 * serials), strings, booleans, "" for an empty cell, and error values as their
 * text ("#N/A", "#REF!", ...). Every host (Office.js, the simulated Excel, the
 * ExcelJS reader) hands the core this shape and nothing richer.
 */
export type CellValue = string | number | boolean;

/** The error texts Excel puts in `range.values` for a cell whose formula failed. */
export const EXCEL_ERRORS = [
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
  "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
] as const;

export function isExcelError(v: CellValue): boolean {
  return typeof v === "string" && v.length > 1 && v[0] === "#" && (EXCEL_ERRORS as readonly string[]).includes(v);
}

export function isBlank(v: CellValue | undefined | null): boolean {
  return v === undefined || v === null || v === "" || (typeof v === "string" && v.trim() === "");
}

/**
 * One sheet as the core sees it: the used range's values, and where that range
 * starts. `values[0][0]` is the cell at (originRow, originCol), both 1-based,
 * so a table that starts in C5 keeps its real addresses.
 *
 * `values` may be ragged and sparse: a row may be shorter than the range (its
 * missing cells are blank), and a row may be missing altogether (undefined: a
 * blank row). One stray value in XFD1048576 must not cost a dense rectangle of
 * 17 billion cells, so every reader of `values` treats a missing row or cell as "".
 */
export interface SheetData {
  name: string;
  originRow: number;
  originCol: number;
  values: CellValue[][];
  /** Same shape as values; true where the cell holds a formula (needed to fill the user's form safely). */
  formulas?: boolean[][];
  visibility?: "visible" | "hidden" | "veryHidden";
  /** Merged areas as A1 ranges ("A1:F1"). Excel gives the value to the top-left cell only. */
  merges?: string[];
  /** Number formats by 1-based absolute column, for writers (dates as serials show as dates). */
  columnFormats?: Record<number, string>;
  /**
   * Cells whose number format is not General, as vertical runs in one column
   * (absolute 1-based `row`..`row + count - 1`). Readers that know formats fill
   * it (the .xlsx reader from styles.xml), so a grid or a writer can show a
   * serial as the date it is, and a date fix can keep a cell's date format.
   */
  formatRuns?: FormatRun[];
}

export interface FormatRun {
  col: number;
  row: number;
  count: number;
  /** The number format code, e.g. "dd/mm/yyyy", "0.00%", "@". */
  format: string;
}

/**
 * Why a sheet the workbook lists could not be taken as it is. The reader never
 * drops a sheet silently: a part that is missing, a dangling relationship, a
 * sheet listed twice, a duplicate zip entry, a part over a size cap, all come
 * here, and the check turns each into an error finding naming the sheet.
 */
export type SheetProblemCode =
  | "missing-part" | "unreadable" | "listed-twice" | "duplicate-entry" | "too-large" | "beyond-grid" | "truncated";

export interface SheetProblem {
  /** The sheet's tab name as the workbook lists it (or the part's path when it has no name). */
  sheet: string;
  code: SheetProblemCode;
  /** true when the sheet is absent from `sheets`; false when it is there but partial or suspect. */
  lost: boolean;
  /** One plain sentence each: what happened to this sheet and what to do. */
  detail: Text;
}

export interface WorkbookData {
  sheets: SheetData[];
  /** Sheets listed by the workbook that could not be read (fully), with the reason. Absent or [] when all were read. */
  problems?: SheetProblem[];
  /**
   * The workbook counts dates from 1904 (old Mac files; Excel's "Use 1904 date
   * system"). Serials in `values` stay as stored, exactly as `range.values`
   * gives them; the understand step shifts them by 1,462 days when it reads a
   * date, so every later step sees 1900-system serials.
   */
  date1904?: boolean;
}

/** 1-based column number to letters: 1 -> A, 28 -> AB. */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to 1-based column number: A -> 1, AB -> 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return columnLetter(col) + row;
}
