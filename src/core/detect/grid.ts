import { CellValue, SheetData, columnNumber, isBlank } from "../model/values";

const TALL_MERGE_ROWS = 50;

/** A merged area in 0-based indexes into `values`. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B5:D6" -> 0-based area relative to the sheet's origin; undefined when unreadable. */
export function parseMerge(a1Range: string, originRow: number, originCol: number): MergeArea | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a1Range.trim().replace(/^.*!/, ""));
  if (!m) return undefined;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return {
    top: Math.min(r1, r2) - originRow,
    bottom: Math.max(r1, r2) - originRow,
    left: Math.min(c1, c2) - originCol,
    right: Math.max(c1, c2) - originCol,
  };
}

/**
 * The sheet's values with header reading helpers. Merged cells hold their value
 * in the top-left cell only; `headerValue` spreads it over the whole area, which
 * is what a person reading the header sees.
 */
export class Grid {
  readonly values: CellValue[][];
  readonly rowCount: number;
  readonly width: number;
  readonly merges: MergeArea[];
  /** Merges by the rows they cover, so a lookup costs the merges of one row, not of the sheet. */
  private readonly mergesByRow = new Map<number, MergeArea[]>();
  /** Merges too tall to index row by row (rare: a label merged down a whole column). */
  private readonly tallMerges: MergeArea[] = [];

  constructor(readonly sheet: SheetData) {
    this.values = sheet.values;
    this.rowCount = sheet.values.length;
    let w = 0;
    // Rows may be ragged when a host trims trailing blanks; the widest row sets the width.
    // …and may be missing altogether (a sparse sheet): a missing row is blank.
    for (const row of sheet.values) if (row && row.length > w) w = row.length;
    this.width = w;
    this.merges = (sheet.merges ?? [])
      .map((m) => parseMerge(m, sheet.originRow, sheet.originCol))
      .filter((m): m is MergeArea => m !== undefined && m.bottom >= 0 && m.right >= 0);
    for (const m of this.merges) {
      if (m.bottom - m.top > TALL_MERGE_ROWS) {
        this.tallMerges.push(m);
        continue;
      }
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.mergesByRow.get(r);
        if (list) list.push(m);
        else this.mergesByRow.set(r, [m]);
      }
    }
  }

  /** The merges that start on row r. */
  mergesStartingAt(r: number): MergeArea[] {
    const out = (this.mergesByRow.get(r) ?? []).filter((m) => m.top === r);
    for (const m of this.tallMerges) if (m.top === r) out.push(m);
    return out;
  }

  raw(r: number, c: number): CellValue {
    const row = this.values[r];
    if (!row) return "";
    const v = row[c];
    return v === undefined || v === null ? "" : v;
  }

  mergeAt(r: number, c: number): MergeArea | undefined {
    for (const m of this.mergesByRow.get(r) ?? []) if (c >= m.left && c <= m.right) return m;
    for (const m of this.tallMerges) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) return m;
    return undefined;
  }

  headerValue(r: number, c: number): CellValue {
    const v = this.raw(r, c);
    if (!isBlank(v) || this.merges.length === 0) return v;
    const m = this.mergeAt(r, c);
    return m ? this.raw(m.top, m.left) : v;
  }

  absRow(r: number): number {
    return r + this.sheet.originRow;
  }

  absCol(c: number): number {
    return c + this.sheet.originCol;
  }
}

export function text(v: CellValue): string {
  return typeof v === "string" ? v.replace(/\s+/g, " ").trim() : typeof v === "number" ? String(v) : "";
}
