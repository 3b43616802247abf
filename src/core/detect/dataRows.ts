import { CellValue } from "../model/values";
import { DetectedTable } from "../model/tables";
import { Grid } from "./grid";
import { isBlankSpan, isFooterRow, isNumberingRow, isSectionRow, isTotalRow } from "./rowKinds";

type Skipped = DetectedTable["skippedRows"][number];

/** What one linear pass over a table's rows found (rows 1-based, absolute). */
export interface RowScan {
  dataRows: number[];
  skippedRows: Skipped[];
}

/** A header row's text by column, to recognise it when a printout repeats it. */
interface HeaderSignature {
  key: number;
  keyText: string;
  cells: Array<[number, string]>;
}

function signatureOf(g: Grid, r: number, left: number, right: number): HeaderSignature | undefined {
  const cells: Array<[number, string]> = [];
  for (let c = left; c <= right; c++) {
    const v = g.raw(r, c);
    if (typeof v === "string" && v.trim() !== "") cells.push([c, v.trim()]);
  }
  if (cells.length < 2) return undefined;
  return { key: cells[0][0], keyText: cells[0][1], cells };
}

function matchesSignature(row: readonly CellValue[], sig: HeaderSignature): boolean {
  const k = row[sig.key];
  // One string comparison per row; the full comparison runs only on a likely repeat.
  if (typeof k !== "string" || k.trim() !== sig.keyText) return false;
  let same = 0;
  for (const [c, t] of sig.cells) {
    const v = row[c];
    if (typeof v === "string" && v.trim() === t) same++;
  }
  return same >= Math.ceil(sig.cells.length * 0.6);
}

export interface ScanRange {
  /** 0-based columns of the table. */
  left: number;
  right: number;
  /** 0-based header rows. */
  headerTop: number;
  headerBottom: number;
  /** 0-based last row the table may reach (the next table's titles start after it). */
  last: number;
}

/**
 * One pass over the rows under a header: data rows, and the rows that sit in the
 * table but are not data (blank, numbering, repeated header or section label, total). The table
 * ends at a signature block after a blank row, or at a blank row after a total.
 * Blank rows are reported only when data follows them, so the gap before the
 * next table is not counted as part of this one.
 */
export function scanRows(g: Grid, range: ScanRange): RowScan {
  const { left, right } = range;
  const sigs: HeaderSignature[] = [];
  for (let r = range.headerTop; r <= range.headerBottom; r++) {
    const s = signatureOf(g, r, left, right);
    if (s) sigs.push(s);
  }
  const dataRows: number[] = [];
  const skippedRows: Skipped[] = [];
  const pendingBlank: number[] = [];
  let expectNumbering = true;
  let afterTotal = false;
  const last = Math.min(range.last, g.rowCount - 1);
  const origin = g.sheet.originRow;
  for (let r = range.headerBottom + 1; r <= last; r++) {
    const row = g.values[r];
    if (!row || isBlankSpan(row, left, right)) {
      pendingBlank.push(r);
      continue;
    }
    if (pendingBlank.length > 0) {
      if ((afterTotal && dataRows.length > 0) || isFooterRow(row, left, right)) break;
      for (const b of pendingBlank) skippedRows.push({ row: b + origin, reason: "blank" });
      pendingBlank.length = 0;
    }
    if (expectNumbering) {
      expectNumbering = false;
      if (isNumberingRow(row, left, right)) {
        skippedRows.push({ row: r + origin, reason: "numbering" });
        continue;
      }
    }
    if (sigs.length > 0 && sigs.some((s) => matchesSignature(row, s))) {
      skippedRows.push({ row: r + origin, reason: "header" });
      expectNumbering = true;
      continue;
    }
    if (isTotalRow(row, left, right)) {
      skippedRows.push({ row: r + origin, reason: "total" });
      afterTotal = true;
      continue;
    }
    // A signature block straight under the total row, with no blank row between.
    if (afterTotal && isFooterRow(row, left, right)) break;
    // Section rows group the rows under them; they are labels, like a header row.
    if (isSectionRow(row, left, right)) {
      skippedRows.push({ row: r + origin, reason: "header" });
      continue;
    }
    dataRows.push(r + origin);
  }
  return { dataRows, skippedRows };
}
