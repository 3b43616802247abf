import type { DetectedTable, SheetData, WorkbookData } from "../core/model";

/** Data rows of each table the preview keeps: enough for the mapping editor's samples. */
export const PREVIEW_DATA_ROWS = 5;

/**
 * The cells the pane shows of a workbook it no longer holds: each table's
 * header rows and first data rows, every other row left out (a sparse
 * SheetData, which every reader of values accepts). Sheets with no table keep
 * their name and nothing else.
 */
export function previewWorkbook(workbook: WorkbookData, tables: readonly DetectedTable[]): WorkbookData {
  const sheets: SheetData[] = workbook.sheets.map((s) => {
    const rows = new Set<number>();
    for (const t of tables) {
      if (t.sheet !== s.name) continue;
      for (let r = t.headerTop; r <= t.headerBottom; r++) rows.add(r);
      for (const r of t.dataRows.slice(0, PREVIEW_DATA_ROWS)) rows.add(r);
    }
    const values: SheetData["values"] = [];
    for (const r of rows) {
      const row = s.values[r - s.originRow];
      if (row) values[r - s.originRow] = row.slice();
    }
    const out: SheetData = { name: s.name, originRow: s.originRow, originCol: s.originCol, values };
    if (s.visibility) out.visibility = s.visibility;
    return out;
  });
  return { sheets };
}
