import { Dataset, DayDate, Finding, MeetingKind } from "../model";
import { CheckContext } from "./context";

/** A table rule sees whole tables; it groups with hash maps, never compares rows pairwise. */
export type TableRule = (dataset: Dataset, ctx: CheckContext, out: Finding[]) => void;

export function isRegular(kind: MeetingKind | null): boolean {
  return kind === "Thường kỳ" || kind === "Thường kỳ kết hợp chuyên đề";
}

export function isThematic(kind: MeetingKind | null): boolean {
  return kind === "Chuyên đề" || kind === "Thường kỳ kết hợp chuyên đề";
}

/**
 * A month can only be missed once it is over: in November, December's
 * meeting is not missing yet, and neither is November's, even on 30/11, as a
 * meeting held today is not in the future (`meeting/future`).
 */
export function monthIsOver(year: number, month: number, today: DayDate): boolean {
  return year < today.y || (year === today.y && month < today.m);
}
