import type ExcelJSTypes from "exceljs";
import type { WorkbookData } from "../core/model/values";
import { isExcelError } from "../core/model/values";
import { readWorkbookBytes } from "../xlsx/workbook";
import { MAX_COLS, rectToA1 } from "./address";
import type { SimHost, SimOptions } from "./host";
import { SheetModel, Visibility, modelFromWorkbookData } from "./model";
import { simFromWorkbookData } from "./slicedLoad";

/**
 * .xlsx in and out of the simulated Excel, in the browser (the demo page) as
 * well as in Node. In: the project's own reader (src/xlsx, readWorkbookBytes),
 * the same code and bounds as the command line; it keeps values, formula
 * marks, merges, visibility and number formats. Out: ExcelJS's in-memory
 * writer, which keeps what the simulator holds (fills, fonts, number formats,
 * formulas' text, column widths, freeze panes, merges, list dropdowns);
 * ExcelJS cannot write charts or add-in settings, so those do not survive.
 *
 * The ExcelJS module is passed in, so this file does not decide how the
 * bundle gets it (the demo imports "exceljs", whose browser build webpack picks).
 */
export interface ExcelJSModule {
  Workbook: new () => ExcelJSTypes.Workbook;
}

/** Column widths: ExcelJS counts characters of the default font, Excel's API points. */
const pointsToChars = (pt: number) => Math.max(0, Math.round(((pt / 0.75 - 5) / 7) * 100) / 100);

const H_IN: Record<string, string> = { left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify", centerContinuous: "CenterAcrossSelection", distributed: "Distributed" };
const V_IN: Record<string, string> = { top: "Top", middle: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" };
const H_OUT = Object.fromEntries(Object.entries(H_IN).map(([k, v]) => [v, k]));
const V_OUT = Object.fromEntries(Object.entries(V_IN).map(([k, v]) => [v, k]));

/**
 * Loads .xlsx bytes (an ArrayBuffer from a file input or fetch) into a
 * simulated Excel. Throws XlsxReadError, with its plain sentence, for a file
 * that cannot be read.
 */
export function loadSimulatedExcel(bytes: ArrayBuffer, opts: SimOptions & { fileName?: string } = {}): SimHost {
  return simFromWorkbookData(readWorkbookBytes(new Uint8Array(bytes), { fileName: opts.fileName }), opts);
}

const VIS_OUT: Record<Visibility, ExcelJSTypes.WorksheetState> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

function writeSheet(wb: ExcelJSTypes.Workbook, sheet: SheetModel): void {
  const ws = wb.addWorksheet(sheet.name, {
    state: VIS_OUT[sheet.visibility],
    properties: sheet.tabColor ? ({ tabColor: { argb: "FF" + sheet.tabColor.slice(1) } } as Partial<ExcelJSTypes.WorksheetProperties>) : undefined,
    views: sheet.freeze.rows || sheet.freeze.cols ? [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }] : undefined,
  });
  for (const [c, pt] of sheet.columnWidths) ws.getColumn(c + 1).width = pointsToChars(pt);
  for (const [c, fmt] of sheet.columnFormats) ws.getColumn(c + 1).numFmt = fmt;
  sheet.values.forEach((row, r) => {
    if (!row) return;
    row.forEach((v, c) => {
      const formula = sheet.formula(r, c);
      if (v === "" && !formula) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (formula) cell.value = { formula: formula.slice(1), result: v as never } as ExcelJSTypes.CellFormulaValue;
      else if (typeof v === "string" && isExcelError(v)) cell.value = { error: v } as ExcelJSTypes.CellErrorValue;
      else cell.value = v;
    });
  });
  for (const [key, s] of sheet.styles) {
    const cell = ws.getCell(Math.floor(key / MAX_COLS) + 1, (key % MAX_COLS) + 1);
    if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + s.fill.slice(1) } };
    if (s.bold || s.italic || s.fontColor || s.fontSize || s.fontName) {
      cell.font = { bold: s.bold, italic: s.italic, size: s.fontSize, name: s.fontName, color: s.fontColor ? { argb: "FF" + s.fontColor.slice(1) } : undefined };
    }
    if (s.numberFormat) cell.numFmt = s.numberFormat;
    if (s.hAlign || s.vAlign || s.wrapText) {
      cell.alignment = {
        horizontal: s.hAlign ? (H_OUT[s.hAlign] as ExcelJSTypes.Alignment["horizontal"]) : undefined,
        vertical: s.vAlign ? (V_OUT[s.vAlign] as ExcelJSTypes.Alignment["vertical"]) : undefined,
        wrapText: s.wrapText,
      };
    }
    if (s.borders) {
      const border: Partial<ExcelJSTypes.Borders> = {};
      for (const [edge, b] of Object.entries(s.borders)) {
        if (b && b.style !== "None") border[edge as "top"] = { style: b.weight === "Medium" ? "medium" : b.weight === "Thick" ? "thick" : "thin", color: { argb: "FF" + b.color.slice(1) } };
      }
      cell.border = border;
    }
    if (s.hyperlink) {
      const link = s.hyperlink.address ?? (s.hyperlink.documentReference ? "#" + s.hyperlink.documentReference : undefined);
      if (link) cell.value = { text: String(cell.value ?? s.hyperlink.textToDisplay ?? ""), hyperlink: link } as ExcelJSTypes.CellHyperlinkValue;
    }
    if (s.locked === false) cell.protection = { locked: false };
  }
  for (const m of sheet.merges) ws.mergeCells(rectToA1(m));
  for (const v of sheet.validations) {
    const source = v.rule.list.source;
    (ws as unknown as { dataValidations: { add(a: string, r: unknown): void } }).dataValidations.add(rectToA1(v.rect), {
      type: "list",
      allowBlank: true,
      showErrorMessage: true,
      formulae: [source.startsWith("=") ? source.slice(1) : `"${source}"`],
    });
  }
  if (sheet.protection.protected) void ws.protect("", {});
}

/** The simulated workbook as an ExcelJS workbook, ready for `wb.xlsx.writeBuffer()`. */
export function excelJSFromSimulated(host: SimHost, ExcelJS: ExcelJSModule): ExcelJSTypes.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of host.model.sheets) writeSheet(wb, sheet);
  return wb;
}

export function excelJSFromWorkbookData(data: WorkbookData, ExcelJS: ExcelJSModule): ExcelJSTypes.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of modelFromWorkbookData(data).sheets) writeSheet(wb, sheet);
  return wb;
}

/** .xlsx bytes of the simulated workbook, for a download link. */
export async function saveSimulatedExcel(host: SimHost, ExcelJS: ExcelJSModule): Promise<ArrayBuffer> {
  const buf = await excelJSFromSimulated(host, ExcelJS).xlsx.writeBuffer();
  return buf as ArrayBuffer;
}
