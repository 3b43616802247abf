import type { CellFormat, CellValue, PlanOp, WritePlan, Text } from "../core/model";
import { a1, text } from "../core/model";
import type { ApplyReport, HostNote, OnProgress } from "./operations";
import type { ApiSupport, ExcelHost } from "./host";
import { hostError } from "./errors";
import { newOperation, SyncBatch, type Unit } from "./batch";
import { WIRE, actionRequestBytes, blockRequestBytes, jsonBytes, queryRequestBytes, rangeRequestBytes, SYNC_BUDGET } from "./payload";
import { type CellRect, parseRange, rectAddress, rowRuns, splitSheetAddress, verticalRuns } from "./addresses";
import { decideSheets, type SheetDecision, type SheetMarker } from "./sheets";
import { queueLoadSetting, queueSaveSetting, SETTING_KEYS } from "./settingsStore";
import { asTypedText } from "./fixes";
import { afterImport, queueReplace, rollBack, type ImportRecord, type Replacement } from "./replace";
import { holdsFormula } from "./cellContent";

type SheetOp = Extract<PlanOp, { op: "sheet" }>;
type ChartOp = Extract<PlanOp, { op: "chart" }>;
type FormOp = Extract<PlanOp, { op: "formCells" }>;
type FormCell = FormOp["cells"][number];

/** Excel would take these as a formula (=, +, -) or a function (@): such text is written as text. */
export function looksLikeFormula(v: CellValue): boolean {
  return typeof v === "string" && v.length > 0 && "=+-@".includes(v[0]);
}

/**
 * Text Excel would turn into something else when written: a formula, and also
 * "0123" (a number), "12/05/2020" (a date), "TRUE". A findings sheet quotes such
 * values as read, so they get the text format "@" before they are written.
 */
export function needsTextFormat(v: CellValue): boolean {
  return looksLikeFormula(v) || asTypedText(v) !== v;
}

/** Excel keeps a list rule's source in a formula of at most this many characters. */
export const MAX_LIST_SOURCE = 255;

/**
 * Why a list of dropdown values cannot go into a list rule as text, or null when
 * it can. ListDataValidation.source splits on commas whatever the locale (by design,
 * office-js#2128), so a value holding a comma would become two choices; and the
 * joined list must fit the rule's 255 characters, or Excel refuses the whole sync.
 */
export function dropdownProblem(values: readonly string[]): Text | null {
  if (values.some((v) => v.includes(","))) return { vi: "có giá trị chứa dấu phẩy", en: "a value contains a comma" };
  if (values.join(",").length > MAX_LIST_SOURCE) return { vi: `danh sách dài quá ${MAX_LIST_SOURCE} ký tự`, en: `the list is longer than ${MAX_LIST_SOURCE} characters` };
  return null;
}

function fill2D<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(v));
}

/** Cells of a 2D block (placed at `origin`) that must be text-formatted before their values are written. */
function cellsNeedingText(values: readonly CellValue[][], origin: { row: number; col: number }) {
  const cells: Array<{ row: number; col: number }> = [];
  values.forEach((r, i) => r.forEach((v, j) => needsTextFormat(v) && cells.push({ row: origin.row + i, col: origin.col + j })));
  return cells;
}

function checkShape(rect: CellRect, data: readonly unknown[][], what: string): void {
  if (data.length !== rect.rows || data.some((r) => r.length !== rect.cols)) {
    throw hostError("invalidArgument", `${what}: shape does not match ${rectAddress(rect)}`);
  }
}

const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** Everything of a format but its number format, which goes in row slices (rowUnits). */
function queueFormat(range: Excel.Range, rect: CellRect, f: CellFormat): void {
  const font = range.format.font;
  if (f.bold !== undefined) font.bold = f.bold;
  if (f.italic !== undefined) font.italic = f.italic;
  if (f.fontSize !== undefined) font.size = f.fontSize;
  if (f.fontColor !== undefined) font.color = f.fontColor;
  if (f.fill !== undefined) range.format.fill.color = f.fill;
  if (f.wrap !== undefined) range.format.wrapText = f.wrap;
  if (f.hAlign !== undefined) range.format.horizontalAlignment = f.hAlign;
  if (f.vAlign !== undefined) range.format.verticalAlignment = f.vAlign;
  if (f.border) {
    const edges: string[] = [...BORDER_EDGES];
    if (rect.cols > 1) edges.push("InsideVertical");
    if (rect.rows > 1) edges.push("InsideHorizontal");
    for (const e of edges) range.format.borders.getItem(e as Excel.BorderIndex).style = "Continuous";
  }
}

/** What queueFormat sends: the range, its format objects, one action per property. */
function formatBytes(address: string, f: CellFormat): number {
  const props = [f.bold, f.italic, f.fontSize, f.fontColor, f.fill, f.wrap, f.hAlign, f.vAlign].filter((x) => x !== undefined).length;
  return rangeRequestBytes(address) + 3 * WIRE.property + props * actionRequestBytes("HorizontalAlignment", 12) + (f.border ? WIRE.property + 6 * (WIRE.object + actionRequestBytes("Style", 14)) : 0);
}

/** A slice of a 2D block is at most this many bytes, so any block fits a request whatever its size. */
const SLICE_BYTES = Math.floor(SYNC_BUDGET / 2);

/**
 * A 2D block (values, formulas or number formats) as units of row slices, each
 * measured, so a 70,000-row findings sheet costs as many syncs as its bytes
 * need and no request overflows.
 */
function rowUnits<T>(rect: CellRect, data: readonly T[][], name: string, write: (slice: CellRect, part: T[][]) => void, sliceBytes = SLICE_BYTES): Unit[] {
  const units: Unit[] = [];
  let start = 0;
  let bytes = 0;
  const cut = (end: number) => {
    if (end <= start) return;
    const slice = { row: rect.row + start, col: rect.col, rows: end - start, cols: rect.cols };
    const part = data.slice(start, end) as T[][];
    const size = bytes;
    units.push({
      request: rangeRequestBytes(rectAddress(slice)) + blockRequestBytes(name, size + 2, slice.rows * slice.cols),
      queue: () => write(slice, part),
      // Refused even alone (a host with a smaller limit): the same rows in halves.
      split: () => (part.length < 2 ? null : rowUnits(slice, part, name, write, Math.ceil(size / 2))),
    });
    start = end;
    bytes = 0;
  };
  for (let i = 0; i < data.length; i++) {
    const rowBytes = jsonBytes(data[i]) + 1;
    if (bytes > 0 && bytes + rowBytes > sliceBytes) cut(i);
    bytes += rowBytes;
  }
  cut(data.length);
  return units;
}

/** Form cells read before they are filled: formulas and protection are left alone. */
type FormRead = { op: FormOp; missing: true } | { op: FormOp; ws: () => Excel.Worksheet; isProtected: () => boolean; runs: Array<{ rect: CellRect; cells: FormCell[]; read: () => { values: unknown[][]; formulas: unknown[][]; formats: unknown[][] } }> };

/**
 * Carries out a write plan. Round trips: (1) the sheets and our markers,
 * (2) the sheets it makes, alone (a request that adds sheets is never sent
 * twice), (3…) the data, in as many requests as its bytes need, then charts,
 * form cells and markers.
 */
export async function applyWritePlan(host: ExcelHost, support: ApiSupport, plan: WritePlan, onProgress?: OnProgress, signal?: AbortSignal): Promise<ApplyReport> {
  const sheetOps = plan.ops.filter((o): o is SheetOp => o.op === "sheet");
  const planned = new Set(sheetOps.map((o) => o.sheet));
  for (const op of plan.ops) {
    // Nothing is lost: the plan may write only into sheets it makes (or the form's planned cells).
    if (op.op !== "sheet" && op.op !== "formCells" && !planned.has(op.sheet)) {
      throw hostError("invalidArgument", `op ${op.op} targets sheet "${op.sheet}" that the plan does not create`);
    }
  }
  const total = plan.ops.length;
  let done = 0;
  const progress = (label: string) => onProgress?.({ done, total, label });

  const imports = sheetOps.some((o) => o.purpose === "consolidated");
  if (signal?.aborted) throw hostError("aborted");

  return host.run(async (context) => {
    const operation = newOperation();
    const worksheets = context.workbook.worksheets;
    worksheets.load(imports ? "items/name,items/id,items/position" : "items/name,items/id");
    const markerSetting = queueLoadSetting<SheetMarker[]>(context, SETTING_KEYS.sheets);
    const importSetting = imports ? queueLoadSetting<ImportRecord>(context, SETTING_KEYS.imported) : null;
    await context.sync();
    progress("Đang chuẩn bị ghi…");

    const existing = worksheets.items.map((s) => (imports ? { id: s.id, name: s.name, position: s.position } : { id: s.id, name: s.name }));
    const oldMarkers = (markerSetting.read() ?? []).filter((m) => existing.some((s) => s.id === m.id));
    const decisions = decideSheets(sheetOps, existing, oldMarkers);
    const actual = (requested: string) => decisions.get(requested)?.actual ?? requested;
    const proxies = new Map<string, Excel.Worksheet>();
    const sheet = (requested: string) => () => {
      const name = actual(requested);
      let ws = proxies.get(name);
      if (!ws) proxies.set(name, (ws = worksheets.getItem(name)));
      return ws;
    };

    const report: ApplyReport = {
      sheets: [...decisions].map(([requested, d]) => ({ requested, actual: d.actual })),
      charts: [],
      skippedCells: [],
    };
    const notes: HostNote[] = [];
    const kept = new Set([...decisions].filter(([, d]) => d.kind === "keep").map(([requested]) => requested));
    for (const requested of kept) {
      notes.push({
        message: {
          vi: `Trang mẫu "${actual(requested)}" đã có nên được giữ nguyên, để không mất dữ liệu đã nhập.`,
          en: `The template sheet "${actual(requested)}" already exists and was left as it is, so no typed data is lost.`,
        },
      });
    }

    // The sheets we make, alone in their request: adding a sheet is the one write that cannot be sent twice.
    // Consolidated sheets an import makes or replaces are undone as a whole if the plan fails or is cancelled half-way.
    const created: Array<{ op: SheetOp; ws: Excel.Worksheet }> = [];
    const replacements: Replacement[] = [];
    const taken = existing.map((s) => s.name);
    const aborted = () => {
      if (signal?.aborted) throw hostError("aborted");
    };
    const batch = new SyncBatch(context, support, operation, {
      writes: true,
      onSync: () => {
        progress("Đang ghi…");
        aborted();
      },
    });
    const chartLookups = new Map<ChartOp, () => Excel.Chart | null>();
    const formReads: FormRead[] = [];

    aborted();
    try {
    for (const op of sheetOps) {
      const d = decisions.get(op.sheet) as SheetDecision;
      if ((d.kind !== "create" && d.kind !== "replace") || created.some((c) => c.op.sheet === op.sheet)) continue;
      if (d.kind === "create") {
        const ws = worksheets.add(d.actual);
        ws.load("id");
        if (op.tabColor) ws.tabColor = op.tabColor;
        created.push({ op, ws });
        if (op.purpose === "consolidated") replacements.push({ requested: op.sheet, name: d.actual, ws });
      } else {
        const { ws, backupName } = queueReplace(worksheets, d.actual, d, taken);
        if (op.tabColor) ws.tabColor = op.tabColor;
        created.push({ op, ws });
        replacements.push({ requested: op.sheet, name: d.actual, old: { id: d.id, backupName, position: d.position }, ws });
      }
    }
    if (created.length > 0) await context.sync();

    for (const op of plan.ops) {
      if (op.op !== "formCells" && kept.has(op.sheet)) {
        done++;
        continue;
      }
      for (const unit of unitsOf(op)) await batch.add(unit);
      done++;
    }
    await batch.flush();
    } catch (e) {
      if (replacements.length > 0) await rollBack(context, replacements, new Set(existing.map((x) => x.id))).catch(() => undefined);
      throw e;
    }

    /** Every op as units; the switch names every kind of op, so a new one cannot be forgotten. */
    function unitsOf(op: PlanOp): Unit[] {
      switch (op.op) {
        case "sheet": {
          const d = decisions.get(op.sheet) as SheetDecision;
          if (d.kind !== "reuse") return [];
          return [{
            request: 3 * WIRE.object + 3 * WIRE.action,
            queue: () => {
              const ws = sheet(op.sheet)();
              // Our own sheet from a previous run: empty it but keep it (and its charts, updated below by name).
              ws.getRange().untrack().clear();
              ws.freezePanes.unfreeze();
              if (op.tabColor) ws.tabColor = op.tabColor;
            },
          }];
        }
        case "values": {
          const rect = parseRange(op.address);
          checkShape(rect, op.values, "values");
          const ws = sheet(op.sheet);
          const units: Unit[] = [];
          const textCells = cellsNeedingText(op.values, rect);
          if (textCells.length > 0) {
            // Before the values: Excel parses a value as it is written, by the format it finds.
            // Quoted values usually fill one column, so vertical runs are tried too.
            const byRow = rowRuns(textCells);
            const byCol = verticalRuns(textCells);
            for (const run of byCol.length < byRow.length ? byCol : byRow) {
              const address = rectAddress(run.rect);
              const formats = fill2D(run.rect.rows, run.rect.cols, "@");
              units.push({ request: rangeRequestBytes(address) + actionRequestBytes("NumberFormat", jsonBytes(formats)), queue: () => void (ws().getRange(address).untrack().numberFormat = formats) });
            }
          }
          units.push(...rowUnits(rect, op.values, "Values", (slice, part) => void (ws().getRange(rectAddress(slice)).untrack().values = part)));
          return units;
        }
        case "formulas": {
          const rect = parseRange(op.address);
          checkShape(rect, op.formulas, "formulas");
          const ws = sheet(op.sheet);
          return rowUnits(rect, op.formulas, "Formulas", (slice, part) => void (ws().getRange(rectAddress(slice)).untrack().formulas = part));
        }
        case "format": {
          const rect = parseRange(op.address);
          const ws = sheet(op.sheet);
          const units: Unit[] = [];
          const numberFormat = op.format.numberFormat;
          if (numberFormat !== undefined) {
            units.push(...rowUnits(rect, fill2D(rect.rows, rect.cols, numberFormat), "NumberFormat", (slice, part) => void (ws().getRange(rectAddress(slice)).untrack().numberFormat = part)));
          }
          units.push({ request: formatBytes(op.address, op.format), queue: () => queueFormat(ws().getRange(op.address).untrack(), rect, op.format) });
          return units;
        }
        case "merge":
          return [{ request: rangeRequestBytes(op.address) + actionRequestBytes("Merge", 7), queue: () => sheet(op.sheet)().getRange(op.address).untrack().merge(false) }];
        case "columnWidths": {
          const units: Unit[] = [];
          // Neighbouring columns of one width in one range.
          for (let i = 0; i < op.widths.length; ) {
            let j = i;
            while (j + 1 < op.widths.length && op.widths[j + 1] === op.widths[i]) j++;
            const address = rectAddress({ row: 1, col: op.firstCol + i, rows: 1, cols: j - i + 1 });
            const width = op.widths[i];
            units.push({ request: rangeRequestBytes(address) + WIRE.property + actionRequestBytes("ColumnWidth", 10), queue: () => void (sheet(op.sheet)().getRange(address).untrack().format.columnWidth = width) });
            i = j + 1;
          }
          return units;
        }
        case "freeze":
          return [{
            request: 2 * WIRE.object + WIRE.action + 40,
            queue: () => {
              const panes = sheet(op.sheet)().freezePanes;
              if (op.rows > 0 && op.cols > 0) panes.freezeAt(rectAddress({ row: 1, col: 1, rows: op.rows, cols: op.cols }));
              else if (op.rows > 0) panes.freezeRows(op.rows);
              else if (op.cols > 0) panes.freezeColumns(op.cols);
            },
          }];
        case "dropdown": {
          const problem = dropdownProblem(op.values);
          if (problem) {
            notes.push({
              message: {
                vi: `Không tạo được danh sách chọn ở ${op.sheet}!${op.address} (${problem.vi}); hãy nhập đúng một trong các giá trị: ${op.values.join("; ")}.`,
                en: `No dropdown could be added at ${op.sheet}!${op.address} (${problem.en}); type one of: ${op.values.join("; ")}.`,
              },
            });
            return [];
          }
          if (!support.dataValidation) {
            notes.push({
              message: {
                vi: `Phiên bản Excel này không tạo được danh sách chọn ở ${op.sheet}!${op.address}; hãy nhập đúng các giá trị: ${op.values.join(", ")}.`,
                en: `This Excel version cannot add a dropdown at ${op.sheet}!${op.address}; type one of: ${op.values.join(", ")}.`,
              },
            });
            return [];
          }
          return [{
            request: rangeRequestBytes(op.address) + WIRE.object + 2 * WIRE.action + jsonBytes(op.values) + 60,
            queue: () => {
              const dv = sheet(op.sheet)().getRange(op.address).untrack().dataValidation;
              dv.clear();
              dv.rule = { list: { inCellDropDown: true, source: op.values.join(",") } };
            },
          }];
        }
        case "chart": {
          const d = decisions.get(op.sheet) as SheetDecision;
          if (d.kind !== "reuse") {
            chartLookups.set(op, () => null);
            return [];
          }
          return [{
            request: WIRE.property + WIRE.object + queryRequestBytes(["name"]) + jsonBytes(op.name),
            response: WIRE.result + 60,
            queue: () => {
              const found = sheet(op.sheet)().charts.getItemOrNullObject(op.name);
              found.load("name");
              chartLookups.set(op, () => found);
            },
          }];
        }
        case "formCells": {
          if (!existing.some((s) => s.name === op.sheet)) {
            formReads.push({ op, missing: true });
            return [];
          }
          const ws = () => worksheets.getItem(op.sheet);
          const read: Extract<FormRead, { runs: unknown }> = { op, ws, isProtected: () => false, runs: [] };
          formReads.push(read);
          const cellRuns = rowRuns(op.cells);
          // Form cells are few; their reads share one request (the whole unit is queued at once).
          return [{
            request: 2 * WIRE.property + queryRequestBytes(["protected"]) + cellRuns.reduce((n, r) => n + rangeRequestBytes(rectAddress(r.rect)) + queryRequestBytes(["values", "formulas", "numberFormat"]), 0),
            response: WIRE.result * (cellRuns.length + 1) + 80 * op.cells.length,
            queue: () => {
              const sheetProxy = ws();
              sheetProxy.protection.load("protected");
              read.isProtected = () => sheetProxy.protection.protected;
              read.ws = () => sheetProxy;
              read.runs = cellRuns.map((run) => {
                const range = sheetProxy.getRange(rectAddress(run.rect)).untrack();
                range.load("values,formulas,numberFormat");
                return { ...run, read: () => ({ values: range.values as unknown[][], formulas: range.formulas as unknown[][], formats: range.numberFormat as unknown[][] }) };
              });
            },
          }];
        }
        default: {
          const unknown: never = op;
          throw hostError("invalidArgument", `unknown plan op ${JSON.stringify(unknown)}`);
        }
      }
    }

    // Last: charts (their source now holds data), the user's form, and our markers.
    const final = new SyncBatch(context, support, operation, { writes: true });
    for (const [op, lookup] of chartLookups) {
      await final.add({
        request: 6 * WIRE.object + 6 * WIRE.action + jsonBytes(op.title) + jsonBytes(op.name) + 80,
        queue: () => {
          const found = lookup();
          const ws = sheet(op.sheet)();
          const src = splitSheetAddress(op.source);
          const source = (src.sheet === null ? ws : sheet(src.sheet)()).getRange(src.local).untrack();
          let chart: Excel.Chart;
          if (found && !found.isNullObject) {
            chart = found;
            chart.chartType = op.kind;
            chart.setData(source, op.seriesBy);
          } else {
            chart = ws.charts.add(op.kind, source, op.seriesBy);
            chart.name = op.name;
          }
          chart.title.text = op.title;
          chart.setPosition(op.anchor.from, op.anchor.to);
        },
      });
      report.charts.push(op.name);
    }
    for (const fr of formReads) {
      if ("missing" in fr) {
        for (const c of fr.op.cells) report.skippedCells.push({ sheet: fr.op.sheet, address: a1(c.row, c.col), reason: text("Không tìm thấy trang tính của biểu mẫu.", "The form's sheet was not found.") });
        continue;
      }
      const isProtected = fr.isProtected();
      for (const run of fr.runs) {
        const { values: cellValues, formulas, formats } = run.read();
        const writable: FormCell[] = [];
        run.cells.forEach((c, j) => {
          const address = a1(c.row, c.col);
          if (isProtected) report.skippedCells.push({ sheet: fr.op.sheet, address, reason: text("Trang tính đang được bảo vệ.", "The sheet is protected.") });
          else if (holdsFormula(formulas[0][j], cellValues[0][j]))
            report.skippedCells.push({ sheet: fr.op.sheet, address, reason: text("Ô đang chứa công thức; không ghi đè.", "The cell holds a formula; it is not overwritten.") });
          else writable.push(c);
        });
        if (writable.length === 0) continue;
        // The user's form keeps its formats: text Excel would reinterpret gets the apostrophe
        // prefix instead of "@", except in cells already formatted as text, which keep it as typed.
        const isText = new Map(run.cells.map((c, j) => [c.col, formats[0][j] === "@"]));
        for (const part of rowRuns(writable)) {
          const address = rectAddress(part.rect);
          const values = [part.cells.map((c) => (isText.get(c.col) ? c.value : asTypedText(c.value)))];
          const ws = fr.ws;
          await final.add({ request: rangeRequestBytes(address) + actionRequestBytes("Values", jsonBytes(values)), queue: () => void (ws().getRange(address).untrack().values = values) });
        }
      }
    }
    let markers: SheetMarker[] = [
      ...oldMarkers,
      ...created.map(({ op, ws }) => ({ id: ws.id, requested: op.sheet, purpose: op.purpose })),
    ];
    if (imports) {
      // The import before this one can no longer be undone: its backups go, this import's are kept.
      const previous = importSetting?.read()?.sheets ?? [];
      const dropped = new Set(previous.flatMap((p) => (p.backupId && existing.some((x) => x.id === p.backupId) ? [p.backupId] : [])));
      const after = afterImport(markers, replacements, dropped);
      markers = after.markers;
      const names = [...dropped].map((id) => existing.find((x) => x.id === id)!.name);
      await final.add({
        request: names.length * (WIRE.object + WIRE.action + 20) + WIRE.object + actionRequestBytes("Add", 40 + jsonBytes(JSON.stringify(after.record))),
        queue: () => {
          for (const name of names) worksheets.getItem(name).delete();
          queueSaveSetting(context, SETTING_KEYS.imported, after.record);
        },
      });
    }
    await final.add({ request: WIRE.object + actionRequestBytes("Add", 40 + jsonBytes(JSON.stringify(markers))), queue: () => queueSaveSetting(context, SETTING_KEYS.sheets, markers) });
    await final.flush();
    done = total;
    progress("Đã ghi xong.");
    if (notes.length > 0) report.notes = notes;
    return report;
  });
}
