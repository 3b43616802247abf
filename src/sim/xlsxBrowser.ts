import type ExcelJSTypes from "exceljs";
import type { CellValue, WorkbookData } from "../core/model/values";
import { isExcelError } from "../core/model/values";
import { MAX_COLS, Rect, parseLocalAddress, rectToA1, splitSheet } from "./address";
import { SimHost, SimOptions, hostOver } from "./host";
import { CellStyle, SheetModel, Visibility, WorkbookModel, cellKey, modelFromWorkbookData } from "./model";

/**
 * .xlsx in and out of the simulated Excel through ExcelJS's in-memory
 * workbook, which runs in the browser (the demo page) as well as in Node.
 * Unlike WorkbookData, this keeps what the demo needs to look like Excel:
 * fills, fonts, number formats, formulas' text, column widths, freeze panes,
 * merges and list dropdowns. ExcelJS cannot write charts or add-in settings,
 * so those do not survive a save.
 *
 * The ExcelJS module is passed in, so this file does not decide how the
 * bundle gets it (the demo imports "exceljs", whose browser build webpack picks).
 */
export interface ExcelJSModule {
  Workbook: new () => ExcelJSTypes.Workbook;
}

const EPOCH_1899 = Date.UTC(1899, 11, 30);
/** Column widths: ExcelJS counts characters of the default font, Excel's API points. */
const charsToPoints = (w: number) => Math.round((w * 7 + 5) * 0.75 * 100) / 100;
const pointsToChars = (pt: number) => Math.max(0, Math.round(((pt / 0.75 - 5) / 7) * 100) / 100);

function serialOf(d: Date): number {
  // ExcelJS gives dates as UTC instants; Excel's serial counts days from 30/12/1899.
  return (d.getTime() - EPOCH_1899) / 86_400_000;
}

interface Converted {
  value: CellValue;
  formula?: string;
  hyperlink?: CellStyle["hyperlink"];
}

function convertValue(v: ExcelJSTypes.CellValue): Converted {
  if (v === null || v === undefined) return { value: "" };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: serialOf(v) };
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return { value: (o.richText as Array<{ text: string }>).map((r) => r.text).join("") };
  if (typeof o.error === "string") return { value: o.error };
  if (typeof o.formula === "string" || typeof o.sharedFormula === "string") {
    const result = convertValue((o.result ?? "") as ExcelJSTypes.CellValue).value;
    const text = typeof o.formula === "string" ? o.formula : `${String(o.sharedFormula)}`;
    return { value: typeof result === "object" ? "" : result, formula: "=" + text };
  }
  if (typeof o.hyperlink === "string") {
    const text = typeof o.text === "string" ? o.text : Array.isArray((o.text as { richText?: unknown })?.richText) ? "" : String(o.text ?? "");
    const link = o.hyperlink;
    return {
      value: text,
      hyperlink: link.startsWith("#") ? { documentReference: link.slice(1), textToDisplay: text } : { address: link, textToDisplay: text },
    };
  }
  return { value: String(v) };
}

function argbToHex(c: Partial<ExcelJSTypes.Color> | undefined): string | undefined {
  const argb = c?.argb;
  if (typeof argb !== "string" || !/^[0-9a-f]{6,8}$/i.test(argb)) return undefined;
  return "#" + argb.slice(-6).toUpperCase();
}

const H_IN: Record<string, string> = { left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify", centerContinuous: "CenterAcrossSelection", distributed: "Distributed" };
const V_IN: Record<string, string> = { top: "Top", middle: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" };
const H_OUT = Object.fromEntries(Object.entries(H_IN).map(([k, v]) => [v, k]));
const V_OUT = Object.fromEntries(Object.entries(V_IN).map(([k, v]) => [v, k]));
const BORDER_IN: Record<string, string> = { thin: "Continuous", medium: "Continuous", thick: "Continuous", hair: "Continuous", dotted: "Dot", dashed: "Dash", double: "Double", dashDot: "DashDot", dashDotDot: "DashDotDot", slantDashDot: "SlantDashDot" };

function styleOf(cell: ExcelJSTypes.Cell): CellStyle | undefined {
  const s: CellStyle = {};
  const fill = cell.fill as ExcelJSTypes.FillPattern | undefined;
  // Theme colours would need the theme part; such fills are left out rather than guessed.
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const hex = argbToHex(fill.fgColor);
    if (hex) s.fill = hex;
  }
  const f = cell.font;
  if (f) {
    if (f.bold) s.bold = true;
    if (f.italic) s.italic = true;
    if (f.size && f.size !== 11) s.fontSize = f.size;
    const color = argbToHex(f.color);
    if (color && color !== "#000000") s.fontColor = color;
  }
  if (cell.numFmt && cell.numFmt !== "General") s.numberFormat = cell.numFmt;
  const a = cell.alignment;
  if (a) {
    if (a.horizontal && H_IN[a.horizontal]) s.hAlign = H_IN[a.horizontal];
    if (a.vertical && V_IN[a.vertical]) s.vAlign = V_IN[a.vertical];
    if (a.wrapText) s.wrapText = true;
  }
  const b = cell.border;
  if (b) {
    for (const edge of ["top", "bottom", "left", "right"] as const) {
      const e = b[edge];
      if (e?.style) s.borders = { ...(s.borders ?? {}), [edge]: { style: BORDER_IN[e.style] ?? "Continuous", color: argbToHex(e.color) ?? "#000000", weight: e.style === "medium" ? "Medium" : e.style === "thick" ? "Thick" : "Thin" } };
    }
  }
  if (cell.protection?.locked === false) s.locked = false;
  return Object.keys(s).length ? s : undefined;
}

/** ExcelJS splits a dropdown into one entry per cell; join them back into rectangles (columns first, then side by side). */
function coalesce(rects: Rect[]): Rect[] {
  const sorted = [...rects].sort((a, b) => a.c0 - b.c0 || a.r0 - b.r0);
  const runs: Rect[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.c0 === r.c0 && last.cols === r.cols && last.r0 + last.rows === r.r0) last.rows += r.rows;
    else runs.push({ ...r });
  }
  const out: Rect[] = [];
  for (const r of runs) {
    const left = out.find((o) => o.r0 === r.r0 && o.rows === r.rows && o.c0 + o.cols === r.c0);
    if (left) left.cols += r.cols;
    else out.push(r);
  }
  return out;
}

/** Reads an ExcelJS workbook (already loaded with `wb.xlsx.load(arrayBuffer)`) into the simulator's store. */
export function modelFromExcelJS(wb: ExcelJSTypes.Workbook): WorkbookModel {
  const model = modelFromWorkbookData({ sheets: [] });
  wb.eachSheet((ws) => {
    const sheet = model.addSheet(ws.name);
    const state = ws.state as string;
    sheet.visibility = state === "hidden" ? "Hidden" : state === "veryHidden" ? "VeryHidden" : "Visible";
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged cell other than the top-left carries the master's value in ExcelJS, not in Excel.
        if (cell.isMerged && cell.master !== cell) {
          const st = styleOf(cell);
          if (st) sheet.styles.set(cellKey(r - 1, c - 1), st);
          return;
        }
        const conv = convertValue(cell.value);
        if (conv.value !== "" || conv.formula) sheet.setContent(r - 1, c - 1, { value: conv.value, formula: conv.formula });
        const st = styleOf(cell);
        const withLink = conv.hyperlink ? { ...(st ?? {}), hyperlink: conv.hyperlink } : st;
        if (withLink) sheet.styles.set(cellKey(r - 1, c - 1), withLink);
      });
    });
    const merges = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {};
    for (const m of Object.values(merges)) sheet.merges.push(parseLocalAddress(splitSheet(m.range).local));
    for (let c = 1; c <= Math.min(ws.columnCount, MAX_COLS); c++) {
      const w = ws.getColumn(c).width;
      if (typeof w === "number") sheet.columnWidths.set(c - 1, charsToPoints(w));
    }
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === "frozen") sheet.freeze = { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 };
    const tab = argbToHex((ws.properties as { tabColor?: Partial<ExcelJSTypes.Color> }).tabColor);
    if (tab) sheet.tabColor = tab;
    const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    if (prot?.sheet) sheet.protection = { protected: true, allowFormatCells: false, allowEditObjects: false };
    const dv = (ws as unknown as { dataValidations?: { model?: Record<string, { type?: string; formulae?: unknown[] }> } }).dataValidations?.model ?? {};
    const bySource = new Map<string, Rect[]>();
    for (const [address, rule] of Object.entries(dv)) {
      if (rule?.type !== "list" || !rule.formulae?.length) continue;
      const raw = String(rule.formulae[0]);
      const source = raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : "=" + raw;
      for (const part of address.split(/\s+/)) {
        try {
          const rects = bySource.get(source) ?? [];
          rects.push(parseLocalAddress(part.replace(/^range:/, "")));
          bySource.set(source, rects);
        } catch {
          // An address form we do not read; the dropdown is left out.
        }
      }
    }
    for (const [source, rects] of bySource) {
      for (const rect of coalesce(rects)) sheet.validations.push({ rect, rule: { list: { inCellDropDown: true, source } } });
    }
  });
  if (model.sheets.length === 0) model.addSheet("Sheet1");
  const first = model.sheets.find((s) => s.visibility === "Visible");
  if (first) model.activeSheetId = first.id;
  return model;
}

export function simulatedExcelFromExcelJS(wb: ExcelJSTypes.Workbook, opts: SimOptions = {}): SimHost {
  const model = modelFromExcelJS(wb);
  for (const name of opts.protectedSheets ?? []) {
    const s = model.findSheet(name);
    if (s) s.protection.protected = true;
  }
  return hostOver(model, opts.apiVersion ?? "1.17");
}

/** Loads .xlsx bytes (an ArrayBuffer from a file input or fetch) into a simulated Excel. */
export async function loadSimulatedExcel(bytes: ArrayBuffer, ExcelJS: ExcelJSModule, opts: SimOptions = {}): Promise<SimHost> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return simulatedExcelFromExcelJS(wb, opts);
}

export function workbookDataFromExcelJS(wb: ExcelJSTypes.Workbook): WorkbookData {
  return simulatedExcelFromExcelJS(wb).snapshot();
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
