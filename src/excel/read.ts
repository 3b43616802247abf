import type { CellValue, SheetData, SheetProblem, WorkbookData } from "../core/model";
import type { OnProgress } from "./operations";
import type { ApiSupport, ExcelHost } from "./host";
import { hostError, toHostError } from "./errors";
import { isSizeRefusal } from "./batch";
import { holdsFormula } from "./cellContent";
import { jsonBytes, MAX_CELLS_PER_READ, SYNC_BUDGET } from "./payload";
import { splitSheetAddress } from "./addresses";
import type { SheetMarker } from "./sheets";
import { queueLoadSetting, SETTING_KEYS } from "./settingsStore";
import { queueStateIndex, stateSheetId } from "./stateStore";
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

/**
 * What one read takes from a sheet at most. One stray value in XFD1048576
 * makes Excel's used range the whole grid, 17 billion cells: the read looks
 * for the data inside the first MAX_READ_COLUMNS columns, and reads at most
 * MAX_READ_CELLS cells of a sheet; what lies beyond is named in
 * WorkbookData.problems ("truncated"), never dropped silently.
 */
export const MAX_READ_COLUMNS = 1024;
export const MAX_READ_CELLS = 10_000_000;

/** The part of a used range a read takes: all of it, or the capped corner. */
export function capArea(rows: number, cols: number): { rows: number; cols: number } {
  const c = Math.min(cols, MAX_READ_COLUMNS);
  const r = Math.min(rows, Math.max(1, Math.floor(MAX_READ_CELLS / c)));
  return { rows: r, cols: c };
}

function rectA1(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetter(col)}${row}:${columnLetter(col + cols - 1)}${row + rows - 1}`;
}

interface Found {
  areas: UsedArea[];
  problems: SheetProblem[];
  date1904: boolean;
}

/**
 * Round trips: (1) the sheets, our markers and the date system; (2) each
 * sheet's used range; (3) merged areas, only of sheets that have a used range
 * (and, for a used range past the caps, where its data really is).
 */
async function findUsedAreas(context: Excel.RequestContext, support: ApiSupport, onlySheet?: string): Promise<Found> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility");
  const markers = queueLoadSetting<SheetMarker[]>(context, SETTING_KEYS.sheets);
  const index = queueStateIndex(context);
  // The API has no date-system flag; DATE(2000,1,1) answers 36526 in the 1900 system, 35064 in 1904.
  const probe = context.workbook.functions.date(2000, 1, 1);
  probe.load("value");
  await context.sync();
  // Our summary and findings sheets are outputs: read back, their tables would be counted
  // again as data. Template sheets are the user's to fill, so they are read. Our state sheet is ours alone.
  // A backup is the consolidated sheet an import replaced: kept for undo, not data any more.
  const skip = new Set((markers.read() ?? []).filter((m) => m.purpose === "summary" || m.purpose === "findings" || m.purpose === "backup").map((m) => m.id));
  const stateId = stateSheetId(index.read());
  if (stateId) skip.add(stateId);
  const wanted = sheets.items.filter((s) => (onlySheet === undefined ? !skip.has(s.id) : s.name === onlySheet));
  if (onlySheet !== undefined && wanted.length === 0) throw hostError("notFound", onlySheet);
  const date1904 = probe.value === 35064;

  const used = wanted.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { ws, range };
  });
  await context.sync();

  const problems: SheetProblem[] = [];
  const areas: UsedArea[] = used.map(({ ws, range }) => {
    const visibility = VISIBILITY[ws.visibility] ?? "visible";
    if (range.isNullObject) return { name: ws.name, visibility, row: 1, col: 1, rows: 0, cols: 0 };
    return { name: ws.name, visibility, row: range.rowIndex + 1, col: range.columnIndex + 1, rows: range.rowCount, cols: range.columnCount };
  });

  // Sheets past the caps: where is the data inside the capped corner?
  const oversized = areas.map((a) => a.rows * a.cols > MAX_READ_CELLS || a.cols > MAX_READ_COLUMNS);
  const tight = areas.map((a, i) => {
    if (!oversized[i]) return null;
    const cap = capArea(a.rows, a.cols);
    const box = used[i].ws.getRange(rectA1(a.row, a.col, a.rows, cap.cols)).untrack().getUsedRangeOrNullObject(true).untrack();
    box.load("rowIndex,columnIndex,rowCount,columnCount");
    return box;
  });
  const queueMerges = () =>
    areas.map((a, i) => {
      if (!support.mergedAreas || a.cols === 0 || oversized[i]) return null;
      const merged = used[i].range.getMergedAreasOrNullObject().untrack();
      merged.load("address");
      return merged;
    });
  let merged = queueMerges();
  if (areas.some((a) => a.cols > 0)) {
    try {
      await context.sync();
    } catch (e) {
      // getMergedAreasOrNullObject fails over 512 merged areas in the range (ExcelApi
      // reference): ask again without it, then each sheet's header rows.
      if (!support.mergedAreas) throw e;
      merged = areas.map(() => null);
      tight.forEach((t, i) => {
        if (!t) return;
        const a = areas[i];
        const box = used[i].ws.getRange(rectA1(a.row, a.col, a.rows, capArea(a.rows, a.cols).cols)).untrack().getUsedRangeOrNullObject(true).untrack();
        box.load("rowIndex,columnIndex,rowCount,columnCount");
        tight[i] = box;
      });
      await context.sync();
      for (let i = 0; i < areas.length; i++) {
        if (areas[i].cols > 0 && !oversized[i]) merged[i] = await headerMerges(context, used[i].ws, areas[i]);
      }
    }
  }

  areas.forEach((a, i) => {
    const m = merged[i];
    if (m && !m.isNullObject) a.merges = parseAreas(m.address);
    const box = tight[i];
    if (!box) return;
    const whole = rectA1(a.row, a.col, a.rows, a.cols);
    if (box.isNullObject) {
      a.rows = 0;
      a.cols = 0;
    } else {
      a.row = box.rowIndex + 1;
      a.col = box.columnIndex + 1;
      const cap = capArea(box.rowCount, box.columnCount);
      a.rows = cap.rows;
      a.cols = cap.cols;
    }
    const read = a.cols > 0 ? rectA1(a.row, a.col, a.rows, a.cols) : "";
    problems.push({
      sheet: a.name,
      code: "truncated",
      lost: false,
      detail: {
        vi: `Trang "${a.name}" có giá trị nằm rất xa bảng (vùng dùng đến ${whole}), nên chỉ đọc ${read || "phần đầu"} (tối đa ${MAX_READ_COLUMNS} cột và ${MAX_READ_CELLS.toLocaleString("vi-VN")} ô). Hãy xóa các ô thừa ở xa bảng (Ctrl+End để tìm) rồi kiểm tra lại.`,
        en: `Sheet "${a.name}" has a value far from its table (its used range reaches ${whole}), so only ${read || "its start"} was read (at most ${MAX_READ_COLUMNS} columns and ${MAX_READ_CELLS.toLocaleString("en-US")} cells). Delete the stray cells far from the table (Ctrl+End finds them) and check again.`,
      },
    });
  });
  return { areas, problems, date1904 };
}

/** Rows from the top of a used range whose merges are read when the whole range has too many. */
const HEADER_MERGE_ROWS = 50;

/**
 * The merged areas of a sheet's first rows, where the header labels are, alone in
 * their sync; null when even those are too many, so the read goes on without merges.
 */
async function headerMerges(context: Excel.RequestContext, ws: Excel.Worksheet, area: UsedArea): Promise<Excel.RangeAreas | null> {
  const merged = ws.getRange(rectA1(area.row, area.col, Math.min(area.rows, HEADER_MERGE_ROWS), area.cols)).untrack().getMergedAreasOrNullObject().untrack();
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
    const { areas, problems, date1904 } = await findUsedAreas(context, support, opts.onlySheet);
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
        // Read once: untracked, so the client keeps no reference to clean up after the run.
        const range = context.workbook.worksheets.getItem(areas[c.sheet].name).getRange(chunkAddress(areas[c.sheet], c.offset, c.rows)).untrack();
        range.load(opts.withFormulas ? "values,formulas" : "values");
        return { chunk: c, range };
      });
      try {
        // One sync per batch of chunks, each batch as large as the payload budget lets it be: the loop is the batching.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        const single = chunks.length === 1 && chunks[0].rows === 1;
        // Too large as Excel says it, or a bare GeneralException on an answer this size (batch.ts).
        const planned = chunks.reduce((n, c) => n + c.rows * (rowBytes[c.sheet] ?? areas[c.sheet].cols * 200 * perCellFactor), 0);
        const tooLarge = toHostError(e).code === "payloadTooLarge" || isSizeRefusal(e, planned);
        if (!tooLarge || single || ++failures > MAX_PAYLOAD_RETRIES) throw e;
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
    const data: WorkbookData = { sheets };
    if (problems.length > 0) data.problems = problems;
    if (date1904) data.date1904 = true;
    return data;
  });
}
