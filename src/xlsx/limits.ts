/**
 * The bounds of reading one .xlsx file, in one table, so the command line, the
 * demo page and the task pane's file opening all refuse the same files for the
 * same reasons. Each bound has its own message (errors.ts, problems.ts) that
 * names it: a file over a bound is not "damaged", it is too big in one way.
 *
 * The figures leave room above the largest real workbook the product serves:
 * a whole province (about 190,000 rows, 3.5 million cells, 17 MB zipped and
 * 110 MB of XML, of which 92 MB in its largest sheet), while keeping a hostile
 * file under about 1.5 GB of memory and 30 s of work.
 */
export interface ReadLimits {
  /** Bytes of the .xlsx file itself. */
  maxFileBytes: number;
  /** Entries in the zip (parts and folders). A workbook of 200 sheets with drawings has about 1,000. */
  maxZipEntries: number;
  /** Inflated bytes of one part (a sheet's XML, the shared strings, ...). */
  maxPartBytes: number;
  /** Inflated bytes of all the parts read, together. */
  maxTotalBytes: number;
  /** Cells holding a value or a formula, in the whole workbook. */
  maxCells: number;
  /** Characters of one text value; Excel itself keeps at most 32,767 in a cell. */
  maxStringChars: number;
  /** Merged areas in one sheet. */
  maxMergesPerSheet: number;
  /** Worksheets listed by the workbook. */
  maxSheets: number;
}

export const READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 400 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxPartBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCells: 10_000_000,
  maxStringChars: 32_767,
  maxMergesPerSheet: 100_000,
  maxSheets: 1_000,
});

/** The grid of an Excel sheet: columns A..XFD, rows 1..1,048,576. Nothing beyond is a cell. */
export const GRID_MAX_COL = 16_384;
export const GRID_MAX_ROW = 1_048_576;

/** A bound in bytes for messages: "512 MB" (bounds set by tests can be a few bytes). */
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes.toLocaleString("vi-VN")} byte`;
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString("vi-VN")} MB`;
}
