import { understand } from "../core/understand";
import { checkDataset } from "../core/rules";
import { summarize } from "../core/summary";
import { formSheets, planFindingsSheet, planFormFill, planSummarySheet, planTemplateSheets } from "../core/plan";
import type { Engine } from "./engine";

/** The real core, as the pane's flow calls it. */
export const defaultEngine: Engine = {
  understand: (workbook, userMappings) => understand(workbook, userMappings),
  checkDataset,
  summarize: (dataset, period, settings, opts) => summarize(dataset, period, settings, opts),
  planSummarySheet: (summary, opts) => planSummarySheet(summary, opts),
  planFormFill: (form, summary) => planFormFill(form, summary),
  formSheets: (workbook, tables, summary) => formSheets(workbook, tables, summary),
  planFindingsSheet: (findings, lang) => planFindingsSheet(findings, lang),
  planTemplateSheets: () => planTemplateSheets(),
};
