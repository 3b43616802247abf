import type { CellValue, FormatRun, SheetData } from "../core/model";

/**
 * A sheet's cells as they are read, then laid out as SheetData: the used
 * range of the cells that hold something, dense (every row, every row as wide
 * as the range, as range.values gives it) while that costs at most a few times
 * the cells themselves, sparse beyond (SheetData.values may be: one stray
 * value in XFD1048576 costs one row, not 17 billion cells). Number formats
 * are kept as runs down a column.
 */

/** A gap in a row up to this many columns is filled with ""; a wider one is left as a hole (a sparse row). */
const PAD_LIMIT = 64;

export class SheetBuild {
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

/** Dense while the rectangle costs at most a few times its cells (or a million); sparse beyond. */
function denseAffordable(height: number, width: number, cells: number): boolean {
  return height * width <= Math.max(4 * cells, 1_000_000);
}

export function layOut(build: SheetBuild, name: string, merges: string[]): SheetData {
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
