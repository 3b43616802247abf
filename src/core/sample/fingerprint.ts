import type { CellValue, WorkbookData } from "./deps";

/** FNV-1a (32 bits) over every sheet's name, origin, merges and cells, as 8 hex digits. Not a security hash: a change detector. */
export function hashWorkbook(workbook: WorkbookData): string {
  let h = 0x811c9dc5;
  const text = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    // A separator no cell holds, so ["ab", "c"] and ["a", "bc"] differ.
    h ^= 0xffff;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  const value = (v: CellValue | undefined) => text(v === undefined ? "\u0000u" : `${typeof v}:${String(v)}`);
  for (const s of workbook.sheets) {
    text(s.name);
    text(`${s.originRow},${s.originCol}`);
    text((s.merges ?? []).join(";"));
    for (const row of s.values) {
      text("\u0000row");
      if (row) for (let c = 0; c < row.length; c++) value(row[c]);
    }
  }
  return h.toString(16).padStart(8, "0");
}
