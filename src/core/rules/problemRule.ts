import { Fix, ParseProblem, Severity } from "../model";

/** A field's name in both languages, for messages ("Ngày sinh" / "Date of birth"). */
export interface FieldLabel {
  vi: string;
  en: string;
}

export interface ProblemVerdict {
  severity: Severity;
  message: string;
  messageEn: string;
  fix: Fix | null;
}

/**
 * A cell rule: the parse step already found what is wrong with the cell (a
 * ParseProblem); the rule decides how serious it is and says it in words.
 */
export type ProblemRule = (p: ParseProblem, label: FieldLabel) => ProblemVerdict;

/** " (detail)" when the parse step gave one, so messages stay one sentence. */
export function withDetail(text: string, detail: string | undefined): string {
  return detail ? `${text} (${detail})` : text;
}
