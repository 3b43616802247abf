import type { CellValue, FormatRun, SheetData, SheetProblem, Text, WorkbookData } from "../core/model";
import type { SheetStart } from "../sim/slicedLoad";
import { XlsxReadError } from "../xlsx/errors";
import { readWorkbookBytes } from "../xlsx/workbook";

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
  | { kind: "error"; message: Text };

const CELLS_PER_MESSAGE = 20_000;
/** A slice of a sparse sheet also ends after this many row positions, present or not. */
const ROWS_PER_MESSAGE = 5_000;
const RUNS_PER_MESSAGE = 5_000;

/** One sheet as messages: its start, its rows in slices of about 20,000 cells, its number formats in slices. */
function* sheetMessages(index: number, sheet: SheetData): Generator<FromReader> {
  const { name, originRow, originCol, visibility, merges } = sheet;
  yield { kind: "sheet", index, start: { name, originRow, originCol, visibility, merges } };
  let at = -1;
  let rows: CellValue[][] = [];
  let formulas: boolean[][] | undefined;
  let cells = 0;
  const slices: FromReader[] = [];
  const flush = () => {
    if (at >= 0) slices.push({ kind: "rows", index, at, rows, formulas });
    at = -1;
    rows = [];
    formulas = undefined;
    cells = 0;
  };
  // forEach skips the rows a sparse sheet does not have.
  sheet.values.forEach((row, r) => {
    if (at >= 0 && (cells >= CELLS_PER_MESSAGE || r - at >= ROWS_PER_MESSAGE)) flush();
    if (at < 0) at = r;
    rows[r - at] = row;
    const mask = sheet.formulas?.[r];
    if (mask) (formulas ??= [])[r - at] = mask;
    cells += row.length;
  });
  flush();
  yield* slices;
  const runs = sheet.formatRuns ?? [];
  for (let k = 0; k < runs.length; k += RUNS_PER_MESSAGE) yield { kind: "formats", index, runs: runs.slice(k, k + RUNS_PER_MESSAGE) };
}

/** A workbook as the worker sends it: every sheet in tab order, then "done". */
export function* workbookMessages(workbook: WorkbookData): Generator<FromReader> {
  for (let i = 0; i < workbook.sheets.length; i++) yield* sheetMessages(i, workbook.sheets[i]);
  yield { kind: "done", problems: workbook.problems ?? [], date1904: workbook.date1904 === true };
}

/**
 * The worker's whole answer to one file, posted message by message: the
 * reader's progress, then the workbook, or the reader's refusal in its own
 * sentences. Pure (no worker API), so the page's side is tested in Node.
 */
export function answer(request: ToReader, post: (m: FromReader) => void): void {
  const { name, bytes } = request;
  try {
    const workbook = readWorkbookBytes(new Uint8Array(bytes), { fileName: name, onProgress: (rows) => post({ kind: "progress", rows }) });
    for (const m of workbookMessages(workbook)) post(m);
  } catch (err) {
    if (err instanceof XlsxReadError) {
      post({ kind: "error", message: err.userText });
      return;
    }
    const detail = err instanceof Error ? err.message : String(err);
    post({
      kind: "error",
      message: {
        vi: `Không đọc được tệp ${name} (${detail}). Hãy chọn một tệp .xlsx hợp lệ (Excel 2007 trở lên).`,
        en: `File ${name} could not be read (${detail}). Choose a valid .xlsx file (Excel 2007 or later).`,
      },
    });
  }
}
