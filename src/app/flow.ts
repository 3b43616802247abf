import {
  columnLetter, type DetectedTable, type Period, type Settings, type SheetNote, type UserMapping, type WorkbookData,
} from "../core/model";
import type { ApplyReport, FixReport, OnProgress, WorkbookOperations } from "../excel/operations";
import type { Engine, FindingsQuery, FindingsView, FixSelection, FormFillResult, Handle, Summary, Understood } from "./engine";
import type { SummarizeOptions } from "../core/summary";
import { fixRequests } from "./findingsView";
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

/** What the pane keeps of an analysis: the tables and a preview of their cells; the records stay in the engine. */
export interface Analysis {
  tables: DetectedTable[];
  preview: WorkbookData;
  /** Sheets not read as a table, or not read at all, with why. */
  sheetNotes: SheetNote[];
}

/** A check as the pane holds it: the findings stay in the engine, the pane has their handle and what it draws. */
export interface CheckResult extends Analysis {
  findings: Handle<"findings">;
  view: FindingsView;
}

/** Progress labels are keys the pane translates, so progress reads right in both languages. */
export type StepLabel = "reading" | "understanding" | "checking" | "summing" | "planning" | "writing";
export type FlowProgress = (p: { fraction: number; step: StepLabel; detail?: string }) => void;

/** Scales the host's read progress into the first part of the whole bar. */
function readProgress(onProgress: FlowProgress | undefined, upTo: number): OnProgress {
  return (p) => onProgress?.({ fraction: p.total > 0 ? (p.done / p.total) * upTo : 0, step: "reading", detail: p.label });
}

/** Read shares of the bar: Excel's read, then the hand-over to the engine. */
const READ_SHARE = 0.5;
const HANDOVER_SHARE = 0.1;

/**
 * Reads the workbook from Excel, hands it to the engine slice by slice and
 * lets the engine understand it. The pane keeps no copy of the cells: the
 * records stay in the engine under the returned handle, which the caller
 * releases when done.
 */
export async function understood(
  deps: FlowDeps, mappings: UserMapping[], onProgress?: FlowProgress, signal?: AbortSignal,
): Promise<Understood> {
  onProgress?.({ fraction: 0, step: "reading" });
  let workbook: WorkbookData | null = await deps.ops.readWorkbook(readProgress(onProgress, READ_SHARE), signal);
  throwIfCancelled(signal);
  const handle = await deps.engine.loadWorkbook(workbook, (f) => onProgress?.({ fraction: READ_SHARE + f * HANDOVER_SHARE, step: "reading" }), signal);
  workbook = null; // the engine has it now: the page's copy can go
  try {
    onProgress?.({ fraction: READ_SHARE + HANDOVER_SHARE, step: "understanding" });
    await yieldToBrowser();
    throwIfCancelled(signal);
    return await deps.engine.understand(handle, mappings.length ? mappings : undefined, signal);
  } finally {
    await releaseQuietly(deps.engine, handle);
  }
}

/** Releasing is housekeeping: a worker that was ended (cancel) has dropped everything already. */
export async function releaseQuietly(engine: Engine, ...handles: Array<Handle<"workbook" | "dataset" | "findings">>): Promise<void> {
  await engine.release(...handles).catch(() => undefined);
}

export async function analyse(
  deps: FlowDeps, mappings: UserMapping[], onProgress?: FlowProgress, signal?: AbortSignal,
): Promise<Analysis> {
  const u = await understood(deps, mappings, onProgress, signal);
  await releaseQuietly(deps.engine, u.dataset);
  onProgress?.({ fraction: 1, step: "understanding" });
  return { tables: u.tables, preview: u.preview, sheetNotes: u.sheetNotes };
}

export async function runCheck(
  deps: FlowDeps, input: { period: Period; settings: Settings; mappings: UserMapping[] },
  onProgress?: FlowProgress, signal?: AbortSignal,
): Promise<CheckResult> {
  const u = await understood(deps, input.mappings, onProgress, signal);
  try {
    onProgress?.({ fraction: 0.8, step: "checking" });
    await yieldToBrowser();
    throwIfCancelled(signal);
    const outcome = await deps.engine.check(u.dataset, input.settings, input.period, signal);
    onProgress?.({ fraction: 1, step: "checking" });
    return { tables: u.tables, preview: u.preview, sheetNotes: u.sheetNotes, findings: outcome.findings, view: outcome.view };
  } finally {
    await releaseQuietly(deps.engine, u.dataset);
  }
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
  const u = await understood(deps, input.mappings, onProgress, signal);
  try {
    onProgress?.({ fraction: 0.7, step: "summing" });
    await yieldToBrowser();
    throwIfCancelled(signal);
    const summary = await deps.engine.summarize(u.dataset, input.period, input.settings, input.options, signal);
    const written = await applySummary(deps, summary, input.lang, onProgress, signal);
    // Of the workbook as read, before the summary sheet was written: the product's own sheets are not candidates.
    const formSheets = await deps.engine.formSheets(u.dataset, summary);
    return { ...written, formSheets };
  } finally {
    await releaseQuietly(deps.engine, u.dataset);
  }
}

/** Plans the summary sheet and its charts, and writes them: the last steps of every "Tạo bảng tổng hợp". */
export async function applySummary(
  deps: FlowDeps, summary: Summary, lang: Lang, onProgress?: FlowProgress, signal?: AbortSignal,
): Promise<{ summary: Summary; report: ApplyReport }> {
  onProgress?.({ fraction: 0.8, step: "planning" });
  await yieldToBrowser();
  throwIfCancelled(signal);
  const plan = await deps.engine.planSummarySheet(summary, { lang });
  throwIfCancelled(signal);
  onProgress?.({ fraction: 0.85, step: "writing" });
  const report = await deps.ops.applyPlan(plan, (p) =>
    onProgress?.({ fraction: 0.85 + (p.total > 0 ? (p.done / p.total) * 0.15 : 0), step: "writing", detail: p.label }),
  );
  onProgress?.({ fraction: 1, step: "writing" });
  return { summary, report };
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
  const result = await deps.engine.planFormFill(form, summary);
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

export async function exportFindings(deps: FlowDeps, findings: Handle<"findings">, query: FindingsQuery, lang: Lang): Promise<ApplyReport> {
  return deps.ops.applyPlan(await deps.engine.planFindingsSheet(findings, query, lang));
}

export async function createTemplates(deps: FlowDeps): Promise<ApplyReport> {
  return deps.ops.applyPlan(await deps.engine.planTemplateSheets());
}

/** Colours the cells of the findings under a query; the engine sends only their addresses. */
export async function highlightFindings(deps: FlowDeps, findings: Handle<"findings">, query: FindingsQuery): Promise<{ cells: number }> {
  return deps.ops.highlight(await deps.engine.highlightTargets(findings, query));
}

/** Applies the fixes the user ticked in the fix panel. */
export async function applyFixes(deps: FlowDeps, findings: Handle<"findings">, query: FindingsQuery, selection: FixSelection): Promise<FixReport> {
  return deps.ops.applyFixes(await deps.engine.fixRequests(findings, query, selection));
}

export { fixRequests };
export type { FixReport };
