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
}

export interface WorkbookData {
  sheets: SheetData[];
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
