import { Dataset, Period } from "../model";

/**
 * The period when the user names none: the year of the latest meeting date
 * (the sheets are usually being prepared for that year's report). Null when
 * there is no dated meeting; the caller then has to ask.
 */
export function defaultPeriod(dataset: Dataset): Period | null {
  let year = -Infinity;
  for (const m of dataset.meetings) if (m.date !== null && m.date.y > year) year = m.date.y;
  return year === -Infinity ? null : { kind: "year", year };
}
