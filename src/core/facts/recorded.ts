import type { MeetingRecord, RecordBase } from "../model";

/**
 * Whether the workbook records a field for this row at all: the row's table
 * maps a column to it, or the layout gives it (a title's commune, a tracker's
 * month). A figure built on a field that is not recorded is "not recorded",
 * never 0: a clerk would send a 0 up as a fact.
 */
export function isRecorded<F extends string>(rec: RecordBase<F>, field: F): boolean {
  return rec.cols[field] !== undefined || rec.derived?.[field] !== undefined;
}

/**
 * Whether the row's table can record meetings of this kind at all: a list with
 * a kind column records both; a tracker records the kinds its columns hold (a
 * tracker of months alone says nothing of thematic meetings). A cadence built
 * on a kind no table records is not recorded, not missed.
 */
export function recordsKind(m: MeetingRecord, kind: "regular" | "thematic"): boolean {
  if (m.trackerKinds) return m.trackerKinds[kind];
  return isRecorded(m, "kind");
}
