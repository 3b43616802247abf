import { CellValue, isExcelError } from "../model";
import { CellProblem } from "./result";

/** The problem for a cell holding an Excel error (#N/A, #REF!, ...): the rules name the error from the value. */
export function excelErrorProblem(code: CellProblem["code"], _v: CellValue): CellProblem {
  return { code };
}

/** A problem with its reason in both languages. */
export function because(code: CellProblem["code"], vi: string, en: string, fix?: CellValue): CellProblem {
  const detail = { vi, en };
  return fix === undefined ? { code, detail } : { code, detail, fix };
}

export function isErrorValue(v: CellValue): boolean {
  return isExcelError(v);
}

/**
 * Light cleanup for values that are not kept as text (numbers, dates, yes/no
 * words): composed form, no outer or doubled spaces. Their fix, when they get
 * one, writes a real value, so spaces are not worth a problem of their own.
 */
export function squash(text: string): string {
  return text.normalize("NFC").replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
}
