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
