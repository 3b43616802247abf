import { CellValue, NO_WORDS, YES_WORDS } from "../model";
import { fold } from "../text/fold";
import { because, excelErrorProblem, isErrorValue, squash } from "./common";
import { readDateText, readSerial } from "./date";
import { ParseResult, fail, ok } from "./result";
import { readText } from "./text";

function keys(words: readonly string[]): Set<string> {
  const s = new Set<string>();
  for (const w of words) {
    s.add(w.toLowerCase());
    // "có" typed as "co", "Không" as "khong": the folded form too (symbols like ✓ fold to nothing).
    const f = fold(w);
    if (f !== "") s.add(f);
  }
  return s;
}
const YES = keys(YES_WORDS);
const NO = keys(NO_WORDS);
const YES_OR_NO = because("enum", "cần ghi Có hoặc Không", "write Có (yes) or Không (no)");
const YES_NO_OR_DATE = because("type/date", "cần ghi Có, Không hoặc ngày bồi dưỡng", "write Có (yes), Không (no) or the date of the training");
const YES_NO_OR_NAME = because("enum", "cần ghi Có, Không hoặc họ tên người dự", "write Có (yes), Không (no) or the name of who attended");

/** true, false, or null when the text is no yes/no word. */
export function readYesNoWord(text: string): boolean | null {
  const t = squash(text).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  const f = fold(t);
  if (f !== "" && YES.has(f)) return true;
  if (f !== "" && NO.has(f)) return false;
  return null;
}

function readYesNo(v: CellValue): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  return readYesNoWord(v);
}

/** `yesno` fields: DOMAIN.md's yes and no words; a blank cell is "no". */
export function parseYesNo(v: CellValue): ParseResult<boolean> {
  if (isErrorValue(v)) return fail(excelErrorProblem("enum", v));
  if (typeof v === "string" && squash(v) === "") return ok(false);
  const yes = readYesNo(v);
  return yes === null ? fail(YES_OR_NO) : ok(yes);
}

/** `yesnoOrDate` fields (trained): yes/no, or the day it happened, which means yes. */
export function parseYesNoOrDate(v: CellValue): ParseResult<boolean> {
  if (isErrorValue(v)) return fail(excelErrorProblem("type/date", v));
  if (typeof v === "string" && squash(v) === "") return ok(false);
  const yes = readYesNo(v);
  if (yes !== null) return ok(yes);
  if (typeof v === "number") {
    const r = readSerial(v);
    return "day" in r ? ok(true) : fail(r);
  }
  if (typeof v === "string") {
    const d = readDateText(v, true);
    if (d !== null && d.kind !== "bad") return ok(true);
    if (d !== null) return fail({ code: "type/date", detail: d.detail });
  }
  return fail(YES_NO_OR_DATE);
}

/** `yesnoOrName` fields (upper-level member attended): yes/no, or the person's name, which means yes. */
export function parseYesNoOrName(v: CellValue): ParseResult<boolean> {
  if (isErrorValue(v)) return fail(excelErrorProblem("enum", v));
  if (typeof v === "string" && squash(v) === "") return ok(false);
  const yes = readYesNo(v);
  if (yes !== null) return ok(yes);
  if (typeof v === "string") {
    const t = readText(v);
    // A name has letters; "2" or "?" is not one.
    if (/\p{L}/u.test(t.text)) return ok(true, t.problems);
  }
  return fail(YES_NO_OR_NAME);
}
