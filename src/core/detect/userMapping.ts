import { SheetData, WorkbookData } from "../model/values";
import { DetectedTable, UserMapping } from "../model/tables";
import { buildTable } from "./build";
import { scanRows } from "./dataRows";
import { detectTables } from "./detectTables";
import { Grid } from "./grid";
import { readColumns } from "./header";
import { titleCommuneOf } from "./title";
import { communesFromSheetNames } from "./sheetCommune";

const TITLE_ROWS = 12;

/**
 * The table a user mapped by hand, used as given: every mapped column has
 * confidence 1. Rows are still read the same way (blank, numbering, repeated
 * header, section and total rows are not data), up to `lastRow` when the user
 * set it. It stays one table even when sections name several communes.
 */
export function tableFromUserMapping(sheet: SheetData, m: UserMapping): DetectedTable {
  const g = new Grid(sheet);
  const top = m.headerTop - sheet.originRow;
  const bottom = Math.max(top, m.headerBottom - sheet.originRow);
  const header = readColumns(g, top, bottom);
  const mapped = Object.entries(m.columns as Record<string, number | undefined>)
    .filter((e): e is [string, number] => typeof e[1] === "number")
    .map(([field, col]) => ({ field, index: col - sheet.originCol }));
  let left = mapped.length ? Math.min(...mapped.map((c) => c.index)) : 0;
  let right = mapped.length ? Math.max(...mapped.map((c) => c.index)) : g.width - 1;
  // The table reaches as far as its header does, so unmapped labelled columns are listed too.
  while (left > 0 && header[left - 1]?.texts.length) left--;
  while (right + 1 < header.length && header[right + 1].texts.length) right++;
  const mappedIdx = new Set(mapped.map((c) => c.index));
  const unmapped = header.slice(left, right + 1).filter((c) => c.texts.length > 0 && !c.stt && !c.continues && !mappedIdx.has(c.index));
  const last = m.lastRow !== undefined ? m.lastRow - sheet.originRow : g.rowCount - 1;
  const scan = scanRows(g, { left, right, headerTop: top, headerBottom: bottom, last, splitSections: false, fieldCols: mapped.map((c) => c.index) });
  const titles = [];
  for (let r = Math.max(0, top - TITLE_ROWS); r < top; r++) titles.push(g.values[r]);
  const fromTitle = titleCommuneOf(titles);
  return buildTable(
    g,
    {
      kind: m.kind,
      headerTop: top,
      headerBottom: bottom,
      columns: mapped.map((c) => ({ field: c.field, index: c.index, header: header[c.index]?.display ?? "", confidence: 1 })),
      unmapped,
      confidence: 1,
      source: "user",
      titleCommune: scan.sectionCommune ?? fromTitle,
      communeFrom: scan.sectionCommune !== undefined ? "section" : "title",
    },
    scan,
  );
}

/**
 * The tables of a workbook. A sheet the user mapped is read through the
 * mapping only; other sheets are detected. Very hidden sheets are the
 * product's or another add-in's storage, never user data. A table no column,
 * title or section places in a commune takes its tab's (sheetCommune).
 */
export function detectWorkbook(workbook: WorkbookData, userMappings: readonly UserMapping[] = []): DetectedTable[] {
  const out: DetectedTable[] = [];
  for (const sheet of workbook.sheets) {
    const mine = userMappings.filter((m) => m.sheet === sheet.name);
    if (mine.length > 0) for (const m of mine) out.push(tableFromUserMapping(sheet, m));
    else if (sheet.visibility !== "veryHidden") out.push(...detectTables(sheet));
  }
  communesFromSheetNames(workbook, out);
  return out;
}
