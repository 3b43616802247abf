/**
 * A row of a sheet, written as a row: "Theo doi SH, dòng 232". Written as
 * "Theo doi SH!232" it reads like a cell address, which it is not; and a row
 * on the sheet being talked about needs no sheet name at all ("dòng 232").
 */
export function rowRef(sheet: string, row: number, lang: "vi" | "en", onSheet?: string): string {
  const word = lang === "vi" ? "dòng" : "row";
  return sheet === onSheet ? `${word} ${row}` : `${sheet}, ${word} ${row}`;
}

/**
 * Several rows, grouped by sheet in the order given: "Theo doi SH, dòng 232, 240;
 * Cán bộ, dòng 5". A list of "sheet!row" items would read as cell addresses.
 */
export function rowsRef(rows: ReadonlyArray<{ sheet: string; row: number }>, lang: "vi" | "en"): string {
  const bySheet = new Map<string, number[]>();
  for (const r of rows) {
    const list = bySheet.get(r.sheet);
    if (list) list.push(r.row);
    else bySheet.set(r.sheet, [r.row]);
  }
  const word = (n: number) => (lang === "vi" ? "dòng" : n > 1 ? "rows" : "row");
  return [...bySheet.entries()].map(([sheet, list]) => `${sheet}, ${word(list.length)} ${list.join(", ")}`).join("; ");
}
