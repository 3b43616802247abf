import type { Text } from "../model";
import { cadreColumns, meetingColumns, bandLabel, CadreColumn, MeetingColumn } from "../summary/columns";
import { Figure, Summary, SummaryRow } from "../summary/types";

/**
 * The summary's columns as the sheet and the form filler see them, derived
 * from the one declaration of each column (summary/columns.ts): a label the
 * sheet prints is a label the filler recognises, and a new column appears in
 * both without being written here.
 */
export type TableKey = "secretaries" | "committee" | "meetings";

export interface Metric {
  /** Stable id, as in the JSON ("women", "education.trungCap", "rating.tot"). */
  id: string;
  vi: string;
  en: string;
  /** A share shown as count + %, a plain count, or a percentage alone. */
  kind: "countPct" | "count" | "pct";
  /**
   * Folded phrases identifying this column in a user's form: the header path
   * matches when every phrase of one alternative is in it.
   */
  patterns: ReadonlyArray<readonly string[]>;
}

function metricOf(c: CadreColumn | MeetingColumn): Metric {
  const m = c.measure;
  const kind = m.kind === "share" ? "countPct" : m.kind === "count" ? "count" : "pct";
  return { id: c.key, vi: c.vi, en: c.en, kind, patterns: c.form };
}

export function cadreMetrics(summary: Pick<Summary, "ageBands">): Metric[] {
  return cadreColumns(summary.ageBands).map(metricOf);
}

export const MEETING_METRICS: Metric[] = meetingColumns.map(metricOf);

export function metricsOf(table: TableKey, summary: Pick<Summary, "ageBands">): Metric[] {
  return table === "meetings" ? MEETING_METRICS : cadreMetrics(summary);
}

/** A row's figure for a metric. */
export function figureAt(row: SummaryRow<string>, id: string): Figure {
  return (row.figures as Record<string, Figure>)[id];
}

export const TABLE_TITLES: Record<TableKey, Text> = {
  secretaries: { vi: "Biểu 1. Đội ngũ bí thư chi bộ", en: "Table 1. Cell secretaries" },
  committee: { vi: "Biểu 2. Cấp ủy viên cơ sở", en: "Table 2. Grassroots committee members" },
  meetings: { vi: "Biểu 3. Sinh hoạt chi bộ", en: "Table 3. Cell meetings" },
};

export { bandLabel };
