export { planSummarySheet, CHART_NAMES } from "./summarySheet";
export type { SummarySheetOptions } from "./summarySheet";
export { planFormFill, formSheets, SKIP_REASONS } from "./formFill";
export type { FormFillOptions, FormFillResult, MetricPart, SkipReason } from "./formFill";
export { planFindingsSheet, internalLink } from "./findingsSheet";
export { planTemplateSheets, TEMPLATE_ROWS } from "./templateSheets";
export { cadreMetrics, MEETING_METRICS, TABLE_TITLES, bandLabel, metricsOf, figureAt } from "./metrics";
export type { TableKey, Metric } from "./metrics";
export { legalSheetName, uniqueSheetName, uniqueSheetNames, isLegalSheetName, sameSheetName, sheetNameKey, MAX_SHEET_NAME_LENGTH, FALLBACK_SHEET_NAME } from "./sheetName";
