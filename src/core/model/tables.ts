import { FieldKeyOf, TableKind } from "./fields";
import type { Text } from "./text";

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
 * One time column of a wide meeting tracker: a month ("Tháng 3", "T3",
 * "03/2025") or a quarter's thematic meeting ("CĐ Quý I"), and the kind of
 * meeting its cells record. 1-based absolute column.
 */
export interface TrackerColumn {
  col: number;
  month?: number;
  quarter?: 1 | 2 | 3 | 4;
  /** The year the header gives ("Tháng 1/2025"), when it gives one. */
  year?: number;
  kind: "Thường kỳ" | "Chuyên đề";
}

/**
 * A wide meeting tracker: one row per cell, one column per month (and maybe a
 * thematic column per quarter), each cell holding the meeting's date, a mark
 * or nothing. Its `columns` map the cell (and commune) columns; the time
 * columns are here.
 */
export interface TrackerLayout {
  times: TrackerColumn[];
  /** The year the title, the headers or the tab name gives ("THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"). */
  year?: number;
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
  /** Present when the table is a wide meeting tracker (kind "meetings"): its time columns. */
  tracker?: TrackerLayout;
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

/**
 * Why a sheet that holds data gave no table. `inspect`, the check and the Dữ
 * liệu tab name every such sheet with its reason: a sheet is never dropped in silence.
 *
 * - unreadable: the reader could not read it (WorkbookData.problems);
 * - no-key-column: its header matches a table but lacks the column every row
 *   of it is about ("Họ và tên", "Ngày sinh hoạt", "Tên chi bộ", "Tên xã");
 * - headers-unknown: a row of labels over rows of data, that no table's
 *   columns match;
 * - no-header: rows of data with no row of labels above them;
 * - report: a report form, figures per commune or per month (not a list to check);
 * - text: titles or text only.
 */
export type SheetNoteReason = "unreadable" | "no-key-column" | "headers-unknown" | "no-header" | "report" | "text";

export interface SheetNote {
  sheet: string;
  reason: SheetNoteReason;
  /** It looks like a table of data the product should have read: the check warns (`sheet/not-understood`). */
  looksLikeTable: boolean;
  /** 1-based absolute row and column of the header row found (its first label), for the finding's address. */
  row?: number;
  col?: number;
  /** The labels read on that row, at most eight. */
  labels?: string[];
  /** For no-key-column: the table its other headers match. */
  kind?: TableKind;
  /** Rows holding data. */
  rows: number;
  /** One plain sentence each: what was found and what to do. */
  detail: Text;
}
