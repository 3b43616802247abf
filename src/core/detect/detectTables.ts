import { CellValue, SheetData, isBlank } from "../model/values";
import { DetectedTable, TrackerColumn, TrackerLayout } from "../model/tables";
import { buildTable } from "./build";
import { scanParts } from "./dataRows";
import { Grid } from "./grid";
import { HeaderFound, findHeader } from "./header";
import { ANCHORS } from "./kind";
import { isBlankSpan } from "./rowKinds";
import { titleCommuneOf } from "./title";
import { TrackerHeader, findTracker, yearOfTitles } from "./tracker";

/** A run of non-blank rows (0-based, inclusive). */
interface Block {
  first: number;
  last: number;
}

interface Region {
  header: HeaderFound;
  /** First title row above the header (the header's top row when there is none). */
  titleFirst: number;
}

/** Title rows above the first table are looked for this far up. */
const TITLE_ROWS = 12;

function blocksOf(g: Grid): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (let r = 0; r < g.rowCount; r++) {
    const row = g.values[r];
    if (isBlankSpan(row, 0, row ? row.length - 1 : -1)) {
      cur = undefined;
      continue;
    }
    if (cur) cur.last = r;
    else {
      cur = { first: r, last: r };
      blocks.push(cur);
    }
  }
  return blocks;
}

/** Titles are short lines of text: a row holds at most three texts and no numbers. */
function isTitleBlock(g: Grid, b: Block): boolean {
  if (b.last - b.first >= 6) return false;
  for (let r = b.first; r <= b.last; r++) {
    let filled = 0;
    for (const v of g.values[r] ?? []) {
      if (v === "" || (typeof v === "string" && v.trim() === "")) continue;
      if (typeof v !== "string") return false;
      filled++;
    }
    if (filled > 3) return false;
  }
  return true;
}

/** A printout repeats the same header after a page break: same rows, same texts. */
function sameHeader(g: Grid, a: HeaderFound, b: HeaderFound): boolean {
  if (a.bottom - a.top !== b.bottom - b.top) return false;
  for (let k = 0; k <= a.bottom - a.top; k++) {
    const ra = g.values[a.top + k] ?? [];
    const rb = g.values[b.top + k] ?? [];
    const n = Math.max(ra.length, rb.length);
    for (let c = 0; c < n; c++) {
      const va = ra[c] ?? "";
      const vb = rb[c] ?? "";
      if ((typeof va === "string" ? va.trim() : va) !== (typeof vb === "string" ? vb.trim() : vb)) return false;
    }
  }
  return true;
}

/**
 * A table with data rows whose key field (the anchor: cell, name, date,
 * commune) is blank in every one of them is a form waiting to be filled, or a
 * header whose key column was matched by mistake: no row of it is about anything.
 */
function keyBlankInEveryRow(g: Grid, t: DetectedTable): boolean {
  const columns = t.columns as Record<string, { col: number } | undefined>;
  const key = ANCHORS[t.kind].map((f) => columns[f]).find((c) => c !== undefined);
  if (!key || t.dataRows.length === 0) return false;
  const c = key.col - g.sheet.originCol;
  // Stops at the first filled key, so a real table costs one look.
  for (const row of t.dataRows) if (!isBlank(g.raw(row - g.sheet.originRow, c))) return false;
  return true;
}

/** A tracker's time columns in absolute columns, and the year its title or tab gives. */
function trackerLayout(g: Grid, t: TrackerHeader, titles: ReadonlyArray<readonly CellValue[] | undefined>, sheetName: string): TrackerLayout {
  const texts: string[] = [];
  for (const row of titles) for (const v of row ?? []) if (typeof v === "string" && v.trim() !== "") texts.push(v);
  const year = yearOfTitles(texts) ?? yearOfTitles([sheetName]);
  const layout: TrackerLayout = {
    times: t.times.map(({ index, ...rest }) => {
      const c: TrackerColumn = { col: g.absCol(index), kind: rest.kind };
      if (rest.month !== undefined) c.month = rest.month;
      if (rest.quarter !== undefined) c.quarter = rest.quarter;
      if (rest.year !== undefined) c.year = rest.year;
      return c;
    }),
  };
  if (year !== undefined) layout.year = year;
  return layout;
}

/**
 * Finds the tables of one sheet. Headers are searched only in the first rows of
 * each block of non-blank rows, so a long sheet costs one pass to find the
 * blocks and one pass over each table's rows.
 */
export function detectTables(sheet: SheetData): DetectedTable[] {
  const g = new Grid(sheet);
  const blocks = blocksOf(g);
  const regions: Region[] = [];
  let floor = -1; // index of the last block that belongs to an earlier table's header
  for (let i = 0; i < blocks.length; i++) {
    // A wide meeting tracker first: its header ("Tên chi bộ | Xã | Tháng 1 | …") would otherwise read as a list of cells.
    const tracker = findTracker(g, blocks[i].first, blocks[i].last);
    const h = tracker ? { top: tracker.top, bottom: tracker.bottom, tables: [tracker.table], score: tracker.table.match.score } : findHeader(g, blocks[i].first, blocks[i].last);
    if (!h) continue;
    let titleFirst = blocks[i].first;
    // Title blocks separated from the header by blank rows belong to it, not to the table above.
    for (let j = i - 1; j > floor && isTitleBlock(g, blocks[j]); j--) titleFirst = blocks[j].first;
    // The same header again with no title above it is a printout's page break; with a
    // title ("ĐẢNG BỘ XÃ KIM SƠN") it starts the next commune's table.
    const prev = regions[regions.length - 1];
    if (prev && titleFirst === h.top && sameHeader(g, prev.header, h)) continue;
    regions.push({ header: h, titleFirst });
    floor = i;
  }
  const tables: DetectedTable[] = [];
  regions.forEach((region, k) => {
    const { header } = region;
    const next = regions[k + 1];
    const last = next ? next.titleFirst - 1 : g.rowCount - 1;
    const titleFrom = k === 0 ? Math.max(0, header.top - TITLE_ROWS) : region.titleFirst;
    const titles: Array<CellValue[] | undefined> = [];
    for (let r = titleFrom; r < header.top; r++) titles.push(g.values[r]);
    const titleCommune = titleCommuneOf(titles);
    for (const t of header.tables) {
      const byIndex = new Map(t.columns.map((c) => [c.index, c]));
      const fieldCols = t.match.assignments.map((a) => a.index);
      const range = { left: t.left, right: t.right, headerTop: header.top, headerBottom: header.bottom, last, fieldCols };
      scanParts(g, range, titleCommune).forEach((part, p) => {
        // A section label after the last commune's rows, with no rows of its own, is no table.
        if (p > 0 && part.scan.dataRows.length === 0) return;
        const table = buildTable(
          g,
          {
            kind: t.match.kind,
            headerTop: header.top,
            headerBottom: header.bottom,
            columns: t.match.assignments.map((a) => ({
              field: a.field,
              index: a.index,
              header: byIndex.get(a.index)?.display ?? "",
              confidence: a.confidence,
            })),
            unmapped: t.match.unmapped,
            confidence: t.match.confidence,
            source: "detected",
            titleCommune: part.titleCommune,
            communeFrom: part.communeFrom,
          },
          part.scan,
        );
        if ("times" in t) table.tracker = trackerLayout(g, t as TrackerHeader, titles, sheet.name);
        if (!keyBlankInEveryRow(g, table)) tables.push(table);
      });
    }
  });
  return tables;
}
