import type {
  Dataset, DetectedTable, Finding, Period, Settings, SheetData, UserMapping, WorkbookData, WritePlan,
} from "../core/model";

/**
 * The figures the pane shows from a summary. The summary's full type lives in
 * src/core/summary; the pane only reads these few, so it states what it needs
 * structurally and stays independent of the rest of that shape.
 */
export interface PctCell { count: number; pct: number | null }
export interface SummaryLike {
  period?: string;
  /** Rows the summary could not count, or counted without one figure, with a sentence each. */
  leftOut?: Array<{ count: number; scope?: "row" | "field"; messageVi: string; messageEn: string }>;
  tables: {
    secretaries: { total: { total: number; women?: PctCell; minority?: PctCell; under40?: PctCell } };
    committee?: { total: { total: number; women?: PctCell } };
    meetings: { total: { cells: number; meetings: number; avgAttendancePct?: number | null; allMonthly?: PctCell; quality?: PctCell } };
  };
}

export interface FormFillResult {
  plan: WritePlan;
  /** Row labels and column headers the form holds but the summary could not match. */
  unmatchedRows: unknown[];
  unmatchedColumns: unknown[];
  matched?: unknown;
  /** Crossings the plan left alone, and why (a formula, a label, a commune with no data). */
  skipped?: Array<{ address: string; reason: string }>;
}

/**
 * The core functions the pane's flow calls, injected rather than imported by
 * the flow itself, so the pane's tests can run with a small fake engine while
 * the real core lands, and so the flow has one seam to time and to mock.
 */
export interface Engine<S extends SummaryLike = SummaryLike> {
  understand(workbook: WorkbookData, userMappings?: UserMapping[]): { tables: DetectedTable[]; dataset: Dataset };
  checkDataset(dataset: Dataset, tables: DetectedTable[], settings: Settings, period: Period): Finding[];
  summarize(dataset: Dataset, period: Period, settings: Settings): S;
  planSummarySheet(summary: S, opts?: { lang?: "vi" | "en" }): WritePlan;
  planFormFill(form: SheetData, summary: S): FormFillResult;
  planFindingsSheet(findings: Finding[], lang: "vi" | "en"): WritePlan;
  planTemplateSheets(): WritePlan;
}
