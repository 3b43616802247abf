import type {
  Dataset, DetectedTable, Finding, Period, RuleId, Settings, Severity, SeverityCounts, SheetData, UserMapping,
  SheetNote, WorkbookData, WritePlan,
} from "../core/model";
import type { SummarizeOptions, Summary } from "../core/summary";
import type { FormFillResult, SummarySheetOptions } from "../core/plan";
import type { ConsolidatedKind, StatusTable } from "../core/province";
import type { FixRequest, HighlightTarget } from "../excel/operations";

/**
 * The core's functions, synchronous and pure, as the engine runs them: in a
 * Web Worker in the pane, in-process in jest and Node. Injected rather than
 * imported, so the pane's tests can run over a small fake core. Everything
 * that crosses it is plain data, typed with the core's own types: a fake core
 * returns a real `Summary`, so the pane never guesses at a shape.
 */
export interface Core {
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

/**
 * A result the engine keeps (a workbook, its records, a check's findings): the
 * pane holds only this handle. `gen` is the engine's generation: cancelling a
 * step ends the worker and every handle it gave out, and an old handle is then
 * refused with a sentence rather than answered from the wrong data.
 */
export interface Handle<K extends HandleKind> {
  readonly kind: K;
  readonly id: number;
  readonly gen: number;
}
export type HandleKind = "workbook" | "dataset" | "findings" | "province";

export interface Understood {
  dataset: Handle<"dataset">;
  tables: DetectedTable[];
  /**
   * The workbook's cells the pane shows: each table's header rows and its first
   * data rows, other rows left out (sparse). The whole workbook stays in the engine.
   */
  preview: WorkbookData;
  /** Sheets with something on them that were not read as a table, or not read at all, each with why (the Dữ liệu tab lists them). */
  sheetNotes: SheetNote[];
}

/** Which findings the pane looks at: the sheet and severity filters of Kiểm tra (and a rule, for the fixes' scope). */
export interface FindingsQuery {
  sheet?: string;
  severity?: Severity;
  rule?: RuleId;
}

/** One rule's findings of one severity (findingsView.ts, groupFindings: errors first, the largest group first). */
export interface FindingGroup {
  /** "severity:rule", for findingsPage. */
  key: string;
  rule: RuleId;
  severity: Severity;
  count: number;
  /** The group's first findings, by sheet and row; more come from findingsPage. */
  items: Finding[];
}

/** What Kiểm tra draws: counts and the first page of each rule's findings, never the whole list. */
export interface FindingsView {
  query: FindingsQuery;
  /** Every finding of the check, by severity (the filters do not change these). */
  counts: SeverityCounts;
  /** Sheets that have findings, for the sheet filter. */
  sheets: string[];
  /** Findings that match the query. */
  matching: number;
  /** Of those, the ones with a fix. */
  fixable: number;
  /** The fixable ones per rule (most first) and per sheet (Vietnamese order), for narrowing "Sửa tự động". */
  fixRules: Array<{ rule: RuleId; count: number }>;
  fixSheets: Array<{ sheet: string; count: number }>;
  /** The fixable ones per rule and sheet together: what any scope of "Sửa tự động" holds, ticked or not, adds up from. */
  fixCells: Array<{ rule: RuleId; sheet: string; count: number }>;
  groups: FindingGroup[];
}

export interface CheckOutcome {
  findings: Handle<"findings">;
  view: FindingsView;
}

/** Fixes of one rule, one sheet, or both ("Sửa tự động" narrowed); no field is every fix. */
export interface FixScope {
  rule?: RuleId;
  sheet?: string;
}

/**
 * The fixes the user ticked in the fixable list of a query. Each fix is ticked
 * by default as `all` says, unless a scope ticked or cleared as a whole
 * holds it (the last such scope says); then `toggled` flips the fixes the user
 * ticked one by one. A fix is named by findingsView's fixKey (its rule and
 * cell), so one left out stays out when the panel's scope changes.
 */
export interface FixSelection {
  all: boolean;
  /** Oldest first; none holds a fix ticked one by one since. */
  scopes?: Array<FixScope & { ticked: boolean }>;
  toggled: string[];
}

/** The cells to colour: what ops.highlight needs of a finding, nothing more. */
export type { HighlightTarget };

/** A commune's file for "Gộp số liệu các xã": read by the engine, never sent anywhere. */
export interface ProvinceFile {
  name: string;
  /** Last modified, ms since 1970: of two files from one commune, the newer is used. */
  modified?: number;
  /** The file as the user chose it (a File is handed to the worker without copying its bytes), or its bytes. */
  data: Blob | ArrayBuffer | Uint8Array;
}

export interface ProvinceStart {
  period: Period;
  settings: Settings;
  /** The open workbook, understood: its COMMUNES table orders the status and names the communes with no file. */
  list?: Handle<"dataset">;
}

export interface ProvinceSummary {
  summary: Summary;
  /** Communes whose rows in the open workbook were left out because a chosen file sends them. */
  workbookCommunesLeftOut: string[];
}

export interface ConsolidationPlan {
  plan: WritePlan;
  /** Rows the chosen files give each consolidated sheet. */
  rows: Record<ConsolidatedKind, number>;
}

/** A fraction from 0 to 1 of the step under way. */
export type EngineProgress = (fraction: number) => void;

/**
 * The core as the pane's flow calls it: asynchronous, and keeping the large
 * results (the workbook, the records, tens of thousands of findings) on its
 * side, so the pane's thread only ever carries what it draws. The pane runs it
 * in a Web Worker (workerEngine.ts); jest and Node run the same interface
 * in-process (localEngine.ts).
 */
export interface Engine {
  /** Takes the workbook as read from Excel; the pane can drop its copy afterwards. */
  loadWorkbook(workbook: WorkbookData, onProgress?: EngineProgress, signal?: AbortSignal): Promise<Handle<"workbook">>;
  understand(workbook: Handle<"workbook">, userMappings?: UserMapping[], signal?: AbortSignal): Promise<Understood>;
  check(dataset: Handle<"dataset">, settings: Settings, period: Period, signal?: AbortSignal): Promise<CheckOutcome>;
  /** The view of a check's findings for other filters. */
  findings(findings: Handle<"findings">, query: FindingsQuery): Promise<FindingsView>;
  /** More of one rule's findings under a query, in the view's order. */
  findingsPage(findings: Handle<"findings">, query: FindingsQuery, group: string, offset: number, limit: number): Promise<Finding[]>;
  /** The findings with a fix under a query, in the order the fix panel lists them. */
  fixable(findings: Handle<"findings">, query: FindingsQuery, offset: number, limit: number): Promise<{ total: number; items: Finding[] }>;
  fixRequests(findings: Handle<"findings">, query: FindingsQuery, selection: FixSelection): Promise<FixRequest[]>;
  highlightTargets(findings: Handle<"findings">, query: FindingsQuery): Promise<HighlightTarget[]>;
  summarize(dataset: Handle<"dataset">, period: Period, settings: Settings, opts?: SummarizeOptions, signal?: AbortSignal): Promise<Summary>;
  planSummarySheet(summary: Summary, opts?: SummarySheetOptions): Promise<WritePlan>;
  planFormFill(form: SheetData, summary: Summary): Promise<FormFillResult>;
  /** The sheets of the understood workbook that look like a form of the summary: what "Điền vào biểu mẫu" offers. */
  formSheets(dataset: Handle<"dataset">, summary: Summary): Promise<string[]>;
  planFindingsSheet(findings: Handle<"findings">, query: FindingsQuery, lang: "vi" | "en"): Promise<WritePlan>;
  planTemplateSheets(): Promise<WritePlan>;
  /** Starts a province's consolidation ("Gộp số liệu các xã"). */
  provinceOpen(start: ProvinceStart): Promise<Handle<"province">>;
  /**
   * Reads communes' files one by one, each reduced as it is read (the workbook is not kept), and
   * returns who has sent what. A file that cannot be read is listed with its sentence; the others go on.
   */
  provinceAdd(province: Handle<"province">, files: ProvinceFile[], onProgress?: EngineProgress, signal?: AbortSignal): Promise<StatusTable>;
  provinceRemove(province: Handle<"province">, names: string[]): Promise<StatusTable>;
  /** The summary over the chosen files, and, when given, the open workbook's rows for communes no file sends. */
  provinceSummary(province: Handle<"province">, opts?: { workbook?: Handle<"dataset">; options?: SummarizeOptions }, signal?: AbortSignal): Promise<ProvinceSummary>;
  /** The consolidated sheets after importing the files into the ones the workbook has (`existing`, read from it). */
  provinceConsolidate(province: Handle<"province">, existing?: Handle<"workbook">, signal?: AbortSignal): Promise<ConsolidationPlan>;
  /** "Tình hình nộp báo cáo". */
  provinceStatusSheet(province: Handle<"province">, lang: "vi" | "en"): Promise<WritePlan>;
  /** Lets the engine drop results the pane no longer needs. */
  release(...handles: Array<Handle<HandleKind>>): Promise<void>;
}
