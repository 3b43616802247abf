import { columnLetter, type CellValue, type PlanOp, type SheetData, type WritePlan } from "../model";
import { PlaceKeys } from "../text/identity";
import {
  CONSOLIDATED_KINDS, CONSOLIDATED_SHEETS, communeColumn, consolidatedFields, consolidatedHeader, type ConsolidatedKind,
  type ConsolidatedRows,
} from "./canonical";

/** One file's rows for the communes it gives (of two files from one commune, only the newer gives it). */
export interface Incoming {
  file: string;
  rows: ConsolidatedRows;
  /** The communes this file's rows are taken for, as the file spells them. */
  communes: readonly string[];
}

/**
 * The rows of the consolidated sheets after importing `incoming`: the rows
 * already there (`existing`, as read from the workbook) except those of the
 * communes being imported, which the new files replace, then the new rows; all
 * ordered by commune as `order` ranks them, keeping each commune's rows in
 * their order. Importing a commune again therefore never duplicates its rows.
 * Existing rows are matched to the columns by their header labels, so a sheet
 * written by an older version with other columns keeps every value it can.
 */
export function mergeConsolidated(
  existing: Partial<Record<ConsolidatedKind, SheetData>>,
  incoming: readonly Incoming[],
  order: readonly string[],
): Record<ConsolidatedKind, CellValue[][]> {
  const keys = new PlaceKeys();
  const spellings: string[] = [...order];
  for (const inc of incoming) spellings.push(...inc.communes);
  for (const kind of CONSOLIDATED_KINDS) {
    const col = communeColumn(kind);
    for (const inc of incoming) for (const r of inc.rows[kind]) if (typeof r[col] === "string") spellings.push(r[col] as string);
  }
  keys.aliasUnmarkedCommunes(spellings);
  const keyOf = (v: CellValue | undefined) => (typeof v === "string" && v.trim() !== "" ? keys.commune(v) : "");
  const replaced = new Set(incoming.flatMap((inc) => inc.communes.map((c) => keys.commune(c))));
  const rank = new Map<string, number>();
  order.forEach((name, i) => {
    const k = keys.commune(name);
    if (!rank.has(k)) rank.set(k, i);
  });

  const out = {} as Record<ConsolidatedKind, CellValue[][]>;
  for (const kind of CONSOLIDATED_KINDS) {
    const col = communeColumn(kind);
    const kept = rowsOf(existing[kind], kind).filter((r) => !replaced.has(keyOf(r[col])));
    const added: CellValue[][] = [];
    for (const inc of incoming) {
      const mine = new Set(inc.communes.map((c) => keys.commune(c)));
      // A row that names no commune goes with its file's (when the file gives any).
      for (const r of inc.rows[kind]) if (mine.has(keyOf(r[col])) || (keyOf(r[col]) === "" && mine.size > 0)) added.push(r);
    }
    const all = [...kept, ...added];
    const rankOf = (r: CellValue[]) => rank.get(keyOf(r[col])) ?? order.length;
    // Communes not in the order come after, alphabetically by key; sort is stable, so rows keep their order.
    out[kind] = all
      .map((r, i) => ({ r, i, k: rankOf(r), name: keyOf(r[col]) }))
      .sort((a, b) => a.k - b.k || (a.k === order.length ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : 0) || a.i - b.i)
      .map((x) => x.r);
  }
  return out;
}

/** The data rows of an existing consolidated sheet, in today's column order (by header label). */
function rowsOf(sheet: SheetData | undefined, kind: ConsolidatedKind): CellValue[][] {
  if (!sheet || sheet.values.length === 0) return [];
  const header = consolidatedHeader(kind);
  // Our sheets start at A1 with the header; a used range that starts lower has lost its header.
  if (sheet.originRow !== 1) return [];
  const top = sheet.values[0] ?? [];
  const from = header.map((h) => {
    const j = top.findIndex((v) => typeof v === "string" && v.trim() === h);
    return j;
  });
  const out: CellValue[][] = [];
  for (let i = 1; i < sheet.values.length; i++) {
    const row = sheet.values[i];
    if (!row || row.every((v) => v === "" || v === undefined)) continue;
    const offset = sheet.originCol - 1;
    out.push(from.map((j) => (j < 0 ? "" : row[j] ?? "")).map((v, c) => (c < offset ? "" : v)));
  }
  return out;
}

const HEADER_FORMAT = { bold: true, fill: "#E2EFDA", wrap: true, border: true, vAlign: "Center" } as const;

function widthFor(key: string, label: string): number {
  if (key === "name" || key === "cell" || key === "commune" || key === "topic" || key === "file") return 150;
  return Math.max(60, Math.min(130, label.length * 6));
}

/**
 * Writes the consolidated CELLS, CADRES and MEETINGS sheets whole. The host
 * replaces a consolidated sheet it made before by a new one and keeps the old
 * one hidden, so "Hoàn tác" puts the workbook back exactly.
 */
export function planConsolidatedSheets(rows: Record<ConsolidatedKind, CellValue[][]>): WritePlan {
  const ops: PlanOp[] = [];
  for (const kind of CONSOLIDATED_KINDS) {
    const sheet = CONSOLIDATED_SHEETS[kind];
    const header = consolidatedHeader(kind);
    const fields = consolidatedFields(kind);
    const width = header.length;
    const last = columnLetter(width);
    const body = rows[kind];
    ops.push({ op: "sheet", sheet, purpose: "consolidated", tabColor: "#2E75B6" });
    ops.push({ op: "values", sheet, address: `A1:${last}${body.length + 1}`, values: [header, ...body.map((r) => pad(r, width))] });
    ops.push({ op: "format", sheet, address: `A1:${last}1`, format: HEADER_FORMAT });
    if (body.length > 0) {
      fields.forEach((f, i) => {
        // Serials show as the dates they are (text typed as a date stays the text it was); a birth year
        // typed alone (1975) stays a year: Excel's format condition shows numbers under 3000 as numbers.
        const numberFormat = f.type === "date" ? "dd/mm/yyyy" : f.type === "birth" ? "[<3000]0;dd/mm/yyyy" : null;
        if (numberFormat) ops.push({ op: "format", sheet, address: `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${body.length + 1}`, format: { numberFormat } });
      });
    }
    ops.push({ op: "columnWidths", sheet, firstCol: 1, widths: [...fields.map((f) => widthFor(f.key, f.label.vi)), 150, 90, 60] });
    ops.push({ op: "freeze", sheet, rows: 1, cols: 0 });
  }
  return { ops };
}

function pad(row: CellValue[], width: number): CellValue[] {
  if (row.length === width) return row;
  const out = row.slice(0, width);
  while (out.length < width) out.push("");
  return out;
}
