import type { CellValue, Finding, WorkbookData, WritePlan, SheetData } from "../core/model";

/**
 * Everything the task pane does to a workbook, as plain async functions.
 * Components get these as props (the Office add-in template's habit), never the
 * global `Excel`, so the pane runs the same over real Excel, the simulated Excel
 * of the demo page, and a jest mock.
 *
 * Every function throws only `HostError` (see errors.ts), whose `messageVi` is a
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
  skippedCells: Array<{ sheet: string; address: string; reason: string }>;
  /** Added: what could not be done in this Excel version (e.g. dropdowns before ExcelApi 1.8). */
  notes?: HostNote[];
}

/** Added: a sentence for the user about something done differently or left out. */
export interface HostNote {
  messageVi: string;
  messageEn: string;
}

export interface FixRequest {
  sheet: string;
  address: string;
  /** The value the check saw; the cell is re-read and skipped if it no longer holds this. */
  expected: CellValue;
  value: CellValue;
}

export interface FixReport {
  applied: FixRequest[];
  skipped: Array<FixRequest & { reason: string }>;
}

export interface WorkbookOperations {
  /** Reads every visible and hidden sheet's used range as values, in chunks. */
  readWorkbook(onProgress?: OnProgress, signal?: AbortSignal): Promise<WorkbookData>;
  /** Reads one sheet with its formula mask (for filling the user's form). */
  readSheet(name: string): Promise<SheetData>;
  listSheets(): Promise<string[]>;
  applyPlan(plan: WritePlan, onProgress?: OnProgress): Promise<ApplyReport>;
  /** Colours the findings' cells, saving the fills they cover. */
  highlight(findings: Finding[]): Promise<{ cells: number }>;
  /** Restores the saved fills exactly; works after the pane was closed and opened again. */
  clearHighlights(): Promise<{ cells: number }>;
  applyFixes(fixes: FixRequest[]): Promise<FixReport>;
  /** Puts back the values the last applyFixes replaced, where the cell still holds the fixed value. */
  undoFixes(): Promise<FixReport>;
  canUndoFixes(): Promise<boolean>;
  select(sheet: string, address: string): Promise<void>;
  loadSettings<T>(key: string): Promise<T | null>;
  saveSettings<T>(key: string, value: T): Promise<void>;
}
