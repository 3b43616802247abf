/**
 * The province's side of the product: many communes' files in, who has sent
 * what, one set of consolidated CELLS / CADRES / MEETINGS sheets out. Pure: the
 * pane (in its worker) and `chibo status` / `chibo merge` read the files and
 * call these.
 */
export type { CommuneStatusCode, Coverage, FileReport, StatusFile, StatusRow, StatusTable } from "./types";
export {
  CONSOLIDATED_KINDS, CONSOLIDATED_SHEETS, SOURCE_HEADERS, communeColumn, consolidatedFields, consolidatedHeader, consolidatedRows,
  sourceFileColumn,
} from "./canonical";
export type { ConsolidatedKind, ConsolidatedRows } from "./canonical";
export { coverageLabel, coverageOf } from "./coverage";
export { failedFile, reduceCommuneFile } from "./reduce";
export type { ReducedFile } from "./reduce";
export { communeStatus } from "./status";
export { mergeConsolidated, planConsolidatedSheets } from "./consolidate";
export type { Incoming } from "./consolidate";
export { STATUS_LABELS, STATUS_SHEET, planStatusSheet, statusNote } from "./statusSheet";
export { ProvinceSession } from "./session";
