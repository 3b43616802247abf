import { FieldKeyOf, TableKind } from "./fields";

/** Which column holds a field, and how sure detection is (1 = exact header, user mapping = 1). */
export interface ColumnMatch {
  /** 1-based absolute column. */
  col: number;
  /** The header text as it reads in the sheet (both header rows joined with " / " when two-row). */
  header: string;
  confidence: number;
}

export interface UnmappedColumn {
  col: number;
  header: string;
}

/**
 * A table found on a sheet (or given by the user). Rows and columns are 1-based
 * and absolute, so `sheet` + `row` + `col` is a cell a person can click.
 */
export interface DetectedTable<K extends TableKind = TableKind> {
  kind: K;
  sheet: string;
  /** First and last header row (equal for a one-row header). */
  headerTop: number;
  headerBottom: number;
  /** Data rows in order: blank rows, repeated header rows and "Tổng cộng"/"Cộng" rows are left out. */
  dataRows: number[];
  /** Rows that are not data but sit inside the table (total rows, blank rows), with the reason, for `inspect`. */
  skippedRows: Array<{ row: number; reason: "blank" | "total" | "header" | "numbering" }>;
  columns: Partial<Record<FieldKeyOf[K], ColumnMatch>>;
  unmapped: UnmappedColumn[];
  /** Overall confidence 0..1 (how well the header row matched the table kind). */
  confidence: number;
  /** "detected" or "user" (a mapping the user gave, used as given). */
  source: "detected" | "user";
  /**
   * The commune the layout gives the rows: a title ("ĐẢNG BỘ XÃ YÊN LẠC", "… TRỰC
   * THUỘC ĐẢNG BỘ XÃ TIÊN DU"), a section line above them ("I. ĐẢNG BỘ XÃ KIM
   * SƠN") or the sheet's tab name ("Xã Tiên Du"). Used when the table has no
   * commune column, and for its blank cells when it has one.
   */
  titleCommune?: string;
  /** Where `titleCommune` came from (records say so in `derived.commune`). */
  communeFrom?: "title" | "section" | "sheet";
}

/** What the user saves in the workbook when detection got it wrong: used as given. */
export interface UserMapping<K extends TableKind = TableKind> {
  kind: K;
  sheet: string;
  headerTop: number;
  headerBottom: number;
  /** field -> 1-based absolute column. */
  columns: Partial<Record<FieldKeyOf[K], number>>;
  /** Last data row to read; when absent, the sheet's used range end. */
  lastRow?: number;
}
