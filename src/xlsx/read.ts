import * as fs from "fs";
import type { CellValue, WorkbookData } from "../core/model";
import { XlsxReadError } from "./errors";
import { READ_LIMITS, type ReadLimits } from "./limits";
import { CFB_MAGIC, sniffWorkbookBytes } from "./sniff";
import { nodeInflateRaw } from "./nodeInflate";
import { readWorkbookBytes } from "./workbook";

/**
 * Reading an .xlsx file from disk, for the command line and Node tests: the
 * file is sniffed before it is loaded (a 2 GB file, an old .xls or a password-
 * protected workbook is refused from its first and last bytes), then read by
 * readWorkbookBytes, the same code the browser runs.
 */
export interface ReadOptions {
  onProgress?: (rowsRead: number) => void;
  /** Refuse files larger than this (default READ_LIMITS.maxFileBytes). */
  maxBytes?: number;
  /** Other bounds than READ_LIMITS. */
  limits?: Partial<ReadLimits>;
}

/** Files over this size are refused: a province workbook is ~17 MB, and the reader keeps every value in memory. */
export const MAX_FILE_BYTES = READ_LIMITS.maxFileBytes;

async function sniffFile(path: string, maxBytes: number): Promise<void> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch {
    throw new XlsxReadError("not-found", path);
  }
  if (!stat.isFile()) throw new XlsxReadError("not-found", path, "not a regular file");
  if (stat.size > maxBytes) throw new XlsxReadError("too-large", path, `${stat.size} bytes`, { limit: maxBytes });
  const fh = await fs.promises.open(path, "r");
  try {
    const headLen = Math.min(stat.size, 8);
    const head = Buffer.alloc(headLen);
    await fh.read(head, 0, headLen, 0);
    const isCfb = headLen === 8 && CFB_MAGIC.every((b, i) => head[i] === b);
    // A compound file's directory can sit anywhere, so look at all of it (they are small, and never parsed further).
    const full = isCfb ? await fs.promises.readFile(path) : head;
    const tailLen = Math.min(stat.size, 65535 + 22);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, stat.size - tailLen);
    const r = sniffWorkbookBytes(full, tail, stat.size);
    if (!r.ok) throw new XlsxReadError(r.code, path, r.detail);
  } finally {
    await fh.close();
  }
}

/**
 * Reads every sheet's used range as Excel's `range.values` would give it:
 * dates as serials, errors as "#N/A"-style text, formulas as their cached
 * results, rich text as plain text, merged areas with the value in the
 * top-left cell only, "" for empty cells; sheets in tab order, and the sheets
 * that could not be read named in `problems`. See workbook.ts.
 */
export async function readWorkbookFile(path: string, opts: ReadOptions = {}): Promise<WorkbookData> {
  const maxBytes = opts.maxBytes ?? opts.limits?.maxFileBytes ?? READ_LIMITS.maxFileBytes;
  await sniffFile(path, maxBytes);
  let data: Buffer;
  try {
    data = await fs.promises.readFile(path);
  } catch (e) {
    throw new XlsxReadError("not-found", path, e instanceof Error ? e.message : String(e));
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return readWorkbookBytes(bytes, {
    fileName: path,
    limits: { ...opts.limits, maxFileBytes: maxBytes },
    onProgress: opts.onProgress,
    inflateRaw: nodeInflateRaw,
  });
}

export type { CellValue };
