import { understand } from "../core/understand";
import { checkDataset } from "../core/rules";
import { summarize } from "../core/summary";
import { formSheets, planFindingsSheet, planFormFill, planSummarySheet, planTemplateSheets } from "../core/plan";
import type { Core } from "./engine";

/** The real core, as the engine runs it (in the pane's Web Worker, or in-process in tests and Node). */
export const defaultCore: Core = {
  understand: (workbook, userMappings) => understand(workbook, userMappings),
  checkDataset,
  summarize: (dataset, period, settings, opts) => summarize(dataset, period, settings, opts),
  planSummarySheet: (summary, opts) => planSummarySheet(summary, opts),
  planFormFill: (form, summary) => planFormFill(form, summary),
  formSheets: (workbook, tables, summary) => formSheets(workbook, tables, summary),
  planFindingsSheet: (findings, lang) => planFindingsSheet(findings, lang),
  planTemplateSheets: () => planTemplateSheets(),
};
