/**
 * The simulated Excel host: an in-memory implementation of the part of the
 * Excel JavaScript API the adapter (src/excel) uses, for jest tests and the
 * demo page. Browser-safe: nothing here imports Node modules (files.ts does,
 * and is imported separately).
 */
export { createSimulatedExcel, hostOver, SIM_EXCEL_ENUMS } from "./host";
export type { SimHost, SimOptions, SimRequirements, SimOfficeSettings, SimChartInfo, SimSheetInfo } from "./host";
export { SimRichApiError } from "./errors";
export type { SimErrorCode } from "./errors";
export type { SimCounters } from "./proxy";
export { PAYLOAD_LIMIT_BYTES } from "./proxy";
export { MAX_CELLS_PER_READ } from "./range";
export { MAX_ADDRESS_LENGTH, MAX_SHEET_NAME } from "./address";
export type { CellStyle, WorkbookModel, SheetModel } from "./model";
