import type { CellValue, SheetData, WorkbookData } from "../core/model";
import type { OnProgress } from "./operations";
import type { ApiSupport, ExcelHost } from "./host";
import { hostError } from "./errors";
import { jsonBytes, MAX_CELLS_PER_READ, SYNC_BUDGET } from "./payload";
import { splitSheetAddress } from "./addresses";
import type { SheetMarker } from "./sheets";
import { queueLoadSetting, SETTING_KEYS } from "./settingsStore";
import { columnLetter } from "../core/model";

/** Rows read from each sheet in the first data sync, to measure how wide its rows really are. */
const PROBE_ROWS = 100;
/** Averages hide long rows further down: plan with this margin over what was measured. */
const ROW_SIZE_MARGIN = 1.2;

/** Excel says "Visible", the core's SheetData says "visible". */
const VISIBILITY: Record<string, SheetData["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

interface UsedArea {
  name: string;
  visibility: SheetData["visibility"];
  /** 1-based origin; rows/cols 0 for an empty sheet. */
  row: number;
  col: number;
  rows: number;
  cols: number;
  merges?: string[];
}

interface Chunk {
  sheet: number;
  /** 0-based offset inside the used area. */
  offset: number;
  rows: number;
}

export interface ReadOptions {
  withFormulas: boolean;
  onlySheet?: string;
  onProgress?: OnProgress;
  signal?: AbortSignal;
}

function throwIfAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw hostError("aborted");
}

/** "Sheet1!A1:B1,'Cán bộ'!C3:D3" -> ["A1:B1", "C3:D3"]; commas inside quoted sheet names are kept. */
export function parseAreas(address: string): string[] {
  if (!address) return [];
  return address
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((a) => splitSheetAddress(a.trim()).local)
    .filter((a) => a.length > 0);
}

async function findUsedAreas(context: Excel.RequestContext, support: ApiSupport, onlySheet?: string): Promise<UsedArea[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const markers = queueLoadSetting<SheetMarker[]>(context, SETTING_KEYS.sheets);
  await context.sync();
  // Our summary and findings sheets are outputs: read back, their tables would be counted
  // again as data. Template sheets are the user's to fill, so they are read.
  const outputs = new Set((markers.read() ?? []).filter((m) => m.purpose === "summary" || m.purpose === "findings").map((m) => m.id));
  const wanted = sheets.items.filter((s) => (onlySheet === undefined ? !outputs.has(s.id) : s.name === onlySheet));
  if (onlySheet !== undefined && wanted.length === 0) throw hostError("notFound", onlySheet);
  const pending = wanted.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,rowIndex,columnIndex,rowCount,columnCount");
    let merged: Excel.RangeAreas | null = null;
    if (support.mergedAreas) {
      merged = used.getMergedAreasOrNullObject();
      merged.load("address");
    }
    return { ws, used, merged };
  });
  await context.sync();
  return pending.map(({ ws, used, merged }) => {
    const visibility = VISIBILITY[ws.visibility] ?? "visible";
    if (used.isNullObject) return { name: ws.name, visibility, row: 1, col: 1, rows: 0, cols: 0 };
    const area: UsedArea = {
      name: ws.name,
      visibility,
      row: used.rowIndex + 1,
      col: used.columnIndex + 1,
      rows: used.rowCount,
      cols: used.columnCount,
    };
    if (merged && !merged.isNullObject) area.merges = parseAreas(merged.address);
    return area;
  });
}

function chunkAddress(area: UsedArea, offset: number, rows: number): string {
  const top = area.row + offset;
  return `${columnLetter(area.col)}${top}:${columnLetter(area.col + area.cols - 1)}${top + rows - 1}`;
}

/**
 * Reads used ranges in row chunks packed into syncs of at most SYNC_BUDGET bytes.
 * The first data sync reads a small probe of every sheet; later chunks are sized
 * from the bytes per row the probes measured, so the number of syncs grows with
 * the data's bytes, not its rows.
 */
export async function readSheets(host: ExcelHost, support: ApiSupport, opts: ReadOptions): Promise<WorkbookData> {
  return host.run(async (context) => {
    throwIfAborted(opts.signal);
    const areas = await findUsedAreas(context, support, opts.onlySheet);
    const perCellFactor = opts.withFormulas ? 2 : 1;
    const values: CellValue[][][] = areas.map(() => []);
    const formulas: boolean[][][] = areas.map(() => []);
    /** Measured bytes per row of each sheet; null until its probe was read. */
    const rowBytes: Array<number | null> = areas.map(() => null);
    const nextOffset = areas.map(() => 0);
    const totalRows = areas.reduce((n, a) => n + a.rows, 0);
    let doneRows = 0;
    const progress = (label: string) => opts.onProgress?.({ done: doneRows, total: totalRows, label });
    progress("Đang tìm vùng dữ liệu…");

    const remaining = () => areas.some((a, i) => nextOffset[i] < a.rows);
    while (remaining()) {
      throwIfAborted(opts.signal);
      const chunks: Chunk[] = [];
      let budget = SYNC_BUDGET;
      for (let i = 0; i < areas.length && budget > 0; i++) {
        const area = areas[i];
        if (area.cols === 0) continue;
        const maxRowsByCells = Math.max(1, Math.floor(MAX_CELLS_PER_READ / (area.cols * perCellFactor)));
        if (rowBytes[i] === null) {
          // Probe: small, so that many sheets' probes fit one sync whatever their width.
          if (nextOffset[i] > 0 || chunks.some((c) => c.sheet === i)) continue;
          const rows = Math.min(area.rows, PROBE_ROWS, maxRowsByCells);
          // Assume a wide 200 bytes per cell until measured.
          const est = rows * area.cols * 200 * perCellFactor;
          if (est > budget && chunks.length > 0) break;
          chunks.push({ sheet: i, offset: 0, rows });
          nextOffset[i] = rows;
          budget -= est;
          continue;
        }
        while (nextOffset[i] < area.rows && budget > 0) {
          const perRow = Math.max(1, rowBytes[i]! * ROW_SIZE_MARGIN);
          const fit = Math.floor(budget / perRow);
          if (fit < 1 && chunks.length > 0) break;
          const rows = Math.min(area.rows - nextOffset[i], Math.max(1, fit), maxRowsByCells);
          chunks.push({ sheet: i, offset: nextOffset[i], rows });
          nextOffset[i] += rows;
          budget -= rows * perRow;
        }
      }
      if (chunks.length === 0) break;
      const loaded = chunks.map((c) => {
        const range = context.workbook.worksheets.getItem(areas[c.sheet].name).getRange(chunkAddress(areas[c.sheet], c.offset, c.rows));
        range.load(opts.withFormulas ? "values,formulas" : "values");
        return { chunk: c, range };
      });
      await context.sync();
      for (const { chunk, range } of loaded) {
        const v = range.values as CellValue[][];
        const bytes = jsonBytes(v) * perCellFactor;
        const measured = bytes / Math.max(1, chunk.rows);
        rowBytes[chunk.sheet] = Math.max(rowBytes[chunk.sheet] ?? 0, measured);
        const target = values[chunk.sheet];
        for (const row of v) target.push(row);
        if (opts.withFormulas) {
          const f = range.formulas as unknown[][];
          const mask = formulas[chunk.sheet];
          for (const row of f) mask.push(row.map((x) => typeof x === "string" && x.startsWith("=")));
        }
        doneRows += chunk.rows;
      }
      const last = areas[chunks[chunks.length - 1].sheet];
      progress(`Đang đọc trang ${last.name}…`);
    }

    const sheets: SheetData[] = areas.map((a, i) => {
      const sheet: SheetData = { name: a.name, originRow: a.row, originCol: a.col, values: values[i], visibility: a.visibility };
      if (opts.withFormulas) sheet.formulas = formulas[i];
      if (a.merges) sheet.merges = a.merges;
      return sheet;
    });
    return { sheets };
  });
}
