import * as fs from "fs";
import type { CellValue, SheetData, WorkbookData } from "../core/model";
import { XlsxReadError } from "./errors";
import { CFB_MAGIC, sniffWorkbookBytes } from "./sniff";
import { SheetBuilder, decodeSharedString } from "./sheetBuilder";
import { readSharedStrings, saxEvents } from "./sax";

import JSZip from "jszip";

// ExcelJS ships no types for these internals: its stream iterator and the XML models of two workbook parts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const iterateStream: (s: unknown) => AsyncIterable<unknown> = require("exceljs/lib/utils/iterate-stream");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RelationshipsXform = require("exceljs/lib/xlsx/xform/core/relationships-xform");

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
 * It parses the sheet XML itself, streamed out of the zip: ExcelJS's row
 * objects turn serials into Date objects (losing the 1900 leap-year quirk),
 * drop merges and read cached formula errors as NaN, and a full ExcelJS load
 * of a province workbook (~190,000 rows) takes minutes and gigabytes.
 */
export async function readWorkbookFile(path: string, opts: ReadOptions = {}): Promise<WorkbookData> {
  await sniffFile(path, opts.maxBytes ?? MAX_FILE_BYTES);
  return readOnce(path, opts);
}

async function readOnce(path: string, opts: ReadOptions): Promise<WorkbookData> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await fs.promises.readFile(path));
  } catch (e) {
    throw new XlsxReadError("corrupt", path, e instanceof Error ? e.message : String(e));
  }
  const part = (name: string) => zip.file(name) ?? zip.file(name.replace(/^\//, ""));
  const stream = (f: JSZip.JSZipObject) => iterateStream(f.nodeStream("nodebuffer"));
  const workbookPart = part("xl/workbook.xml");
  // A zip without xl/workbook.xml is some other zip (a .docx, an archive), not a workbook.
  if (!workbookPart) throw new XlsxReadError("not-xlsx", path, "no xl/workbook.xml in the zip");
  const parsed: Array<{ order: number; sheet: SheetData }> = [];
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
    const relsPart = part("xl/_rels/workbook.xml.rels");
    const rels: Array<{ Id: string; Target: string }> = relsPart
      ? await new RelationshipsXform().parse(saxEvents(stream(relsPart)))
      : [];
    const wbXform = new WorkbookXform();
    await wbXform.parse(saxEvents(stream(workbookPart)));
    const model = wbXform.model as { sheets?: WorkbookModelSheet[] } | undefined;
    const sharedPart = part("xl/sharedStrings.xml");
    const shared: unknown[] = sharedPart ? await readSharedStrings(stream(sharedPart)) : [];
    const listed = model?.sheets ?? [];
    for (let i = 0; i < listed.length; i++) {
      const meta = listed[i];
      const rel = rels.find((r) => r.Id === meta.rId);
      if (!rel) continue;
      const target = rel.Target.startsWith("/") ? rel.Target.slice(1) : "xl/" + rel.Target.replace(/^\.\//, "");
      const sheetPart = part(target);
      // Chart sheets and dialog sheets have no cells: only worksheets are read.
      if (!sheetPart || !/worksheets\//.test(target)) continue;
      const builder = new SheetBuilder((k) => decodeSharedString(shared[k]));
      await parseSheetXml(stream(sheetPart), builder, onRow);
      const visibility = meta.state === "hidden" ? "hidden" : meta.state === "veryHidden" ? "veryHidden" : "visible";
      parsed.push({ order: i, sheet: builder.finish(meta.name, visibility) });
    }
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    throw new XlsxReadError("corrupt", path, e instanceof Error ? e.message : String(e));
  }
  if (opts.onProgress && rowsRead !== lastReported) opts.onProgress(rowsRead);
  parsed.sort((a, b) => a.order - b.order);
  const sheets = parsed.map((p) => p.sheet);
  if (sheets.length === 0 || sheets.every((s) => s.values.length === 0)) throw new XlsxReadError("empty", path);
  return { sheets };
}

interface WorkbookModelSheet { id: number; name: string; state?: string; rId: string }

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
