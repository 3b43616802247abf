import type { Finding, Severity } from "../core/model";
import { a1 } from "../core/model";
import type { ApiSupport, ExcelHost } from "./host";
import { type CellRect, parseRange, rectAddress, verticalRuns } from "./addresses";
import { queueLoadSetting, queueSaveSetting, SETTING_KEYS } from "./settingsStore";
import { WriteBatch } from "./batch";
import { jsonBytes } from "./payload";

/** Light fills that keep black text readable; the pane's legend uses the same. */
export const HIGHLIGHT_FILL: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A cell's fill as we save it: "" for no fill, "#RRGGBB" for a solid fill, and
 * "#RRGGBB|Pattern|#PATTERNCOLOR" for a patterned one (ExcelApi 1.9 tells us the
 * pattern; before it, we see only the colour).
 */
export type FillKey = string;

/**
 * Saved in workbook settings so that "clear" works after the pane was closed:
 * per sheet, per original fill, the cells (as A1 areas, vertical runs) that had it.
 */
export interface SavedHighlights {
  v: 1;
  sheets: Record<string, Record<FillKey, string[]>>;
}

export function fillKeyOf(color: string | null | undefined, pattern?: string | null, patternColor?: string | null): FillKey {
  if (!color) return "";
  const c = color.toUpperCase();
  if (pattern === "None") return "";
  if (pattern !== undefined && pattern !== null && pattern !== "Solid") return `${c}|${pattern}|${patternColor ?? ""}`;
  // Excel reports an unfilled cell as solid white, in format.fill.color and in
  // getCellProperties alike (office-js#6218, #4900: the pattern does not tell them
  // apart either). Restore white as no fill, the far more common case: a white
  // fill put back would hide the gridlines of every highlighted cell.
  return c === "#FFFFFF" ? "" : c;
}

interface Target {
  row: number;
  col: number;
  severity: Severity;
}

/** One target per cell, the most severe finding winning; table-level findings without a row are skipped. */
export function targetsBySheet(findings: readonly Finding[]): Map<string, Target[]> {
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
    if (!prev || SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity]) cells.set(key, { row: rect.row, col: rect.col, severity: f.severity });
  }
  return new Map([...bySheet].map(([s, m]) => [s, [...m.values()]]));
}

/** Which saved cells a sheet's record already covers: their original fill is kept, not re-read. */
function coveredCells(record: Record<FillKey, string[]> | undefined): Set<string> {
  return new Set(record ? expand(record).map((c) => `${c.row}:${c.col}`) : []);
}

function addToRecord(record: Record<FillKey, string[]>, cells: Array<{ row: number; col: number; key: FillKey }>): void {
  for (const run of verticalRuns(cells, (c) => c.key)) {
    const key = run.cells[0].key;
    (record[key] ??= []).push(rectAddress(run.rect));
  }
}

/**
 * Bytes on the wire, by our estimate (measured on the simulator's accounting, rounded up):
 * a range plus getCellProperties; a single cell's fill load (before 1.9); a range plus a
 * fill write, without its data; one cell's fill in a getCellProperties answer.
 */
const READ_RUN_BYTES = 330;
const READ_CELL_BYTES = 250;
const RUN_BYTES = 260;
const FILL_ANSWER_BYTES = 110;

function fillProps(key: FillKey): Excel.SettableCellProperties {
  if (key === "") return { format: { fill: { pattern: "None" } } };
  const [color, pattern, patternColor] = key.split("|");
  if (pattern === undefined) return { format: { fill: { color } } };
  return { format: { fill: { color, pattern: pattern as Excel.FillPattern, patternColor: patternColor || undefined } } };
}

/**
 * Queues the fills of many cells in blocks, never cell by cell: from ExcelApi 1.9
 * one setCellProperties per vertical run (the run may mix fills), before it one
 * range per run of one fill. Patterned keys come only from getCellProperties, so
 * they never reach the fallback.
 */
async function queueFills(batch: WriteBatch, ws: Excel.Worksheet, support: ApiSupport, cells: ReadonlyArray<{ row: number; col: number; key: FillKey }>): Promise<void> {
  if (support.cellProperties) {
    for (const run of verticalRuns(cells)) {
      const props = run.cells.map((c) => [fillProps(c.key)]);
      await batch.reserve(RUN_BYTES + jsonBytes(props));
      ws.getRange(rectAddress(run.rect)).setCellProperties(props);
    }
    return;
  }
  for (const run of verticalRuns(cells, (c) => c.key)) {
    await batch.reserve(RUN_BYTES);
    const key = run.cells[0].key;
    const fill = ws.getRange(rectAddress(run.rect)).format.fill;
    if (key === "") fill.clear();
    else fill.color = key.split("|")[0];
  }
}

function expand(byKey: Record<FillKey, string[]>): Array<{ row: number; col: number; key: FillKey }> {
  const cells: Array<{ row: number; col: number; key: FillKey }> = [];
  for (const [key, areas] of Object.entries(byKey)) {
    for (const area of areas) {
      const r = parseRange(area);
      for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) cells.push({ row: r.row + i, col: r.col + j, key });
    }
  }
  return cells;
}

/**
 * Round trips: (1) the saved record and the sheet names, (2) the original fills of
 * cells not yet saved, (3) the updated record, then the new fills. Up to about
 * 10,000 scattered cells each step fits one sync; more cells take more syncs, by
 * bytes. The record is queued before the fills, so no fill is ever changed
 * without its original saved first.
 */
export async function highlightFindings(host: ExcelHost, support: ApiSupport, findings: readonly Finding[]): Promise<{ cells: number }> {
  const targets = targetsBySheet(findings);
  if (targets.size === 0) return { cells: 0 };
  return host.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const saved = queueLoadSetting<SavedHighlights>(context, SETTING_KEYS.highlights);
    await context.sync();
    const names = new Set(worksheets.items.map((s) => s.name));
    const record: SavedHighlights = saved.read() ?? { v: 1, sheets: {} };

    type Read = { sheet: string; runs: Array<{ rect: CellRect; cells: Target[]; read: () => FillKey[] }> };
    const reads: Read[] = [];
    const readBatch = new WriteBatch(context, support, undefined, false);
    for (const [sheet, cells] of targets) {
      if (!names.has(sheet)) continue;
      const covered = coveredCells(record.sheets[sheet]);
      const fresh = cells.filter((c) => !covered.has(`${c.row}:${c.col}`));
      const ws = worksheets.getItem(sheet);
      const runs: Read["runs"] = [];
      for (const run of verticalRuns(fresh)) {
        if (support.cellProperties) {
          await readBatch.reserve(READ_RUN_BYTES, FILL_ANSWER_BYTES * run.cells.length);
          const props = ws.getRange(rectAddress(run.rect)).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } });
          runs.push({ ...run, read: () => props.value.map((row) => fillKeyOf(row[0].format?.fill?.color, row[0].format?.fill?.pattern, row[0].format?.fill?.patternColor)) });
          continue;
        }
        // Before 1.9 only a single cell's fill is certain (a mixed range reports null).
        await readBatch.reserve(READ_CELL_BYTES * run.cells.length, 40 * run.cells.length);
        const fills = run.cells.map((c) => {
          // `format.fill` is a proxy reached by navigation, loaded on the next line; the rule takes it for a read.
          // eslint-disable-next-line office-addins/load-object-before-read
          const fill = ws.getRange(a1(c.row, c.col)).format.fill;
          fill.load("color");
          return fill;
        });
        runs.push({ ...run, read: () => fills.map((f) => fillKeyOf(f.color)) });
      }
      reads.push({ sheet, runs });
    }
    await readBatch.flush();

    let count = 0;
    for (const { sheet, runs } of reads) {
      const originals: Array<{ row: number; col: number; key: FillKey }> = [];
      for (const run of runs) {
        const keys = run.read();
        run.cells.forEach((c, i) => originals.push({ row: c.row, col: c.col, key: keys[i] }));
      }
      addToRecord((record.sheets[sheet] ??= {}), originals);
    }
    const writeBatch = new WriteBatch(context, support);
    // The record travels as JSON text inside JSON: measured twice encoded.
    await writeBatch.reserve(RUN_BYTES + jsonBytes(JSON.stringify(record)));
    queueSaveSetting(context, SETTING_KEYS.highlights, record);
    for (const { sheet } of reads) {
      const cells = targets.get(sheet) ?? [];
      count += cells.length;
      await queueFills(writeBatch, worksheets.getItem(sheet), support, cells.map((c) => ({ row: c.row, col: c.col, key: HIGHLIGHT_FILL[c.severity] })));
    }
    await writeBatch.flush();
    return { cells: count };
  });
}

/** Two round trips (more only past ~10,000 cells): read the record, then put every saved fill back and forget the record. */
export async function clearHighlights(host: ExcelHost, support: ApiSupport): Promise<{ cells: number }> {
  return host.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const saved = queueLoadSetting<SavedHighlights>(context, SETTING_KEYS.highlights);
    await context.sync();
    const record = saved.read();
    if (!record || Object.keys(record.sheets).length === 0) return { cells: 0 };
    const names = new Set(worksheets.items.map((s) => s.name));
    const batch = new WriteBatch(context, support);
    let count = 0;
    for (const [sheet, byKey] of Object.entries(record.sheets)) {
      if (!names.has(sheet)) continue; // the sheet was deleted or renamed: nothing to restore there
      const cells = expand(byKey);
      await queueFills(batch, worksheets.getItem(sheet), support, cells);
      count += cells.length;
    }
    // Forgotten only with the last fills: if a sync fails before, "clear" can simply run again.
    await batch.reserve(RUN_BYTES);
    queueSaveSetting(context, SETTING_KEYS.highlights, null);
    await batch.flush();
    return { cells: count };
  });
}
