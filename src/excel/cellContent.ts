/**
 * What a cell holds, from what Excel answers for it. Excel's `formulas` gives a
 * constant's own value, so text that starts with "=" (written with the "@" text
 * format or a leading apostrophe, as this add-in writes such text) reads back
 * with a `formulas` entry that starts with "=" too. Only the value tells the two
 * apart: a real formula's value is its result, never its own text (a formula
 * whose result is exactly its own text would need a reference to a cell holding
 * that text; we accept reading that contrived case as text).
 */
export function holdsFormula(formula: unknown, value: unknown): boolean {
  if (typeof formula !== "string" || !formula.startsWith("=")) return false;
  return !(typeof value === "string" && (value === formula || `'${value}` === formula));
}

/** Two reads of one cell compare equal; NaN never equals itself, yet it is the same value. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}

/**
 * Whether a number format shows a date: a day or year code, or a month with
 * either, outside quoted text, escapes and [bracketed] parts ("dd/mm/yyyy",
 * "[$-vi-VN]d mmmm yyyy"; not "0.00", "@", "General", "mm:ss").
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || format === "General" || format === "@") return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  return /[dy]/.test(bare) || (/m/.test(bare) && /[dy]/.test(bare));
}
