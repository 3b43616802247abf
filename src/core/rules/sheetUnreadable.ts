import { makeFinding } from "./finding";
import { TableRule } from "./tableRule";

/**
 * `sheet/unreadable` (error): the workbook lists a sheet the reader could not
 * read, or read only in part (WorkbookData.problems, carried by understand's
 * sheet notes). Its rows are missing from the check and the summary, so the
 * report would be wrong: the finding names the sheet and says what to do.
 */
export const sheetUnreadable: TableRule = (dataset, _ctx, out) => {
  for (const note of dataset.sheetNotes ?? []) {
    if (note.reason !== "unreadable") continue;
    out.push(makeFinding({
      rule: "sheet/unreadable", severity: "error", sheet: note.sheet, row: 1, col: 1, value: null,
      message: `Không đọc được (đầy đủ) trang "${note.sheet}": ${note.detailVi.replace(/\.$/, "")}.`,
      messageEn: `Sheet "${note.sheet}" could not be read (in full): ${note.detailEn.replace(/\.$/, "")}.`,
    }));
  }
};
