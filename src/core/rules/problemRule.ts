import { Fix, ParseProblem, Severity, Text, isExcelError } from "../model";
import { show, showEn } from "./finding";

/** A field's name in both languages, for messages ("Ngày sinh" / "Date of birth"). */
export type FieldLabel = Text;

export interface ProblemVerdict {
  severity: Severity;
  message: Text;
  fix: Fix | null;
}

/**
 * A cell rule: the parse step already found what is wrong with the cell (a
 * ParseProblem); the rule decides how serious it is and says it in words.
 */
export type ProblemRule = (p: ParseProblem, label: FieldLabel) => ProblemVerdict;

/**
 * When the parse step said why the value is wrong: "Điểm 150 không hợp lệ: lớn
 * hơn mức tối đa 100." One sentence per language, each with its own detail,
 * never the two languages mixed.
 */
export function invalidBecause(p: ParseProblem, label: FieldLabel): { message: Text } | null {
  if (p.detail === undefined) return null;
  return {
    message: { vi: `${label.vi} ${show(p.value)} không hợp lệ: ${p.detail.vi}.`, en: `${label.en} ${showEn(p.value)} is not valid: ${p.detail.en}.` },
  };
}

/** A cell holding an Excel error (#N/A, #REF!): named as such, whatever the field type. No fix: the formula needs a person. */
export function excelErrorVerdict(p: ParseProblem, label: FieldLabel): ProblemVerdict | null {
  if (!isExcelError(p.value)) return null;
  return {
    severity: "error",
    message: { vi: `Ô ${label.vi} chứa lỗi công thức ${p.value}.`, en: `${label.en} holds the Excel error ${p.value}.` },
    fix: null,
  };
}
