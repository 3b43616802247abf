import { Dataset, DetectedTable, UserMapping, WorkbookData } from "../model";
import { detectWorkbook } from "../detect";
import { readRecords } from "./readRecords";

export { readRecords } from "./readRecords";
export { sheetReader, parseArea } from "./sheetReader";
export type { SheetReader } from "./sheetReader";

export interface Understood {
  tables: DetectedTable[];
  dataset: Dataset;
}

/** Find the tables (or take the user's mappings as given), then read their rows into records. */
export function understand(workbook: WorkbookData, userMappings?: UserMapping[]): Understood {
  const tables = detectWorkbook(workbook, userMappings);
  return { tables, dataset: readRecords(workbook, tables) };
}
