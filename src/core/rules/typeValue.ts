import { CellValue, ParseProblem, isExcelError } from "../model";
import { show, showEn } from "./finding";
import { FieldLabel, ProblemRule, ProblemVerdict, withDetail } from "./problemRule";

function excelError(p: ParseProblem, label: FieldLabel): ProblemVerdict | null {
  if (!isExcelError(p.value)) return null;
  return {
    severity: "error",
    message: `Ô ${label.vi} chứa lỗi công thức ${p.value}.`,
    messageEn: `${label.en} holds the Excel error ${p.value}.`,
    fix: null,
  };
}

function unreadable(kindVi: string, kindEn: string): ProblemRule {
  return (p, label) =>
    excelError(p, label) ?? (p.fix !== undefined
      ? fixable(p, label, p.fix, kindVi, kindEn)
      : {
          severity: "error",
          message: withDetail(`${label.vi} không đọc được: ${show(p.value)}`, p.detail) + ".",
          messageEn: withDetail(`${label.en} cannot be read as ${kindEn}: ${showEn(p.value)}`, p.detail) + ".",
          fix: null,
        });
}

/**
 * The value was read, but written in a way Excel cannot compute with (a date
 * typed as text, a number with a unit): the reading is certain, so it is only
 * info, and the fix writes the real value.
 */
function fixable(p: ParseProblem, label: FieldLabel, to: CellValue, kindVi: string, kindEn: string): ProblemVerdict {
  return {
    severity: "info",
    // The parse step's detail only repeats the value here, so it is left out.
    message: `${label.vi} ${show(p.value)} được ghi dạng văn bản, không phải ${kindVi}.`,
    messageEn: `${label.en} ${showEn(p.value)} is written as text, not as ${kindEn}.`,
    fix: {
      value: to,
      description: `Ghi ${show(p.value)} thành ${kindVi} thật`,
      descriptionEn: `Write ${showEn(p.value)} as a real ${kindEn}`,
    },
  };
}

/** `type/date`: the cell cannot be read as a date, or is an Excel error. A date is never guessed. */
export const typeDate: ProblemRule = unreadable("ngày", "a date");
/** `type/integer`: not a whole number, or outside the field's range. */
export const typeInteger: ProblemRule = unreadable("số nguyên", "a whole number");
/** `type/number`: not a number, or outside the field's range (a score above 100). */
export const typeNumber: ProblemRule = unreadable("số", "a number");
