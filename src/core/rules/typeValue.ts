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
  // A province has tens of thousands of these: the fix line is one constant per type (the value is in the finding).
  const shown = show(p.value);
  return {
    severity: "info",
    // The parse step's detail only repeats the value here, so it is left out.
    message: `${label.vi} ${shown} được ghi dạng văn bản, không phải ${kindVi}.`,
    messageEn: `${label.en} ${shown} is written as text, not as ${kindEn}.`,
    fix: { value: to, description: FIX_TEXT[kindEn].vi, descriptionEn: FIX_TEXT[kindEn].en },
  };
}

const FIX_TEXT: Record<string, { vi: string; en: string }> = {
  "a date": { vi: "Ghi thành ngày thật", en: "Write it as a real date" },
  "a whole number": { vi: "Ghi thành số nguyên thật", en: "Write it as a real whole number" },
  "a number": { vi: "Ghi thành số thật", en: "Write it as a real number" },
};

/** `type/date`: the cell cannot be read as a date, or is an Excel error. A date is never guessed. */
export const typeDate: ProblemRule = unreadable("ngày", "a date");
/** `type/integer`: not a whole number, or outside the field's range. */
export const typeInteger: ProblemRule = unreadable("số nguyên", "a whole number");
/** `type/number`: not a number, or outside the field's range (a score above 100). */
export const typeNumber: ProblemRule = unreadable("số", "a number");
