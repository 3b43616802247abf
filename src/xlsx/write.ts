import * as fs from "fs";
import * as path from "path";
import type { CellValue, SheetData, WorkbookData } from "../core/model";
import { uniqueSheetNames } from "../core/plan/sheetName";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelJS = require("exceljs");

export interface WriteOptions {
  /**
   * Rows to set in bold, per sheet (1-based, absolute). When a sheet is not
   * listed, its leading rows made only of text (titles and headers, above the
   * first row holding a number) are bold.
   */
  boldRows?: Record<string, number[]>;
  /**
   * "r+" writes into a file that must already exist (the temporary file
   * safeWrite made): an open that is still in flight when Ctrl+C removes that
   * file then fails instead of creating it again. Default "w".
   */
  openFlags?: "w" | "r+";
}

/** Leading rows without any number or boolean: the titles and header of a typical sheet. */
export function leadingTextRows(sheet: SheetData): number[] {
  const rows: number[] = [];
  for (let i = 0; i < sheet.values.length && i < 20; i++) {
    const row = sheet.values[i];
    if (row.some((v) => typeof v === "number" || typeof v === "boolean")) break;
    if (row.some((v) => v !== "")) rows.push(sheet.originRow + i);
  }
  return rows;
}

/**
 * Writes a workbook as .xlsx with ExcelJS's streaming writer (a province
 * workbook has ~3 million cells; the in-memory writer needs gigabytes for that).
 * Strings go through the shared-string table, as Excel stores them. Column
 * formats are set on the numeric cells of their column, so serials show as dates
 * and card numbers stay text; merges and sheet visibility are kept.
 * Text is always written as text: "=SUM(A1)" in a value stays a string.
 * Sheet names pass through the shared sheet-name rule: a name Excel would
 * refuse (too long, "/" in it, two names differing only in case) is made legal
 * here, since ExcelJS writes it as given and Excel then refuses the file.
 */
export async function writeWorkbookFile(file: string, workbook: WorkbookData, opts: WriteOptions = {}): Promise<void> {
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const stream = fs.createWriteStream(file, { flags: opts.openFlags ?? "w" });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  const names = uniqueSheetNames(workbook.sheets.map((s) => s.name));
  for (const [k, sheet] of workbook.sheets.entries()) {
    const ws = wb.addWorksheet(names[k], { state: sheet.visibility ?? "visible" });
    const bold = new Set(opts.boldRows?.[sheet.name] ?? leadingTextRows(sheet));
    const formats = sheet.columnFormats ?? {};
    const widths = columnWidths(sheet);
    widths.forEach((w, i) => { ws.getColumn(sheet.originCol + i).width = w; });
    // Rows are committed as they are written, so merges (which touch their rows) come first.
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    for (let i = 0; i < sheet.values.length; i++) {
      const r = sheet.originRow + i;
      const values = sheet.values[i];
      const row = ws.getRow(r);
      for (let j = 0; j < values.length; j++) {
        const v: CellValue = values[j];
        if (v === "") continue;
        const c = sheet.originCol + j;
        const cell = row.getCell(c);
        cell.value = v;
        const fmt = formats[c];
        if (fmt && typeof v === "number") cell.numFmt = fmt;
        if (bold.has(r)) cell.font = { bold: true };
      }
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}

/** Widths in characters from the longest value of each column (first rows only, which is enough to look right). */
function columnWidths(sheet: SheetData): number[] {
  const width = sheet.values.reduce((n, r) => Math.max(n, r.length), 0);
  const out = new Array(width).fill(8);
  const limit = Math.min(sheet.values.length, 300);
  for (let i = 0; i < limit; i++) {
    const row = sheet.values[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const len = typeof v === "string" ? v.length : typeof v === "number" ? 10 : 5;
      // Titles span merged cells; they should not widen the first column.
      if (typeof v === "string" && len > 40) continue;
      out[j] = Math.min(45, Math.max(out[j], len + 2));
    }
  }
  return out;
}
