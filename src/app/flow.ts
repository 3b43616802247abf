import {
  columnLetter, type Dataset, type DetectedTable, type Finding, type Period, type Settings, type UserMapping, type WorkbookData,
} from "../core/model";
import type { ApplyReport, FixReport, FixRequest, OnProgress, WorkbookOperations } from "../excel/operations";
import type { Engine, FormFillResult, Summary } from "./engine";
import type { SummarizeOptions } from "../core/summary";
import type { Lang } from "./errors";
import { throwIfCancelled, yieldToBrowser } from "./yieldToBrowser";

/**
 * The pane's flow: read -> understand -> check -> sum up -> plan -> apply,
 * with a turn for the browser between the steps so the pane never freezes,
 * and a cancel check at each step.
 */
export interface FlowDeps {
  ops: WorkbookOperations;
  engine: Engine;
}

export interface Analysis {
  workbook: WorkbookData;
  tables: DetectedTable[];
  dataset: Dataset;
}

export interface CheckResult extends Analysis {
  findings: Finding[];
}

/** Progress labels are keys the pane translates, so progress reads right in both languages. */
export type StepLabel = "reading" | "understanding" | "checking" | "summing" | "planning" | "writing";
export type FlowProgress = (p: { fraction: number; step: StepLabel; detail?: string }) => void;

/** Scales the host's read progress into the first part of the whole bar. */
function readProgress(onProgress: FlowProgress | undefined, upTo: number): OnProgress {
  return (p) => onProgress?.({ fraction: p.total > 0 ? (p.done / p.total) * upTo : 0, step: "reading", detail: p.label });
}

export async function analyse(
  deps: FlowDeps, mappings: UserMapping[], onProgress?: FlowProgress, signal?: AbortSignal,
): Promise<Analysis> {
  onProgress?.({ fraction: 0, step: "reading" });
  const workbook = await deps.ops.readWorkbook(readProgress(onProgress, 0.6), signal);
  throwIfCancelled(signal);
  onProgress?.({ fraction: 0.6, step: "understanding" });
  await yieldToBrowser();
  throwIfCancelled(signal);
  const { tables, dataset } = deps.engine.understand(workbook, mappings.length ? mappings : undefined);
  return { workbook, tables, dataset };
}

export async function runCheck(
  deps: FlowDeps, input: { period: Period; settings: Settings; mappings: UserMapping[] },
  onProgress?: FlowProgress, signal?: AbortSignal,
): Promise<CheckResult> {
  const analysis = await analyse(deps, input.mappings, onProgress, signal);
  onProgress?.({ fraction: 0.8, step: "checking" });
  await yieldToBrowser();
  throwIfCancelled(signal);
  const findings = deps.engine.checkDataset(analysis.dataset, analysis.tables, input.settings, input.period);
  onProgress?.({ fraction: 1, step: "checking" });
  return { ...analysis, findings };
}

export interface SummaryResult {
  summary: Summary;
  report: ApplyReport;
  /** The sheets that look like a form of the summary's tables: what "Điền vào biểu mẫu" offers. */
  formSheets: string[];
}

export interface SummaryRequest {
  period: Period;
  settings: Settings;
  mappings: UserMapping[];
  lang: Lang;
  /** Comparisons: the same period last year (table 3), the previous term (tables 1, 2). */
  options?: SummarizeOptions;
}

/** "Tạo bảng tổng hợp": sums up and writes (or updates) the summary sheet and its charts. */
export async function writeSummary(
  deps: FlowDeps, input: SummaryRequest,
  onProgress?: FlowProgress, signal?: AbortSignal,
): Promise<SummaryResult> {
  const analysis = await analyse(deps, input.mappings, onProgress, signal);
  onProgress?.({ fraction: 0.7, step: "summing" });
  await yieldToBrowser();
  throwIfCancelled(signal);
  const summary = deps.engine.summarize(analysis.dataset, input.period, input.settings, input.options);
  onProgress?.({ fraction: 0.8, step: "planning" });
  await yieldToBrowser();
  throwIfCancelled(signal);
  const plan = deps.engine.planSummarySheet(summary, { lang: input.lang });
  onProgress?.({ fraction: 0.85, step: "writing" });
  const report = await deps.ops.applyPlan(plan, (p) =>
    onProgress?.({ fraction: 0.85 + (p.total > 0 ? (p.done / p.total) * 0.15 : 0), step: "writing", detail: p.label }),
  );
  // Read before the summary sheet was written, so the product's own sheets are not among the candidates.
  const formSheets = deps.engine.formSheets(analysis.workbook, analysis.tables, summary);
  onProgress?.({ fraction: 1, step: "writing" });
  return { summary, report, formSheets };
}

export interface FormFillOutcome {
  report: ApplyReport;
  /** Rows naming a commune or the total, and columns naming a metric: 0 of either means the sheet is not a form of the summary. */
  matchedRows: number;
  matchedColumns: number;
  unmatchedRows: string[];
  unmatchedColumns: string[];
  /** How many cells the plan writes ("–" included). */
  cellCount: number;
  /** Each crossing left as it was, with its true reason, in the pane's language ("C10: ô có công thức, không ghi đè"). */
  skipped: string[];
  /** Rows of communes that sent no data, left blank ("Xã Chưa Gửi (dòng 9)"). */
  noDataRows: string[];
  /** Crossings written "–", and why ("H6: Không ghi nhận: không có cột …"). */
  notRecorded: string[];
}

/** "Xã Không Có (dòng 3)": a form row, where the user can find it. */
function rowText(r: { row: number; label: string }, lang: Lang): string {
  return `${r.label} (${lang === "vi" ? "dòng" : "row"} ${r.row})`;
}

/** "Số con (cột G)": a form column the summary could not match. */
function columnText(c: FormFillResult["unmatchedColumns"][number], lang: Lang): string {
  return `${c.header} (${lang === "vi" ? "cột" : "column"} ${columnLetter(c.col)})`;
}

/** "Điền vào biểu mẫu": fills the crossings the user's own form names, and lists what did not match and why. */
export async function fillForm(deps: FlowDeps, sheet: string, summary: Summary, lang: Lang = "vi"): Promise<FormFillOutcome> {
  const form = await deps.ops.readSheet(sheet);
  await yieldToBrowser();
  const result = deps.engine.planFormFill(form, summary);
  // Nothing to write is not a success to report: the caller says the sheet did not match.
  const report = result.plan.ops.length > 0 ? await deps.ops.applyPlan(result.plan) : { sheets: [], charts: [], skippedCells: [] };
  const cellCount = result.plan.ops.reduce((n, op) => n + (op.op === "formCells" ? op.cells.length : 0), 0);
  return {
    report,
    matchedRows: result.matched.rows.length,
    matchedColumns: result.matched.columns.length,
    unmatchedRows: result.unmatchedRows.map((x) => rowText(x, lang)),
    unmatchedColumns: result.unmatchedColumns.map((x) => columnText(x, lang)),
    cellCount,
    skipped: result.skipped.map((x) => `${x.address}: ${x.note[lang]}`),
    noDataRows: result.noDataRows.map((x) => rowText(x, lang)),
    notRecorded: result.notRecorded.map((x) => `${x.address}: ${x.note[lang]}`),
  };
}

export async function exportFindings(deps: FlowDeps, findings: Finding[], lang: Lang): Promise<ApplyReport> {
  return deps.ops.applyPlan(deps.engine.planFindingsSheet(findings, lang));
}

export async function createTemplates(deps: FlowDeps): Promise<ApplyReport> {
  return deps.ops.applyPlan(deps.engine.planTemplateSheets());
}

/** The fixes the user ticked, as the host's requests: the host re-reads each cell and skips one that changed. */
export function fixRequests(findings: Finding[]): FixRequest[] {
  const seen = new Set<string>();
  const out: FixRequest[] = [];
  for (const f of findings) {
    if (!f.fix || f.value === null) continue;
    // Two rules can propose a fix for the same cell (spaces and enum); the first one wins and the next check shows the rest.
    const key = `${f.sheet}!${f.address}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A date fix writes a serial: the host gives the cell a date format with it, or it would show 31779.
    const kind = f.rule === "type/date" && typeof f.fix.value === "number" ? { kind: "date" as const } : {};
    out.push({ sheet: f.sheet, address: f.address, expected: f.value, value: f.fix.value, ...kind });
  }
  return out;
}

export type { FixReport };
