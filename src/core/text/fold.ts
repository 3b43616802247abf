/**
 * Comparison keys for Vietnamese text. Headers, enum values and names are
 * matched on their folded form: NFC first, then no diacritics, đ -> d, lower
 * case, punctuation to spaces, single spaces. "Đảng bộ  XÃ" and "dang bo xa"
 * fold to the same key.
 */
const COMBINING = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim();
}

/** Folding that keeps punctuation (for "Nhiệm kỳ 2025-2030" style values). */
export function foldKeepPunctuation(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
