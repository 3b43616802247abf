import { CellValue } from "./values";

/**
 * A write plan: what the product will do to a workbook, as data. The core makes
 * it; a host (Office.js adapter, simulated Excel, ExcelJS writer) carries it out.
 * Tests read plans directly, before any host is involved.
 *
 * Addresses are A1 without the sheet ("A1:F20"); `sheet` names the sheet.
 */
export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fill?: string;
  fontColor?: string;
  wrap?: boolean;
  hAlign?: "Left" | "Center" | "Right";
  vAlign?: "Top" | "Center" | "Bottom";
  /** Thin borders on every edge of every cell in the range. */
  border?: boolean;
}

/**
 * What a sheet the product makes is for. "summary" and "findings" are outputs, never read back as data;
 * "template" sheets are the user's to fill, never cleared once made; "consolidated" sheets hold the
 * communes' rows copied in ("Chép dữ liệu vào sổ"): read as data, and replaced whole on the next import,
 * the host keeping the old sheet hidden until then so the import can be undone exactly.
 */
export type SheetPurpose = "summary" | "findings" | "template" | "consolidated";

export type ChartKind = "ColumnClustered" | "Line" | "BarStacked" | "BarStacked100";

export type PlanOp =
  /**
   * Make the sheet, or clear it when it already exists AND the product made it
   * (it carries the product's marker). A user's sheet of the same name is never
   * touched: the host picks a free name ("Tổng hợp (2)") and reports it.
   */
  | { op: "sheet"; sheet: string; purpose: SheetPurpose; tabColor?: string }
  /** Literal values. Text that starts with =, +, - or @ is written as text, never as a formula. */
  | { op: "values"; sheet: string; address: string; values: CellValue[][] }
  /** Formulas the product means (e.g. HYPERLINK in the findings sheet). */
  | { op: "formulas"; sheet: string; address: string; formulas: string[][] }
  | { op: "format"; sheet: string; address: string; format: CellFormat }
  | { op: "merge"; sheet: string; address: string }
  /** Widths in points, from `firstCol` (1-based) on. */
  | { op: "columnWidths"; sheet: string; firstCol: number; widths: number[] }
  | { op: "freeze"; sheet: string; rows: number; cols: number }
  /** A data-validation dropdown ("Tạo mẫu"). */
  | { op: "dropdown"; sheet: string; address: string; values: readonly string[] }
  /**
   * A native chart with a stable name: updated in place when one of that name
   * exists on the sheet, added otherwise, never duplicated.
   */
  | {
      op: "chart";
      sheet: string;
      name: string;
      kind: ChartKind;
      title: string;
      source: string;
      seriesBy: "Columns" | "Rows";
      /** Where the chart sits: top-left and bottom-right cells. */
      anchor: { from: string; to: string };
    }
  /**
   * Writes into the user's own form: only these cells, each checked again by
   * the host just before writing (a cell that now holds a formula is skipped).
   */
  | { op: "formCells"; sheet: string; cells: Array<{ row: number; col: number; value: CellValue }> };

export interface WritePlan {
  ops: PlanOp[];
}
