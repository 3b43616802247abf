import { fold } from "./fold";

/**
 * Labels of a row that adds up the rows above it, folded (see text/fold): a
 * list closes with "Tổng cộng", a report form's last row is "Toàn tỉnh". One
 * list, so a list the check skips as a total and a form row the summary fills
 * with the total are told by the same words.
 */
export const TOTAL_ROW_LABELS: ReadonlySet<string> = new Set([
  "tong cong", "cong", "tong", "tong so", "toan tinh", "toan xa", "toan phuong", "toan dang bo",
  "total", "grand total", "whole province",
]);

const cache = new Map<string, boolean>();

/**
 * Whether a cell's text labels a total row: one of TOTAL_ROW_LABELS, "Tổng
 * cộng ..." or "Cộng xã Yên Lạc" (a subtotal), or the count a list closes with
 * ("Cộng: 33 đồng chí", "Tổng số: 45", "Tổng số có 12 chi bộ").
 */
export function isTotalLabel(s: string): boolean {
  // Long texts are data (a cell or person's name), never a closing label; every
  // label starts with T, C, G or W ("Tổng", "Cộng", "Toàn", "Grand", "Whole"), which spares folding most names.
  if (s.length > 80 || !/^\s*[tcgwTCGW]/.test(s)) return false;
  let r = cache.get(s);
  if (r === undefined) {
    const k = fold(s);
    // "Cộng xã Yên Lạc" is a subtotal; "Công an xã" folds to "cong an xa" and is a cell, so only these words may follow.
    r = (s.length <= 40 && (TOTAL_ROW_LABELS.has(k) || k.startsWith("tong cong ") || /^cong (toan|chung|xa|phuong|thi tran|dac khu)\b/.test(k))) ||
      /^(tong cong|tong so|tong|cong|total)( (co|gom|la))? \d/.test(k);
    if (cache.size > 20000) cache.clear();
    cache.set(s, r);
  }
  return r;
}
