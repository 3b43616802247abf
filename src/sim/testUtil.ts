import type { WorkbookData } from "../core/model/values";
import { SimRichApiError } from "./errors";

/** Awaits a promise that must fail like Excel does, with this error code. */
export async function expectRichApiError(p: Promise<unknown>, code: string): Promise<SimRichApiError> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  if (!(caught instanceof SimRichApiError)) throw new Error(`Expected RichApi.Error ${code}, got ${caught === undefined ? "success" : String(caught)}`);
  expect(caught.name).toBe("RichApi.Error");
  expect(caught.code).toBe(code);
  expect(caught.debugInfo.code).toBe(code);
  return caught;
}

export function smallBook(): WorkbookData {
  return {
    sheets: [
      {
        name: "Cán bộ",
        originRow: 1,
        originCol: 1,
        values: [
          ["DANH SÁCH CÁN BỘ", "", ""],
          ["Họ và tên", "Ngày sinh", "Chức vụ"],
          ["Nguyễn Văn An", 23012, "Bí thư"],
          ["Trần Thị Bình", 25000, "Phó bí thư"],
        ],
      },
      { name: "Sinh hoạt", originRow: 3, originCol: 2, values: [["Tháng", "Số đảng viên"], [1, 12], [2, 11]] },
    ],
  };
}
