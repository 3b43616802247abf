import { CellValue, DateOrYear, Gender } from "../model";
import { because, excelErrorProblem, isErrorValue, squash } from "./common";
import { parseBirth } from "./date";
import { BLANK, ParseResult, fail, ok } from "./result";
import { readText } from "./text";
import { readYesNoWord } from "./yesno";

const TERM = /(\d{4})\s*[-–—/]\s*(\d{4})/;
const TERM_FORM = because("type/number", "cần ghi nhiệm kỳ dạng năm đầu-năm cuối, ví dụ 2025-2030", "write the term as start year-end year, e.g. 2025-2030");
/** The longest party term (nhiệm kỳ đại hội) is five years. */
const MAX_TERM_YEARS = 5;

/**
 * `term` fields: "2025-2030", also written "2025 - 2030", "2025–2030" or
 * "Nhiệm kỳ 2025-2030"; read as "2025-2030". The years must run forward, by
 * at most five.
 */
export function parseTerm(v: CellValue): ParseResult<string> {
  if (isErrorValue(v)) return fail(excelErrorProblem("type/number", v));
  if (typeof v !== "string") return fail(TERM_FORM);
  const t = readText(v);
  if (t.text === "") return BLANK;
  const m = TERM.exec(t.text);
  if (!m) return fail(TERM_FORM);
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (to <= from || to - from > MAX_TERM_YEARS) {
    return fail(because(
      "type/number",
      `năm cuối phải sau năm đầu, không quá ${MAX_TERM_YEARS} năm`,
      `the end year must come after the start year, at most ${MAX_TERM_YEARS} years later`,
    ));
  }
  return ok(`${from}-${to}`, t.problems);
}

const DIGITS_WITH_SEPARATORS = /^\d[\d .-]*$/;
const DIGITS_ONLY = because("type/integer", "số thẻ chỉ gồm chữ số", "a card number has digits only");

/**
 * `digits` fields (party card numbers): kept as text so leading zeros stay;
 * spaces, dots and dashes between groups are dropped so "01.234 567" and
 * "01234567" are one number. A number cell is taken as is (Excel has already
 * lost any leading zero there).
 */
export function parseDigits(v: CellValue): ParseResult<string> {
  if (isErrorValue(v)) return fail(excelErrorProblem("type/integer", v));
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= 0 ? ok(String(v)) : fail(DIGITS_ONLY);
  }
  if (typeof v === "boolean") return fail(DIGITS_ONLY);
  const t = squash(v);
  if (t === "") return BLANK;
  if (!DIGITS_WITH_SEPARATORS.test(t) || /[ .-]$/.test(t)) return fail(DIGITS_ONLY);
  return ok(t.replace(/[ .-]/g, ""));
}

/** What a "Nam" or "Nữ" birth-year column says: the gender, and the birth when a year or date is written. */
export interface BirthMark {
  gender: Gender;
  birth: DateOrYear | null;
}

/**
 * `birthYearMale` / `birthYearFemale`: the pair of columns "Nam" | "Nữ" that
 * official forms use, where the birth year sits under the person's gender.
 * A year or date gives both; an "x" mark gives the gender only.
 */
export function parseBirthMark(gender: Gender, v: CellValue): ParseResult<BirthMark> {
  if (typeof v === "boolean") return v ? ok({ gender, birth: null }) : BLANK;
  // Forms that count heads put 1 under the person's gender (0 under the other): a mark, not serial 1 (01/01/1900).
  if (v === 1) return ok({ gender, birth: null });
  if (v === 0) return BLANK;
  if (typeof v === "string" && !isErrorValue(v)) {
    const t = readText(v).text;
    if (t === "") return BLANK;
    const mark = readYesNoWord(t);
    if (mark === true) return ok({ gender, birth: null });
    if (mark === false) return BLANK;
  }
  const r = parseBirth(v);
  return r.kind === "value" ? ok({ gender, birth: r.value }, r.problems) : r;
}
