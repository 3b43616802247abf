import type { CellFormat, CellValue, PlanOp, WritePlan, Text } from "../core/model";
import { columnNumber } from "../core/model";
import { sameSheetName, uniqueSheetName } from "../core/plan/sheetName";

/**
 * The .xlsx host of a write plan (`chibo summary --out`): turns the plan's
 * operations into the sheets to add to a copied workbook, as data that
 * sheetXml.ts writes out. Only sheets the plan makes are written; the input's
 * own sheets are copied untouched, so an operation on one of them is skipped
 * and said. A sheet the plan asks for is replaced only when this product made
 * it (a defined name marks it); a user's sheet of that name keeps it and the
 * plan takes a free name under the one sheet-name rule. Charts cannot be
 * written here: they are counted and said.
 */
export interface BuiltCell {
  value?: CellValue;
  formula?: string;
  format?: CellFormat;
}

export interface BuiltSheet {
  /** The name the plan asked for. */
  requested: string;
  /** The name it has in the workbook. */
  name: string;
  purpose: Extract<PlanOp, { op: "sheet" }>["purpose"];
  tabColor?: string;
  /** Our own sheet of an earlier run, replaced in place: its name. */
  replaces: string | null;
  /** Row -> column -> cell, 1-based. */
  cells: Map<number, Map<number, BuiltCell>>;
  merges: string[];
  /** Column -> width in points. */
  widths: Map<number, number>;
  freeze: { rows: number; cols: number } | null;
  dropdowns: Array<{ address: string; values: readonly string[] }>;
}

export interface XlsxApplyReport {
  sheets: Array<{ requested: string; actual: string }>;
  notes: Text[];
}

export const CHARTS_NOTE: Text = {
  vi: "Biểu đồ chỉ được tạo trong Excel (add-in): tệp .xlsx này có bảng số liệu cho biểu đồ nhưng chưa có biểu đồ.",
  en: "Charts are made by the add-in inside Excel: this .xlsx holds the charts' data tables but no charts.",
};

/** The sheets already in the workbook, and which of them this product made. */
export interface ExistingSheets {
  names: readonly string[];
  /** Names of the sheets carrying the product's marker. */
  marked: ReadonlySet<string>;
}

export interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** "B2" or "B2:D9" (with or without $) to a range; null when it is not an A1 address. */
export function parseRange(address: string): Range | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(address.trim());
  if (!m) return null;
  const a = { r: Number(m[2]), c: columnNumber(m[1]) };
  const b = m[3] ? { r: Number(m[4]), c: columnNumber(m[3]) } : a;
  const range = { r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) };
  if (range.r1 < 1 || range.c1 < 1 || range.r2 > 1_048_576 || range.c2 > 16_384) return null;
  return range;
}

function cellAt(sheet: BuiltSheet, row: number, col: number): BuiltCell {
  let r = sheet.cells.get(row);
  if (!r) sheet.cells.set(row, (r = new Map()));
  let c = r.get(col);
  if (!c) r.set(col, (c = {}));
  return c;
}

function setValue(cell: BuiltCell, v: CellValue): void {
  delete cell.formula;
  if (v === "") delete cell.value;
  else cell.value = v;
}

/** Formats add up: a later op's fields win, the others stay (as formatting a range in Excel does). */
function addFormat(cell: BuiltCell, f: CellFormat): void {
  cell.format = { ...(cell.format ?? {}), ...f };
}

/** Our earlier sheet for this request: the name itself or the "(2)" name an earlier run had to take, marked as ours. */
function ownSheet(requested: string, existing: ExistingSheets, taken: ReadonlySet<string>): string | null {
  const again = new RegExp(`^${requested.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d+\\)$`, "i");
  const candidates = existing.names.filter((n) => sameSheetName(n, requested) || again.test(n));
  return candidates.find((n) => [...existing.marked].some((m) => sameSheetName(m, n)) && !taken.has(n)) ?? null;
}

function newSheet(op: Extract<PlanOp, { op: "sheet" }>, name: string, replaces: string | null): BuiltSheet {
  return {
    requested: op.sheet, name, purpose: op.purpose, tabColor: op.tabColor, replaces,
    cells: new Map(), merges: [], widths: new Map(), freeze: null, dropdowns: [],
  };
}

function skipped(op: PlanOp, why: Text): Text {
  return { vi: `Bỏ qua thao tác ${op.op} trên trang "${op.sheet}": ${why.vi}`, en: `Skipped the ${op.op} operation on sheet "${op.sheet}": ${why.en}` };
}

const NOT_MADE_HERE: Text = {
  vi: "trang này không do kế hoạch tạo ra, và các trang có sẵn được chép nguyên vẹn",
  en: "the plan did not make this sheet, and existing sheets are copied untouched",
};

/** Carries out every operation of the plan on the sheets it makes; a new kind of operation fails to compile here until handled. */
export function buildPlanSheets(plan: WritePlan, existing: ExistingSheets): { sheets: BuiltSheet[]; report: XlsxApplyReport } {
  const report: XlsxApplyReport = { sheets: [], notes: [] };
  const built = new Map<string, BuiltSheet>();
  const replaced = new Set<string>();
  let charts = 0;
  const target = (op: PlanOp): BuiltSheet | null => {
    const s = built.get(op.sheet);
    if (!s) report.notes.push(skipped(op, NOT_MADE_HERE));
    return s ?? null;
  };
  const badAddress = (op: PlanOp & { address: string }) =>
    report.notes.push(skipped(op, { vi: `địa chỉ "${op.address}" không hợp lệ`, en: `the address "${op.address}" is not valid` }));

  for (const op of plan.ops) {
    switch (op.op) {
      case "sheet": {
        const earlier = built.get(op.sheet);
        if (earlier) {
          built.set(op.sheet, newSheet(op, earlier.name, earlier.replaces));
          continue;
        }
        const own = ownSheet(op.sheet, existing, replaced);
        const taken = [...existing.names, ...[...built.values()].map((s) => s.name)];
        const name = own ?? uniqueSheetName(op.sheet, taken);
        if (own) replaced.add(own);
        built.set(op.sheet, newSheet(op, name, own));
        report.sheets.push({ requested: op.sheet, actual: name });
        break;
      }
      case "values": {
        const s = target(op);
        const at = parseRange(op.address);
        if (!s) break;
        if (!at) { badAddress(op); break; }
        op.values.forEach((row, i) => row.forEach((v, j) => setValue(cellAt(s, at.r1 + i, at.c1 + j), v)));
        break;
      }
      case "formulas": {
        const s = target(op);
        const at = parseRange(op.address);
        if (!s) break;
        if (!at) { badAddress(op); break; }
        op.formulas.forEach((row, i) => row.forEach((f, j) => {
          if (f === "") return;
          const cell = cellAt(s, at.r1 + i, at.c1 + j);
          delete cell.value;
          cell.formula = f.replace(/^=/, "");
        }));
        break;
      }
      case "format": {
        const s = target(op);
        const at = parseRange(op.address);
        if (!s) break;
        if (!at) { badAddress(op); break; }
        for (let r = at.r1; r <= at.r2; r++) for (let c = at.c1; c <= at.c2; c++) addFormat(cellAt(s, r, c), op.format);
        break;
      }
      case "merge": {
        const s = target(op);
        const at = parseRange(op.address);
        if (!s) break;
        if (!at) { badAddress(op); break; }
        const clash = s.merges.map(parseRange).some((m) => m && m.r1 <= at.r2 && at.r1 <= m.r2 && m.c1 <= at.c2 && at.c1 <= m.c2);
        if (clash) report.notes.push(skipped(op, { vi: `vùng gộp ${op.address} chồng lên vùng đã gộp`, en: `the merge ${op.address} overlaps another merge` }));
        else if (at.r1 !== at.r2 || at.c1 !== at.c2) s.merges.push(op.address);
        break;
      }
      case "columnWidths": {
        const s = target(op);
        if (!s) break;
        op.widths.forEach((w, i) => s.widths.set(op.firstCol + i, w));
        break;
      }
      case "freeze": {
        const s = target(op);
        if (!s) break;
        s.freeze = op.rows > 0 || op.cols > 0 ? { rows: op.rows, cols: op.cols } : null;
        break;
      }
      case "dropdown": {
        const s = target(op);
        const at = parseRange(op.address);
        if (!s) break;
        if (!at) { badAddress(op); break; }
        // Excel refuses list validations longer than 255 characters.
        if (op.values.join(",").length > 255) {
          report.notes.push(skipped(op, { vi: "danh sách chọn quá dài cho Excel (quá 255 ký tự)", en: "the list is too long for Excel (over 255 characters)" }));
          break;
        }
        s.dropdowns.push({ address: op.address, values: op.values });
        break;
      }
      case "chart":
        charts++;
        break;
      case "formCells": {
        // The user's own form is one of the copied sheets: it is filled by the add-in in Excel, where each cell is checked just before writing.
        const s = built.get(op.sheet);
        if (!s) {
          report.notes.push(skipped(op, { vi: "điền vào biểu mẫu có sẵn chỉ làm được trong Excel (add-in)", en: "filling an existing form is done by the add-in inside Excel" }));
          break;
        }
        for (const { row, col, value } of op.cells) setValue(cellAt(s, row, col), value);
        break;
      }
      default: {
        const never: never = op;
        throw new Error(`Unknown plan operation ${(never as { op: string }).op}`);
      }
    }
  }
  if (charts > 0) report.notes.push(CHARTS_NOTE);
  return { sheets: [...built.values()], report };
}
