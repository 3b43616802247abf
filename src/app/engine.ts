import type {
  Dataset, DetectedTable, Finding, Period, Settings, SheetData, UserMapping, WorkbookData, WritePlan,
} from "../core/model";
import type { SummarizeOptions, Summary } from "../core/summary";
import type { FormFillResult, SummarySheetOptions } from "../core/plan";

/**
 * The core functions the pane's flow calls, injected rather than imported by
 * the flow itself: the pane's tests run with a small fake engine, and the core
 * can run elsewhere (a Web Worker) behind the same interface. Everything that
 * crosses it is plain data, typed with the core's own types: a fake engine
 * returns a real `Summary`, so the pane never guesses at a shape.
 */
export interface Engine {
  understand(workbook: WorkbookData, userMappings?: UserMapping[]): { tables: DetectedTable[]; dataset: Dataset };
  checkDataset(dataset: Dataset, tables: DetectedTable[], settings: Settings, period: Period): Finding[];
  summarize(dataset: Dataset, period: Period, settings: Settings, opts?: SummarizeOptions): Summary;
  planSummarySheet(summary: Summary, opts?: SummarySheetOptions): WritePlan;
  planFormFill(form: SheetData, summary: Summary): FormFillResult;
  /** The sheets that look like a form of the summary (not a data list, not the product's own). */
  formSheets(workbook: WorkbookData, tables: DetectedTable[], summary: Summary): string[];
  planFindingsSheet(findings: Finding[], lang: "vi" | "en"): WritePlan;
  planTemplateSheets(): WritePlan;
}

export type { Summary, FormFillResult };
