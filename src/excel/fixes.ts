import type { CellValue } from "../core/model";
import type { FixReport, FixRequest } from "./operations";
import type { ApiSupport, ExcelHost } from "./host";
import { queueLoadSetting, queueSaveSetting, SETTING_KEYS } from "./settingsStore";
import { parseCell } from "./addresses";
import { a1 } from "../core/model";
import { WriteBatch } from "./batch";
import { jsonBytes } from "./payload";
import { holdsFormula } from "./cellContent";

/** One replaced value, kept so that undo can put it back. */
export interface FixUndoEntry {
  sheet: string;
  address: string;
  previous: CellValue;
  value: CellValue;
}

/** The undo stack: the last applyFixes is the last entry. Kept in the workbook, so it survives the pane. */
export interface SavedFixes {
  v: 1;
  batches: FixUndoEntry[][];
}

/**
 * Older batches are dropped beyond these, to keep the workbook's settings small:
 * an add-in's settings share 2 MB in all (Office.Settings), with the saved
 * highlight fills and the sheet markers.
 */
const MAX_UNDO_BATCHES = 10;
const MAX_UNDO_CHARS = 500_000;

/** Keeps the newest batches that fit; the newest one always stays, whatever its size. */
export function trimUndo(batches: FixUndoEntry[][]): FixUndoEntry[][] {
  const kept = batches.slice(-MAX_UNDO_BATCHES);
  let size = kept.reduce((n, b) => n + JSON.stringify(b).length, 0);
  while (kept.length > 1 && size > MAX_UNDO_CHARS) size -= JSON.stringify(kept.shift()).length;
  return kept;
}

const NUMBER_LIKE = /^\s*[-+]?(\d[\d,. ]*|[.,]\d+)([eE][-+]?\d+)?\s*%?\s*$/;
const DATE_LIKE = /^\s*\d{1,4}\s*[/\-.]\s*\d{1,2}(\s*[/\-.]\s*\d{1,4})?(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$/;
const TIME_LIKE = /^\s*\d{1,2}:\d{2}(:\d{2})?\s*(AM|PM)?\s*$/i;

/**
 * Excel parses a written string as if typed: "0123" becomes 123, "1/2" a date,
 * "=A1" a formula. Text that Excel would turn into something else is written with
 * a leading apostrophe, which Excel keeps as "this is text" and does not store in
 * the value: what we write reads back exactly.
 */
export function asTypedText(v: CellValue): CellValue {
  if (typeof v !== "string" || v === "") return v;
  const reparsed =
    "=+-@'".includes(v[0]) || NUMBER_LIKE.test(v) || DATE_LIKE.test(v) || TIME_LIKE.test(v) || /^(true|false)$/i.test(v.trim()) || /^#[A-Z/0!?]+/.test(v);
  return reparsed ? `'${v}` : v;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  // NaN never equals itself, yet two reads of the same cell must compare equal.
  return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}

function show(v: CellValue): string {
  return typeof v === "string" ? `"${v}"` : String(v);
}

/** A one-cell range and its load, or a one-cell write without its value, on the wire (estimate). */
const CELL_ACTION_BYTES = 300;

/** A target cell as it is now: its value, whether a real formula makes it, and whether it is text-formatted. */
interface TargetCell {
  value: CellValue;
  isFormula: boolean;
  isText: boolean;
}

/** Re-reads every target cell (value, formula, number format): one round trip up to several thousand cells. */
async function readTargets(context: Excel.RequestContext, support: ApiSupport, cells: ReadonlyArray<{ sheet: string; address: string }>) {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const names = new Set(worksheets.items.map((s) => s.name));
  const batch = new WriteBatch(context, support, undefined, false);
  const ranges: Array<Excel.Range | null> = [];
  for (const c of cells) {
    if (!names.has(c.sheet)) {
      ranges.push(null);
      continue;
    }
    await batch.reserve(CELL_ACTION_BYTES, 200);
    const { row, col } = parseCell(c.address);
    const range = worksheets.getItem(c.sheet).getRange(a1(row, col));
    range.load("values,formulas,numberFormat");
    ranges.push(range);
  }
  await batch.flush();
  return ranges.map((r): TargetCell | null => {
    if (r === null) return null;
    const value = (r.values as CellValue[][])[0][0];
    return { value, isFormula: holdsFormula((r.formulas as unknown[][])[0][0], value), isText: (r.numberFormat as unknown[][])[0][0] === "@" };
  });
}

/** In a text-formatted cell Excel keeps everything as typed, an apostrophe too: no prefix there. */
function written(v: CellValue, cell: { isText: boolean }): CellValue {
  return cell.isText ? v : asTypedText(v);
}

/**
 * Three round trips: sheet names with the undo stack, the target cells as they
 * are now, then the writes with the updated stack in the same sync, so the stack
 * never claims a fix that was not written.
 */
export async function applyCellFixes(host: ExcelHost, support: ApiSupport, fixes: readonly FixRequest[]): Promise<FixReport> {
  const report: FixReport = { applied: [], skipped: [] };
  if (fixes.length === 0) return report;
  return host.run(async (context) => {
    const saved = queueLoadSetting<SavedFixes>(context, SETTING_KEYS.fixes);
    const now = await readTargets(context, support, fixes);
    const stack = saved.read() ?? { v: 1, batches: [] };
    const batch: FixUndoEntry[] = [];
    const writes: Array<{ fix: FixRequest; value: CellValue }> = [];
    const seen = new Set<string>();
    fixes.forEach((fix, i) => {
      const cell = now[i];
      const key = `${fix.sheet}!${fix.address}`;
      if (cell === null) report.skipped.push({ ...fix, reason: "Không tìm thấy trang tính; có thể đã bị đổi tên hoặc xóa." });
      else if (seen.has(key)) report.skipped.push({ ...fix, reason: "Ô này đã có một cách sửa khác trong cùng lần sửa." });
      else if (cell.isFormula) report.skipped.push({ ...fix, reason: "Ô đang chứa công thức; không ghi đè." });
      else if (!sameValue(cell.value, fix.expected))
        report.skipped.push({ ...fix, reason: `Ô đã được sửa sau lần kiểm tra (nay là ${show(cell.value)}); bỏ qua để không mất dữ liệu.` });
      else {
        seen.add(key);
        writes.push({ fix, value: written(fix.value, cell) });
        batch.push({ sheet: fix.sheet, address: fix.address, previous: cell.value, value: fix.value });
        report.applied.push(fix);
      }
    });
    if (batch.length === 0) return report;
    stack.batches.push(batch);
    stack.batches = trimUndo(stack.batches);
    // The previous values are saved before any cell changes: a failure half-way
    // leaves an undo that skips the cells it finds unchanged.
    await writeCells(context, support, stack, writes.map((w) => ({ sheet: w.fix.sheet, address: w.fix.address, value: w.value })));
    return report;
  });
}

/** Saves the undo stack, then writes the cells, in as many syncs as the bytes need. */
async function writeCells(context: Excel.RequestContext, support: ApiSupport, stack: SavedFixes, cells: ReadonlyArray<{ sheet: string; address: string; value: CellValue }>) {
  const out = new WriteBatch(context, support);
  await out.reserve(CELL_ACTION_BYTES + jsonBytes(JSON.stringify(stack)));
  queueSaveSetting(context, SETTING_KEYS.fixes, stack);
  for (const c of cells) {
    await out.reserve(CELL_ACTION_BYTES + jsonBytes(c.value));
    context.workbook.worksheets.getItem(c.sheet).getRange(c.address).values = [[c.value]];
  }
  await out.flush();
}

/** Puts back the last batch's previous values where the cell still holds the fixed value. */
export async function undoLastFixes(host: ExcelHost, support: ApiSupport): Promise<FixReport> {
  return host.run(async (context) => {
    const saved = queueLoadSetting<SavedFixes>(context, SETTING_KEYS.fixes);
    await context.sync();
    const stack = saved.read();
    const report: FixReport = { applied: [], skipped: [] };
    const batch = stack?.batches[stack.batches.length - 1];
    if (!stack || !batch) return report;
    const now = await readTargets(context, support, batch);
    const writes: Array<{ sheet: string; address: string; value: CellValue }> = [];
    batch.forEach((entry, i) => {
      const request: FixRequest = { sheet: entry.sheet, address: entry.address, expected: entry.value, value: entry.previous };
      const cell = now[i];
      if (cell === null) report.skipped.push({ ...request, reason: "Không tìm thấy trang tính; có thể đã bị đổi tên hoặc xóa." });
      else if (cell.isFormula || !sameValue(cell.value, entry.value))
        report.skipped.push({ ...request, reason: `Ô đã được sửa sau khi sửa tự động (nay là ${show(cell.value)}); không hoàn tác ô này.` });
      else {
        writes.push({ sheet: entry.sheet, address: entry.address, value: written(entry.previous, cell) });
        report.applied.push(request);
      }
    });
    stack.batches.pop();
    await writeCells(context, support, stack, writes);
    return report;
  });
}

export async function hasUndoableFixes(host: ExcelHost): Promise<boolean> {
  return host.run(async (context) => {
    const saved = queueLoadSetting<SavedFixes>(context, SETTING_KEYS.fixes);
    await context.sync();
    return (saved.read()?.batches.length ?? 0) > 0;
  });
}
