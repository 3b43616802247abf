import type { CellValue, WorkbookData } from "../model";

/**
 * Small commune workbooks as 2D arrays, for the province's tests: one party
 * cell with its secretary, a regular meeting every month of 2025's third
 * quarter and a thematic one, laid out as offices type them.
 */
export interface BookOptions {
  /** The commune as its rows write it. */
  commune: string;
  cell?: string;
  /** A meeting with more people present than members: an error for the period. */
  withError?: boolean;
  /** Months (1-12) of 2025 with a regular meeting. */
  months?: number[];
  /** Leave the commune column out and put the commune in the title instead. */
  communeInTitle?: boolean;
}

const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

export function communeBook(o: BookOptions): WorkbookData {
  const cell = o.cell ?? "Chi bộ Thôn 1";
  const months = o.months ?? [7, 8, 9];
  const title = o.communeInTitle ? [[`ĐẢNG BỘ ${o.commune.toUpperCase()}`], []] : [];
  const withCommune = (row: CellValue[], commune: CellValue) => (o.communeInTitle ? row : [...row.slice(0, 2), commune, ...row.slice(2)]);
  const cellsHeader = withCommune(["STT", "Tên chi bộ", "Loại hình", "Số đảng viên"], "Đảng bộ xã/phường");
  const cadresHeader = withCommune(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Chi bộ"], "Đảng bộ xã/phường");
  const meetingsHeader = withCommune(["STT", "Chi bộ", "Ngày sinh hoạt", "Loại sinh hoạt", "Tổng số đảng viên", "Miễn sinh hoạt", "Có mặt", "Vắng có lý do", "Vắng không lý do", "Thời lượng (phút)"], "Đảng bộ xã/phường");
  const meetings: CellValue[][] = months.map((m, i) => withCommune([i + 1, cell, serial(2025, m, 10), "Thường kỳ", 20, 0, 19, 1, 0, 120], o.commune));
  meetings.push(withCommune([meetings.length + 1, cell, serial(2025, months[0], 20), "Chuyên đề", 20, 0, o.withError ? 25 : 20, 0, 0, 150], o.commune));
  return {
    sheets: [
      { name: "Chi bộ", originRow: 1, originCol: 1, values: [...title, cellsHeader, withCommune([1, cell, "Thôn", 20], o.commune)] },
      { name: "Cán bộ", originRow: 1, originCol: 1, values: [...title, cadresHeader, withCommune([1, "Nguyễn Văn An", serial(1975, 5, 7), "Nam", "Bí thư chi bộ", cell], o.commune)] },
      { name: "Sinh hoạt", originRow: 1, originCol: 1, values: [...title, meetingsHeader, ...meetings] },
    ],
  };
}

/** A province's list of its communes, as a file of its own. */
export function listBook(communes: readonly string[]): WorkbookData {
  return {
    sheets: [{ name: "Danh sách xã", originRow: 1, originCol: 1, values: [["STT", "Tên xã/phường", "Mã"], ...communes.map((c, i) => [i + 1, c, String(100 + i)])] }],
  };
}
