import { makeFinding } from "./finding";
import { TableRule } from "./tableRule";

/**
 * `sheet/not-understood` (warning): a sheet holds what looks like a table of
 * data (a row of labels over rows of data, or rows of data with no labels)
 * but no table was read from it, so none of its rows was checked or counted.
 * The finding points at the header row found (or the sheet's first cell) and
 * says why (understand's sheet notes) and what to do. A report form, the
 * product's own results sheet, or a sheet of titles is only named by
 * `inspect` and the Dữ liệu tab, not warned about.
 */
export const sheetNotUnderstood: TableRule = (dataset, _ctx, out) => {
  for (const note of dataset.sheetNotes ?? []) {
    if (note.reason === "unreadable" || !note.looksLikeTable) continue;
    out.push(makeFinding({
      rule: "sheet/not-understood", severity: "warning", sheet: note.sheet, row: note.row ?? 1, col: note.col ?? 1, value: null,
      message: `Trang "${note.sheet}" có ${note.rows} dòng dữ liệu nhưng không được đọc, nên không được kiểm tra hay tổng hợp: ${note.detailVi}.`,
      messageEn: `Sheet "${note.sheet}" holds ${note.rows} rows of data but was not read, so it is neither checked nor summed up: ${note.detailEn}.`,
    }));
  }
};
