import type { CellValue, Finding, WorkbookData, WritePlan, SheetData, Text } from "../core/model";

/**
 * Everything the task pane does to a workbook, as plain async functions.
 * Components get these as props (the Office add-in template's habit), never the
 * global `Excel`, so the pane runs the same over real Excel, the simulated Excel
 * of the demo page, and a jest mock.
 *
 * Every function throws only `HostError` (see errors.ts), whose `userText` is a
 * sentence that says what to do.
 */
export interface Progress {
  done: number;
  total: number;
  /** Vietnamese, short: "Đang đọc trang Cán bộ…" */
  label: string;
}

export type OnProgress = (p: Progress) => void;

export interface ApplyReport {
  /** Sheets the plan asked for, and the name each really got (a user's sheet is never replaced). */
  sheets: Array<{ requested: string; actual: string }>;
  charts: string[];
  /** formCells skipped because the cell changed into a formula or was protected. */
  skippedCells: Array<{ sheet: string; address: string; reason: Text }>;
  /** Added: what could not be done in this Excel version (e.g. dropdowns before ExcelApi 1.8). */
  notes?: HostNote[];
}

/** Added: a sentence for the user about something done differently or left out. */
export interface HostNote {
  message: Text;
}

export interface FixRequest {
  sheet: string;
  address: string;
  /** The value the check saw; the cell is re-read and skipped if it no longer holds this. */
  expected: CellValue;
  value: CellValue;
  /**
   * "date": `value` is a date serial (1900 system, as the core counts); it is
   * written with a date format (dd/mm/yyyy) unless the cell already shows dates,
   * and shifted for a workbook that counts from 1904.
   */
  kind?: "date";
}

export interface HighlightReport {
  cells: number;
  /** Cells left as they were: the value changed since the check (highlight), or the user recoloured it (clear). */
  skipped: number;
}

export interface FixReport {
  applied: FixRequest[];
  skipped: Array<FixRequest & { reason: Text }>;
}

/** One behaviour of this Excel checked by the self-test. */
export interface SelfTestCheck {
  id: string;
  title: Text;
  /** "ok": as the add-in expects; "differs": Excel answered otherwise (the detail says how); "error": the check itself failed. */
  outcome: "ok" | "differs" | "error" | "skipped";
  /** What Excel answered, in plain words (codes and figures, for whoever reads the copied report). */
  detail: string;
}

export interface SelfTestReport {
  /** ExcelApi versions this Excel supports, by isSetSupported. */
  apiVersions: string[];
  checks: SelfTestCheck[];
  /** The whole report as text, to copy and send. */
  text: string;
}

/** What highlighting needs of a finding (where, how bad, the value the check saw): the engine sends the pane no more. */
export type HighlightTarget = Pick<Finding, "sheet" | "address" | "severity" | "value">;

export interface OwnSheet {
  name: string;
  /** The name the plan asked for. */
  requested: string;
  purpose: Extract<WritePlan["ops"][number], { op: "sheet" }>["purpose"];
}

export interface WorkbookOperations {
  /** Reads every visible and hidden sheet's used range as values, in chunks. */
  readWorkbook(onProgress?: OnProgress, signal?: AbortSignal): Promise<WorkbookData>;
  /** Reads one sheet with its formula mask (for filling the user's form), or its values alone. */
  readSheet(name: string, opts?: { formulas?: boolean }): Promise<SheetData>;
  listSheets(): Promise<string[]>;
  /**
   * Carries out a plan. Cancelling (signal) stops it between round trips; a plan that writes
   * consolidated sheets is then undone, as it is when it fails half-way.
   */
  applyPlan(plan: WritePlan, onProgress?: OnProgress, signal?: AbortSignal): Promise<ApplyReport>;
  /** The sheets the product made (not the hidden copies kept for undo), with what each is for. */
  ownSheets(): Promise<OwnSheet[]>;
  /** Puts back the consolidated sheets the last import ("Chép dữ liệu vào sổ") replaced, and removes the ones it made. */
  undoImport(): Promise<{ sheets: number }>;
  canUndoImport(): Promise<boolean>;
  /** Colours the findings' cells, saving the fills they cover; a cell whose value changed since the check is left alone. */
  highlight(findings: readonly HighlightTarget[]): Promise<HighlightReport>;
  /** Restores the saved fills exactly (white as white, no fill as none); works after the pane was closed and opened again. */
  clearHighlights(): Promise<HighlightReport>;
  applyFixes(fixes: FixRequest[]): Promise<FixReport>;
  /** Puts back the values the last applyFixes replaced, where the cell still holds the fixed value. */
  undoFixes(): Promise<FixReport>;
  canUndoFixes(): Promise<boolean>;
  select(sheet: string, address: string): Promise<void>;
  loadSettings<T>(key: string): Promise<T | null>;
  saveSettings<T>(key: string, value: T): Promise<void>;
  /**
   * "Tự kiểm tra trong Excel": tries, on a scratch sheet it adds and removes,
   * the behaviours of this Excel the add-in relies on but cannot test without
   * it (request and settings size limits, white fills, date formats…).
   */
  runSelfTest(onProgress?: OnProgress): Promise<SelfTestReport>;
}
