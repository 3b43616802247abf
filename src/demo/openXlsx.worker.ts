/**
 * The demo page's file reading, off the page's thread: the .xlsx bytes come
 * in, the project's reader (src/xlsx, the same code and bounds as `chibo`)
 * reads them, and the workbook goes back in messages of about 20,000 cells,
 * so that taking each one in costs the page a few milliseconds. Started by
 * openXlsx.ts with `new Worker(new URL("./openXlsx.worker.ts", import.meta.url))`.
 */
import type { CellValue, SheetData } from "../core/model";
import { XlsxReadError } from "../xlsx/errors";
import { readWorkbookBytes } from "../xlsx/workbook";
import type { FromReader, ToReader } from "./openXlsxMessages";

/** The worker's global scope, as much of it as is used (the repository's types are DOM's, not a worker's). */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToReader>) => void) | null;
  postMessage(message: FromReader): void;
};

const CELLS_PER_MESSAGE = 20_000;
/** A slice of a sparse sheet also ends after this many row positions, present or not. */
const ROWS_PER_MESSAGE = 5_000;
const RUNS_PER_MESSAGE = 5_000;

function postSheet(index: number, sheet: SheetData): void {
  const { name, originRow, originCol, visibility, merges } = sheet;
  scope.postMessage({ kind: "sheet", index, start: { name, originRow, originCol, visibility, merges } });
  let at = -1;
  let rows: CellValue[][] = [];
  let formulas: boolean[][] | undefined;
  let cells = 0;
  const flush = () => {
    if (at >= 0) scope.postMessage({ kind: "rows", index, at, rows, formulas });
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
  const runs = sheet.formatRuns ?? [];
  for (let k = 0; k < runs.length; k += RUNS_PER_MESSAGE) {
    scope.postMessage({ kind: "formats", index, runs: runs.slice(k, k + RUNS_PER_MESSAGE) });
  }
}

scope.onmessage = (e) => {
  const { name, bytes } = e.data;
  try {
    const workbook = readWorkbookBytes(new Uint8Array(bytes), {
      fileName: name,
      onProgress: (rows) => scope.postMessage({ kind: "progress", rows }),
    });
    workbook.sheets.forEach((s, i) => postSheet(i, s));
    scope.postMessage({ kind: "done", problems: workbook.problems ?? [], date1904: workbook.date1904 === true });
  } catch (err) {
    if (err instanceof XlsxReadError) {
      scope.postMessage({ kind: "error", messageVi: err.messageVi, messageEn: err.messageEn });
    } else {
      const detail = err instanceof Error ? err.message : String(err);
      scope.postMessage({
        kind: "error",
        messageVi: `Không đọc được tệp ${name} (${detail}). Hãy chọn một tệp .xlsx hợp lệ (Excel 2007 trở lên).`,
        messageEn: `File ${name} could not be read (${detail}). Choose a valid .xlsx file (Excel 2007 or later).`,
      });
    }
  }
};
