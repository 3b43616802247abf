import { TableKind } from "../model/fields";
import { ColumnMatch, DetectedTable, UnmappedColumn } from "../model/tables";
import { RowScan } from "./dataRows";
import { Grid } from "./grid";
import { HeaderColumn } from "./kind";

export interface TableParts {
  kind: TableKind;
  headerTop: number;
  headerBottom: number;
  columns: Array<{ field: string; index: number; header: string; confidence: number }>;
  unmapped: HeaderColumn[];
  confidence: number;
  source: "detected" | "user";
  titleCommune?: string;
  communeFrom?: DetectedTable["communeFrom"];
}

/** Assembles the contract shape, turning 0-based indexes into 1-based absolute rows and columns. */
export function buildTable(g: Grid, parts: TableParts, scan: RowScan): DetectedTable {
  const columns: Record<string, ColumnMatch> = {};
  for (const c of parts.columns) columns[c.field] = { col: g.absCol(c.index), header: c.header, confidence: c.confidence };
  const unmapped: UnmappedColumn[] = parts.unmapped.map((c) => ({ col: g.absCol(c.index), header: c.display }));
  const table: DetectedTable = {
    kind: parts.kind,
    sheet: g.sheet.name,
    headerTop: g.absRow(parts.headerTop),
    headerBottom: g.absRow(parts.headerBottom),
    dataRows: scan.dataRows,
    skippedRows: scan.skippedRows,
    columns: columns as DetectedTable["columns"],
    unmapped,
    confidence: parts.confidence,
    source: parts.source,
  };
  if (parts.titleCommune !== undefined) {
    table.titleCommune = parts.titleCommune;
    table.communeFrom = parts.communeFrom ?? "title";
  }
  return table;
}
