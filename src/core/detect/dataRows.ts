import { CellValue } from "../model/values";
import { DetectedTable } from "../model/tables";
import { Grid } from "./grid";
import { Section, isBlankSpan, isFooterRow, isNumberingRow, isTotalRow, sectionOf } from "./rowKinds";

type Skipped = DetectedTable["skippedRows"][number];

/** What one linear pass over a table's rows found (rows 1-based, absolute). */
export interface RowScan {
  dataRows: number[];
  skippedRows: Skipped[];
  /** The commune named by a section row above the first data row. */
  sectionCommune?: string;
  /**
   * 0-based row of a section that names another commune after data rows: the
   * rows from there are that commune's, and are scanned as a table of their own.
   */
  next?: number;
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
  /** 0-based row to start at, when it is not the one under the header (a commune's section). */
  from?: number;
  /** False to keep a table whole across commune sections (a user's mapping is one table). */
  splitSections?: boolean;
  /**
   * 0-based columns that hold a field. A row with nothing in them is no data:
   * a number alone in the STT column is a blank numbered row of a form, a text
   * there ("Khối cơ quan", "A. Chi bộ nông thôn") labels the rows under it.
   */
  fieldCols?: readonly number[];
}

/** The row has no value in any field column: "blank" with only numbers, "label" with a text. */
function outsideFields(row: readonly CellValue[], fieldCols: readonly number[] | undefined, left: number, right: number): "blank" | "label" | undefined {
  if (!fieldCols || fieldCols.length === 0) return undefined;
  for (const c of fieldCols) {
    const v = row[c];
    if (v !== undefined && v !== "" && !(typeof v === "string" && v.trim() === "")) return undefined;
  }
  for (let c = left; c <= right; c++) if (typeof row[c] === "string" && (row[c] as string).trim() !== "") return "label";
  return "blank";
}

/**
 * One pass over the rows under a header: data rows, and the rows that sit in the
 * table but are not data (blank, numbering, repeated header or section label,
 * total). The table ends at a signature block after a blank row, or at a blank
 * row after a total unless another section or the header follows. A section
 * naming a commune after data rows ends this part: `next` says where the next
 * commune's part starts. Blank rows are reported only when data follows them,
 * so the gap before the next table is not counted as part of this one.
 */
export function scanRows(g: Grid, range: ScanRange): RowScan {
  const { left, right } = range;
  const sigs: HeaderSignature[] = [];
  for (let r = range.headerTop; r <= range.headerBottom; r++) {
    const s = signatureOf(g, r, left, right);
    if (s) sigs.push(s);
  }
  const scan: RowScan = { dataRows: [], skippedRows: [] };
  const { dataRows, skippedRows } = scan;
  const pendingBlank: number[] = [];
  let expectNumbering = range.from === undefined;
  let afterTotal = false;
  const last = Math.min(range.last, g.rowCount - 1);
  const origin = g.sheet.originRow;
  const isHeader = (row: readonly CellValue[]) => sigs.length > 0 && sigs.some((s) => matchesSignature(row, s));
  for (let r = range.from ?? range.headerBottom + 1; r <= last; r++) {
    const row = g.values[r];
    if (!row || isBlankSpan(row, left, right)) {
      pendingBlank.push(r);
      continue;
    }
    if (pendingBlank.length > 0) {
      const goesOn = afterTotal && dataRows.length > 0 ? sectionOf(row, left, right) !== undefined || isHeader(row) : !isFooterRow(row, left, right);
      if (!goesOn) break;
      for (const b of pendingBlank) skippedRows.push({ row: b + origin, reason: "blank" });
      pendingBlank.length = 0;
    }
    // The signature block can follow the last row with no blank row between ("Tiên Du, ngày …", "NGƯỜI LẬP BIỂU").
    if (dataRows.length > 0 && isFooterRow(row, left, right)) break;
    if (expectNumbering) {
      expectNumbering = false;
      if (isNumberingRow(row, left, right)) {
        skippedRows.push({ row: r + origin, reason: "numbering" });
        continue;
      }
    }
    if (isHeader(row)) {
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
    const section = sectionOf(row, left, right) ?? labelSection(row, range.fieldCols, left, right);
    if (section === "blank") {
      pendingBlank.push(r);
      continue;
    }
    if (section) {
      if (section.commune && dataRows.length > 0 && range.splitSections !== false) {
        // Blank rows just above belong to neither part.
        while (skippedRows.length && skippedRows[skippedRows.length - 1].reason === "blank") skippedRows.pop();
        scan.next = r;
        return scan;
      }
      if (section.commune && dataRows.length === 0) scan.sectionCommune = section.commune;
      skippedRows.push({ row: r + origin, reason: "header" });
      continue;
    }
    afterTotal = false;
    dataRows.push(r + origin);
  }
  return scan;
}

/** A row with text only outside the field columns is a label; with numbers only, a blank numbered row. */
function labelSection(row: readonly CellValue[], fieldCols: readonly number[] | undefined, left: number, right: number): Section | "blank" | undefined {
  const kind = outsideFields(row, fieldCols, left, right);
  return kind === "label" ? {} : kind;
}

/** One commune's part of a table: its rows, and the commune its title or section names. */
export interface TablePart {
  scan: RowScan;
  titleCommune?: string;
  communeFrom?: "title" | "section";
}

/**
 * Scans a table in parts: one list often holds several communes, each under a
 * section row ("II. ĐẢNG BỘ XÃ KIM SƠN"). Each part becomes a table of its own,
 * so that its rows get their commune when the sheet has no commune column.
 */
export function scanParts(g: Grid, range: ScanRange, titleCommune: string | undefined): TablePart[] {
  const parts: TablePart[] = [];
  let from = range.from;
  let commune = titleCommune;
  for (;;) {
    const scan = scanRows(g, { ...range, from });
    const named = scan.sectionCommune ?? commune;
    parts.push({ scan, titleCommune: named, communeFrom: named === undefined ? undefined : scan.sectionCommune !== undefined || from !== range.from ? "section" : "title" });
    // `next` always lies past a data row of this part, so the loop moves on.
    if (scan.next === undefined) return parts;
    from = scan.next;
    commune = undefined;
  }
}
