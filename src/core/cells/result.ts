import { CellValue, ProblemCode, Text } from "../model";

/** What is wrong with one cell, before the record adds where it is (field, column, value). */
export interface CellProblem {
  code: ProblemCode;
  /**
   * Short, names the fact (no such day, a limit, an encoding); the rules build the sentence around it.
   * Never repeats the value, which the message shows already.
   */
  detail?: Text;
  /** The value a certain fix writes. Absent when only a person can say. */
  fix?: CellValue;
}

/**
 * The reading of one cell:
 * - value: read, possibly with problems that carry a fix ("ĐH" read as "Đại học");
 * - blank: nothing there (a blank required field is a `problem` instead);
 * - problem: could not be read; at least one problem says why. Never a guess.
 */
export type ParseResult<T> =
  | { readonly kind: "value"; readonly value: T; readonly problems: readonly CellProblem[] }
  | { readonly kind: "blank"; readonly problems: readonly CellProblem[] }
  | { readonly kind: "problem"; readonly problems: readonly [CellProblem, ...CellProblem[]] };

export const NO_PROBLEMS: readonly CellProblem[] = Object.freeze([]);

export function ok<T>(value: T, problems: readonly CellProblem[] = NO_PROBLEMS): ParseResult<T> {
  return { kind: "value", value, problems };
}

export const BLANK: ParseResult<never> = Object.freeze({ kind: "blank", problems: NO_PROBLEMS });

export function fail<T = never>(first: CellProblem, ...more: CellProblem[]): ParseResult<T> {
  return { kind: "problem", problems: [first, ...more] };
}

/** The value, or null when blank or unreadable. */
export function valueOf<T>(r: ParseResult<T>): T | null {
  return r.kind === "value" ? r.value : null;
}

/** Same result with a new value type (the problems stay). */
export function mapValue<T, U>(r: ParseResult<T>, f: (v: T) => U): ParseResult<U> {
  return r.kind === "value" ? ok(f(r.value), r.problems) : r;
}
