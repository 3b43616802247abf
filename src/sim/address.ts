import { columnLetter } from "../core/model/values";
import { invalidArgument, simError } from "./errors";

/** Excel's grid. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Excel refuses a range address longer than this. */
export const MAX_ADDRESS_LENGTH = 8192;

/** A rectangle of cells, 0-based (row 0 is Excel's row 1), as the simulator stores it. */
export interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

const CELL_PART = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL_PART = /^\$?([A-Za-z]{1,3})$/;
const ROW_PART = /^\$?(\d{1,7})$/;

function letters(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

type Part = { row?: number; col?: number };

function parsePart(p: string): Part | null {
  let m = CELL_PART.exec(p);
  if (m) return { row: Number(m[2]), col: letters(m[1]) };
  m = COL_PART.exec(p);
  if (m) return { col: letters(m[1]) };
  m = ROW_PART.exec(p);
  if (m) return { row: Number(m[1]) };
  return null;
}

export function checkAddressLength(address: string): void {
  if (address.length > MAX_ADDRESS_LENGTH) {
    throw invalidArgument(`The address is ${address.length} characters long; Excel accepts at most ${MAX_ADDRESS_LENGTH}.`);
  }
}

/** Splits "'Cán bộ'!A1:C3" into the sheet name (quotes removed, '' undone) and "A1:C3". */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  checkAddressLength(address);
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/**
 * Parses a single-area A1 address without the sheet: "B2", "$A$1:C3", "A:C",
 * "2:5". Throws InvalidArgument like Excel for anything else, including
 * multi-area addresses ("A1,B2"), which a worksheet's getRange refuses.
 */
export function parseLocalAddress(local: string): Rect {
  checkAddressLength(local);
  const text = local.trim();
  const pieces = text.split(":");
  if (pieces.length > 2 || text === "") throw invalidArgument(`Not a range address: "${local}".`);
  const a = parsePart(pieces[0]);
  const b = pieces.length === 2 ? parsePart(pieces[1]) : a;
  if (!a || !b) throw invalidArgument(`Not a range address: "${local}".`);
  const wholeCols = a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined;
  const wholeRows = a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined;
  // "A" alone or "5" alone is not an address; "A:C" and "2:5" are.
  if (pieces.length === 1 && (wholeCols || wholeRows)) throw invalidArgument(`Not a range address: "${local}".`);
  if (!wholeCols && !wholeRows && (a.row === undefined || a.col === undefined || b.row === undefined || b.col === undefined)) {
    throw invalidArgument(`Not a range address: "${local}".`);
  }
  const r1 = wholeCols ? 1 : Math.min(a.row!, b.row!);
  const r2 = wholeCols ? MAX_ROWS : Math.max(a.row!, b.row!);
  const c1 = wholeRows ? 1 : Math.min(a.col!, b.col!);
  const c2 = wholeRows ? MAX_COLS : Math.max(a.col!, b.col!);
  if (r1 < 1 || c1 < 1 || r2 > MAX_ROWS || c2 > MAX_COLS) throw invalidArgument(`The address "${local}" is outside the sheet.`);
  return { r0: r1 - 1, c0: c1 - 1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

/** Throws unless the rectangle lies inside Excel's grid (used by offsets and resizes). */
export function checkRect(rect: Rect): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.rows < 1 || rect.cols < 1 || rect.r0 + rect.rows > MAX_ROWS || rect.c0 + rect.cols > MAX_COLS) {
    throw invalidArgument("The range would fall outside the sheet.");
  }
  return rect;
}

export function cellAddress(r0: number, c0: number): string {
  return columnLetter(c0 + 1) + (r0 + 1);
}

/** "A1:C3", "B2", "A:C" (whole columns) or "2:5" (whole rows), as Excel writes them. */
export function rectToA1(rect: Rect): string {
  const wholeCols = rect.r0 === 0 && rect.rows === MAX_ROWS;
  const wholeRows = rect.c0 === 0 && rect.cols === MAX_COLS;
  if (wholeCols && !wholeRows) return `${columnLetter(rect.c0 + 1)}:${columnLetter(rect.c0 + rect.cols)}`;
  if (wholeRows && !wholeCols) return `${rect.r0 + 1}:${rect.r0 + rect.rows}`;
  const tl = cellAddress(rect.r0, rect.c0);
  if (rect.rows === 1 && rect.cols === 1) return tl;
  return `${tl}:${cellAddress(rect.r0 + rect.rows - 1, rect.c0 + rect.cols - 1)}`;
}

const PLAIN_SHEET = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc])$/;

/** The sheet name as Excel puts it before "!": quoted when it has spaces, punctuation or could read as a cell. */
export function sheetPrefix(name: string): string {
  if (PLAIN_SHEET.test(name) && !LOOKS_LIKE_CELL.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheet: string, rect: Rect): string {
  return `${sheetPrefix(sheet)}!${rectToA1(rect)}`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r0 + a.rows, b.r0 + b.rows);
  const c1 = Math.min(a.c0 + a.cols, b.c0 + b.cols);
  if (r1 <= r0 || c1 <= c0) return null;
  return { r0, c0, rows: r1 - r0, cols: c1 - c0 };
}

export function boundingRect(a: Rect, b: Rect): Rect {
  const r0 = Math.min(a.r0, b.r0);
  const c0 = Math.min(a.c0, b.c0);
  const r1 = Math.max(a.r0 + a.rows, b.r0 + b.rows);
  const c1 = Math.max(a.c0 + a.cols, b.c0 + b.cols);
  return { r0, c0, rows: r1 - r0, cols: c1 - c0 };
}

export function cellCount(rect: Rect): number {
  return rect.rows * rect.cols;
}

/** Sheet names as Excel allows them. */
export const MAX_SHEET_NAME = 31;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

export function checkSheetName(name: unknown): string {
  if (typeof name !== "string" || name.trim() === "") throw invalidArgument("A sheet name cannot be blank.");
  if (name.length > MAX_SHEET_NAME) throw invalidArgument(`The sheet name "${name}" is longer than ${MAX_SHEET_NAME} characters.`);
  const bad = BAD_SHEET_CHARS.exec(name);
  if (bad) throw invalidArgument(`The sheet name "${name}" contains "${bad[0]}"; names cannot contain [ ] : * ? / \\.`);
  if (name.startsWith("'") || name.endsWith("'")) throw invalidArgument(`The sheet name "${name}" cannot begin or end with an apostrophe.`);
  if (name.toLowerCase() === "history") throw invalidArgument(`"History" is a reserved sheet name.`);
  return name;
}

/** Excel compares sheet names without regard to case, Vietnamese capitals included. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

export function duplicateSheetName(name: string) {
  return simError("ItemAlreadyExists", `A sheet named "${name}" already exists (names are compared without regard to case).`);
}
