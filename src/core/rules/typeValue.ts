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
 * info, and the fix writes the real value. A province has tens of thousands of
 * these, so the sentence is one per field (the value is in the finding, next
 * to it) and only the fix is per cell.
 */
function fixable(p: ParseProblem, label: FieldLabel, to: CellValue, kindVi: string, kindEn: string): ProblemVerdict {
  let text = SENTENCES.get(label)?.get(kindEn);
  if (!text) {
    text = {
      message: `${label.vi} được ghi dạng văn bản, không phải ${kindVi}.`,
      messageEn: `${label.en} is written as text, not as ${kindEn}.`,
    };
    let perLabel = SENTENCES.get(label);
    if (!perLabel) SENTENCES.set(label, (perLabel = new Map()));
    perLabel.set(kindEn, text);
  }
  return {
    severity: "info",
    message: text.message,
    messageEn: text.messageEn,
    fix: { value: to, description: FIX_TEXT[kindEn].vi, descriptionEn: FIX_TEXT[kindEn].en },
  };
}

const SENTENCES = new WeakMap<FieldLabel, Map<string, { message: string; messageEn: string }>>();

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
