import type { SheetData, WorkbookData } from "../core/model";

/**
 * What the demo page reads from the simulated Excel to draw it: the values,
 * the fills, the selection and the charts, and a signal when any of them
 * changes. The task pane never sees this: it works through the adapter only.
 */
export interface ChartInfo {
  name: string;
  type?: string;
  title?: string;
}

export interface SelectionInfo {
  sheet: string;
  /** A1 without the sheet: "B12" or "B12:C14". */
  address: string;
}

export interface DemoView {
  snapshot(): WorkbookData;
  sheetNames(): string[];
  /**
   * One sheet's values, copied again only when that sheet changed: redrawing after the pane writes a small
   * summary sheet must not copy a province's 150,000 meeting rows on the page's thread.
   */
  sheetData(name: string): SheetData | undefined;
  fillAt(sheet: string, row: number, col: number): string | undefined;
  /** The cell as Excel would display it (dates and percentages through their number formats). */
  textAt(sheet: string, row: number, col: number): string;
  charts(sheet: string): ChartInfo[];
  selection(): SelectionInfo | null;
  onChange(listener: () => void): () => void;
}
