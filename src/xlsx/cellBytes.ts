import * as limits from "./limits";
import { asciiText } from "./xmlText";

// Copied once into this module: a loader may turn imported bindings into getter calls, paid per cell below.
const { GRID_MAX_COL, GRID_MAX_ROW } = limits;

/**
 * What a cell's attributes say, read straight from the bytes of a worksheet
 * part without making strings: where it is (r="AB12"), its type (t="s"), its
 * style (s="3").
 */

/** The cell types of `t`, as small numbers for the scanner's switch. */
export const T_N = 0, T_S = 1, T_STR = 2, T_INLINE = 3, T_B = 4, T_E = 5, T_D = 6;

const STR = [0x73, 0x74, 0x72];
const INLINE_STR = [0x69, 0x6e, 0x6c, 0x69, 0x6e, 0x65, 0x53, 0x74, 0x72];

/** Where a parsed reference points (1-based); written by parseRef into an object the caller keeps, so no cell allocates one. */
export interface CellRef {
  row: number;
  col: number;
}

/**
 * "AB12" in b[from..to) into `out`; false when it is not a reference, or names
 * a cell beyond XFD or row 1,048,576 (stopping as soon as it passes them, so a
 * 20-digit row costs nothing).
 */
export function parseRef(b: Uint8Array, from: number, to: number, out: CellRef): boolean {
  let i = from;
  let col = 0;
  for (; i < to; i++) {
    const c = b[i] | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    if (col > GRID_MAX_COL) return false;
  }
  let row = 0;
  const digitsFrom = i;
  for (; i < to; i++) {
    const c = b[i];
    if (c < 0x30 || c > 0x39) break;
    row = row * 10 + (c - 0x30);
    if (row > GRID_MAX_ROW) return false;
  }
  out.row = row;
  out.col = col;
  return col > 0 && row > 0 && i === to && i > digitsFrom;
}

export function typeOf(b: Uint8Array, from: number, to: number): number {
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
export function smallInteger(b: Uint8Array, from: number, to: number): number {
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

/** A merged area's reference when both corners are cells of the grid ("A1:C2"); null otherwise. */
export function mergeRef(b: Uint8Array, from: number, to: number): string | null {
  let colon = -1;
  for (let i = from; i < to; i++) if (b[i] === 0x3a) { colon = i; break; }
  const end1 = colon < 0 ? to : colon;
  const at: CellRef = { row: 0, col: 0 };
  if (!parseRef(b, from, end1, at)) return null;
  if (colon >= 0 && !parseRef(b, colon + 1, to, at)) return null;
  return asciiText(b, from, to).toUpperCase();
}
