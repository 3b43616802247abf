import { createSimulatedExcel } from "../../src/sim";
import type { WorkbookData } from "../../src/core/model";
import { createExcelOperations, type ExcelHost } from "../../src/excel";

export type Sim = ReturnType<typeof createSimulatedExcel>;

/** The simulated Excel as the adapter's host, as the demo page builds it. */
export function hostOf(sim: Sim): ExcelHost {
  return { run: sim.run, isSetSupported: (set, version) => sim.requirements.isSetSupported(set, version) };
}

export function setup(workbook: WorkbookData, apiVersion = "1.17") {
  const sim = createSimulatedExcel(workbook, { apiVersion });
  const ops = createExcelOperations(hostOf(sim));
  /** A second adapter on the same workbook: the task pane closed and opened again. */
  const reopen = () => createExcelOperations(hostOf(sim));
  return { sim, ops, reopen };
}

/** A small user workbook: a cadre list with a title row, a pre-coloured cell, and a user sheet named like ours. */
export function smallWorkbook(): WorkbookData {
  return {
    sheets: [
      {
        name: "Cán bộ",
        originRow: 1,
        originCol: 1,
        values: [
          ["DANH SÁCH CÁN BỘ", "", "", ""],
          ["STT", "Họ và tên", "Ngày sinh", "Trình độ"],
          [1, "Nguyễn Văn An", 23012, "ĐH"],
          [2, " Trần Thị Bình ", "31/02/1970", "Đại học"],
          [3, "Lê Văn Cường", 25000, "Cao đẳng"],
          [4, "Phạm Thị Dung", "", "0123"],
        ],
      },
      { name: "Biểu mẫu", originRow: 1, originCol: 1, values: [["Báo cáo", ""], ["Số chi bộ", ""], ["Tổng", ""]] },
    ],
  };
}

export const API_VERSIONS = ["1.7", "1.12", "1.17"] as const;
