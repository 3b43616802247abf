import { understand } from "../core/understand";
import { checkDataset } from "../core/rules";
import { summarize, type Summary } from "../core/summary";
import { planFindingsSheet, planFormFill, planSummarySheet, planTemplateSheets } from "../core/plan";
import type { Engine, SummaryLike } from "./engine";

/** The real core, as the pane's flow calls it. */
export const defaultEngine: Engine = {
  understand: (workbook, userMappings) => understand(workbook, userMappings),
  checkDataset,
  summarize: (dataset, period, settings) => summarize(dataset, period, settings),
  planSummarySheet: (summary, opts) => planSummarySheet(summary as Summary & SummaryLike, opts),
  planFormFill: (form, summary) => planFormFill(form, summary as Summary & SummaryLike),
  planFindingsSheet: (findings, lang) => planFindingsSheet(findings, lang),
  planTemplateSheets: () => planTemplateSheets(),
};
