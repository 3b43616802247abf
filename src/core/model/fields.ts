import { CELL_TYPES, EDUCATION, EnumDef, GENDERS, MEETING_KINDS, MEETING_MODES, RATINGS, ROLES, THEORY } from "./enums";

/** The four logical tables of DOMAIN.md. */
export type TableKind = "cells" | "cadres" | "meetings" | "communes";
export const TABLE_KINDS: readonly TableKind[] = ["cells", "cadres", "meetings", "communes"];

/**
 * How a field's cells are read.
 * - birth: a date, or a year alone;
 * - birthYearMale / birthYearFemale: the "Nam" / "Nữ" birth-year column pair, which also gives the gender;
 * - yesnoOrDate: yes/no, or a date meaning yes (trained on that day);
 * - yesnoOrName: yes/no, or a person's name meaning yes (upper-level member who attended);
 * - digits: text made of digits (card numbers keep their leading zeros).
 */
export type FieldType =
  | "text" | "integer" | "number" | "date" | "birth" | "birthYearMale" | "birthYearFemale"
  | "yesno" | "yesnoOrDate" | "yesnoOrName" | "enum" | "term" | "digits";

export interface FieldDef {
  key: string;
  type: FieldType;
  /** The `required` rule fires when the cell is blank. */
  required: boolean;
  /** Header labels seen in real sheets, canonical first. Compared folded (see text/fold). */
  headers: readonly string[];
  enumDef?: EnumDef;
  /** For integers and numbers: the lowest and highest value allowed. */
  min?: number;
  max?: number;
  /** Labels in Vietnamese and English for the UI and messages. */
  labelVi: string;
  labelEn: string;
}

function f(key: string, type: FieldType, labelVi: string, labelEn: string, headers: string[], extra: Partial<FieldDef> = {}): FieldDef {
  return { key, type, required: false, headers, labelVi, labelEn, ...extra };
}

export const CELL_FIELDS = [
  f("cell", "text", "Tên chi bộ", "Party cell", ["Tên chi bộ", "Chi bộ", "Tên CB", "Party cell", "Cell"], { required: true }),
  f("code", "text", "Mã chi bộ", "Cell code", ["Mã chi bộ", "Mã", "Mã CB", "Code"]),
  f("commune", "text", "Đảng bộ xã/phường", "Commune", ["Đảng bộ xã/phường", "Đảng bộ xã", "Đảng bộ phường", "Đảng bộ", "Xã/phường", "Xã", "Phường", "Đơn vị", "Commune"], { required: true }),
  f("cellType", "enum", "Loại hình", "Cell type", ["Loại hình", "Loại chi bộ", "Loại hình chi bộ", "Loại", "Type"], { enumDef: CELL_TYPES }),
  f("members", "integer", "Số đảng viên", "Members", ["Số đảng viên", "Tổng số ĐV", "Tổng số đảng viên", "Số ĐV", "Đảng viên", "Members"], { min: 3 }),
] as const satisfies readonly FieldDef[];

export const CADRE_FIELDS = [
  f("name", "text", "Họ và tên", "Full name", ["Họ và tên", "Họ tên", "Họ và tên đệm", "Full name", "Name"], { required: true }),
  f("birth", "birth", "Ngày sinh", "Date of birth", ["Ngày sinh", "Năm sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Sinh năm", "Date of birth", "Birth"]),
  f("birthYearMale", "birthYearMale", "Năm sinh (Nam)", "Birth year (male)", ["Nam"]),
  f("birthYearFemale", "birthYearFemale", "Năm sinh (Nữ)", "Birth year (female)", ["Nữ"]),
  f("gender", "enum", "Giới tính", "Gender", ["Giới tính", "Gender", "Sex"], { enumDef: GENDERS }),
  f("ethnicity", "text", "Dân tộc", "Ethnicity", ["Dân tộc", "DT", "Ethnicity"]),
  f("religion", "text", "Tôn giáo", "Religion", ["Tôn giáo", "TG", "Religion"]),
  f("role", "enum", "Chức vụ", "Role", ["Chức vụ", "Chức vụ đảng", "Chức vụ Đảng", "Chức danh", "Role", "Position"], { required: true, enumDef: ROLES }),
  f("cell", "text", "Chi bộ", "Party cell", ["Chi bộ", "Tên chi bộ", "Sinh hoạt tại chi bộ", "Party cell", "Cell"]),
  f("commune", "text", "Đảng bộ xã/phường", "Commune", ["Đảng bộ xã/phường", "Đảng bộ xã", "Đảng bộ phường", "Đảng bộ", "Xã/phường", "Xã", "Phường", "Đơn vị", "Commune"], { required: true }),
  f("education", "enum", "Trình độ chuyên môn", "Education", ["Trình độ chuyên môn", "Chuyên môn", "CM", "TĐCM", "Chuyên môn nghiệp vụ", "Education"], { enumDef: EDUCATION }),
  f("theory", "enum", "Lý luận chính trị", "Political theory", ["Lý luận chính trị", "LLCT", "Lý luận", "Trình độ LLCT", "Political theory"], { enumDef: THEORY }),
  f("joined", "date", "Ngày vào Đảng", "Date joined", ["Ngày vào Đảng", "Ngày vào đảng", "Vào Đảng", "Ngày kết nạp", "Date joined"]),
  f("villageHead", "yesno", "Kiêm trưởng thôn/TDP", "Also village head", ["Kiêm trưởng thôn/TDP", "Kiêm trưởng thôn", "Kiêm trưởng thôn, TDP", "Trưởng thôn", "Village head"]),
  f("trained", "yesnoOrDate", "Đã bồi dưỡng nghiệp vụ", "Trained", ["Đã bồi dưỡng nghiệp vụ", "Bồi dưỡng nghiệp vụ", "Ngày bồi dưỡng", "Đã bồi dưỡng", "Trained"]),
  f("eHandbook", "yesno", "Dùng Sổ tay đảng viên điện tử", "Uses e-handbook", ["Dùng Sổ tay đảng viên điện tử", "Sổ tay đảng viên điện tử", "Sổ tay điện tử", "Sử dụng sổ tay ĐV điện tử", "E-handbook"]),
  f("term", "term", "Nhiệm kỳ", "Term", ["Nhiệm kỳ", "NK", "Term"]),
  f("cardNo", "digits", "Số thẻ đảng viên", "Party card no.", ["Số thẻ đảng viên", "Số thẻ ĐV", "Số thẻ", "Card no"]),
] as const satisfies readonly FieldDef[];

export const MEETING_FIELDS = [
  f("cell", "text", "Chi bộ", "Party cell", ["Chi bộ", "Tên chi bộ", "Party cell", "Cell"], { required: true }),
  f("commune", "text", "Đảng bộ xã/phường", "Commune", ["Đảng bộ xã/phường", "Đảng bộ xã", "Đảng bộ phường", "Đảng bộ", "Xã/phường", "Xã", "Phường", "Đơn vị", "Commune"]),
  f("date", "date", "Ngày sinh hoạt", "Meeting date", ["Ngày sinh hoạt", "Ngày họp", "Thời gian", "Ngày SH", "Ngày", "Date"], { required: true }),
  f("kind", "enum", "Loại sinh hoạt", "Kind", ["Loại", "Hình thức sinh hoạt", "Loại sinh hoạt", "Loại hình sinh hoạt", "Kind"], { required: true, enumDef: MEETING_KINDS }),
  f("mode", "enum", "Hình thức", "Mode", ["Hình thức", "Hình thức họp", "Mode"], { enumDef: MEETING_MODES }),
  f("minutes", "integer", "Thời lượng (phút)", "Duration (minutes)", ["Thời lượng (phút)", "Thời lượng", "Số phút", "Duration"], { min: 0 }),
  f("total", "integer", "Tổng số đảng viên", "Members", ["Tổng số đảng viên", "Tổng số ĐV", "Tổng số", "Số đảng viên", "Total"], { min: 0 }),
  f("exempt", "integer", "Miễn sinh hoạt", "Exempt", ["Miễn sinh hoạt", "Miễn SH", "Được miễn", "Exempt"], { min: 0 }),
  f("present", "integer", "Có mặt", "Present", ["Có mặt", "Số dự", "Số đảng viên dự", "Dự", "Present"], { min: 0 }),
  f("excused", "integer", "Vắng có lý do", "Absent with reason", ["Vắng có lý do", "Vắng có LD", "Vắng CLD", "Excused"], { min: 0 }),
  f("unexcused", "integer", "Vắng không lý do", "Absent without reason", ["Vắng không lý do", "Vắng không LD", "Vắng KLD", "Unexcused"], { min: 0 }),
  f("upperAttended", "yesnoOrName", "Cấp ủy viên cấp trên dự", "Upper-level member attended", ["Cấp ủy viên cấp trên dự", "Cấp ủy cấp trên dự", "Cấp trên dự", "Đồng chí cấp ủy cấp trên dự", "Upper attended"]),
  f("topic", "text", "Chủ đề", "Topic", ["Chủ đề", "Nội dung chuyên đề", "Nội dung", "Chuyên đề", "Topic"]),
  f("score", "number", "Điểm", "Score", ["Điểm", "Điểm đánh giá", "Điểm chấm", "Score"], { min: 0, max: 100 }),
  f("rating", "enum", "Xếp loại", "Rating", ["Xếp loại", "Đánh giá", "Xếp loại chất lượng", "Rating"], { enumDef: RATINGS }),
  f("minutesKept", "yesno", "Có biên bản", "Minutes kept", ["Có biên bản", "Biên bản", "Minutes kept"]),
  f("fiveSteps", "yesno", "Đủ quy trình 5 bước", "5-step procedure", ["Đủ quy trình 5 bước", "Thực hiện quy trình (HD 42)", "Quy trình 5 bước", "Thực hiện quy trình", "Five steps"]),
  f("handbookPosted", "yesno", "Đăng Sổ tay điện tử", "Posted on e-handbook", ["Đăng Sổ tay điện tử", "Đăng sổ tay", "Đăng Sổ tay ĐV điện tử", "Posted"]),
] as const satisfies readonly FieldDef[];

export const COMMUNE_FIELDS = [
  f("commune", "text", "Tên xã/phường", "Commune", ["Tên xã/phường", "Đảng bộ xã/phường", "Tên đảng bộ", "Xã/phường", "Xã", "Phường", "Đơn vị", "Commune"], { required: true }),
  f("code", "text", "Mã", "Code", ["Mã", "Mã đơn vị", "Mã xã", "Code"]),
] as const satisfies readonly FieldDef[];

export type CellField = (typeof CELL_FIELDS)[number]["key"];
export type CadreField = (typeof CADRE_FIELDS)[number]["key"];
export type MeetingField = (typeof MEETING_FIELDS)[number]["key"];
export type CommuneField = (typeof COMMUNE_FIELDS)[number]["key"];

export interface FieldKeyOf {
  cells: CellField;
  cadres: CadreField;
  meetings: MeetingField;
  communes: CommuneField;
}

export const FIELDS: { [K in TableKind]: readonly FieldDef[] } = {
  cells: CELL_FIELDS,
  cadres: CADRE_FIELDS,
  meetings: MEETING_FIELDS,
  communes: COMMUNE_FIELDS,
};

export function fieldDef(kind: TableKind, key: string): FieldDef {
  const def = FIELDS[kind].find((d) => d.key === key);
  if (!def) throw new Error(`Unknown field ${kind}.${key}`);
  return def;
}

export const TABLE_LABELS: Record<TableKind, { vi: string; en: string }> = {
  cells: { vi: "Danh sách chi bộ", en: "Party cells" },
  cadres: { vi: "Cán bộ (bí thư, cấp ủy viên)", en: "Cadres" },
  meetings: { vi: "Sinh hoạt chi bộ", en: "Cell meetings" },
  communes: { vi: "Danh sách xã/phường", en: "Communes" },
};
