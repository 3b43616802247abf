import * as fs from "fs";
import type { CellValue, SheetData, WorkbookData } from "../core/model";
import { XlsxReadError } from "./errors";
import { CFB_MAGIC, sniffWorkbookBytes } from "./sniff";
import { SheetBuilder, decodeSharedString } from "./sheetBuilder";
import { readSharedStrings, saxEvents } from "./sax";

// ExcelJS ships no types for its streaming internals; these are the parts used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelJS = require("exceljs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const iterateStream: (s: unknown) => AsyncIterable<unknown> = require("exceljs/lib/utils/iterate-stream");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RelationshipsXform = require("exceljs/lib/xlsx/xform/core/relationships-xform");

/**
 * ExcelJS's streaming reader with every XML parse it does for us fed by a SAX
 * that decodes UTF-8 across chunk boundaries (see sax.ts): shared strings,
 * the workbook part (sheet names are Vietnamese) and its relationships.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const BaseWorkbookReader: new (input: string, options: object) => any = ExcelJS.stream.xlsx.WorkbookReader;
class WorkbookStreamReader extends BaseWorkbookReader {
  declare sharedStrings?: string[];
  declare model?: { sheets?: WorkbookModelSheet[] };
  declare workbookRels?: Array<{ Id: string; Target: string }>;
  declare properties?: { date1904?: boolean };
  async *_parseSharedStrings(entry: unknown): AsyncGenerator<never> {
    this.sharedStrings = await readSharedStrings(iterateStream(entry));
  }
  async _parseWorkbook(entry: unknown): Promise<void> {
    const xform = new WorkbookXform();
    await xform.parse(saxEvents(iterateStream(entry)));
    this.properties = xform.map.workbookPr;
    this.model = xform.model;
  }
  async _parseRels(entry: unknown): Promise<void> {
    const xform = new RelationshipsXform();
    this.workbookRels = await xform.parse(saxEvents(iterateStream(entry)));
  }
}

interface StreamWorksheetReader {
  id: number;
  name?: string;
  state?: string;
  iterator: AsyncIterable<unknown>;
}

export interface ReadOptions {
  onProgress?: (rowsRead: number) => void;
  /** Refuse files larger than this (default MAX_FILE_BYTES). */
  maxBytes?: number;
}

/** Files over this size are refused: a province workbook is ~15 MB, and the reader keeps every value in memory. */
export const MAX_FILE_BYTES = 400 * 1024 * 1024;
const PROGRESS_EVERY_ROWS = 2000;

async function sniffFile(path: string, maxBytes: number): Promise<void> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(path);
  } catch {
    throw new XlsxReadError("not-found", path);
  }
  if (!stat.isFile()) throw new XlsxReadError("not-found", path, "not a regular file");
  if (stat.size > maxBytes) throw new XlsxReadError("too-large", path, `${stat.size} bytes`);
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
 * results, rich text as plain text, merged areas with the value in the top-left
 * cell only, "" for empty cells. Sheets come in tab order.
 *
 * It streams the zip through ExcelJS's WorkbookReader but parses the sheet XML
 * itself: ExcelJS's row objects turn serials into Date objects (losing the
 * 1900 leap-year quirk), drop merges and read cached formula errors as NaN.
 * Streaming keeps a province workbook (~190,000 rows) to a few seconds and a
 * few hundred MB, where a full ExcelJS load takes minutes and gigabytes.
 */
export async function readWorkbookFile(path: string, opts: ReadOptions = {}): Promise<WorkbookData> {
  await sniffFile(path, opts.maxBytes ?? MAX_FILE_BYTES);
  const reader = new WorkbookStreamReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  const parsed: Array<{ sheetId: number; sheet: SheetData }> = [];
  let rowsRead = 0;
  let lastReported = 0;
  const onRow = () => {
    rowsRead++;
    if (opts.onProgress && rowsRead - lastReported >= PROGRESS_EVERY_ROWS) {
      lastReported = rowsRead;
      opts.onProgress(rowsRead);
    }
  };
  try {
    for await (const { eventType, value } of reader.parse() as AsyncIterable<{ eventType: string; value: unknown }>) {
      if (eventType !== "worksheet") continue;
      const ws = value as StreamWorksheetReader;
      const shared: unknown[] = reader.sharedStrings ?? [];
      const builder = new SheetBuilder((i) => decodeSharedString(shared[i]));
      await parseSheetXml(ws.iterator, builder, onRow);
      const meta = sheetMeta(reader, ws);
      parsed.push({ sheetId: meta.order, sheet: builder.finish(meta.name, meta.visibility) });
    }
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError("corrupt", path, e instanceof Error ? e.message : String(e));
  }
  // A zip without xl/workbook.xml is some other zip (a .docx, an archive), not a workbook.
  if (!reader.model) throw new XlsxReadError("not-xlsx", path, "no xl/workbook.xml in the zip");
  if (opts.onProgress && rowsRead !== lastReported) opts.onProgress(rowsRead);
  parsed.sort((a, b) => a.sheetId - b.sheetId);
  const sheets = parsed.map((p) => p.sheet);
  if (sheets.length === 0 || sheets.every((s) => s.values.length === 0)) throw new XlsxReadError("empty", path);
  return { sheets };
}

interface WorkbookModelSheet { id: number; name: string; state?: string; rId: string }

/** Name, visibility and tab position, matched through the workbook relationships (targets may be relative or absolute). */
function sheetMeta(reader: { model?: { sheets?: WorkbookModelSheet[] }; workbookRels?: Array<{ Id: string; Target: string }> }, ws: StreamWorksheetReader): { name: string; visibility: SheetData["visibility"]; order: number } {
  const sheets = reader.model?.sheets ?? [];
  let match = ws.name !== undefined ? sheets.find((s) => s.name === ws.name) : undefined;
  if (!match) {
    const file = `sheet${ws.id}.xml`;
    const rel = (reader.workbookRels ?? []).find((r) => r.Target.replace(/^\/?(xl\/)?/, "") === `worksheets/${file}`);
    if (rel) match = sheets.find((s) => s.rId === rel.Id);
  }
  const state = match?.state ?? ws.state;
  const visibility = state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
  const order = match ? sheets.indexOf(match) : sheets.length + Number(ws.id);
  return { name: match?.name ?? ws.name ?? `Sheet${ws.id}`, visibility, order };
}

/** A SAX pass over one sheet's XML: <c> cells with <v>, <f>, <is><t>, and <mergeCell>. */
async function parseSheetXml(iterator: AsyncIterable<unknown>, b: SheetBuilder, onRow: () => void): Promise<void> {
  let ref: string | null = null;
  let type = "n";
  let hasFormula = false;
  let text: string | null = null;
  let collecting = false;
  let inIs = false;
  let inRph = false;
  for await (const events of saxEvents(iterator)) {
    for (const ev of events) {
      if (ev.eventType === "opentag") {
        const node = ev.value;
        switch (node.name) {
          case "c":
            ref = node.attributes.r ?? null;
            type = node.attributes.t ?? "n";
            hasFormula = false;
            text = null;
            break;
          case "f":
            hasFormula = true;
            break;
          case "v":
            collecting = true;
            text = text ?? "";
            break;
          case "is":
            inIs = true;
            text = "";
            break;
          case "rPh":
            // Phonetic guides are not part of the cell's text.
            inRph = true;
            break;
          case "t":
            if (inIs && !inRph) collecting = true;
            break;
          case "mergeCell":
            if (node.attributes.ref) b.addMerge(node.attributes.ref);
            break;
          case "row":
            if (node.attributes.r) b.startRow(Number(node.attributes.r));
            else b.startRow(null);
            break;
        }
      } else if (ev.eventType === "text") {
        if (collecting) text = (text ?? "") + ev.value;
      } else {
        const name = ev.value.name;
        switch (name) {
          case "v":
          case "t":
            collecting = false;
            break;
          case "rPh":
            inRph = false;
            break;
          case "is":
            inIs = false;
            break;
          case "c":
            b.addCell(ref, type, text, hasFormula);
            ref = null;
            break;
          case "row":
            onRow();
            break;
        }
      }
    }
  }
}

export type { CellValue };
