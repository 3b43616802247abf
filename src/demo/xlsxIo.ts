import type ExcelJSTypes from "exceljs";
import type { CellValue, SheetData, WorkbookData } from "../core/model";

/**
 * .xlsx in and out for the demo page, in the browser. Only values travel,
 * shaped as Excel's `range.values` gives them (dates as serials, errors as
 * their text), which is all the core reads.
 */
const EPOCH_1899 = Date.UTC(1899, 11, 30);

function serialOf(d: Date): number {
  return (d.getTime() - EPOCH_1899) / 86400000;
}

export function valueOf(v: ExcelJSTypes.CellValue): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialOf(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return v.error;
    if ("formula" in v || "sharedFormula" in v) return valueOf((v as { result?: ExcelJSTypes.CellValue }).result ?? "");
    if ("text" in v && typeof v.text === "string") return v.text; // hyperlink
  }
  return String(v);
}

export function workbookDataFromExcelJS(wb: ExcelJSTypes.Workbook): WorkbookData {
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => {
    const values: CellValue[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const out: CellValue[] = new Array(width).fill("");
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        out[c - 1] = valueOf(cell.value);
      });
      values.push(out);
    }
    const merges = Object.keys((ws as unknown as { _merges?: Record<string, unknown> })._merges ?? {});
    sheets.push({
      name: ws.name,
      originRow: 1,
      originCol: 1,
      values,
      visibility: ws.state === "hidden" ? "hidden" : ws.state === "veryHidden" ? "veryHidden" : "visible",
      merges: merges.length ? merges.map(String) : undefined,
    });
  });
  return { sheets };
}

export function excelJSFromWorkbookData(ExcelJS: { Workbook: new () => ExcelJSTypes.Workbook }, data: WorkbookData): ExcelJSTypes.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of data.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === "") return;
        ws.getCell(s.originRow + i, s.originCol + j).value = v;
      });
    });
    for (const m of s.merges ?? []) {
      try {
        ws.mergeCells(m);
      } catch {
        // an overlapping merge from a hand-made file is not worth failing the save
      }
    }
  }
  return wb;
}
