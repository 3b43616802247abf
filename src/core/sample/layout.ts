import { CellValue, DayDate, SheetData, WorkbookData, dayNumber, formatDay } from "./deps";
import { SampleCadre, SampleMeeting, SampleModel } from "./types";

/** Days from Excel's 1899-12-30 epoch to 1970-01-01; valid for dates from 1900-03-01 on. */
const SERIAL_1970 = 25569;
export function serialOf(d: DayDate): number {
  return dayNumber(d) + SERIAL_1970;
}

export const SHEET_COMMUNES = "Danh sách xã";
export const SHEET_CELLS = "Chi bộ";
export const SHEET_CADRES = "Cán bộ";
export const SHEET_MEETINGS = "Sinh hoạt";

const DATE_FORMAT = "dd/mm/yyyy";

/** Where each record landed, so defects can be planted at known cells. */
export interface SampleLayout {
  workbook: WorkbookData;
  /** Absolute 1-based column of each field, per sheet. */
  cadreCols: Record<CadreColumn, number>;
  meetingCols: Record<MeetingColumn, number>;
  cadreRows: Array<{ cadre: SampleCadre; row: number }>;
  meetingRows: Array<{ meeting: SampleMeeting; row: number }>;
  headerRows: Record<string, number[]>;
}

const CADRE_COLUMNS = [
  "stt", "name", "birth", "gender", "ethnicity", "religion", "role", "cell", "commune", "education", "theory",
  "joined", "villageHead", "trained", "eHandbook", "term", "cardNo",
] as const;
export type CadreColumn = (typeof CADRE_COLUMNS)[number];

const MEETING_COLUMNS = [
  "stt", "cell", "commune", "date", "kind", "mode", "minutes", "total", "exempt", "present", "excused", "unexcused",
  "upperAttended", "topic", "score", "rating", "minutesKept", "fiveSteps", "handbookPosted",
] as const;
export type MeetingColumn = (typeof MEETING_COLUMNS)[number];

function colMap<K extends string>(keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  keys.forEach((k, i) => { out[k] = i + 1; });
  return out;
}

function dateValue(d: DayDate, asText: boolean): CellValue {
  return asText ? formatDay(d) : serialOf(d);
}

function padRow(row: CellValue[], width: number): CellValue[] {
  while (row.length < width) row.push("");
  return row;
}

/** Title rows above a table, as offices type them: the party committee, then what the list is. */
function titleRows(model: SampleModel, what: string, width: number): CellValue[][] {
  const owner = model.communes.length === 1 ? `ĐẢNG BỘ ${model.communes[0].name.toUpperCase()}` : `ĐẢNG BỘ TỈNH ${model.province.toUpperCase()}`;
  return [padRow([owner], width), padRow([what], width), padRow([], width)];
}

function communesSheet(model: SampleModel): SheetData {
  const width = 3;
  const values: CellValue[][] = [padRow([`DANH SÁCH XÃ, PHƯỜNG TỈNH ${model.province.toUpperCase()}`], width), padRow([], width), ["STT", "Tên xã/phường", "Mã"]];
  model.communes.forEach((c, i) => values.push([i + 1, c.name, c.code]));
  return { name: SHEET_COMMUNES, originRow: 1, originCol: 1, values, merges: ["A1:C1"] };
}

function cellsSheet(model: SampleModel): SheetData {
  const width = 6;
  const values = titleRows(model, "DANH SÁCH CHI BỘ TRỰC THUỘC", width);
  values.push(["STT", "Tên chi bộ", "Mã chi bộ", "Đảng bộ xã/phường", "Loại hình", "Số đảng viên"]);
  let n = 0;
  let members = 0;
  for (const commune of model.communes) {
    for (const cell of commune.cells) {
      values.push([++n, cell.name, cell.code, cell.commune, cell.type, cell.members]);
      members += cell.members;
    }
  }
  values.push(["", "Tổng cộng", "", "", "", members]);
  return { name: SHEET_CELLS, originRow: 1, originCol: 1, values, merges: ["A1:F1", "A2:F2"] };
}

function yesMark(b: boolean): CellValue {
  return b ? "x" : "";
}

function cadresSheet(model: SampleModel, rows: SampleLayout["cadreRows"]): SheetData {
  const cols = colMap(CADRE_COLUMNS);
  const width = CADRE_COLUMNS.length;
  const values = titleRows(model, "DANH SÁCH BÍ THƯ CHI BỘ VÀ CẤP ỦY VIÊN", width);
  // Two header rows: "Trình độ" spans "Chuyên môn" and "LLCT"; every other label spans both rows.
  const top: CellValue[] = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Tôn giáo", "Chức vụ", "Chi bộ", "Đảng bộ xã/phường", "Trình độ", "", "Ngày vào Đảng", "Kiêm trưởng thôn/TDP", "Đã bồi dưỡng nghiệp vụ", "Dùng Sổ tay đảng viên điện tử", "Nhiệm kỳ", "Số thẻ đảng viên"];
  const bottom: CellValue[] = padRow([], width);
  bottom[cols.education - 1] = "Chuyên môn";
  bottom[cols.theory - 1] = "LLCT";
  values.push(top, bottom);
  const headerTop = values.length - 1;
  const merges = ["A1:Q1", "A2:Q2"];
  for (let c = 1; c <= width; c++) {
    const letter = String.fromCharCode(64 + c);
    if (c === cols.education) merges.push(`${letter}${headerTop}:${String.fromCharCode(64 + cols.theory)}${headerTop}`);
    else if (c !== cols.theory) merges.push(`${letter}${headerTop}:${letter}${headerTop + 1}`);
  }
  let n = 0;
  const push = (c: SampleCadre) => {
    const birth: CellValue = c.birth.kind === "year" ? String(c.birth.y) : dateValue(c.birth, c.textDates);
    const trained: CellValue = typeof c.trained === "boolean" ? (c.trained ? "Có" : "") : dateValue(c.trained, c.textDates);
    values.push([
      ++n, c.name, birth, c.gender, c.ethnicity, c.religion, c.role, c.cell, c.commune, c.education, c.theory,
      dateValue(c.joined, c.textDates), yesMark(c.villageHead), trained, c.eHandbook ? "Có" : "Không", c.term, c.cardNo,
    ]);
    rows.push({ cadre: c, row: values.length });
  };
  for (const commune of model.communes) {
    commune.committee.forEach(push);
    for (const cell of commune.cells) cell.cadres.forEach(push);
  }
  return {
    name: SHEET_CADRES, originRow: 1, originCol: 1, values, merges,
    columnFormats: { [cols.birth]: DATE_FORMAT, [cols.joined]: DATE_FORMAT, [cols.trained]: DATE_FORMAT, [cols.cardNo]: "@" },
  };
}

function meetingsSheet(model: SampleModel, rows: SampleLayout["meetingRows"]): SheetData {
  const cols = colMap(MEETING_COLUMNS);
  const width = MEETING_COLUMNS.length;
  const values = titleRows(model, `THEO DÕI SINH HOẠT CHI BỘ NĂM ${model.year}`, width);
  values.push(["STT", "Chi bộ", "Đảng bộ xã/phường", "Ngày sinh hoạt", "Loại sinh hoạt", "Hình thức", "Thời lượng (phút)", "Tổng số đảng viên", "Miễn sinh hoạt", "Có mặt", "Vắng có lý do", "Vắng không lý do", "Cấp ủy viên cấp trên dự", "Chủ đề", "Điểm", "Xếp loại", "Có biên bản", "Đủ quy trình 5 bước", "Đăng Sổ tay điện tử"]);
  let n = 0;
  for (const commune of model.communes) {
    for (const cell of commune.cells) {
      for (const m of cell.meetings) {
        values.push([
          ++n, m.cell, m.commune, dateValue(m.date, m.textDate), m.kind, m.mode, m.minutes, m.total, m.exempt, m.present,
          m.excused, m.unexcused, m.upperAttended, m.topic, m.score, m.rating, yesMark(m.minutesKept), yesMark(m.fiveSteps), yesMark(m.handbookPosted),
        ]);
        rows.push({ meeting: m, row: values.length });
      }
    }
  }
  return { name: SHEET_MEETINGS, originRow: 1, originCol: 1, values, merges: ["A1:S1", "A2:S2"], columnFormats: { [cols.date]: DATE_FORMAT } };
}

export function layoutSample(model: SampleModel): SampleLayout {
  const cadreRows: SampleLayout["cadreRows"] = [];
  const meetingRows: SampleLayout["meetingRows"] = [];
  const sheets = [communesSheet(model), cellsSheet(model), cadresSheet(model, cadreRows), meetingsSheet(model, meetingRows)];
  return {
    workbook: { sheets },
    cadreCols: colMap(CADRE_COLUMNS),
    meetingCols: colMap(MEETING_COLUMNS),
    cadreRows,
    meetingRows,
    headerRows: { [SHEET_COMMUNES]: [3], [SHEET_CELLS]: [4], [SHEET_CADRES]: [4, 5], [SHEET_MEETINGS]: [4] },
  };
}
