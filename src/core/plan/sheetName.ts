/**
 * Excel's rule for sheet names, in one place for every host (Office.js adapter,
 * simulated Excel, .xlsx writers). A name Excel would refuse makes Excel,
 * ExcelJS or a hand-written workbook.xml fail late with an English message, so
 * hosts never pass a wanted name through: they ask `legalSheetName` or
 * `uniqueSheetName` first.
 *
 * Excel's limits: 1 to 31 characters (UTF-16 code units, as Excel counts them),
 * none of : / \ [ ] * ?, no apostrophe at either end, no control characters,
 * not "History" (reserved for change tracking), and unique in the workbook
 * without regard to case.
 */
export const MAX_SHEET_NAME_LENGTH = 31;

/** The name used when nothing legal is left of the wanted one. */
export const FALLBACK_SHEET_NAME = "Trang";

const FORBIDDEN = /[:/\\[\]*?]/g;
 
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Cuts to `max` UTF-16 units without leaving half of a surrogate pair at the end. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/** Spaces and apostrophes that Excel would refuse (apostrophes) or that read as a different name (spaces) at the ends. */
function trimEnds(text: string): string {
  return text.replace(/^[\s']+|[\s']+$/g, "");
}

/** The key two names collide on: Excel ignores case (Vietnamese capitals too); composed and decomposed marks are one letter. */
export function sheetNameKey(name: string): string {
  return name.normalize("NFC").toUpperCase();
}

export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

/**
 * The wanted name made legal on its own: forbidden characters become "-",
 * control characters and runs of spaces become one space, apostrophes and
 * spaces at the ends go, the rest is cut to 31 characters. "History" (reserved)
 * becomes "History (2)". Empty results fall back to `fallback` (made legal too).
 */
export function legalSheetName(wanted: string, fallback: string = FALLBACK_SHEET_NAME): string {
  let name = wanted.normalize("NFC").replace(CONTROL, " ").replace(FORBIDDEN, "-").replace(/\s+/g, " ");
  name = trimEnds(cut(trimEnds(name), MAX_SHEET_NAME_LENGTH));
  if (name === "") return fallback === wanted ? FALLBACK_SHEET_NAME : legalSheetName(fallback, FALLBACK_SHEET_NAME);
  if (sheetNameKey(name) === "HISTORY") return `${name} (2)`;
  return name;
}

/** Whether Excel would accept `name` as it is (uniqueness aside). */
export function isLegalSheetName(name: string): boolean {
  return name.length > 0 && legalSheetName(name) === name;
}

/**
 * A legal name for `wanted` that none of `taken` already has: "Tổng hợp",
 * then "Tổng hợp (2)", "Tổng hợp (3)"…, the stem shortened so the whole name
 * stays within 31 characters.
 */
export function uniqueSheetName(wanted: string, taken: Iterable<string>, fallback: string = FALLBACK_SHEET_NAME): string {
  const used = new Set<string>();
  for (const t of taken) used.add(sheetNameKey(t));
  const stem = legalSheetName(wanted, fallback);
  if (!used.has(sheetNameKey(stem))) return stem;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = trimEnds(cut(stem, MAX_SHEET_NAME_LENGTH - suffix.length)) + suffix;
    if (!used.has(sheetNameKey(candidate))) return candidate;
  }
}

/**
 * Legal, unique names for a whole list at once, in order (the first of two
 * clashing names keeps it): what a writer uses when the sheets come from data
 * that Excel never checked.
 */
export function uniqueSheetNames(wanted: readonly string[], fallback: string = FALLBACK_SHEET_NAME): string[] {
  const taken: string[] = [];
  for (const w of wanted) taken.push(uniqueSheetName(w, taken, fallback));
  return taken;
}
