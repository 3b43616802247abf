import { CellValue, FieldDef, FieldType, MarkFieldType, RecordValueOfType } from "../model";
import { parseBirth, parseDate } from "./date";
import { parseEnum } from "./enum";
import { BirthMark, parseBirthMark, parseDigits, parseTerm } from "./misc";
import { parseInteger, parseNumber } from "./number";
import { ParseResult, fail } from "./result";
import { parseText } from "./text";
import { parseYesNo, parseYesNoOrDate, parseYesNoOrName } from "./yesno";

/**
 * What each field type reads to: the record's value (model/records RecordValueOfType, so a parser and the
 * record it fills cannot disagree), and for the Nam / Nữ birth-year columns the mark they give.
 */
export type FieldValueOf = RecordValueOfType & Record<MarkFieldType, BirthMark>;
export type FieldValue = FieldValueOf[FieldType];

function byType(def: FieldDef, v: CellValue): ParseResult<FieldValue> {
  switch (def.type) {
    case "text": return parseText(v);
    case "integer": return parseInteger(v, def);
    case "number": return parseNumber(v, def);
    case "date": return parseDate(v);
    case "birth": return parseBirth(v);
    case "birthYearMale": return parseBirthMark("Nam", v);
    case "birthYearFemale": return parseBirthMark("Nữ", v);
    case "yesno": return parseYesNo(v);
    case "yesnoOrDate": return parseYesNoOrDate(v);
    case "yesnoOrName": return parseYesNoOrName(v);
    case "enum":
      if (!def.enumDef) throw new Error(`Field ${def.key} is an enum without a value list`);
      return parseEnum(def.enumDef, v);
    case "term": return parseTerm(v);
    case "digits": return parseDigits(v);
  }
}

/**
 * Reads one cell for one field, as FIELDS defines it; a blank required field
 * becomes a `required` problem. (Fields whose need depends on other data, like
 * a cadre's cell, are left to the rules.)
 */
export function parseField(def: FieldDef, v: CellValue): ParseResult<FieldValue> {
  const r = byType(def, v);
  if (r.kind === "blank" && def.required) return fail({ code: "required" }, ...r.problems);
  return r;
}
