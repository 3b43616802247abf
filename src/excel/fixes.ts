import { text, type CellValue } from "../core/model";
import type { FixReport, FixRequest } from "./operations";
import type { ApiSupport, ExcelHost } from "./host";
import { queueLoadSetting, queueSaveSetting, SETTING_KEYS } from "./settingsStore";
import { type CellRect, areaLists, parseCell, rectAddress, verticalRuns } from "./addresses";
import { newOperation, SyncBatch, type Unit } from "./batch";
import { WIRE, actionRequestBytes, jsonBytes, queryRequestBytes, rangeRequestBytes } from "./payload";
import { holdsFormula, isDateFormat, sameValue } from "./cellContent";
import { queueStateIndex, StateStore } from "./stateStore";

/** The number format a date fix gives a cell that has none of its own: the way Vietnamese offices write dates. */
export const DATE_FORMAT = "dd/mm/yyyy";
/** Serials of the 1904 date system are this many days smaller than the 1900 system's (Excel's own offset). */
const DAYS_1904 = 1462;

/**
 * One replaced value: [address, previous value, value written, previous
 * number format when the fix changed it]. Short arrays, because 20,000 of
 * them must fit the undo record (the first format, with named fields and
 * one array for all sheets, took 2.3 million characters for 20,000 fixes).
 */
export type UndoEntry = [string, CellValue, CellValue] | [string, CellValue, CellValue, string];

export interface UndoBatch {
  sheets: Record<string, UndoEntry[]>;
}

/** The undo stack, kept in the workbook (stateStore.ts), so it survives the pane: the last applyFixes is the last batch. */
export interface SavedFixes {
  v: 2;
  batches: UndoBatch[];
}

/** The first format, in workbook settings. */
interface SavedFixesV1 {
  v: 1;
  batches: Array<Array<{ sheet: string; address: string; previous: CellValue; value: CellValue }>>;
}

/**
 * Older batches are dropped beyond these; the newest batch always stays,
 * whatever its size (20,000 fixes take about 0.8 million characters).
 */
const MAX_UNDO_BATCHES = 10;
const MAX_UNDO_CHARS = 2_000_000;

/** Keeps the newest batches that fit; the newest one always stays, whatever its size. */
export function trimUndo<T>(batches: T[]): T[] {
  const kept = batches.slice(-MAX_UNDO_BATCHES);
  let size = kept.reduce((n, b) => n + JSON.stringify(b).length, 0);
  while (kept.length > 1 && size > MAX_UNDO_CHARS) size -= JSON.stringify(kept.shift()).length;
  return kept;
}

function upgrade(saved: SavedFixes | SavedFixesV1 | null): SavedFixes {
  if (!saved) return { v: 2, batches: [] };
  if (saved.v === 2) return saved;
  return {
    v: 2,
    batches: saved.batches.map((batch) => {
      const sheets: UndoBatch["sheets"] = {};
      for (const e of batch) (sheets[e.sheet] ??= []).push([e.address, e.previous, e.value]);
      return { sheets };
    }),
  };
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

function show(v: CellValue): string {
  return typeof v === "string" ? `"${v}"` : String(v);
}

/** A target cell as it is now. */
interface TargetCell {
  value: CellValue;
  isFormula: boolean;
  format: string;
}

type Cell = { row: number; col: number };
const keyOf = (c: Cell) => `${c.row}:${c.col}`;

/**
 * Units that read value, formula and number format of the given cells, by
 * vertical runs: from ExcelApi 1.9 getRanges lists of runs (a few bytes a cell
 * on the wire), before it one range per run.
 */
function targetReads(ws: () => Excel.Worksheet, cells: readonly Cell[], support: ApiSupport, into: Map<string, TargetCell>, answerBytes: (c: Cell) => number): Unit[] {
  const runs = verticalRuns(cells).map((r) => r.rect);
  const take = (rect: CellRect, range: Excel.Range) => {
    const values = range.values as CellValue[][];
    const formulas = range.formulas as unknown[][];
    const formats = range.numberFormat as unknown[][];
    for (let i = 0; i < rect.rows; i++) {
      into.set(keyOf({ row: rect.row + i, col: rect.col }), { value: values[i][0], isFormula: holdsFormula(formulas[i][0], values[i][0]), format: String(formats[i][0] ?? "General") });
    }
  };
  const answer = (rect: CellRect) => {
    let n = WIRE.result + 60;
    for (let i = 0; i < rect.rows; i++) n += 2 * answerBytes({ row: rect.row + i, col: rect.col }) + 20;
    return n;
  };
  const props = ["values", "formulas", "numberFormat"];
  if (!support.cellProperties) {
    return runs.map((rect) => {
      const address = rectAddress(rect);
      return {
        request: rangeRequestBytes(address) + queryRequestBytes(props),
        response: answer(rect),
        queue: () => {
          const range = ws().getRange(address).untrack();
          range.load(props.join(","));
          return () => take(rect, range);
        },
      };
    });
  }
  const itemProps = props.map((p) => `items/${p}`);
  return areaLists(runs).map((list) => ({
    request: rangeRequestBytes(list.address) + WIRE.property + queryRequestBytes(itemProps),
    response: WIRE.result + list.rects.reduce((n, r) => n + answer(r), 0),
    queue: () => {
      const areas = ws().getRanges(list.address).untrack().areas;
      areas.load(itemProps.join(","));
      return () => areas.items.forEach((range, i) => take(list.rects[i], range));
    },
  }));
}

/** One cell to write: its value as it goes to Excel, and a number format to set first (dates). */
interface CellWrite extends Cell {
  value: CellValue;
  format?: string;
}

/** Units that write cells, a range per vertical run: number formats first (Excel parses a value by its cell's format), then values. */
function writeUnits(ws: () => Excel.Worksheet, cells: readonly CellWrite[], formats: Map<string, string>): Unit[] {
  return verticalRuns(cells).map(({ rect, cells: run }) => {
    const address = rectAddress(rect);
    const values = run.map((c) => [c.value]);
    const needsFormat = run.some((c) => c.format !== undefined);
    const numberFormats = needsFormat ? run.map((c) => [c.format ?? formats.get(keyOf(c)) ?? "General"]) : null;
    return {
      request: rangeRequestBytes(address) + actionRequestBytes("Values", jsonBytes(values)) + (numberFormats ? actionRequestBytes("NumberFormat", jsonBytes(numberFormats)) : 0),
      queue: () => {
        const range = ws().getRange(address).untrack();
        if (numberFormats) range.numberFormat = numberFormats;
        range.values = values;
      },
    };
  });
}

/** Per sheet, a getItem proxy made once per operation. */
function sheetProxies(context: Excel.RequestContext) {
  const made = new Map<string, Excel.Worksheet>();
  return (name: string) => () => {
    let ws = made.get(name);
    if (!ws) made.set(name, (ws = context.workbook.worksheets.getItem(name)));
    return ws;
  };
}

interface Opening {
  names: Set<string>;
  store: StateStore;
  legacy: SavedFixesV1 | null;
  /** Serials of this workbook count from 1904. */
  date1904: boolean;
}

/** The first round trip of fixes and undo: sheets, the state index, the old record, and the date system. */
async function open(context: Excel.RequestContext, probeDates: boolean): Promise<Opening> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id");
  const index = queueStateIndex(context);
  const legacy = queueLoadSetting<SavedFixesV1>(context, SETTING_KEYS.fixes);
  // The API has no date-system flag; DATE(2000,1,1) answers 36526 in the 1900 system, 35064 in 1904.
  const probe = probeDates ? context.workbook.functions.date(2000, 1, 1) : null;
  probe?.load("value");
  await context.sync();
  const sheets = worksheets.items.map((s) => ({ id: s.id, name: s.name }));
  return {
    names: new Set(sheets.map((s) => s.name)),
    store: new StateStore(context, index.read(), sheets),
    legacy: legacy.read(),
    date1904: probe !== null && probe.value === 36526 - DAYS_1904,
  };
}

const NO_SHEET = text("Không tìm thấy trang tính; có thể đã bị đổi tên hoặc xóa.", "The sheet was not found; it may have been renamed or deleted.");

/**
 * Applies fixes. Round trips: (1) sheets, state index, date system; (2) every
 * target cell as it is now, by lists of runs; (3…) the undo record first, then
 * the cells, a range per run of neighbouring cells, in as many requests as the
 * bytes need (20,000 scattered fixes: about 3). A cell is written only if it
 * still holds what the check saw; a date fix writes the serial with a date
 * format, unless the cell already shows dates.
 */
export async function applyCellFixes(host: ExcelHost, support: ApiSupport, fixes: readonly FixRequest[]): Promise<FixReport> {
  const report: FixReport = { applied: [], skipped: [] };
  if (fixes.length === 0) return report;
  return host.run(async (context) => {
    const operation = newOperation();
    const opening = await open(context, fixes.some((f) => f.kind === "date"));
    const ws = sheetProxies(context);

    // Which fixes go where: one per cell, the first one asked for.
    const bySheet = new Map<string, Array<{ fix: FixRequest; cell: Cell }>>();
    const seen = new Set<string>();
    for (const fix of fixes) {
      if (!opening.names.has(fix.sheet)) {
        report.skipped.push({ ...fix, reason: NO_SHEET });
        continue;
      }
      const cell = parseCell(fix.address);
      const key = `${fix.sheet}!${keyOf(cell)}`;
      if (seen.has(key)) {
        report.skipped.push({ ...fix, reason: text("Ô này đã có một cách sửa khác trong cùng lần sửa.", "This cell already has another fix in the same run.") });
        continue;
      }
      seen.add(key);
      const list = bySheet.get(fix.sheet) ?? [];
      list.push({ fix, cell });
      bySheet.set(fix.sheet, list);
    }

    const reads = new SyncBatch(context, support, operation, { writes: false });
    const saved = opening.store.reader<SavedFixes>("fixes");
    for (const u of saved.units) await reads.add(u);
    const now = new Map<string, Map<string, TargetCell>>();
    for (const [sheet, list] of bySheet) {
      const into = new Map<string, TargetCell>();
      now.set(sheet, into);
      const expected = new Map(list.map((x) => [keyOf(x.cell), x.fix.expected]));
      for (const u of targetReads(ws(sheet), list.map((x) => x.cell), support, into, (c) => jsonBytes(expected.get(keyOf(c)) ?? ""))) await reads.add(u);
    }
    await reads.flush();

    const batch: UndoBatch = { sheets: {} };
    const writes = new Map<string, CellWrite[]>();
    for (const [sheet, list] of bySheet) {
      const into = now.get(sheet)!;
      for (const { fix, cell } of list) {
        const current = into.get(keyOf(cell))!;
        if (current.isFormula) report.skipped.push({ ...fix, reason: text("Ô đang chứa công thức; không ghi đè.", "The cell holds a formula; it is not overwritten.") });
        else if (!sameValue(current.value, fix.expected))
          report.skipped.push({ ...fix, reason: text(`Ô đã được sửa sau lần kiểm tra (nay là ${show(current.value)}); bỏ qua để không mất dữ liệu.`, `The cell was edited after the check (it now holds ${show(current.value)}); left alone so nothing is lost.`) });
        else {
          const isDate = fix.kind === "date" && typeof fix.value === "number";
          // The core speaks 1900-system serials; a 1904 workbook stores them 1,462 days smaller.
          const value = isDate && opening.date1904 ? (fix.value as number) - DAYS_1904 : fix.value;
          const format = isDate && !isDateFormat(current.format) ? DATE_FORMAT : undefined;
          const out = format !== undefined || current.format !== "@" ? asTypedText(value) : value;
          const entry: UndoEntry = format !== undefined ? [fix.address, current.value, value, current.format] : [fix.address, current.value, value];
          (batch.sheets[sheet] ??= []).push(entry);
          const list2 = writes.get(sheet) ?? [];
          list2.push({ ...cell, value: out, ...(format !== undefined ? { format } : {}) });
          writes.set(sheet, list2);
          report.applied.push(fix);
        }
      }
    }
    if (report.applied.length === 0) return report;

    const stack = upgrade(saved.value() ?? opening.legacy);
    stack.batches.push(batch);
    stack.batches = trimUndo(stack.batches);
    // The previous values are saved before any cell changes: a failure half-way
    // leaves an undo that skips the cells it finds unchanged.
    const out = new SyncBatch(context, support, operation, { writes: true });
    for (const u of await opening.store.writer("fixes", stack)) await out.add(u);
    if (opening.legacy) await out.add({ request: 400, queue: () => queueSaveSetting(context, SETTING_KEYS.fixes, null) });
    for (const [sheet, cells] of writes) {
      const formats = new Map([...now.get(sheet)!].map(([k, t]) => [k, t.format]));
      for (const u of writeUnits(ws(sheet), cells, formats)) await out.add(u);
    }
    await out.flush();
    return report;
  });
}

/**
 * Puts back the last batch's previous values (and number formats) where the
 * cell still holds the value the fix wrote; forgets the batch last, so that an
 * undo broken half-way can simply run again.
 */
export async function undoLastFixes(host: ExcelHost, support: ApiSupport): Promise<FixReport> {
  return host.run(async (context) => {
    const operation = newOperation();
    const opening = await open(context, false);
    const report: FixReport = { applied: [], skipped: [] };
    const saved = opening.store.reader<SavedFixes>("fixes");
    if (saved.units.length > 0) {
      const reads = new SyncBatch(context, support, operation, { writes: false });
      for (const u of saved.units) await reads.add(u);
      await reads.flush();
    }
    const stack = upgrade(saved.value() ?? opening.legacy);
    const batch = stack.batches[stack.batches.length - 1];
    if (!batch) return report;
    const ws = sheetProxies(context);

    const reads = new SyncBatch(context, support, operation, { writes: false });
    const now = new Map<string, Map<string, TargetCell>>();
    for (const [sheet, entries] of Object.entries(batch.sheets)) {
      if (!opening.names.has(sheet)) continue;
      const into = new Map<string, TargetCell>();
      now.set(sheet, into);
      const written = new Map(entries.map((e) => [keyOf(parseCell(e[0])), e[2]]));
      for (const u of targetReads(ws(sheet), entries.map((e) => parseCell(e[0])), support, into, (c) => jsonBytes(written.get(keyOf(c)) ?? ""))) await reads.add(u);
    }
    await reads.flush();

    const out = new SyncBatch(context, support, operation, { writes: true });
    for (const [sheet, entries] of Object.entries(batch.sheets)) {
      const into = now.get(sheet);
      const cells: CellWrite[] = [];
      for (const [address, previous, value, previousFormat] of entries) {
        const request: FixReport["applied"][number] = { sheet, address, expected: value, value: previous };
        const cell = parseCell(address);
        const current = into?.get(keyOf(cell));
        if (!current) report.skipped.push({ ...request, reason: NO_SHEET });
        else if (current.isFormula || !sameValue(current.value, value))
          report.skipped.push({ ...request, reason: text(`Ô đã được sửa sau khi sửa tự động (nay là ${show(current.value)}); không hoàn tác ô này.`, `The cell was edited after the automatic fix (it now holds ${show(current.value)}); it is not undone.`) });
        else {
          const format = previousFormat ?? current.format;
          cells.push({ ...cell, value: format === "@" ? previous : asTypedText(previous), ...(previousFormat !== undefined ? { format: previousFormat } : {}) });
          report.applied.push(request);
        }
      }
      const formats = new Map([...(into ?? new Map<string, TargetCell>())].map(([k, t]) => [k, t.format]));
      for (const u of writeUnits(ws(sheet), cells, formats)) await out.add(u);
    }
    stack.batches.pop();
    for (const u of await opening.store.writer("fixes", stack.batches.length > 0 ? stack : null)) await out.add(u);
    if (opening.legacy) await out.add({ request: 400, queue: () => queueSaveSetting(context, SETTING_KEYS.fixes, null) });
    await out.flush();
    return report;
  });
}

export async function hasUndoableFixes(host: ExcelHost): Promise<boolean> {
  return host.run(async (context) => {
    const index = queueStateIndex(context);
    const legacy = queueLoadSetting<SavedFixesV1>(context, SETTING_KEYS.fixes);
    await context.sync();
    return Boolean(index.read()?.keys.fixes) || (legacy.read()?.batches.length ?? 0) > 0;
  });
}
