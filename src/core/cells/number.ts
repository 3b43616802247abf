import { CellValue } from "../model";
import { because, excelErrorProblem, isErrorValue } from "./common";
import { BLANK, CellProblem, ParseResult, fail, ok } from "./result";

export interface Range {
  min?: number;
  max?: number;
}

const PLAIN = /^[+-]?\d+$/;
// One separator: "7,5" (Vietnamese decimal comma) or "7.5".
const ONE_SEPARATOR = /^([+-]?\d+)([.,])(\d+)$/;
// Vietnamese thousands: "3.471" or "1.234.567", with an optional decimal comma.
const DOT_THOUSANDS = /^([+-]?\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;

/**
 * A number typed as text, Vietnamese style first: comma for decimals, dot
 * for thousands. With one separator it is a decimal ("7,5", "7.5") except
 * that a whole-number field reads "3.471" as three thousand (a whole number
 * cannot have three decimals). Spaces inside ("3 471") are thousands too.
 */
export function readNumberText(text: string, wholeNumber: boolean): number | null {
  const t = text.replace(/[\s\u00a0\u202f]+/g, "");
  if (t === "") return null;
  if (PLAIN.test(t)) return Number(t);
  let m = ONE_SEPARATOR.exec(t);
  if (m) {
    if (wholeNumber && m[2] === "." && m[3].length === 3) return Number(m[1] + m[3]);
    return Number(`${m[1]}.${m[3]}`);
  }
  m = DOT_THOUSANDS.exec(t);
  if (m) return Number(m[1].replace(/\./g, "") + (m[2] ? "." + m[2] : ""));
  return null;
}

function rangeProblem(n: number, range: Range, code: CellProblem["code"]): CellProblem | null {
  if (range.min !== undefined && n < range.min) return because(code, `nhỏ hơn mức tối thiểu ${range.min}`, `below the minimum of ${range.min}`);
  if (range.max !== undefined && n > range.max) return because(code, `lớn hơn mức tối đa ${range.max}`, `above the maximum of ${range.max}`);
  return null;
}

function parseNumeric(v: CellValue, range: Range, whole: boolean): ParseResult<number> {
  const code = whole ? "type/integer" : "type/number";
  let n: number | null;
  if (typeof v === "number") n = v;
  else if (typeof v === "boolean") return fail({ code });
  else if (isErrorValue(v)) return fail(excelErrorProblem(code, v));
  else {
    if (v.trim() === "") return BLANK;
    n = readNumberText(v, whole);
  }
  if (n === null || !Number.isFinite(n)) return fail({ code });
  if (whole && !Number.isInteger(n)) return fail(because(code, "không phải số nguyên", "not a whole number"));
  // Out of range is still a reading: keep the number (the report may need it) and say what is wrong.
  const out = rangeProblem(n, range, code);
  return ok(n, out ? [out] : undefined);
}

/** `integer` fields: 12, "12", 12.0 and "1.234" (thousands) read; 12.5, "abc", TRUE and errors do not. */
export function parseInteger(v: CellValue, range: Range = {}): ParseResult<number> {
  return parseNumeric(v, range, true);
}

/** `number` fields: also "7,5" with the Vietnamese decimal comma. */
export function parseNumber(v: CellValue, range: Range = {}): ParseResult<number> {
  return parseNumeric(v, range, false);
}
