/** Reading a Summary in tests: its figures by commune and table, and the plain shapes the re-counts compare them to. */
import { Comparand, CountPct, Figure, Summary, isNoData } from "../../src/core/summary";

/** A plain count, as the summary gives it: `{count, pct: null}`. */
export const n = (count: number) => ({ count, pct: null });
/** A ratio: `{count: null, pct}`. */
export const ratio = (pct: number | null) => ({ count: null, pct });

/** A row's figures without their comparison parts: what the re-counts compute. */
export function plain(figures: Record<string, Figure>): Record<string, Comparand> {
  return Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.notRecorded !== undefined ? { count: null, pct: null, notRecorded: f.notRecorded } : { count: f.count, pct: f.pct }]));
}

/** The other side of a comparison, figure by figure. */
export function sideOf(figures: Record<string, Figure>, which: "previousTerm" | "previousYear"): Record<string, Comparand | undefined> {
  return Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f[which]]));
}

/** A figure that must be counted: its count and %, or a failure naming why it is not recorded. */
export function counted(f: Figure | undefined): CountPct & { count: number } {
  if (f === undefined) throw new Error("no such figure");
  if (f.notRecorded !== undefined) throw new Error(`not recorded: ${f.notRecorded.en}`);
  if (f.count === null) throw new Error("a ratio has no count");
  return { count: f.count, pct: f.pct };
}

/** The figures of a commune's row in a table, failing when the commune has no data. */
export function rowFigures(summary: Summary, table: keyof Summary["tables"], commune: string): Record<string, Figure> {
  const row = summary.tables[table].rows.find((r) => r.commune === commune);
  if (!row || isNoData(row)) throw new Error(`${commune} has no row with data in ${table}`);
  return row.figures as Record<string, Figure>;
}

/** "Toàn tỉnh"'s figures of a table. */
export function totalFigures(summary: Summary, table: keyof Summary["tables"]): Record<string, Figure> {
  return summary.tables[table].total.figures as Record<string, Figure>;
}
