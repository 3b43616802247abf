import type { Period, Settings, UserMapping, WorkbookData } from "../core/model";
import { CONSOLIDATED_KINDS, CONSOLIDATED_SHEETS, type ConsolidatedKind, type StatusTable } from "../core/province";
import type { SummarizeOptions } from "../core/summary";
import type { ApplyReport } from "../excel/operations";
import type { Handle, ProvinceFile } from "./engine";
import type { Lang } from "./errors";
import { applySummary, releaseQuietly, understood, type FlowDeps, type FlowProgress, type SummaryResult } from "./flow";
import { throwIfCancelled } from "./yieldToBrowser";

/**
 * "Gộp số liệu các xã": the province's flow over many communes' files. The
 * files are read by the engine (in the pane's worker) one by one; the open
 * workbook is read through Excel as usual, for its list of communes and, when
 * asked, its own data. Only the summary, the consolidated sheets and the
 * status sheet are written, each as a plan.
 */
export interface ProvinceInput {
  period: Period;
  settings: Settings;
  mappings: UserMapping[];
}

/** Starts a session: the open workbook's COMMUNES table (when it has one) orders the status and names who has not sent. */
export async function provinceStart(deps: FlowDeps, input: ProvinceInput, onProgress?: FlowProgress, signal?: AbortSignal): Promise<Handle<"province">> {
  const u = await understood(deps, input.mappings, onProgress, signal);
  try {
    return await deps.engine.provinceOpen({ period: input.period, settings: input.settings, list: u.dataset });
  } finally {
    await releaseQuietly(deps.engine, u.dataset);
  }
}

/** The pane's files as the engine takes them: the File itself goes to the worker, its bytes are not copied on the page. */
export function provinceFiles(files: readonly File[]): ProvinceFile[] {
  return files.map((f) => ({ name: f.name, modified: f.lastModified, data: f }));
}

export async function provinceAddFiles(
  deps: FlowDeps, province: Handle<"province">, files: readonly File[], onProgress?: FlowProgress, signal?: AbortSignal,
): Promise<StatusTable> {
  onProgress?.({ fraction: 0, step: "reading" });
  const table = await deps.engine.provinceAdd(province, provinceFiles(files), (f) => onProgress?.({ fraction: f, step: "checking" }), signal);
  onProgress?.({ fraction: 1, step: "checking" });
  return table;
}

export interface ProvinceSummaryResult extends SummaryResult {
  /** Communes whose rows in the open workbook were not counted because a chosen file sends them. */
  workbookCommunesLeftOut: string[];
}

/** "Tạo bảng tổng hợp" over the chosen files (and, when asked, the open workbook's data): the summary sheet and its charts. */
export async function provinceWriteSummary(
  deps: FlowDeps, province: Handle<"province">,
  input: { mappings: UserMapping[]; lang: Lang; includeWorkbook: boolean; options?: SummarizeOptions },
  onProgress?: FlowProgress, signal?: AbortSignal,
): Promise<ProvinceSummaryResult> {
  const u = input.includeWorkbook ? await understood(deps, input.mappings, (p) => onProgress?.({ ...p, fraction: p.fraction * 0.6 }), signal) : null;
  try {
    onProgress?.({ fraction: 0.65, step: "summing" });
    throwIfCancelled(signal);
    const { summary, workbookCommunesLeftOut } = await deps.engine.provinceSummary(province, { workbook: u?.dataset, options: input.options }, signal);
    throwIfCancelled(signal);
    // Once writing starts it finishes: a half-written summary sheet would be worse than a whole one.
    const written = await applySummary(deps, summary, input.lang, onProgress);
    const formSheets = u ? await deps.engine.formSheets(u.dataset, summary) : [];
    return { ...written, formSheets, workbookCommunesLeftOut };
  } finally {
    if (u) await releaseQuietly(deps.engine, u.dataset);
  }
}

export interface CopyResult {
  report: ApplyReport;
  rows: Record<ConsolidatedKind, number>;
}

/**
 * "Chép dữ liệu vào sổ": the consolidated sheets the workbook already has are
 * read, the chosen files' communes replace their own rows in them, and the
 * sheets are written whole. Cancelling, even while writing, leaves the workbook
 * as it was (the adapter puts the old sheets back); "Hoàn tác" afterwards does too.
 */
export async function provinceCopy(deps: FlowDeps, province: Handle<"province">, onProgress?: FlowProgress, signal?: AbortSignal): Promise<CopyResult> {
  onProgress?.({ fraction: 0, step: "reading" });
  const own = await deps.ops.ownSheets();
  const sheets: WorkbookData["sheets"] = [];
  for (const kind of CONSOLIDATED_KINDS) {
    const made = own.find((s) => s.purpose === "consolidated" && s.requested === CONSOLIDATED_SHEETS[kind]);
    if (!made) continue;
    throwIfCancelled(signal);
    const sheet = await deps.ops.readSheet(made.name, { formulas: false });
    sheets.push({ ...sheet, name: CONSOLIDATED_SHEETS[kind] });
  }
  onProgress?.({ fraction: 0.3, step: "planning" });
  const existing = sheets.length ? await deps.engine.loadWorkbook({ sheets }, undefined, signal) : undefined;
  let planned;
  try {
    planned = await deps.engine.provinceConsolidate(province, existing, signal);
  } finally {
    if (existing) await releaseQuietly(deps.engine, existing);
  }
  throwIfCancelled(signal);
  onProgress?.({ fraction: 0.4, step: "writing" });
  const report = await deps.ops.applyPlan(planned.plan, (p) =>
    onProgress?.({ fraction: 0.4 + (p.total > 0 ? (p.done / p.total) * 0.6 : 0), step: "writing", detail: p.label }), signal);
  onProgress?.({ fraction: 1, step: "writing" });
  return { report, rows: planned.rows };
}

/** "Ghi trang Tình hình nộp báo cáo". */
export async function provinceStatusSheet(deps: FlowDeps, province: Handle<"province">, lang: Lang): Promise<ApplyReport> {
  return deps.ops.applyPlan(await deps.engine.provinceStatusSheet(province, lang));
}
