import type { CellValue, FormatRun, SheetProblem } from "../core/model";
import type { SheetStart } from "../sim/slicedLoad";

/** What the page sends the reading worker: one file. */
export interface ToReader {
  name: string;
  bytes: ArrayBuffer;
}

/**
 * What the worker sends back, in order: progress while it reads; then each
 * sheet (its start, its rows in slices, its number formats in slices); then
 * "done" with what could not be read, or "error" with the file's refusal.
 */
export type FromReader =
  | { kind: "progress"; rows: number }
  | { kind: "sheet"; index: number; start: SheetStart }
  | { kind: "rows"; index: number; at: number; rows: CellValue[][]; formulas?: boolean[][] }
  | { kind: "formats"; index: number; runs: FormatRun[] }
  | { kind: "done"; problems: SheetProblem[]; date1904: boolean }
  | { kind: "error"; messageVi: string; messageEn: string };
