import { a1 } from "../core/model";
import type { BuiltSheet } from "./applyPlan";
import { parseRange } from "./applyPlan";
import { formatKey } from "./stylesXml";
import { escapeAttr, escapePlain, escapeText } from "./xmlEdit";

/**
 * A sheet the plan built, written as worksheet XML. Text goes in as inline
 * strings (the copied workbook's shared strings are left as they are), always
 * as text: "=1+1" typed by a user stays text; only the plan's formulas are
 * formulas. Wrapped header rows get the height their text needs, since
 * neither Excel nor LibreOffice grows a row on opening a file.
 */
export interface SheetXmlOptions {
  /** The spreadsheet namespace of the workbook (transitional or strict). */
  mainNs: string;
  relNs: string;
  /** formatKey -> index of the cell format in the styles part. */
  xf: ReadonlyMap<string, number>;
  /** The relationship id of a drawing kept from the sheet this one replaces. */
  drawingRid?: string;
}

const DEFAULT_WIDTH_CHARS = 8.43;

/** Points to Excel's width unit (characters of the default font, ~7 px each, plus padding). */
export function widthChars(points: number): number {
  return Math.max(1, Math.round((((points * 96) / 72 - 5) / 7) * 100) / 100);
}

function numberText(n: number): string | null {
  return Number.isFinite(n) ? String(n) : null;
}

/** Row heights in points for the rows whose wrapped text needs more than one line. */
export function wrappedRowHeights(sheet: BuiltSheet): Map<number, number> {
  const width = (c: number) => (sheet.widths.has(c) ? widthChars(sheet.widths.get(c)!) : DEFAULT_WIDTH_CHARS);
  const merges = new Map<string, { rows: number; cols: number[] }>();
  const covered = new Set<string>();
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (!r) continue;
    const cols: number[] = [];
    for (let c = r.c1; c <= r.c2; c++) cols.push(c);
    merges.set(`${r.r1}:${r.c1}`, { rows: r.r2 - r.r1 + 1, cols });
    for (let row = r.r1; row <= r.r2; row++) for (let c = r.c1; c <= r.c2; c++) if (row !== r.r1 || c !== r.c1) covered.add(`${row}:${c}`);
  }
  const heights = new Map<number, number>();
  for (const [row, cells] of sheet.cells) {
    for (const [col, cell] of cells) {
      if (!cell.format?.wrap || typeof cell.value !== "string" || covered.has(`${row}:${col}`)) continue;
      const m = merges.get(`${row}:${col}`);
      const chars = (m?.cols ?? [col]).reduce((w, c) => w + width(c), 0);
      const size = cell.format.fontSize ?? 11;
      // Bold Vietnamese text runs about 1.05 default-font characters of width per letter at 11 pt.
      const perLine = Math.max(1, Math.floor((chars * 11) / (size * 1.05)));
      let lines = 1;
      let used = 0;
      for (const w of cell.value.split(/\s+/)) {
        if (used > 0 && used + 1 + w.length > perLine) { lines++; used = w.length; } else used += (used > 0 ? 1 : 0) + w.length;
      }
      const needed = (lines * size * 1.35 + 4) / (m?.rows ?? 1);
      heights.set(row, Math.max(heights.get(row) ?? 15, needed));
    }
  }
  for (const [row, h] of heights) if (h <= 15.5) heights.delete(row);
  return heights;
}

function paneXml(freeze: { rows: number; cols: number }): string {
  const { rows, cols } = freeze;
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return (
    `<pane${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""} topLeftCell="${a1(rows + 1, cols + 1)}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}"/>`
  );
}

export function sheetXml(sheet: BuiltSheet, opts: SheetXmlOptions): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  out.push(`<worksheet xmlns="${opts.mainNs}" xmlns:r="${opts.relNs}">`);
  if (sheet.tabColor) out.push(`<sheetPr><tabColor rgb="FF${sheet.tabColor.replace("#", "").toUpperCase()}"/></sheetPr>`);

  let minR = Infinity, minC = Infinity, maxR = 0, maxC = 0;
  const grow = (r: number, c: number) => { minR = Math.min(minR, r); minC = Math.min(minC, c); maxR = Math.max(maxR, r); maxC = Math.max(maxC, c); };
  for (const [r, cells] of sheet.cells) for (const c of cells.keys()) grow(r, c);
  for (const m of sheet.merges) { const r = parseRange(m); if (r) { grow(r.r1, r.c1); grow(r.r2, r.c2); } }
  out.push(`<dimension ref="${maxR === 0 ? "A1" : minR === maxR && minC === maxC ? a1(minR, minC) : `${a1(minR, minC)}:${a1(maxR, maxC)}`}"/>`);
  out.push(`<sheetViews><sheetView workbookViewId="0">${sheet.freeze ? paneXml(sheet.freeze) : ""}</sheetView></sheetViews>`);
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.widths.size > 0) {
    out.push("<cols>");
    for (const c of [...sheet.widths.keys()].sort((a, b) => a - b)) out.push(`<col min="${c}" max="${c}" width="${widthChars(sheet.widths.get(c)!)}" customWidth="1"/>`);
    out.push("</cols>");
  }

  const heights = wrappedRowHeights(sheet);
  out.push("<sheetData>");
  for (const r of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    const cells = sheet.cells.get(r)!;
    const h = heights.get(r);
    out.push(`<row r="${r}"${h !== undefined ? ` ht="${Math.ceil(h)}" customHeight="1"` : ""}>`);
    for (const c of [...cells.keys()].sort((a, b) => a - b)) {
      const cell = cells.get(c)!;
      const s = cell.format ? opts.xf.get(formatKey(cell.format)) : undefined;
      const ref = `${a1(r, c)}"${s ? ` s="${s}"` : ""}`;
      if (cell.formula !== undefined) {
        out.push(`<c r="${ref}><f>${escapePlain(cell.formula)}</f></c>`);
      } else if (typeof cell.value === "string") {
        out.push(`<c r="${ref} t="inlineStr"><is><t xml:space="preserve">${escapeText(cell.value)}</t></is></c>`);
      } else if (typeof cell.value === "number" && numberText(cell.value) !== null) {
        out.push(`<c r="${ref}><v>${numberText(cell.value)}</v></c>`);
      } else if (typeof cell.value === "boolean") {
        out.push(`<c r="${ref} t="b"><v>${cell.value ? 1 : 0}</v></c>`);
      } else {
        out.push(`<c r="${ref}/>`);
      }
    }
    out.push("</row>");
  }
  out.push("</sheetData>");

  if (sheet.merges.length > 0) {
    out.push(`<mergeCells count="${sheet.merges.length}">`);
    for (const m of sheet.merges) out.push(`<mergeCell ref="${escapeAttr(m.replace(/\$/g, ""))}"/>`);
    out.push("</mergeCells>");
  }
  if (sheet.dropdowns.length > 0) {
    out.push(`<dataValidations count="${sheet.dropdowns.length}">`);
    for (const d of sheet.dropdowns) {
      const list = `"${d.values.map((v) => v.replace(/"/g, '""')).join(",")}"`;
      out.push(`<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${escapeAttr(d.address.replace(/\$/g, ""))}"><formula1>${escapePlain(list)}</formula1></dataValidation>`);
    }
    out.push("</dataValidations>");
  }
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  // Generated tables are wide: printed landscape on A4, a little smaller. Templates print as Excel would.
  if (sheet.purpose !== "template") out.push('<pageSetup paperSize="9" scale="75" orientation="landscape"/>');
  if (opts.drawingRid) out.push(`<drawing r:id="${escapeAttr(opts.drawingRid)}"/>`);
  out.push("</worksheet>");
  return out.join("");
}
