import type { CellValue, FormatRun, SheetData } from "../core/model/values";
import { SimHost, SimOptions, hostOver } from "./host";
import { parseLocalAddress } from "./address";
import { SheetModel, Visibility, WorkbookModel, cellKey } from "./model";

/**
 * A workbook loaded into the simulated Excel a slice at a time: sheets first,
 * then their rows as they come (from the demo's file-reading worker, a few
 * thousand rows per message), then their number formats. Each call is small,
 * so the page's thread is never busy for long while a province file (190,000
 * rows) comes in; rows are taken as they are, not copied again.
 *
 * Values may be sparse (SheetData.values): a missing row stays missing, which
 * the simulator reads as blank.
 */
export type SheetStart = Pick<SheetData, "name" | "originRow" | "originCol" | "visibility" | "merges">;

const VISIBILITY: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

export class SimLoader {
  readonly model = new WorkbookModel();
  private readonly starts: SheetStart[] = [];

  /** Adds the next sheet (tab order) with its merged areas; returns its index for the calls below. */
  addSheet(start: SheetStart): number {
    const sheet = this.model.addSheet(start.name);
    sheet.visibility = VISIBILITY[start.visibility ?? "visible"] ?? "Visible";
    for (const m of start.merges ?? []) sheet.merges.push(parseLocalAddress(m));
    this.starts.push(start);
    return this.starts.length - 1;
  }

  /**
   * Rows `at`.. of the sheet's values (indexes into SheetData.values), and
   * which of their cells hold formulas. The arrays become the simulator's own.
   */
  addRows(index: number, at: number, rows: CellValue[][], formulas?: boolean[][]): void {
    const sheet = this.sheet(index);
    const { originRow, originCol } = this.starts[index];
    const r0 = originRow - 1 + at;
    const pad: CellValue[] = originCol > 1 ? new Array<CellValue>(originCol - 1).fill("") : [];
    rows.forEach((row, i) => {
      sheet.values[r0 + i] = pad.length ? pad.concat(row) : row;
    });
    formulas?.forEach((mask, i) => {
      mask.forEach((isFormula, j) => {
        if (!isFormula) return;
        // Only the mask travels in SheetData: the formula is kept as the literal of its value.
        const v = rows[i]?.[j] ?? "";
        sheet.formulas.set(cellKey(r0 + i, originCol - 1 + j), typeof v === "string" ? `="${v.replace(/"/g, '""')}"` : `=${v}`);
      });
    });
    sheet.version++;
  }

  /**
   * Number formats, as runs down a column. Up to `budget` cells are given
   * their format per call; the return says how many runs are done, so the
   * caller can go on in the next slice.
   */
  addFormats(index: number, runs: readonly FormatRun[], from = 0, budget = Infinity): number {
    const sheet = this.sheet(index);
    let left = budget;
    let k = from;
    for (; k < runs.length && left > 0; k++) {
      const run = runs[k];
      for (let r = run.row; r < run.row + run.count; r++) sheet.styles.set(cellKey(r - 1, run.col - 1), { numberFormat: run.format });
      left -= run.count;
    }
    sheet.version++;
    return k;
  }

  /** The simulated Excel over what was loaded; the first visible sheet is active, as Excel opens a file. */
  host(opts: SimOptions = {}): SimHost {
    if (this.model.sheets.length === 0) this.model.addSheet("Sheet1");
    const first = this.model.sheets.find((s) => s.visibility === "Visible");
    if (first) this.model.activeSheetId = first.id;
    return hostOver(this.model, opts.apiVersion ?? "1.17", opts.roundTrip);
  }

  private sheet(index: number): SheetModel {
    return this.model.sheets[index];
  }
}

/**
 * A whole WorkbookData into the simulated Excel in one go, number formats
 * included (a date stays a date on screen); rows are copied, so the caller's
 * data never changes. For files read in Node and tests; the demo page loads
 * in slices.
 */
export function simFromWorkbookData(data: { sheets: SheetData[] }, opts: SimOptions = {}): SimHost {
  const loader = new SimLoader();
  for (const sd of data.sheets) {
    const i = loader.addSheet(sd);
    const rows: CellValue[][] = [];
    sd.values.forEach((row, r) => {
      rows[r] = row.slice();
    });
    loader.addRows(i, 0, rows, sd.formulas);
    if (sd.formatRuns) loader.addFormats(i, sd.formatRuns);
  }
  const host = loader.host(opts);
  for (const name of opts.protectedSheets ?? []) {
    const sheet = host.model.findSheet(name);
    if (sheet) sheet.protection.protected = true;
  }
  return host;
}
