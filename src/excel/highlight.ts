import type { CellValue, Severity } from "../core/model";
import { a1 } from "../core/model";
import type { ApiSupport, ExcelHost } from "./host";
import type { HighlightReport, HighlightTarget } from "./operations";
import { type CellRect, areaLists, parseRange, rectAddress, verticalRuns } from "./addresses";
import { queueLoadSetting, queueSaveSetting, SETTING_KEYS } from "./settingsStore";
import { newOperation, SyncBatch, type Unit } from "./batch";
import { WIRE, actionRequestBytes, jsonBytes, queryRequestBytes, rangeRequestBytes } from "./payload";
import { queueStateIndex, StateStore } from "./stateStore";
import { sameValue } from "./cellContent";

/** Light fills that keep black text readable; the pane's legend uses the same. */
export const HIGHLIGHT_FILL: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};
const OUR_FILLS = new Set(Object.values(HIGHLIGHT_FILL));

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A cell's fill as we save it: "" for no fill, "#RRGGBB" for a solid fill, and
 * "#RRGGBB|Pattern|#PATTERNCOLOR" for a patterned one (read from ExcelApi 1.15).
 */
export type FillKey = string;

/**
 * Saved so that "clear" works after the pane was closed: per sheet, per
 * original fill, the cells that had it (A1 areas of vertical runs,
 * comma-separated: 10,000 scattered cells take about 70,000 characters, which
 * stay in workbook settings).
 */
export interface SavedHighlights {
  v: 2;
  sheets: Record<string, Record<FillKey, string>>;
}

/** The first format (ExcelApi 1.9 settings, arrays of areas, no record of our own fills). */
interface SavedHighlightsV1 {
  v: 1;
  sheets: Record<string, Record<FillKey, string[]>>;
}

/**
 * The fill a cell had. From ExcelApi 1.9 Excel tells a white fill from no fill
 * by tintAndShade alone: null for no fill, a number for any fill, white too
 * (office-js#4900, Microsoft's answer); color and pattern answer the same for
 * both (#6218). Before 1.9 we see only the colour and take white as no fill,
 * the far more common case (a white fill put back would hide gridlines).
 */
export function fillKeyOf(color: string | null | undefined, tintAndShade?: number | null, pattern?: string | null, patternColor?: string | null): FillKey {
  if (!color) return "";
  const c = color.toUpperCase();
  if (tintAndShade === undefined) return c === "#FFFFFF" ? "" : c;
  if (tintAndShade === null) return "";
  if (pattern && pattern !== "Solid" && pattern !== "None") return `${c}|${pattern}|${(patternColor ?? "").toUpperCase()}`;
  return c;
}

interface Target {
  row: number;
  col: number;
  severity: Severity;
  /** The value the check saw; null when the finding is about a table, not a value. */
  expected: CellValue | null;
}

/** One target per cell, the most severe finding winning; table-level findings without a row are skipped. */
export function targetsBySheet(findings: readonly HighlightTarget[]): Map<string, Target[]> {
  const bySheet = new Map<string, Map<string, Target>>();
  for (const f of findings) {
    if (!f.sheet || !f.address) continue;
    let rect: CellRect;
    try {
      rect = parseRange(f.address);
    } catch {
      continue;
    }
    const key = `${rect.row}:${rect.col}`;
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    const prev = cells.get(key);
    if (!prev || SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) {
      cells.set(key, { row: rect.row, col: rect.col, severity: f.severity, expected: prev?.expected ?? f.value });
    }
  }
  return new Map([...bySheet].map(([s, m]) => [s, [...m.values()]]));
}

type Cell = { row: number; col: number };

function cellKey(c: Cell): string {
  return `${c.row}:${c.col}`;
}

/** "B5:B7,C2" -> cells. */
function cellsOf(list: string): Cell[] {
  const out: Cell[] = [];
  if (!list) return out;
  for (const area of list.split(",")) {
    const r = parseRange(area);
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) out.push({ row: r.row + i, col: r.col + j });
  }
  return out;
}

/** Cells as a compact list of vertical runs. */
function listOf(cells: readonly Cell[]): string {
  return verticalRuns(cells).map((r) => rectAddress(r.rect)).join(",");
}

function upgrade(saved: SavedHighlights | SavedHighlightsV1 | null): SavedHighlights {
  if (!saved) return { v: 2, sheets: {} };
  if (saved.v === 2) return saved;
  const sheets: SavedHighlights["sheets"] = {};
  for (const [sheet, byKey] of Object.entries(saved.sheets)) sheets[sheet] = Object.fromEntries(Object.entries(byKey).map(([k, areas]) => [k, areas.join(",")]));
  return { v: 2, sheets };
}

/** Per cell of a sheet's record: its original fill. */
function originalsOf(record: SavedHighlights["sheets"][string] | undefined): Map<string, FillKey> {
  const out = new Map<string, FillKey>();
  if (!record) return out;
  for (const [key, list] of Object.entries(record)) for (const c of cellsOf(list)) out.set(cellKey(c), key);
  return out;
}

/** What a read of one cell gives: its value and fill. */
interface CellState {
  value: CellValue;
  fill: FillKey;
}

const FILL_PROPS = (support: ApiSupport) => [
  "format/fill/color",
  ...(support.cellProperties ? ["format/fill/tintAndShade"] : []),
  ...(support.fillPattern ? ["format/fill/pattern", "format/fill/patternColor"] : []),
];

function stateOf(range: Excel.Range, support: ApiSupport): CellState {
  const fill = range.format.fill;
  return {
    value: (range.values as CellValue[][])[0][0],
    fill: fillKeyOf(fill.color, support.cellProperties ? fill.tintAndShade : undefined, support.fillPattern ? fill.pattern : undefined, support.fillPattern ? fill.patternColor : undefined),
  };
}

/**
 * Units that read value and fill of single cells. From ExcelApi 1.9 one
 * getRanges list per up to 200 cells, its areas loaded at once (a few bytes a
 * cell on the wire); before it one range per cell (about 600 bytes each).
 */
function readUnits(ws: () => Excel.Worksheet, cells: readonly Cell[], support: ApiSupport, into: Map<string, CellState>, valueBytes: (c: Cell) => number, maxAreas: number): Unit[] {
  const props = ["values", ...FILL_PROPS(support)];
  const answer = (c: Cell) => WIRE.result + 110 + valueBytes(c);
  if (!support.cellProperties) {
    return cells.map((c) => {
      const address = a1(c.row, c.col);
      return {
        request: rangeRequestBytes(address) + queryRequestBytes(props),
        response: answer(c),
        queue: () => {
          // Read once and never used again: untracked, so the client keeps no reference to clean up.
          const range = ws().getRange(address).untrack();
          range.load(props.join(","));
          return () => void into.set(cellKey(c), stateOf(range, support));
        },
      };
    });
  }
  const rects = cells.map((c) => ({ row: c.row, col: c.col, rows: 1, cols: 1 }));
  const itemProps = props.map((p) => `items/${p}`);
  return areaLists(rects, maxAreas).map((list) => ({
    request: rangeRequestBytes(list.address) + WIRE.property + queryRequestBytes(itemProps),
    response: WIRE.result + list.rects.reduce((n, r) => n + answer(r), 0),
    queue: () => {
      const areas = ws().getRanges(list.address).untrack().areas;
      areas.load(itemProps.join(","));
      return () => areas.items.forEach((range, i) => into.set(cellKey(list.rects[i]), stateOf(range, support)));
    },
  }));
}

/** Units that give cells one fill (or none): from 1.9 by getRanges lists of vertical runs, before it a range per run. */
function fillUnits(ws: () => Excel.Worksheet, cells: readonly Cell[], key: FillKey, support: ApiSupport, maxAreas: number): Unit[] {
  const rects = verticalRuns(cells).map((r) => r.rect);
  const [color, pattern, patternColor] = key.split("|");
  const apply = (fill: Excel.RangeFill) => {
    if (key === "") return fill.clear();
    fill.color = color;
    if (pattern && support.fillPattern) {
      fill.pattern = pattern as Excel.FillPattern;
      if (patternColor) fill.patternColor = patternColor;
    }
  };
  const cost = (address: string) => rangeRequestBytes(address) + 2 * WIRE.property + actionRequestBytes("Color", 12) * (pattern ? 3 : 1);
  if (!support.cellProperties) {
    return rects.map((r) => {
      const address = rectAddress(r);
      return { request: cost(address), queue: () => apply(ws().getRange(address).untrack().format.fill) };
    });
  }
  return areaLists(rects, maxAreas).map((list) => ({ request: cost(list.address), queue: () => apply(ws().getRanges(list.address).untrack().format.fill) }));
}

/**
 * A getRanges list Excel refuses (InvalidArgument: where the limit lies is not
 * documented) is tried again with lists this much shorter.
 */
/**
 * A sheet's proxy by name, made the first time a unit asks for it and reused after: units that are never queued
 * make no proxy, and a sheet's many units share one.
 */
function lazySheets(worksheets: Excel.WorksheetCollection): (name: string) => () => Excel.Worksheet {
  const made = new Map<string, Excel.Worksheet>();
  return (name) => () => {
    let w = made.get(name);
    if (!w) made.set(name, (w = worksheets.getItem(name)));
    return w;
  };
}

const SHORT_LISTS = 20;

async function withShorterLists<T>(work: (maxAreas: number) => Promise<T>): Promise<T> {
  try {
    return await work(200);
  } catch (e) {
    if ((e as { code?: string }).code !== "InvalidArgument") throw e;
    return work(SHORT_LISTS);
  }
}

/**
 * Round trips for 10,000 scattered cells from ExcelApi 1.9: (1) the sheets and
 * the saved record (inline in settings when small), (2) each cell's value and
 * fill, by getRanges lists, (3) the updated record, then the new fills, by
 * lists of one colour. More cells, or Excel before 1.9 (a range per cell),
 * take more syncs, by bytes. A cell whose value is no longer the one the check
 * saw is not coloured. The record is saved before any fill changes.
 */
export async function highlightFindings(host: ExcelHost, support: ApiSupport, findings: readonly HighlightTarget[]): Promise<HighlightReport> {
  const targets = targetsBySheet(findings);
  if (targets.size === 0) return { cells: 0, skipped: 0 };
  return host.run(async (context) => {
    const operation = newOperation();
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    const index = queueStateIndex(context);
    const legacy = queueLoadSetting<SavedHighlightsV1>(context, SETTING_KEYS.highlights);
    await context.sync();
    const sheets = worksheets.items.map((s) => ({ id: s.id, name: s.name }));
    const store = new StateStore(context, index.read(), sheets);
    const names = new Set(sheets.map((s) => s.name));
    const ws = lazySheets(worksheets);

    return withShorterLists(async (maxAreas) => {
      const reads = new SyncBatch(context, support, operation, { writes: false });
      const saved = store.reader<SavedHighlights>("highlights");
      for (const u of saved.units) await reads.add(u);
      const now = new Map<string, Map<string, CellState>>();
      for (const [sheet, cells] of targets) {
        if (!names.has(sheet)) continue;
        const into = new Map<string, CellState>();
        now.set(sheet, into);
        const expected = new Map(cells.map((c) => [cellKey(c), c.expected]));
        for (const u of readUnits(ws(sheet), cells, support, into, (c) => jsonBytes(expected.get(cellKey(c)) ?? ""), maxAreas)) await reads.add(u);
      }
      await reads.flush();

      const record = upgrade(saved.value() ?? legacy.read());
      let count = 0;
      let skipped = 0;
      const paint = new Map<string, Map<string, Cell[]>>();
      for (const [sheet, into] of now) {
        const originals = originalsOf(record.sheets[sheet]);
        const byColour = new Map<string, Cell[]>();
        for (const t of targets.get(sheet) ?? []) {
          const state = into.get(cellKey(t));
          if (!state || (t.expected !== null && !sameValue(state.value, t.expected))) {
            skipped++;
            continue;
          }
          // A cell coloured before keeps the fill it had before our first colour.
          if (!originals.has(cellKey(t))) originals.set(cellKey(t), state.fill);
          const colour = HIGHLIGHT_FILL[t.severity];
          const list = byColour.get(colour) ?? [];
          list.push(t);
          byColour.set(colour, list);
          count++;
        }
        record.sheets[sheet] = group(originals);
        paint.set(sheet, byColour);
      }

      const writes = new SyncBatch(context, support, operation, { writes: true });
      for (const u of await store.writer("highlights", record)) await writes.add(u);
      const old = legacy.read();
      if (old) await writes.add({ request: 400, queue: () => queueSaveSetting(context, SETTING_KEYS.highlights, null) });
      for (const [sheet, byColour] of paint) {
        for (const [colour, cells] of byColour) for (const u of fillUnits(ws(sheet), cells, colour, support, maxAreas)) await writes.add(u);
      }
      await writes.flush();
      return { cells: count, skipped };
    });
  });
}

/** Cells by a string per cell, as lists: { key: "B5:B7,C2" }. */
function group(byCell: Map<string, string>): Record<string, string> {
  const lists = new Map<string, Cell[]>();
  for (const [k, v] of byCell) {
    const [row, col] = k.split(":").map(Number);
    const list = lists.get(v) ?? [];
    list.push({ row, col });
    lists.set(v, list);
  }
  return Object.fromEntries([...lists].map(([v, cells]) => [v, listOf(cells)]));
}

/**
 * Puts back every saved fill, then forgets the record (last: if a sync fails
 * before, "clear" can simply run again). A cell whose fill is no longer the
 * colour we gave it was coloured by the user since, and keeps that colour.
 */
export async function clearHighlights(host: ExcelHost, support: ApiSupport): Promise<HighlightReport> {
  return host.run(async (context) => {
    const operation = newOperation();
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    const index = queueStateIndex(context);
    const legacy = queueLoadSetting<SavedHighlightsV1>(context, SETTING_KEYS.highlights);
    await context.sync();
    const sheets = worksheets.items.map((s) => ({ id: s.id, name: s.name }));
    const store = new StateStore(context, index.read(), sheets);
    const names = new Set(sheets.map((s) => s.name));
    const saved = store.reader<SavedHighlights>("highlights");
    if (saved.units.length > 0) {
      const reads = new SyncBatch(context, support, operation, { writes: false });
      for (const u of saved.units) await reads.add(u);
      await reads.flush();
    }
    const record = upgrade(saved.value() ?? legacy.read());
    if (Object.keys(record.sheets).length === 0) return { cells: 0, skipped: 0 };
    const ws = lazySheets(worksheets);

    return withShorterLists(async (maxAreas) => {
      // What each cell shows now: only a cell still in our colour is given its old fill back.
      const reads = new SyncBatch(context, support, operation, { writes: false });
      const now = new Map<string, Map<string, CellState>>();
      for (const [sheet, entry] of Object.entries(record.sheets)) {
        if (!names.has(sheet)) continue; // deleted or renamed: nothing to restore there
        const into = new Map<string, CellState>();
        now.set(sheet, into);
        const cells = Object.values(entry).flatMap(cellsOf);
        for (const u of readUnits(ws(sheet), cells, support, into, () => 40, maxAreas)) await reads.add(u);
      }
      await reads.flush();

      const writes = new SyncBatch(context, support, operation, { writes: true });
      let count = 0;
      let skipped = 0;
      for (const [sheet, into] of now) {
        for (const [key, list] of Object.entries(record.sheets[sheet])) {
          // A cell no longer in one of our colours was coloured by the user since: it keeps that colour.
          const cells = cellsOf(list).filter((c) => {
            const still = OUR_FILLS.has(into.get(cellKey(c))?.fill ?? "");
            if (!still) skipped++;
            return still;
          });
          count += cells.length;
          for (const u of fillUnits(ws(sheet), cells, key, support, maxAreas)) await writes.add(u);
        }
      }
      for (const u of await store.writer("highlights", null)) await writes.add(u);
      if (legacy.read()) await writes.add({ request: 400, queue: () => queueSaveSetting(context, SETTING_KEYS.highlights, null) });
      await writes.flush();
      return { cells: count, skipped };
    });
  });
}
