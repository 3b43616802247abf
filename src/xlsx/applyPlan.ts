import type * as ExcelJSTypes from "exceljs";
import type { CellFormat, CellValue, PlanOp, WritePlan } from "../core/model";
import { uniqueSheetName } from "../core/plan/sheetName";

/**
 * Carries out a write plan on an ExcelJS workbook, for `chibo summary --out`.
 * A sheet the plan asks for is cleared only when the product made it (a
 * workbook-level defined name marks it, and follows the sheet if the user
 * renames it); a user's sheet of that name is left alone and the plan goes to
 * a free name. Charts cannot be made with ExcelJS: they are skipped with a note.
 */
export interface ExcelJSApplyReport {
  sheets: Array<{ requested: string; actual: string }>;
  notes: string[];
  skippedCells: Array<{ sheet: string; address: string; reason: string }>;
}

export const CHARTS_NOTE =
  "Biểu đồ chỉ được tạo trong Excel (add-in): tệp .xlsx này có bảng số liệu cho biểu đồ nhưng chưa có biểu đồ.";
/** The same note in English, for `--lang en`. */
export const CHARTS_NOTE_EN =
  "Charts are made by the add-in inside Excel: this .xlsx holds the charts' data tables but no charts.";

const MARKER_PREFIX = "_chibo_sheet_";

function markedSheets(wb: ExcelJSTypes.Workbook): Set<string> {
  const names = new Set<string>();
  for (const dn of wb.definedNames.model) {
    if (!dn.name.startsWith(MARKER_PREFIX)) continue;
    for (const r of dn.ranges) {
      const m = /^'?(.*?)'?!/.exec(r);
      if (m) names.add(m[1].replace(/''/g, "'"));
    }
  }
  return names;
}

function mark(wb: ExcelJSTypes.Workbook, sheet: string): void {
  const n = wb.definedNames.model.filter((d) => d.name.startsWith(MARKER_PREFIX)).length;
  let i = n + 1;
  while (wb.definedNames.model.some((d) => d.name === MARKER_PREFIX + i)) i++;
  wb.definedNames.add(`'${sheet.replace(/'/g, "''")}'!$A$1`, MARKER_PREFIX + i);
}

function unmark(wb: ExcelJSTypes.Workbook, sheet: string): void {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  wb.definedNames.model = wb.definedNames.model.filter((d) => !(d.name.startsWith(MARKER_PREFIX) && d.ranges.every((r) => r.startsWith(quoted) || r.startsWith(sheet + "!"))));
}

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

/** Points to ExcelJS's width unit (characters of the default font, ~7 px each, plus padding). */
function widthChars(points: number): number {
  return Math.max(1, Math.round(((points * 96) / 72 - 5) / 7 * 100) / 100);
}

function cellsOf(ws: ExcelJSTypes.Worksheet, address: string): ExcelJSTypes.Cell[] {
  const [from, to] = address.split(":");
  const a = ws.getCell(from);
  const b = to ? ws.getCell(to) : a;
  const out: ExcelJSTypes.Cell[] = [];
  const r1 = Math.min(Number(a.row), Number(b.row));
  const r2 = Math.max(Number(a.row), Number(b.row));
  const c1 = Math.min(Number(a.col), Number(b.col));
  const c2 = Math.max(Number(a.col), Number(b.col));
  for (let r = r1; r <= r2; r++) {
    const row = ws.getRow(r);
    for (let c = c1; c <= c2; c++) out.push(row.getCell(c));
  }
  return out;
}

function topLeft(ws: ExcelJSTypes.Worksheet, address: string): { row: number; col: number } {
  const c = ws.getCell(address.split(":")[0]);
  return { row: Number(c.row), col: Number(c.col) };
}

function applyFormat(cell: ExcelJSTypes.Cell, f: CellFormat): void {
  if (f.numberFormat !== undefined) cell.numFmt = f.numberFormat;
  if (f.bold !== undefined || f.italic !== undefined || f.fontSize !== undefined || f.fontColor !== undefined) {
    const font: Partial<ExcelJSTypes.Font> = { ...(cell.font ?? {}) };
    if (f.bold !== undefined) font.bold = f.bold;
    if (f.italic !== undefined) font.italic = f.italic;
    if (f.fontSize !== undefined) font.size = f.fontSize;
    if (f.fontColor !== undefined) font.color = { argb: argb(f.fontColor) };
    cell.font = font;
  }
  if (f.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
  if (f.wrap !== undefined || f.hAlign !== undefined || f.vAlign !== undefined) {
    const al: Partial<ExcelJSTypes.Alignment> = { ...(cell.alignment ?? {}) };
    if (f.wrap !== undefined) al.wrapText = f.wrap;
    if (f.hAlign !== undefined) al.horizontal = f.hAlign.toLowerCase() as ExcelJSTypes.Alignment["horizontal"];
    if (f.vAlign !== undefined) al.vertical = ({ Top: "top", Center: "middle", Bottom: "bottom" } as const)[f.vAlign];
    cell.alignment = al;
  }
  if (f.border) {
    const thin = { style: "thin" as const, color: { argb: "FF808080" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

/**
 * A value for ExcelJS. ExcelJS writes a JavaScript string as a string cell and
 * makes formulas only from { formula }, so "=1+1" from a user's cell stays
 * text (the test reads the file back to hold it to that).
 */
function literal(v: CellValue): ExcelJSTypes.CellValue {
  return v === "" ? null : v;
}

/**
 * Neither ExcelJS nor LibreOffice grows a row for wrapped text on load, so
 * wrapped header cells would be cut. Estimate the lines each wrapped cell
 * needs from its (merged) width and give the row that height.
 */
function fitWrappedRows(ws: ExcelJSTypes.Worksheet, wrapped: ReadonlySet<string>): void {
  const merges = new Map<string, { rows: number; cols: number[] }>();
  for (const m of (ws.model as unknown as { merges?: string[] }).merges ?? []) {
    const [a, b] = m.split(":");
    const p = ws.getCell(a);
    const q = ws.getCell(b ?? a);
    const cols: number[] = [];
    for (let c = Number(p.col); c <= Number(q.col); c++) cols.push(c);
    merges.set(p.address, { rows: Number(q.row) - Number(p.row) + 1, cols });
  }
  const heights = new Map<number, number>();
  for (const address of wrapped) {
    const cell = ws.getCell(address);
    if (typeof cell.value !== "string" || cell.isMerged && cell.master.address !== cell.address) continue;
    const m = merges.get(address);
    const cols = m?.cols ?? [Number(cell.col)];
    const widthChars = cols.reduce((w, c) => w + (ws.getColumn(c).width ?? 8.43), 0);
    const size = cell.font?.size ?? 11;
    // Bold Vietnamese text runs about 1.05 default-font characters of width per letter at 11 pt.
    const perLine = Math.max(1, Math.floor((widthChars * 11) / (size * 1.05)));
    const words = cell.value.split(/\s+/);
    let lines = 1;
    let used = 0;
    for (const w of words) {
      if (used > 0 && used + 1 + w.length > perLine) { lines++; used = w.length; } else used += (used > 0 ? 1 : 0) + w.length;
    }
    const needed = (lines * size * 1.35 + 4) / (m?.rows ?? 1);
    const row = Number(cell.row);
    heights.set(row, Math.max(heights.get(row) ?? 15, needed));
  }
  for (const [row, h] of heights) if (h > 15.5) ws.getRow(row).height = Math.ceil(h);
}

export function applyPlanToExcelJS(workbook: ExcelJSTypes.Workbook, plan: WritePlan): ExcelJSApplyReport {
  const report: ExcelJSApplyReport = { sheets: [], notes: [], skippedCells: [] };
  const wrapped = new Map<ExcelJSTypes.Worksheet, Set<string>>();
  const made: Array<{ ws: ExcelJSTypes.Worksheet; purpose: string }> = [];
  const actual = new Map<string, string>();
  const sheetOf = (name: string): ExcelJSTypes.Worksheet | undefined => workbook.getWorksheet(actual.get(name) ?? name);
  let chartsSkipped = 0;
  for (const op of plan.ops) {
    if (op.op === "sheet") {
      const marked = markedSheets(workbook);
      // The product's sheet for this request: the name itself, or the "(2)" name an earlier run had to take.
      const again = new RegExp(`^${op.sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d+\\)$`);
      const existing = [workbook.getWorksheet(op.sheet), ...workbook.worksheets.filter((w) => again.test(w.name))]
        .find((w) => w !== undefined && marked.has(w.name));
      let name = op.sheet;
      if (existing) {
        name = existing.name;
        unmark(workbook, existing.name);
        workbook.removeWorksheet(existing.id);
      }
      if (!existing) name = uniqueSheetName(op.sheet, workbook.worksheets.map((w) => w.name));
      const ws = workbook.addWorksheet(name, op.tabColor ? { properties: { tabColor: { argb: argb(op.tabColor) } } } : undefined);
      mark(workbook, ws.name);
      made.push({ ws, purpose: op.purpose });
      actual.set(op.sheet, ws.name);
      report.sheets.push({ requested: op.sheet, actual: ws.name });
      continue;
    }
    if (op.op === "chart") { chartsSkipped++; continue; }
    const ws = sheetOf(op.sheet);
    if (!ws) { report.notes.push(`Không có trang "${op.sheet}": bỏ qua thao tác ${op.op}.`); continue; }
    applyOp(ws, op, report);
    if (op.op === "format" && op.format.wrap) {
      let set = wrapped.get(ws);
      if (!set) { set = new Set(); wrapped.set(ws, set); }
      for (const c of cellsOf(ws, op.address)) set.add(c.address);
    }
  }
  for (const [ws, set] of wrapped) fitWrappedRows(ws, set);
  // Generated sheets are wide tables: print them landscape on A4, a little smaller.
  for (const { ws, purpose } of made) {
    if (purpose === "template") continue;
    ws.pageSetup = { ...ws.pageSetup, orientation: "landscape", paperSize: 9, scale: 75, fitToPage: false };
    // The frozen rows are the header a reader needs on every printed page too.
    const frozen = ws.views.find((v) => v.state === "frozen") as { ySplit?: number } | undefined;
    if (frozen?.ySplit) ws.pageSetup.printTitlesRow = `1:${frozen.ySplit}`;
  }
  if (chartsSkipped > 0) report.notes.push(CHARTS_NOTE);
  return report;
}

function applyOp(ws: ExcelJSTypes.Worksheet, op: Exclude<PlanOp, { op: "sheet" } | { op: "chart" }>, report: ExcelJSApplyReport): void {
  switch (op.op) {
    case "values": {
      const { row, col } = topLeft(ws, op.address);
      op.values.forEach((vals, i) => {
        const r = ws.getRow(row + i);
        vals.forEach((v, j) => { r.getCell(col + j).value = literal(v); });
      });
      return;
    }
    case "formulas": {
      const { row, col } = topLeft(ws, op.address);
      op.formulas.forEach((fs, i) => {
        const r = ws.getRow(row + i);
        fs.forEach((f, j) => { if (f !== "") r.getCell(col + j).value = { formula: f.replace(/^=/, "") }; });
      });
      return;
    }
    case "format":
      for (const c of cellsOf(ws, op.address)) applyFormat(c, op.format);
      return;
    case "merge":
      try { ws.mergeCells(op.address); } catch (e) { report.notes.push(`Không gộp được ô ${op.address}: ${(e as Error).message}`); }
      return;
    case "columnWidths":
      op.widths.forEach((w, i) => { ws.getColumn(op.firstCol + i).width = widthChars(w); });
      return;
    case "freeze":
      ws.views = [{ state: "frozen", xSplit: op.cols, ySplit: op.rows }];
      return;
    case "dropdown": {
      const list = `"${op.values.join(",")}"`;
      // Excel refuses list validations longer than 255 characters.
      if (list.length > 257) { report.notes.push(`Danh sách chọn quá dài cho ${op.sheet}!${op.address}: bỏ qua.`); return; }
      for (const c of cellsOf(ws, op.address)) c.dataValidation = { type: "list", allowBlank: true, formulae: [list] };
      return;
    }
    case "formCells":
      for (const { row, col, value } of op.cells) {
        const c = ws.getRow(row).getCell(col);
        if (c.formula || (typeof c.value === "object" && c.value !== null && "sharedFormula" in c.value)) {
          report.skippedCells.push({ sheet: ws.name, address: c.address, reason: "Ô chứa công thức / formula cell" });
          continue;
        }
        c.value = literal(value);
      }
      return;
    default: {
      const never: never = op;
      throw new Error(`Unknown plan op ${(never as { op: string }).op}`);
    }
  }
}
