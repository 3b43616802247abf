export { planSummarySheet, CHART_NAMES } from "./summarySheet";
export type { SummarySheetOptions } from "./summarySheet";
export { planFormFill } from "./formFill";
export type { FormFillOptions, FormFillResult, MetricPart } from "./formFill";
export { planFindingsSheet, internalLink } from "./findingsSheet";
export { planTemplateSheets, TEMPLATE_ROWS } from "./templateSheets";
export { cadreMetrics, MEETING_METRICS, TABLE_TITLES, bandLabel } from "./metrics";
export type { TableKey, Metric } from "./metrics";
