import { Dataset, DetectedTable, UserMapping, WorkbookData } from "../model";
import { detectWorkbook, sheetNotesOf } from "../detect";
import { readRecords } from "./readRecords";

export { readRecords } from "./readRecords";
export { sheetReader, parseArea } from "./sheetReader";
export type { SheetReader } from "./sheetReader";

export interface Understood {
  tables: DetectedTable[];
  dataset: Dataset;
}

/**
 * Find the tables (or take the user's mappings as given), then read their rows
 * into records. The sheets that gave no table, and those the reader could not
 * read, go with the dataset as `sheetNotes`, with the reason, for the check.
 */
export function understand(workbook: WorkbookData, userMappings?: UserMapping[]): Understood {
  const tables = detectWorkbook(workbook, userMappings);
  const dataset = readRecords(workbook, tables);
  dataset.sheetNotes = sheetNotesOf(workbook, tables);
  return { tables, dataset };
}
