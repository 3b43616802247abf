import { CELL_TYPES, EDUCATION, EnumDef, GENDERS, MEETING_KINDS, MEETING_MODES, RATINGS, ROLES, THEORY } from "./enums";
import { Text } from "./text";

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
  /** The field's name for the UI and messages. */
  label: Text;
}

type FieldExtra = Partial<Pick<FieldDef, "required" | "enumDef" | "min" | "max">>;

/**
 * One field. Generic so that each definition keeps its own key, type and value
 * list: the records' types (records.ts) are derived from these definitions.
 */
function f<K extends string, T extends FieldType, X extends FieldExtra = Record<never, never>>(
  key: K, type: T, vi: string, en: string, headers: readonly string[], extra?: X,
): { key: K; type: T; required: boolean; headers: readonly string[]; label: Text } & X {
  return { key, type, required: false, headers, label: { vi, en }, ...(extra as X) };
}

/** The commune, in every table that names it: as offices head the column, and in English. */
const COMMUNE_HEADERS = [
  "Đảng bộ xã/phường", "Đảng bộ xã", "Đảng bộ phường", "Đảng bộ", "Xã/phường", "Xã", "Phường", "Đơn vị",
  "Đảng bộ xã, phường", "Xã, phường", "Tên đảng bộ", "Commune", "Commune/ward", "Ward",
];

export const CELL_FIELDS = [
  f("cell", "text", "Tên chi bộ", "Party cell", ["Tên chi bộ", "Chi bộ", "Tên CB", "Chi bộ trực thuộc", "Tên chi bộ trực thuộc", "Party cell", "Cell", "Cell name", "Party cell name"], { required: true }),
  f("code", "text", "Mã chi bộ", "Cell code", ["Mã chi bộ", "Mã", "Mã CB", "Mã số", "Code", "Cell code"]),
  f("commune", "text", "Đảng bộ xã/phường", "Commune", COMMUNE_HEADERS, { required: true }),
  f("cellType", "enum", "Loại hình", "Cell type", ["Loại hình", "Loại chi bộ", "Loại hình chi bộ", "Loại", "Loại hình tổ chức", "Cell type", "Type"], { enumDef: CELL_TYPES }),
  f("members", "integer", "Số đảng viên", "Members", ["Số đảng viên", "Tổng số ĐV", "Tổng số đảng viên", "Số ĐV", "Đảng viên", "Members", "Total members", "Number of members", "Party members"], { min: 3 }),
] as const satisfies readonly FieldDef[];

export const CADRE_FIELDS = [
  f("name", "text", "Họ và tên", "Full name", ["Họ và tên", "Họ tên", "Họ và tên khai sinh", "Full name", "Name"], { required: true }),
  // A name split in two columns: "Họ đệm" (family and middle names) | "Tên" (given name); read as one name.
  f("surname", "text", "Họ và chữ đệm", "Family and middle names", ["Họ đệm", "Họ và tên đệm", "Họ và chữ đệm", "Họ và đệm", "Họ, tên đệm", "Họ, chữ đệm", "Family and middle names", "Surname", "Family name", "Last name"]),
  f("givenName", "text", "Tên", "Given name", ["Tên", "Given name", "First name"], { required: true }),
  f("birth", "birth", "Ngày sinh", "Date of birth", ["Ngày sinh", "Năm sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Sinh năm", "Sinh ngày", "Date of birth", "Birth date", "Birth year", "Year of birth", "Birth"]),
  f("birthYearMale", "birthYearMale", "Năm sinh (Nam)", "Birth year (male)", ["Nam", "Male"]),
  f("birthYearFemale", "birthYearFemale", "Năm sinh (Nữ)", "Birth year (female)", ["Nữ", "Female"]),
  f("gender", "enum", "Giới tính", "Gender", ["Giới tính", "Nam/Nữ", "Gender", "Sex"], { enumDef: GENDERS }),
  f("ethnicity", "text", "Dân tộc", "Ethnicity", ["Dân tộc", "DT", "Ethnicity", "Ethnic group"]),
  f("religion", "text", "Tôn giáo", "Religion", ["Tôn giáo", "TG", "Religion"]),
  f("role", "enum", "Chức vụ", "Role", ["Chức vụ", "Chức vụ đảng", "Chức vụ Đảng", "Chức danh", "Chức vụ Đảng hiện nay", "Chức vụ hiện nay", "Role", "Position", "Party position", "Title"], { required: true, enumDef: ROLES }),
  f("cell", "text", "Chi bộ", "Party cell", ["Chi bộ", "Tên chi bộ", "Sinh hoạt tại chi bộ", "Chi bộ sinh hoạt", "Party cell", "Cell"]),
  f("commune", "text", "Đảng bộ xã/phường", "Commune", COMMUNE_HEADERS, { required: true }),
  f("education", "enum", "Trình độ chuyên môn", "Education", ["Trình độ chuyên môn", "Chuyên môn", "CM", "TĐCM", "Chuyên môn nghiệp vụ", "Trình độ chuyên môn nghiệp vụ", "Education", "Professional qualification", "Qualification"], { enumDef: EDUCATION }),
  f("theory", "enum", "Lý luận chính trị", "Political theory", ["Lý luận chính trị", "LLCT", "Lý luận", "Trình độ LLCT", "Chính trị", "Political theory", "Political theory level"], { enumDef: THEORY }),
  f("joined", "date", "Ngày vào Đảng", "Date joined", ["Ngày vào Đảng", "Ngày vào đảng", "Vào Đảng", "Ngày kết nạp", "Ngày kết nạp Đảng", "Date joined", "Joined the Party", "Party entry date", "Date of admission"]),
  f("villageHead", "yesno", "Kiêm trưởng thôn/TDP", "Also village head", ["Kiêm trưởng thôn/TDP", "Kiêm trưởng thôn", "Kiêm trưởng thôn, TDP", "Kiêm TT", "Kiêm TT/TDP", "Kiêm trưởng thôn, tổ dân phố", "Kiêm nhiệm trưởng thôn", "Trưởng thôn", "Also village head", "Village head"]),
  f("trained", "yesnoOrDate", "Đã bồi dưỡng nghiệp vụ", "Trained", ["Đã bồi dưỡng nghiệp vụ", "Bồi dưỡng nghiệp vụ", "Ngày bồi dưỡng", "Đã bồi dưỡng", "Đã bồi dưỡng nghiệp vụ công tác Đảng", "Trained", "Training", "Professional training"]),
  f("eHandbook", "yesno", "Dùng Sổ tay đảng viên điện tử", "Uses e-handbook", ["Dùng Sổ tay đảng viên điện tử", "Sổ tay đảng viên điện tử", "Sổ tay điện tử", "Sử dụng sổ tay ĐV điện tử", "E-handbook", "Uses e-handbook", "Uses the e-handbook"]),
  f("term", "term", "Nhiệm kỳ", "Term", ["Nhiệm kỳ", "NK", "Term"]),
  f("cardNo", "digits", "Số thẻ đảng viên", "Party card no.", ["Số thẻ đảng viên", "Số thẻ ĐV", "Số thẻ", "Số thẻ Đảng", "Card no", "Party card no", "Party card number", "Card number"]),
] as const satisfies readonly FieldDef[];

export const MEETING_FIELDS = [
  f("cell", "text", "Chi bộ", "Party cell", ["Chi bộ", "Tên chi bộ", "Party cell", "Cell", "Cell name"], { required: true }),
  f("commune", "text", "Đảng bộ xã/phường", "Commune", COMMUNE_HEADERS),
  f("date", "date", "Ngày sinh hoạt", "Meeting date", ["Ngày sinh hoạt", "Ngày họp", "Thời gian", "Ngày SH", "Ngày", "Thời gian sinh hoạt", "Ngày tháng", "Date", "Meeting date"], { required: true }),
  f("kind", "enum", "Loại sinh hoạt", "Kind", ["Loại", "Hình thức sinh hoạt", "Loại sinh hoạt", "Loại hình sinh hoạt", "Loại buổi sinh hoạt", "Kind", "Type", "Meeting type", "Meeting kind"], { required: true, enumDef: MEETING_KINDS }),
  f("mode", "enum", "Hình thức", "Mode", ["Hình thức", "Hình thức họp", "Hình thức tổ chức", "Mode", "Format"], { enumDef: MEETING_MODES }),
  f("minutes", "integer", "Thời lượng (phút)", "Duration (minutes)", ["Thời lượng (phút)", "Thời lượng", "Số phút", "Thời gian (phút)", "Thời gian sinh hoạt (phút)", "Thời lượng sinh hoạt", "Duration", "Duration (minutes)", "Duration (min)", "Length (minutes)"], { min: 0 }),
  f("total", "integer", "Tổng số đảng viên", "Members", ["Tổng số đảng viên", "Tổng số ĐV", "Tổng số", "Số đảng viên", "Total", "Total members", "Members", "Number of members"], { min: 0 }),
  f("exempt", "integer", "Miễn sinh hoạt", "Exempt", ["Miễn sinh hoạt", "Miễn SH", "Được miễn", "Được miễn sinh hoạt", "Exempt", "Exempted"], { min: 0 }),
  f("present", "integer", "Có mặt", "Present", ["Có mặt", "Số dự", "Số đảng viên dự", "Dự", "Số có mặt", "Đảng viên có mặt", "Present", "Attended"], { min: 0 }),
  f("excused", "integer", "Vắng có lý do", "Absent with reason", ["Vắng có lý do", "Vắng có LD", "Vắng CLD", "Absent with reason", "Excused", "Excused absence", "Absent (excused)"], { min: 0 }),
  f("unexcused", "integer", "Vắng không lý do", "Absent without reason", ["Vắng không lý do", "Vắng không LD", "Vắng KLD", "Absent without reason", "Unexcused", "Unexcused absence", "Absent (unexcused)"], { min: 0 }),
  f("upperAttended", "yesnoOrName", "Cấp ủy viên cấp trên dự", "Upper-level member attended", ["Cấp ủy viên cấp trên dự", "Cấp ủy cấp trên dự", "Cấp trên dự", "Đồng chí cấp ủy cấp trên dự", "Đại biểu cấp trên dự", "Upper-level attendee", "Upper-level member attended", "Upper attended", "Higher-level attendee"]),
  f("topic", "text", "Chủ đề", "Topic", ["Chủ đề", "Nội dung chuyên đề", "Nội dung", "Chuyên đề", "Topic", "Theme", "Subject"]),
  f("score", "number", "Điểm", "Score", ["Điểm", "Điểm đánh giá", "Điểm chấm", "Score", "Points"], { min: 0, max: 100 }),
  f("rating", "enum", "Xếp loại", "Rating", ["Xếp loại", "Đánh giá", "Xếp loại chất lượng", "Rating", "Grade", "Quality rating"], { enumDef: RATINGS }),
  f("minutesKept", "yesno", "Có biên bản", "Minutes kept", ["Có biên bản", "Biên bản", "Minutes kept", "Minutes recorded"]),
  f("fiveSteps", "yesno", "Đủ quy trình 5 bước", "5-step procedure", ["Đủ quy trình 5 bước", "Thực hiện quy trình (HD 42)", "Quy trình 5 bước", "Thực hiện quy trình", "5 bước", "Five steps", "5-step procedure", "Five-step procedure"]),
  f("handbookPosted", "yesno", "Đăng Sổ tay điện tử", "Posted on e-handbook", ["Đăng Sổ tay điện tử", "Đăng sổ tay", "Đăng Sổ tay ĐV điện tử", "Posted on e-handbook", "Posted"]),
] as const satisfies readonly FieldDef[];

export const COMMUNE_FIELDS = [
  f("commune", "text", "Tên xã/phường", "Commune", [
    "Tên xã/phường", "Đảng bộ xã/phường", "Tên đảng bộ", "Tên đảng bộ xã, phường", "Tên đảng bộ xã/phường", "Đảng bộ xã, phường",
    "Tên xã, phường", "Xã, phường, thị trấn", "Tên đơn vị", "Xã/phường", "Xã", "Phường", "Đơn vị", "Commune", "Commune name", "Commune/ward", "Unit",
  ], { required: true }),
  f("code", "text", "Mã", "Code", ["Mã", "Mã đơn vị", "Mã xã", "Mã số", "Mã ĐV", "Mã đảng bộ", "Code", "Unit code"]),
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

/**
 * Fields that stand in for each other: a table gives one group or the other.
 * The birth date, or the "Nam" | "Nữ" birth-year pair; the full name, or its two
 * halves. A table that has one group does not miss the other.
 */
export const FIELD_ALTERNATIVES: { [K in TableKind]?: ReadonlyArray<ReadonlyArray<readonly string[]>> } = {
  cadres: [
    [["birth"], ["birthYearMale", "birthYearFemale"]],
    [["name"], ["surname", "givenName"]],
  ],
};

/** The fields of `kind` a table with these mapped fields lacks, counting alternatives as given. */
export function missingFields(kind: TableKind, mapped: ReadonlySet<string>): string[] {
  const covered = new Set<string>();
  for (const groups of FIELD_ALTERNATIVES[kind] ?? []) {
    if (groups.some((g) => g.some((k) => mapped.has(k)))) for (const g of groups) for (const k of g) covered.add(k);
  }
  return FIELDS[kind].map((f) => f.key).filter((k) => !mapped.has(k) && !covered.has(k));
}

export function fieldDef(kind: TableKind, key: string): FieldDef {
  const def = FIELDS[kind].find((d) => d.key === key);
  if (!def) throw new Error(`Unknown field ${kind}.${key}`);
  return def;
}

export const TABLE_LABELS: Record<TableKind, Text> = {
  cells: { vi: "Danh sách chi bộ", en: "Party cells" },
  cadres: { vi: "Cán bộ (bí thư, cấp ủy viên)", en: "Cadres" },
  meetings: { vi: "Sinh hoạt chi bộ", en: "Cell meetings" },
  communes: { vi: "Danh sách xã/phường", en: "Communes" },
};
