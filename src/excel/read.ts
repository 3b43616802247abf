import type { CellValue, SheetData, WorkbookData } from "../core/model";
import type { OnProgress } from "./operations";
import type { ApiSupport, ExcelHost } from "./host";
import { hostError, toHostError } from "./errors";
import { holdsFormula } from "./cellContent";
import { jsonBytes, MAX_CELLS_PER_READ, SYNC_BUDGET } from "./payload";
import { splitSheetAddress } from "./addresses";
import type { SheetMarker } from "./sheets";
import { queueLoadSetting, SETTING_KEYS } from "./settingsStore";
import { columnLetter } from "../core/model";

/** Rows read from each sheet in the first data sync, to measure how wide its rows really are. */
const PROBE_ROWS = 100;
/**
 * Rows at the end of each chunk measured on their own: in sorted or numbered
 * data (1, 2, … 1,048,576) rows grow wider as they go, so a chunk's tail says
 * more about the next chunk than its average does.
 */
const TAIL_ROWS = 100;
/** Plan with this margin over the widest bytes per row measured so far. */
const ROW_SIZE_MARGIN = 1.25;
/**
 * A sync reads at most this many times the rows already measured on a sheet:
 * 100 probed rows say little about row 400,000, so the guess is stretched only
 * step by step (100, 1,600, 27,200 … rows), each step measured before the next.
 */
const GROWTH = 16;
/**
 * Size failures tolerated in one read. Each one halves the chunks that failed,
 * so 40 covers any sheet (2^20 rows) several times over, and a wrong guess can
 * never loop for ever.
 */
const MAX_PAYLOAD_RETRIES = 40;

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
  const queueUsed = (withMerges: boolean) =>
    wanted.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      let merged: Excel.RangeAreas | null = null;
      if (withMerges) {
        merged = used.getMergedAreasOrNullObject();
        merged.load("address");
      }
      return { ws, used, merged };
    });
  let pending = queueUsed(support.mergedAreas);
  try {
    await context.sync();
  } catch (e) {
    // getMergedAreasOrNullObject fails over 512 merged areas in the range (ExcelApi
    // reference): read the used ranges again without it, then each sheet's header rows.
    if (!support.mergedAreas) throw e;
    pending = queueUsed(false);
    await context.sync();
    for (const p of pending) p.merged = await headerMerges(context, p.ws, p.used);
  }
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

/** Rows from the top of a used range whose merges are read when the whole range has too many. */
const HEADER_MERGE_ROWS = 50;

/**
 * The merged areas of a sheet's first rows, where the header labels are, alone in
 * their sync; null when even those are too many, so the read goes on without merges.
 */
async function headerMerges(context: Excel.RequestContext, ws: Excel.Worksheet, used: Excel.Range): Promise<Excel.RangeAreas | null> {
  if (used.isNullObject) return null;
  const top = used.rowIndex + 1;
  const rows = Math.min(used.rowCount, HEADER_MERGE_ROWS);
  const address = `${columnLetter(used.columnIndex + 1)}${top}:${columnLetter(used.columnIndex + used.columnCount)}${top + rows - 1}`;
  const merged = ws.getRange(address).getMergedAreasOrNullObject();
  merged.load("address");
  try {
    await context.sync();
    return merged;
  } catch {
    return null;
  }
}

function chunkAddress(area: UsedArea, offset: number, rows: number): string {
  const top = area.row + offset;
  return `${columnLetter(area.col)}${top}:${columnLetter(area.col + area.cols - 1)}${top + rows - 1}`;
}

/** What a chunk's rows cost on the wire: on average, and in its last rows. */
export function measureRows(values: readonly unknown[][], formulas?: readonly unknown[][]): number {
  const rows = Math.max(1, values.length);
  const bytesOf = (from: number) => jsonBytes(values.slice(from)) + (formulas ? jsonBytes(formulas.slice(from)) : 0);
  const average = bytesOf(0) / rows;
  if (values.length <= TAIL_ROWS) return average;
  return Math.max(average, bytesOf(values.length - TAIL_ROWS) / TAIL_ROWS);
}

/** Halves of a chunk, in order; a one-row chunk cannot be split. */
function halves(c: Chunk): Chunk[] {
  if (c.rows < 2) return [c];
  const first = Math.ceil(c.rows / 2);
  return [
    { sheet: c.sheet, offset: c.offset, rows: first },
    { sheet: c.sheet, offset: c.offset + first, rows: c.rows - first },
  ];
}

/**
 * Reads used ranges in row chunks packed into syncs of at most SYNC_BUDGET bytes.
 * The first data sync reads a small probe of every sheet; each later chunk is
 * sized from the widest rows measured so far on its sheet (running maximum of
 * chunk averages and chunk tails, with a margin), and at most GROWTH times the
 * rows measured. Widths can still jump (short rows first, long text later): a
 * sync that Excel refuses as too large is split, each failed chunk halved and
 * read alone, until it fits; only a single row over Excel's limit stops the read.
 */
export async function readSheets(host: ExcelHost, support: ApiSupport, opts: ReadOptions): Promise<WorkbookData> {
  return host.run(async (context) => {
    throwIfAborted(opts.signal);
    const areas = await findUsedAreas(context, support, opts.onlySheet);
    const perCellFactor = opts.withFormulas ? 2 : 1;
    const values: CellValue[][][] = areas.map(() => []);
    const formulas: boolean[][][] = areas.map(() => []);
    /** Widest bytes per row measured on each sheet; null until its probe was read. */
    const rowBytes: Array<number | null> = areas.map(() => null);
    /** Rows read so far on each sheet: how far a guess may be stretched. */
    const measuredRows = areas.map(() => 0);
    const nextOffset = areas.map(() => 0);
    /** Chunks of a refused sync, halved, to be read one per sync before anything new. */
    const retry: Chunk[] = [];
    let failures = 0;
    const totalRows = areas.reduce((n, a) => n + a.rows, 0);
    let doneRows = 0;
    const progress = (label: string) => opts.onProgress?.({ done: doneRows, total: totalRows, label });
    progress("Đang tìm vùng dữ liệu…");

    const planSync = (): Chunk[] => {
      const chunks: Chunk[] = [];
      let budget = SYNC_BUDGET;
      for (let i = 0; i < areas.length && budget > 0; i++) {
        const area = areas[i];
        if (area.cols === 0) continue;
        const maxRowsByCells = Math.max(1, Math.floor(MAX_CELLS_PER_READ / (area.cols * perCellFactor)));
        const measured = rowBytes[i];
        if (measured === null) {
          // Probe: small, so that many sheets' probes fit one sync whatever their width.
          if (nextOffset[i] > 0) continue;
          const rows = Math.min(area.rows, PROBE_ROWS, maxRowsByCells);
          // Assume a wide 200 bytes per cell until measured.
          const est = rows * area.cols * 200 * perCellFactor;
          if (est > budget && chunks.length > 0) break;
          chunks.push({ sheet: i, offset: 0, rows });
          nextOffset[i] = rows;
          budget -= est;
          continue;
        }
        const perRow = Math.max(1, measured * ROW_SIZE_MARGIN);
        let allowance = Math.max(1, measuredRows[i] * GROWTH);
        while (nextOffset[i] < area.rows && budget > 0 && allowance > 0) {
          const fit = Math.floor(budget / perRow);
          if (fit < 1 && chunks.length > 0) break;
          const rows = Math.min(area.rows - nextOffset[i], Math.max(1, fit), maxRowsByCells, allowance);
          chunks.push({ sheet: i, offset: nextOffset[i], rows });
          nextOffset[i] += rows;
          allowance -= rows;
          budget -= rows * perRow;
        }
      }
      return chunks;
    };

    /**
     * The next refused part, alone in its sync (its width is the one thing we got
     * wrong), cut to what the widths measured since then say fits: once a wide
     * part was read, the rest is sized from it without another refusal.
     */
    const nextRetry = (): Chunk => {
      const c = retry.shift()!;
      const measured = rowBytes[c.sheet];
      const perRow = measured === null ? areas[c.sheet].cols * 200 * perCellFactor : Math.max(1, measured * ROW_SIZE_MARGIN);
      const fit = Math.max(1, Math.floor(SYNC_BUDGET / perRow));
      if (c.rows <= fit) return c;
      retry.unshift({ sheet: c.sheet, offset: c.offset + fit, rows: c.rows - fit });
      return { sheet: c.sheet, offset: c.offset, rows: fit };
    };

    while (retry.length > 0 || areas.some((a, i) => nextOffset[i] < a.rows)) {
      throwIfAborted(opts.signal);
      const chunks = retry.length > 0 ? [nextRetry()] : planSync();
      if (chunks.length === 0) break;
      const loaded = chunks.map((c) => {
        const range = context.workbook.worksheets.getItem(areas[c.sheet].name).getRange(chunkAddress(areas[c.sheet], c.offset, c.rows));
        // eslint-disable-next-line office-addins/no-empty-load -- two named loads the rule cannot parse through `?:`
        range.load(opts.withFormulas ? "values,formulas" : "values");
        return { chunk: c, range };
      });
      try {
        // One sync per batch of chunks, each batch as large as the payload budget lets it be: the loop is the batching.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        const single = chunks.length === 1 && chunks[0].rows === 1;
        if (toHostError(e).code !== "payloadTooLarge" || single || ++failures > MAX_PAYLOAD_RETRIES) throw e;
        retry.unshift(...chunks.flatMap(halves));
        continue;
      }
      for (const { chunk, range } of loaded) {
        const v = range.values as CellValue[][];
        const f = opts.withFormulas ? (range.formulas as unknown[][]) : undefined;
        rowBytes[chunk.sheet] = Math.max(rowBytes[chunk.sheet] ?? 0, measureRows(v, f));
        measuredRows[chunk.sheet] += chunk.rows;
        // By offset, not push: a refused chunk comes back in halves, so chunks need not arrive in row order.
        const target = values[chunk.sheet];
        v.forEach((row, k) => (target[chunk.offset + k] = row));
        if (f) {
          const mask = formulas[chunk.sheet];
          f.forEach((row, k) => (mask[chunk.offset + k] = row.map((x, j) => holdsFormula(x, v[k][j]))));
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
