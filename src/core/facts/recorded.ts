import type { RecordBase } from "../model";

/**
 * Whether the workbook records a field for this row at all: the row's table
 * maps a column to it, or the layout gives it (a title's commune, a tracker's
 * month). A figure built on a field that is not recorded is "not recorded",
 * never 0: a clerk would send a 0 up as a fact.
 */
export function isRecorded<F extends string>(rec: RecordBase<F>, field: F): boolean {
  return rec.cols[field] !== undefined || rec.derived?.[field] !== undefined;
}
