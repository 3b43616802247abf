import { Dataset, DayDate, Period } from "../model";
import { isFutureMeeting, meetingYear } from "../facts";

/**
 * The period when the user names none: the year of the latest meeting date
 * (the sheets are usually being prepared for that year's report). Dates after
 * `today` are typing mistakes (`meeting/future`) and must not pick the year.
 * Null when there is no usable date; the caller then has to choose.
 */
export function defaultPeriod(dataset: Dataset, today: DayDate): Period | null {
  let year = -Infinity;
  for (const m of dataset.meetings) {
    const y = meetingYear(m);
    if (y !== null && y > year && !isFutureMeeting(m, today)) year = y;
  }
  return year === -Infinity ? null : { kind: "year", year };
}
