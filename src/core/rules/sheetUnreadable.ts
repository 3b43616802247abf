import { makeFinding } from "./finding";
import { defineRule } from "./rule";

/**
 * `sheet/unreadable` (error): the workbook lists a sheet the reader could not
 * read, or read only in part (WorkbookData.problems, carried by understand's
 * sheet notes). Its rows are missing from the check and the summary, so the
 * report would be wrong: the finding names the sheet and says what to do.
 */
export const sheetUnreadable = defineRule({
  id: "sheet/unreadable",
  severities: ["error"],
  label: { vi: "Trang không đọc được", en: "Sheet that could not be read" },
  checks: {
    vi: "Sổ tính có một trang mà tệp không đọc được, hoặc chỉ đọc được một phần (tệp hỏng, quá lớn…): các dòng của trang đó thiếu trong kiểm tra và tổng hợp, nên báo cáo sẽ sai. Phát hiện nêu tên trang và cách làm.",
    en: "A sheet the workbook lists could not be read, or only in part (a damaged or oversized file…): its rows are missing from the check and the summary, so the report would be wrong. The finding names the sheet and says what to do.",
  },
  fix: null,
  settings: [],
  run: {
    table: (dataset, _ctx, out) => {
      for (const note of dataset.sheetNotes ?? []) {
        if (note.reason !== "unreadable") continue;
        out.push(makeFinding({
          rule: "sheet/unreadable", severity: "error", sheet: note.sheet, row: 1, col: 1, value: null,
          message: {
            vi: `Không đọc được (đầy đủ) trang "${note.sheet}": ${note.detail.vi.replace(/\.$/, "")}.`,
            en: `Sheet "${note.sheet}" could not be read (in full): ${note.detail.en.replace(/\.$/, "")}.`,
          },
        }));
      }
    },
  },
});
