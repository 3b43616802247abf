import { columnLetter, columnNumber } from "../core/model";

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B12" -> { row: 12, col: 2 }. Throws on anything else, since plan addresses are made by our own code. */
export function parseCell(address: string): { row: number; col: number } {
  const m = CELL.exec(address.trim());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** "B2:D9" or "C7" (without sheet) -> rectangle. */
export function parseRange(address: string): CellRect {
  const [a, b] = address.split(":");
  const from = parseCell(a);
  const to = b === undefined ? from : parseCell(b);
  const row = Math.min(from.row, to.row);
  const col = Math.min(from.col, to.col);
  return { row, col, rows: Math.abs(to.row - from.row) + 1, cols: Math.abs(to.col - from.col) + 1 };
}

export function rectAddress(r: CellRect): string {
  const tl = columnLetter(r.col) + r.row;
  if (r.rows === 1 && r.cols === 1) return tl;
  return `${tl}:${columnLetter(r.col + r.cols - 1)}${r.row + r.rows - 1}`;
}

/** Splits "'Cán bộ'!A1:C3" or "Sheet1!A1" into sheet and local address; no "!" means no sheet. */
export function splitSheetAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** A cell of a sheet, as the grouping functions below take it. */
export interface CellRef {
  row: number;
  col: number;
}

/**
 * Groups cells into vertical runs (same column, consecutive rows), the shape
 * findings usually take: one rule flags one column down many rows. `key` keeps
 * cells that must be written differently (another colour) in separate runs.
 * Cells are deduplicated.
 */
export function verticalRuns<T extends CellRef>(cells: readonly T[], key: (c: T) => string = () => ""): Array<{ rect: CellRect; cells: T[] }> {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Array<{ rect: CellRect; cells: T[]; key: string }> = [];
  let last: { rect: CellRect; cells: T[]; key: string } | undefined;
  for (const c of sorted) {
    const k = key(c);
    if (last && last.rect.col === c.col && last.key === k) {
      const end = last.rect.row + last.rect.rows - 1;
      if (c.row === end) continue; // same cell twice
      if (c.row === end + 1) {
        last.rect.rows += 1;
        last.cells.push(c);
        continue;
      }
    }
    if (last && last.rect.col === c.col && c.row <= last.rect.row + last.rect.rows - 1) continue;
    last = { rect: { row: c.row, col: c.col, rows: 1, cols: 1 }, cells: [c], key: k };
    runs.push(last);
  }
  return runs.map(({ rect, cells: cs }) => ({ rect, cells: cs }));
}

/** Row runs of the cells in one row-sorted pass: for scattered form cells. */
export function rowRuns<T extends CellRef>(cells: readonly T[]): Array<{ rect: CellRect; cells: T[] }> {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Array<{ rect: CellRect; cells: T[] }> = [];
  let last: { rect: CellRect; cells: T[] } | undefined;
  for (const c of sorted) {
    if (last && last.rect.row === c.row && c.col === last.rect.col + last.rect.cols) {
      last.rect.cols += 1;
      last.cells.push(c);
      continue;
    }
    if (last && last.rect.row === c.row && c.col < last.rect.col + last.rect.cols) continue;
    last = { rect: { row: c.row, col: c.col, rows: 1, cols: 1 }, cells: [c] };
    runs.push(last);
  }
  return runs;
}

/**
 * getRanges takes a list of areas ("B5,B9:B12,C3"), and Excel refuses long
 * ones with a bare InvalidArgument; where it starts is not documented
 * (office-js#5198: some lists of 513 areas and 8,207 characters fail, some of
 * 649 work). We stay far below both.
 */
export const MAX_AREAS_PER_LIST = 200;
export const MAX_LIST_CHARS = 2_000;

/** Rectangles as getRanges lists, each list within the limits above. */
export function areaLists(rects: readonly CellRect[], maxAreas = MAX_AREAS_PER_LIST, maxChars = MAX_LIST_CHARS): Array<{ address: string; rects: CellRect[] }> {
  const lists: Array<{ address: string; rects: CellRect[] }> = [];
  let parts: string[] = [];
  let chosen: CellRect[] = [];
  let chars = 0;
  const close = () => {
    if (parts.length) lists.push({ address: parts.join(","), rects: chosen });
    parts = [];
    chosen = [];
    chars = 0;
  };
  for (const r of rects) {
    const a = rectAddress(r);
    if (parts.length > 0 && (parts.length >= maxAreas || chars + 1 + a.length > maxChars)) close();
    chars += (parts.length ? 1 : 0) + a.length;
    parts.push(a);
    chosen.push(r);
  }
  close();
  return lists;
}
