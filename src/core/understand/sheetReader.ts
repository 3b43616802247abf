import { CellValue, SheetData, columnNumber } from "../model";

/**
 * Reads cells of one sheet by absolute row and column. Excel gives a merged
 * area's value to its top-left cell only, so a commune name merged down
 * rows 5-20 would read as blank on rows 6-20; here every row of a merged
 * area reads the top-left value in the area's first column, which is what the
 * person sees: one value for every row it spans.
 *
 * The area's other columns read as blank. A merge across columns (a name
 * over B8:C8) widens one value, it does not fill the next field: copying the
 * name into the birth column would report "Ngày sinh không đọc được: <name>"
 * instead of the birth date that is really missing.
 */
export interface SheetReader {
  /** The cell's value ("" past the used range). */
  value(row: number, col: number): CellValue;
  /**
   * The row's values as stored, when no merged area crosses the sheet's rows
   * of interest (then `value` is the only way): loops index it directly.
   * Index 0 is column `originCol`.
   */
  plainRow: ((row: number) => readonly CellValue[] | undefined) | null;
  originCol: number;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const A1_RANGE = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/;

export function parseArea(a1: string): Area | null {
  const m = A1_RANGE.exec(a1.replace(/^.*!/, "").trim());
  if (!m) return null;
  const r1 = Number(m[2]);
  const c1 = columnNumber(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** Column numbers stay below 2^14 in Excel (XFD = 16384), so row * 2^15 + col is a unique key. */
const key = (row: number, col: number) => row * 32768 + col;

export function sheetReader(sheet: SheetData, rowsOfInterest?: { from: number; to: number }): SheetReader {
  const { values, originRow, originCol } = sheet;
  const raw = (row: number, col: number): CellValue => values[row - originRow]?.[col - originCol] ?? "";
  const merged = new Map<number, CellValue>();
  // Areas too big to spread cell by cell (a merge over a whole sheet is 17 billion cells): looked up by area instead.
  const large: Array<{ area: Area; v: CellValue }> = [];
  for (const a1 of sheet.merges ?? []) {
    const area = parseArea(a1);
    if (!area || (area.top === area.bottom && area.left === area.right)) continue;
    const from = Math.max(area.top, rowsOfInterest?.from ?? area.top);
    const to = Math.min(area.bottom, rowsOfInterest?.to ?? area.bottom);
    const v = raw(area.top, area.left);
    if ((to - from + 1) * (area.right - area.left + 1) > LARGE_MERGE_CELLS) {
      large.push({ area, v });
      continue;
    }
    for (let r = from; r <= to; r++) {
      if (r !== area.top) merged.set(key(r, area.left), v);
      // Blank even when the file kept a stale value there (some writers copy the top-left value): Excel shows none.
      for (let c = area.left + 1; c <= area.right; c++) merged.set(key(r, c), "");
    }
  }
  if (merged.size === 0 && large.length === 0) return { value: raw, plainRow: (row) => values[row - originRow], originCol };
  const inLarge = (row: number, col: number): CellValue | undefined => {
    for (const { area, v } of large) {
      if (row < area.top || row > area.bottom || col < area.left || col > area.right) continue;
      if (col > area.left) return "";
      return row === area.top ? undefined : v;
    }
    return undefined;
  };
  return { value: (row, col) => merged.get(key(row, col)) ?? inLarge(row, col) ?? raw(row, col), plainRow: null, originCol };
}

/** Above this many cells (within the rows of interest) a merged area is not spread into the lookup map. */
const LARGE_MERGE_CELLS = 100_000;
