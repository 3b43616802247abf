import { CellValue, SheetData } from "../core/model";
import { dateToSerial } from "./serial";

/** ExcelJS caches a shared string as a string, or as { richText: [{ text }] } when it has formatting runs. */
export function decodeSharedString(entry: unknown): string {
  if (typeof entry === "string") return entry;
  if (entry && typeof entry === "object" && Array.isArray((entry as { richText?: unknown }).richText)) {
    return (entry as { richText: Array<{ text?: string | null }> }).richText.map((r) => r.text ?? "").join("");
  }
  return entry === null || entry === undefined ? "" : String(entry);
}

/** "AB12" -> { row: 12, col: 28 } */
export function decodeRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  const row = Number(ref.slice(i).replace(/\$/g, ""));
  if (col === 0 || !Number.isInteger(row) || row < 1) return null;
  return { row, col };
}

interface RowCells {
  cols: number[];
  values: CellValue[];
  formulas: boolean[];
}

/**
 * Collects the cells of one sheet as they stream by, then lays them out as the
 * used range: a dense rectangle from the first to the last non-empty row and
 * column, as Excel's `getUsedRange(true).values` would return.
 */
export class SheetBuilder {
  private rows = new Map<number, RowCells>();
  private merges: string[] = [];
  private currentRow = 0;
  private nextCol = 1;
  private anyFormula = false;

  constructor(private readonly sharedString: (i: number) => string) {}

  startRow(r: number | null): void {
    this.currentRow = r ?? this.currentRow + 1;
    this.nextCol = 1;
  }

  addMerge(ref: string): void {
    this.merges.push(ref);
  }

  addCell(ref: string | null, type: string, text: string | null, hasFormula: boolean): void {
    const pos = ref ? decodeRef(ref) : { row: this.currentRow, col: this.nextCol };
    if (!pos) return;
    this.nextCol = pos.col + 1;
    const value = this.cellValue(type, text);
    if (value === "" && !hasFormula) return;
    let row = this.rows.get(pos.row);
    if (!row) {
      row = { cols: [], values: [], formulas: [] };
      this.rows.set(pos.row, row);
    }
    row.cols.push(pos.col);
    row.values.push(value);
    row.formulas.push(hasFormula);
    if (hasFormula) this.anyFormula = true;
  }

  private cellValue(type: string, text: string | null): CellValue {
    switch (type) {
      case "s":
        return text === null ? "" : this.sharedString(Number(text));
      case "str":
      case "inlineStr":
        return text ?? "";
      case "b":
        return text === null ? "" : text.trim() === "1" || text.trim().toLowerCase() === "true";
      case "e":
        return text ?? "";
      case "d": {
        // ISO 8601 date cells (rare, written by some tools): Excel shows them as serials.
        if (!text) return "";
        const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : text + "Z");
        return Number.isNaN(t) ? text : dateToSerial(new Date(t));
      }
      default: {
        if (text === null || text.trim() === "") return "";
        const n = Number(text);
        if (Number.isNaN(n)) return text;
        // A 1904-system workbook's serials stay as stored, as Excel's `range.values` gives them there too.
        return n;
      }
    }
  }

  finish(name: string, visibility: SheetData["visibility"]): SheetData {
    let minRow = Infinity, maxRow = 0, minCol = Infinity, maxCol = 0;
    for (const [r, cells] of this.rows) {
      if (r < minRow) minRow = r;
      if (r > maxRow) maxRow = r;
      for (const c of cells.cols) {
        if (c < minCol) minCol = c;
        if (c > maxCol) maxCol = c;
      }
    }
    for (const m of this.merges) {
      const [a, b] = m.split(":");
      for (const p of [decodeRef(a), decodeRef(b ?? a)]) {
        if (!p) continue;
        minRow = Math.min(minRow, p.row); maxRow = Math.max(maxRow, p.row);
        minCol = Math.min(minCol, p.col); maxCol = Math.max(maxCol, p.col);
      }
    }
    const sheet: SheetData = { name, originRow: 1, originCol: 1, values: [], visibility };
    if (this.merges.length) sheet.merges = this.merges.slice();
    if (maxRow === 0) return sheet;
    const height = maxRow - minRow + 1;
    const width = maxCol - minCol + 1;
    const values: CellValue[][] = new Array(height);
    const formulas: boolean[][] | undefined = this.anyFormula ? new Array(height) : undefined;
    for (let i = 0; i < height; i++) {
      const rowValues: CellValue[] = new Array(width).fill("");
      const rowFormulas: boolean[] | undefined = formulas ? new Array(width).fill(false) : undefined;
      const cells = this.rows.get(minRow + i);
      if (cells) {
        for (let k = 0; k < cells.cols.length; k++) {
          rowValues[cells.cols[k] - minCol] = cells.values[k];
          if (rowFormulas) rowFormulas[cells.cols[k] - minCol] = cells.formulas[k];
        }
      }
      values[i] = rowValues;
      if (formulas && rowFormulas) formulas[i] = rowFormulas;
    }
    sheet.originRow = minRow;
    sheet.originCol = minCol;
    sheet.values = values;
    if (formulas) sheet.formulas = formulas;
    this.rows.clear();
    return sheet;
  }
}
