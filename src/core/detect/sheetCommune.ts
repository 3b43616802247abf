import { SheetData, WorkbookData } from "../model/values";
import { DetectedTable } from "../model/tables";
import { communeNameKey } from "../text/identity";
import { communeFromSheetName } from "./title";

/** The commune spellings the workbook's COMMUNES and CELLS lists give, by identity key. */
function listedCommunes(workbook: WorkbookData, tables: readonly DetectedTable[]): Map<string, string> {
  const out = new Map<string, string>();
  const sheets = new Map<string, SheetData>(workbook.sheets.map((s) => [s.name, s]));
  for (const t of tables) {
    const col = (t.columns as Record<string, { col: number } | undefined>).commune?.col;
    const sheet = sheets.get(t.sheet);
    if ((t.kind !== "communes" && t.kind !== "cells") || col === undefined || !sheet) continue;
    for (const row of t.dataRows) {
      const v = sheet.values[row - sheet.originRow]?.[col - sheet.originCol];
      if (typeof v !== "string" || v.trim() === "") continue;
      const key = communeNameKey(v.trim());
      if (!out.has(key)) out.set(key, v.trim());
    }
  }
  return out;
}

/**
 * Tables whose rows no column, title or section places in a commune take the
 * commune their sheet's tab names ("Xã Tiên Du", or "Tiên Du" when the
 * workbook lists a commune of that name): one sheet per commune is a common
 * way to keep a province's lists.
 */
export function communesFromSheetNames(workbook: WorkbookData, tables: DetectedTable[]): void {
  const unplaced = tables.filter((t) => t.kind !== "communes" && t.titleCommune === undefined && (t.columns as Record<string, unknown>).commune === undefined);
  if (unplaced.length === 0) return;
  let listed: Map<string, string> | undefined;
  const known = (name: string) => (listed ??= listedCommunes(workbook, tables)).get(communeNameKey(name));
  for (const t of unplaced) {
    const commune = communeFromSheetName(t.sheet, known);
    if (commune === undefined) continue;
    t.titleCommune = commune;
    t.communeFrom = "sheet";
  }
}
