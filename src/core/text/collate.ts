/**
 * Vietnamese order for names people read in a list: letters in the Vietnamese
 * alphabet (a ă â b c d đ e ê …, tones after the base letter), case after
 * letter, and runs of digits compared as numbers, so "Phường Số 2" comes before
 * "Phường Số 10" (a plain string sort puts 10–19 between 1 and 2).
 *
 * One collator for the whole product: the pane, the summary and the sheets
 * sort with this, so a commune sits at the same place everywhere.
 */
const COLLATOR = new Intl.Collator("vi", { numeric: true, sensitivity: "variant" });

export function compareVi(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}

/** A sorted copy, by the text `key` gives each item. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => COLLATOR.compare(key(x), key(y)));
}
