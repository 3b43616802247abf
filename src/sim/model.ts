import type { CellValue, SheetData, WorkbookData } from "../core/model/values";
import { MAX_COLS, MAX_ROWS, Rect, checkSheetName, duplicateSheetName, parseLocalAddress, rectToA1, sameSheetName } from "./address";
import { CellContent } from "./cellInput";

/**
 * The simulated workbook's storage. Values are dense 2D arrays (one array per
 * row, rows may be shorter than the sheet, missing = ""), because a province
 * workbook has ~190,000 rows and an object per cell would not fit the budget.
 * Formulas and formats are sparse maps keyed by `cellKey`.
 */

export interface BorderStyle {
  style: string;
  color: string;
  weight: string;
}

export type Edge = "top" | "bottom" | "left" | "right";

export interface CellStyle {
  numberFormat?: string;
  /** "#RRGGBB"; absent means no fill, which Excel reports as "#FFFFFF". */
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  wrapText?: boolean;
  hAlign?: string;
  vAlign?: string;
  borders?: Partial<Record<Edge, BorderStyle>>;
  /** Cells are locked unless told otherwise; it matters only on a protected sheet. */
  locked?: boolean;
  hyperlink?: { address?: string; documentReference?: string; textToDisplay?: string; screenTip?: string };
}

export interface DataValidationModel {
  rect: Rect;
  rule: { list: { inCellDropDown: boolean; source: string } };
}

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  title: { text: string; visible: boolean };
  sourceSheetId: string;
  source: Rect;
  seriesBy: "Auto" | "Columns" | "Rows";
  /** Top-left and bottom-right cells of setPosition, as A1. */
  from?: string;
  to?: string;
  top: number;
  left: number;
  width: number;
  height: number;
  legend: { visible: boolean; position: string };
}

export interface TableModel {
  id: string;
  name: string;
  rect: Rect;
  showHeaders: boolean;
  style: string;
}

export interface ProtectionModel {
  protected: boolean;
  allowFormatCells: boolean;
  allowEditObjects: boolean;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export function cellKey(r0: number, c0: number): number {
  return r0 * MAX_COLS + c0;
}

export class SheetModel {
  values: CellValue[][] = [];
  formulas = new Map<number, string>();
  styles = new Map<number, CellStyle>();
  /** Formats given to whole columns (0-based): Excel formats "B:B" without touching a million cells, and so does this. */
  columnStyles = new Map<number, CellStyle>();
  /** Number formats given for whole columns (from SheetData.columnFormats), 0-based column. */
  columnFormats = new Map<number, string>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  merges: Rect[] = [];
  validations: DataValidationModel[] = [];
  freeze = { rows: 0, cols: 0 };
  protection: ProtectionModel = { protected: false, allowFormatCells: false, allowEditObjects: false };
  charts: ChartModel[] = [];
  tables: TableModel[] = [];
  customProperties = new Map<string, string>();
  tabColor = "";
  showGridlines = true;
  visibility: Visibility = "Visible";
  /** Bumped on every change to cells, so the used range is computed once per change. */
  version = 0;
  private usedCache: { version: number; valuesOnly: boolean; rect: Rect | null }[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  value(r0: number, c0: number): CellValue {
    const row = this.values[r0];
    if (!row) return "";
    const v = row[c0];
    return v === undefined || v === null ? "" : v;
  }

  formula(r0: number, c0: number): string | undefined {
    return this.formulas.size === 0 ? undefined : this.formulas.get(cellKey(r0, c0));
  }

  style(r0: number, c0: number): CellStyle | undefined {
    const cell = this.styles.size === 0 ? undefined : this.styles.get(cellKey(r0, c0));
    if (this.columnStyles.size === 0) return cell;
    const col = this.columnStyles.get(c0);
    if (!col) return cell;
    return cell ? { ...col, ...cell } : col;
  }

  numberFormat(r0: number, c0: number): string {
    return this.style(r0, c0)?.numberFormat ?? this.columnFormats.get(c0) ?? "General";
  }

  setContent(r0: number, c0: number, content: CellContent): void {
    let row = this.values[r0];
    if (!row) {
      // Fill the gap so the rows array stays dense (holes would slow every read).
      for (let r = this.values.length; r < r0; r++) this.values[r] = [];
      row = this.values[r0] = [];
    }
    if (row.length < c0) for (let c = row.length; c < c0; c++) row[c] = "";
    row[c0] = content.value;
    const key = cellKey(r0, c0);
    if (content.formula !== undefined) this.formulas.set(key, content.formula);
    else if (this.formulas.size) this.formulas.delete(key);
    if (content.numberFormat !== undefined) this.updateStyle(r0, c0, { numberFormat: content.numberFormat });
    this.version++;
  }

  updateStyle(r0: number, c0: number, patch: Partial<CellStyle>): void {
    const key = cellKey(r0, c0);
    const old = this.styles.get(key);
    this.styles.set(key, old ? { ...old, ...patch } : { ...patch });
    this.version++;
  }

  /** Applies `fn` to a copy of every cell's style in the rectangle (copy-on-write, so cells never share a style object). */
  mapStyles(rect: Rect, fn: (s: CellStyle, r0: number, c0: number) => CellStyle | undefined): void {
    for (let r = rect.r0; r < rect.r0 + rect.rows; r++) {
      for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
        const key = cellKey(r, c);
        const next = fn({ ...(this.styles.get(key) ?? {}) }, r, c);
        if (next && Object.keys(next).length) this.styles.set(key, next);
        else this.styles.delete(key);
      }
    }
    this.version++;
  }

  clearContents(rect: Rect): void {
    const rEnd = Math.min(rect.r0 + rect.rows, this.values.length);
    for (let r = rect.r0; r < rEnd; r++) {
      const row = this.values[r];
      if (!row) continue;
      const cEnd = Math.min(rect.c0 + rect.cols, row.length);
      for (let c = rect.c0; c < cEnd; c++) row[c] = "";
    }
    if (this.formulas.size) {
      for (const key of [...this.formulas.keys()]) if (inRect(rect, key)) this.formulas.delete(key);
    }
    this.version++;
  }

  clearFormats(rect: Rect): void {
    for (const key of [...this.styles.keys()]) {
      if (!inRect(rect, key)) continue;
      const s = this.styles.get(key)!;
      // Hyperlinks are contents, not formats, for Excel's clear("Formats").
      if (s.hyperlink) this.styles.set(key, { hyperlink: s.hyperlink });
      else this.styles.delete(key);
    }
    if (rect.r0 === 0 && rect.rows === MAX_ROWS) for (let c = rect.c0; c < rect.c0 + rect.cols; c++) this.columnStyles.delete(c);
    // Merging is a format: clearing formats unmerges.
    this.merges = this.merges.filter((m) => !overlaps(m, rect));
    this.validations = this.validations.filter((v) => !overlaps(v.rect, rect));
    this.version++;
  }

  /**
   * The smallest rectangle holding every value or formula (and, unless
   * valuesOnly, every formatted cell); null for an empty sheet.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    const hit = this.usedCache.find((u) => u.valuesOnly === valuesOnly && u.version === this.version);
    if (hit) return hit.rect;
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (let r = 0; r < this.values.length; r++) {
      const row = this.values[r];
      if (!row || row.length === 0) continue;
      let first = -1, last = -1;
      for (let c = 0; c < row.length; c++) if (row[c] !== "" && row[c] !== undefined) { first = c; break; }
      if (first < 0) continue;
      for (let c = row.length - 1; c >= first; c--) if (row[c] !== "" && row[c] !== undefined) { last = c; break; }
      if (r < r0) r0 = r;
      r1 = r;
      if (first < c0) c0 = first;
      if (last > c1) c1 = last;
    }
    const extend = (key: number) => {
      const r = Math.floor(key / MAX_COLS), c = key % MAX_COLS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    for (const key of this.formulas.keys()) extend(key);
    if (!valuesOnly) for (const key of this.styles.keys()) extend(key);
    const rect = r1 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    this.usedCache = [...this.usedCache.filter((u) => u.valuesOnly !== valuesOnly), { version: this.version, valuesOnly, rect }];
    return rect;
  }

  /**
   * The used range of a range (Range.getUsedRange): the box around the used
   * cells inside it, not the sheet's used range cut to it. `range.getRange("A:A").getUsedRange()`
   * is how add-ins find the last row of a column.
   */
  usedRectWithin(area: Rect, valuesOnly: boolean): Rect | null {
    const whole = this.usedRect(valuesOnly);
    if (!whole) return null;
    const inside = (r: number, c: number) => r >= area.r0 && r < area.r0 + area.rows && c >= area.c0 && c < area.c0 + area.cols;
    if (inside(whole.r0, whole.c0) && inside(whole.r0 + whole.rows - 1, whole.c0 + whole.cols - 1)) return whole;
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    const take = (r: number, c: number) => {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    const lastRow = Math.min(this.values.length, area.r0 + area.rows);
    for (let r = area.r0; r < lastRow; r++) {
      const row = this.values[r];
      if (!row) continue;
      const end = Math.min(row.length, area.c0 + area.cols);
      for (let c = area.c0; c < end; c++) if (row[c] !== "" && row[c] !== undefined) take(r, c);
    }
    const extend = (key: number) => {
      const r = Math.floor(key / MAX_COLS), c = key % MAX_COLS;
      if (inside(r, c)) take(r, c);
    };
    for (const key of this.formulas.keys()) extend(key);
    if (!valuesOnly) for (const key of this.styles.keys()) extend(key);
    return r1 < 0 ? null : { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

function inRect(rect: Rect, key: number): boolean {
  const r = Math.floor(key / MAX_COLS), c = key % MAX_COLS;
  return r >= rect.r0 && r < rect.r0 + rect.rows && c >= rect.c0 && c < rect.c0 + rect.cols;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}

export interface CustomXmlPartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface Selection {
  sheetId: string;
  rect: Rect;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  /** Setting values as Excel keeps them: JSON text. */
  settings = new Map<string, string>();
  customXmlParts: CustomXmlPartModel[] = [];
  activeSheetId = "";
  selection: Selection | null = null;
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** The workbook counts dates from 1904: serials are 1,462 days smaller (DATE answers so). */
  date1904 = false;
  /** Review › Protect Workbook: sheets cannot be added, deleted, renamed, moved or hidden. */
  structureProtected = false;
  private nextId = 1;

  newId(prefix: string): string {
    const n = String(this.nextId++).padStart(8, "0");
    return `{${prefix}-${n}-0000-4000-8000-000000000000}`;
  }

  findSheet(nameOrId: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === nameOrId) ?? this.sheets.find((s) => sameSheetName(s.name, nameOrId));
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name: string): SheetModel {
    checkSheetName(name);
    if (this.sheets.some((s) => sameSheetName(s.name, name))) throw duplicateSheetName(name);
    const sheet = new SheetModel(this.newId("5EE7"), name);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  /** Excel's default name for a new sheet: the first free "SheetN". */
  freeSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (!this.sheets.some((s) => sameSheetName(s.name, name))) return name;
    }
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0];
  }
}

const VISIBILITY: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

export function modelFromWorkbookData(data: WorkbookData): WorkbookModel {
  const wb = new WorkbookModel();
  for (const sd of data.sheets) {
    const sheet = wb.addSheet(sd.name);
    loadSheetData(sheet, sd);
  }
  const firstVisible = wb.sheets.find((s) => s.visibility === "Visible");
  if (firstVisible) wb.activeSheetId = firstVisible.id;
  wb.date1904 = data.date1904 === true;
  return wb;
}

function loadSheetData(sheet: SheetModel, sd: SheetData): void {
  const r0 = Math.max(0, (sd.originRow ?? 1) - 1);
  const c0 = Math.max(0, (sd.originCol ?? 1) - 1);
  const pad: CellValue[] = c0 > 0 ? new Array<CellValue>(c0).fill("") : [];
  const rows: CellValue[][] = [];
  for (let r = 0; r < r0; r++) rows.push([]);
  // Copy, so that writes into the simulator never change the caller's data. Values may be sparse: a missing row stays missing.
  sd.values.forEach((row, i) => {
    rows[r0 + i] = c0 > 0 ? pad.concat(row) : row.slice();
  });
  sheet.values = rows;
  if (sd.formulas) {
    sd.formulas.forEach((mask, i) => {
      mask?.forEach((isFormula, j) => {
        if (!isFormula) return;
        // Only the mask survives a WorkbookData; keep the value as a literal formula.
        const v = sd.values[i]?.[j] ?? "";
        sheet.formulas.set(cellKey(r0 + i, c0 + j), typeof v === "string" ? `="${v.replace(/"/g, '""')}"` : `=${v}`);
      });
    });
  }
  if (sd.visibility) sheet.visibility = VISIBILITY[sd.visibility] ?? "Visible";
  for (const m of sd.merges ?? []) sheet.merges.push(parseLocalAddress(m));
  for (const [col, fmt] of Object.entries(sd.columnFormats ?? {})) sheet.columnFormats.set(Number(col) - 1, fmt);
  for (const run of sd.formatRuns ?? []) {
    for (let r = run.row - 1; r < run.row - 1 + run.count; r++) sheet.updateStyle(r, run.col - 1, { numberFormat: run.format });
  }
}

const VISIBILITY_OUT: Record<Visibility, SheetData["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** The workbook's current values, as every host hands them to the core. */
export function workbookDataFromModel(wb: WorkbookModel): WorkbookData {
  return { sheets: wb.sheets.map(sheetDataFromModel) };
}

export function sheetDataFromModel(sheet: SheetModel): SheetData {
  const used = sheet.usedRect(true);
  const out: SheetData = { name: sheet.name, originRow: 1, originCol: 1, values: [] };
  if (used) {
    out.originRow = used.r0 + 1;
    out.originCol = used.c0 + 1;
    out.values = readRect(sheet, used);
    if (sheet.formulas.size) {
      out.formulas = out.values.map((row, i) => row.map((_, j) => sheet.formulas.has(cellKey(used.r0 + i, used.c0 + j))));
    }
  }
  if (sheet.visibility !== "Visible") out.visibility = VISIBILITY_OUT[sheet.visibility];
  if (sheet.merges.length) out.merges = sheet.merges.map(rectToA1);
  if (sheet.columnFormats.size) {
    out.columnFormats = {};
    for (const [c, f] of sheet.columnFormats) out.columnFormats[c + 1] = f;
  }
  return out;
}

/** The values of a rectangle, "" where nothing is stored. */
export function readRect(sheet: SheetModel, rect: Rect): CellValue[][] {
  const out: CellValue[][] = new Array(rect.rows);
  const cEnd = rect.c0 + rect.cols;
  for (let i = 0; i < rect.rows; i++) {
    const row = sheet.values[rect.r0 + i];
    const line: CellValue[] = new Array(rect.cols);
    if (!row) line.fill("");
    else {
      for (let c = rect.c0, j = 0; c < cEnd; c++, j++) {
        const v = row[c];
        line[j] = v === undefined || v === null ? "" : v;
      }
    }
    out[i] = line;
  }
  return out;
}
