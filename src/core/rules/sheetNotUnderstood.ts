import { makeFinding } from "./finding";
import { defineRule } from "./rule";

/**
 * `sheet/not-understood` (warning): a sheet holds what looks like a table of
 * data (a row of labels over rows of data, or rows of data with no labels)
 * but no table was read from it, so none of its rows was checked or counted.
 * The finding points at the header row found (or the sheet's first cell) and
 * says why (understand's sheet notes) and what to do. A report form, the
 * product's own results sheet, or a sheet of titles is only named by
 * `inspect` and the Dữ liệu tab, not warned about.
 */
export const sheetNotUnderstood = defineRule({
  id: "sheet/not-understood",
  severities: ["warning"],
  label: { vi: "Trang có dữ liệu chưa đọc được", en: "Sheet with data not understood" },
  checks: {
    vi: "Một trang có vẻ là bảng dữ liệu (dòng tiêu đề trên các dòng số liệu, hoặc các dòng số liệu không có tiêu đề) nhưng không đọc được bảng nào, nên không dòng nào của nó được kiểm tra hay tổng hợp. Phát hiện chỉ vào dòng tiêu đề tìm thấy và nói lý do (thiếu cột chính, tiêu đề không khớp bảng nào…) và cách làm.",
    en: "A sheet that looks like a table of data (a row of labels over rows of data, or rows of data with no labels) gave no table, so none of its rows is checked or counted. The finding points at the header row found and says why (no key column, headers matching no table…) and what to do.",
  },
  fix: null,
  settings: [],
  run: {
    table: (dataset, _ctx, out) => {
      for (const note of dataset.sheetNotes ?? []) {
        if (note.reason === "unreadable" || !note.looksLikeTable) continue;
        out.push(makeFinding({
          rule: "sheet/not-understood", severity: "warning", sheet: note.sheet, row: note.row ?? 1, col: note.col ?? 1, value: null,
          message: {
            vi: `Trang "${note.sheet}" có ${note.rows} dòng dữ liệu nhưng không được đọc, nên không được kiểm tra hay tổng hợp: ${note.detail.vi}.`,
            en: `Sheet "${note.sheet}" holds ${note.rows} rows of data but was not read, so it is neither checked nor summed up: ${note.detail.en}.`,
          },
        }));
      }
    },
  },
});
