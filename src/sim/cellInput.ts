import type { CellValue } from "../core/model/values";
import { invalidArgument, simError } from "./errors";

/** Excel's limits on what one cell holds. */
export const MAX_CELL_TEXT = 32_767;
export const MAX_FORMULA_LENGTH = 8_192;

/** What a cell holds after a write: a value, and the formula that made it when there is one. */
export interface CellContent {
  value: CellValue;
  formula?: string;
  /** Excel switches the cell's format when it turns typed text into a date. */
  numberFormat?: string;
}

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT = /^\s*([+-]?(\d+\.?\d*|\.\d+))\s*%\s*$/;
// The simulator plays an en-US Excel: "12/05/2020" becomes 5 December, and
// "25/12/2020" stays text. That is exactly the trap a Vietnamese date written
// as text falls into, so tests see it.
const US_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

/** Excel's date serial for a calendar day. */
export function usDateSerial(month: number, day: number, year: number): number | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return null;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const days = Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
  // Serial 60 is Excel's non-existent 29/02/1900, kept for Lotus compatibility: earlier days sit one lower.
  return days < 61 ? days - 1 : days;
}

/**
 * Excel takes text starting with "=" as a formula, and "+x", "-x", "@x" too
 * when x is not a plain number. The simulator does the same so that a test
 * catches text that was meant to stay text.
 */
export function looksLikeFormula(s: string): boolean {
  if (s.length < 2) return false;
  const c = s[0];
  if (c === "=") return true;
  if (c === "+" || c === "-") return !NUMBER.test(s) && !PERCENT.test(s);
  return c === "@";
}

/**
 * The simulator evaluates nothing. A formula's value is 0, except the two
 * shapes the product itself writes, so the demo grid reads sensibly:
 * a literal (="text", =12) and HYPERLINK(link, "label").
 */
export function formulaValue(formula: string): CellValue {
  const body = formula.slice(1).trim();
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return str[1].replace(/""/g, '"');
  if (NUMBER.test(body)) return Number(body);
  const link = /^HYPERLINK\(\s*"(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"\s*\)$/i.exec(body);
  if (link) return link[1].replace(/""/g, '"');
  return 0;
}

/**
 * One element of a `values` or `formulas` write, as Excel would store it in a
 * cell whose number format is `numberFormat`. `null` means "leave the cell
 * alone", as in Office.js; the caller handles it before calling this.
 */
export function interpretInput(input: unknown, numberFormat: string): CellContent {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw invalidArgument(`A cell cannot hold ${input}.`);
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw invalidArgument(`A cell value must be a string, number or boolean, not ${input === undefined ? "undefined" : typeof input}.`);
  if (input.length > MAX_CELL_TEXT) throw invalidArgument(`A cell holds at most ${MAX_CELL_TEXT} characters; this text has ${input.length}.`);
  // The text format "@" keeps whatever is typed as text, formulas included.
  if (numberFormat === "@") return { value: input };
  if (input === "") return { value: "" };
  // A leading apostrophe is Excel's "this is text" prefix, and is not stored.
  if (input[0] === "'") return { value: input.slice(1) };
  if (looksLikeFormula(input)) {
    const formula = input[0] === "=" ? input : "=" + input;
    if (formula.length > MAX_FORMULA_LENGTH) {
      throw simError("FormulaLengthExceedsLimit", `The formula is ${formula.length} characters long; Excel accepts at most ${MAX_FORMULA_LENGTH}.`);
    }
    return { value: formulaValue(formula), formula };
  }
  if (NUMBER.test(input)) return { value: Number(input) };
  const pct = PERCENT.exec(input);
  if (pct) return { value: Number(pct[1]) / 100, numberFormat: "0%" };
  const upper = input.trim().toUpperCase();
  if (upper === "TRUE") return { value: true };
  if (upper === "FALSE") return { value: false };
  const us = US_DATE.exec(input);
  if (us) {
    const serial = usDateSerial(Number(us[1]), Number(us[2]), Number(us[3]));
    if (serial !== null) return { value: serial, numberFormat: "m/d/yyyy" };
  }
  return { value: input };
}
