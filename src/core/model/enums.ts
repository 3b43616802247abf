/**
 * The closed value lists of DOMAIN.md, each with its canonical spellings and the
 * synonyms users type. Synonyms are compared after folding (no diacritics, lower
 * case, single spaces), so "dai hoc", "ĐẠI HỌC" and "Đại học" are one value.
 * This table is the only place a value list is written down: parsing, the `enum`
 * rule's fixes, the data-validation dropdowns of "Tạo mẫu" and the summary all read it.
 */
export interface EnumDef<V extends string = string> {
  values: readonly V[];
  /** Extra spellings, canonical value -> what users write instead. */
  synonyms: Partial<Record<V, readonly string[]>>;
}

function defineEnum<V extends string>(values: readonly V[], synonyms: Partial<Record<V, readonly string[]>> = {}): EnumDef<V> {
  return { values, synonyms };
}

export const CELL_TYPES = defineEnum(
  ["Thôn", "Bản", "Tổ dân phố", "Cơ quan", "Doanh nghiệp", "Đơn vị sự nghiệp", "Lực lượng vũ trang", "Khác"] as const,
  {
    "Thôn": ["Xóm", "Ấp", "Làng"],
    "Tổ dân phố": ["TDP", "Khu phố", "Tổ DP"],
    "Doanh nghiệp": ["DN"],
    "Đơn vị sự nghiệp": ["ĐVSN", "Sự nghiệp"],
    "Lực lượng vũ trang": ["LLVT", "Quân sự", "Công an"],
  },
);

export const GENDERS = defineEnum(["Nam", "Nữ"] as const, { "Nam": ["M", "Male", "Trai"], "Nữ": ["F", "Female", "Gái", "Nư"] });

export const ROLES = defineEnum(
  [
    "Bí thư chi bộ", "Phó Bí thư chi bộ", "Chi ủy viên",
    "Bí thư đảng ủy", "Phó Bí thư đảng ủy", "Ủy viên BTV đảng ủy", "Đảng ủy viên",
  ] as const,
  {
    "Bí thư chi bộ": ["Bí thư", "BTCB", "Bí thư CB"],
    "Phó Bí thư chi bộ": ["Phó bí thư", "PBT", "PBTCB", "Phó BT chi bộ", "Phó Bí thư CB"],
    "Chi ủy viên": ["CUV", "Chi ủy", "Ủy viên chi ủy"],
    "Bí thư đảng ủy": ["Bí thư ĐU", "BTĐU", "Bí thư Đảng ủy xã", "Bí thư đảng ủy phường"],
    "Phó Bí thư đảng ủy": ["Phó Bí thư ĐU", "PBTĐU", "Phó Bí thư Đảng ủy xã", "Phó bí thư thường trực đảng ủy"],
    "Ủy viên BTV đảng ủy": ["UV BTV", "Ủy viên BTV", "UVBTV", "Ủy viên Ban Thường vụ", "Ủy viên Ban Thường vụ đảng ủy"],
    "Đảng ủy viên": ["ĐUV", "Ủy viên BCH", "Ủy viên Ban Chấp hành", "Ủy viên đảng ủy", "Ủy viên BCH đảng bộ"],
  },
);

/** Roles at the cell level: these need a `cell`, and their holders go in table 1 (secretaries only). */
export const CELL_LEVEL_ROLES: readonly Role[] = ["Bí thư chi bộ", "Phó Bí thư chi bộ", "Chi ủy viên"];
/** Roles at the grassroots committee (đảng ủy) level: table 2. */
export const COMMITTEE_ROLES: readonly Role[] = ["Bí thư đảng ủy", "Phó Bí thư đảng ủy", "Ủy viên BTV đảng ủy", "Đảng ủy viên"];

export const EDUCATION = defineEnum(
  ["Chưa qua đào tạo", "Sơ cấp", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ"] as const,
  {
    "Chưa qua đào tạo": ["Chưa đào tạo", "Không", "Phổ thông", "12/12", "THPT"],
    "Sơ cấp": ["CNKT", "Sơ cấp nghề", "SC"],
    "Trung cấp": ["TC", "TCCN", "Trung cấp chuyên nghiệp"],
    "Cao đẳng": ["CĐ"],
    "Đại học": ["ĐH", "Cử nhân", "Kỹ sư", "Bác sĩ"],
    "Thạc sĩ": ["ThS", "Thạc sỹ"],
    "Tiến sĩ": ["TS", "Tiến sỹ"],
  },
);

export const THEORY = defineEnum(
  ["Chưa qua đào tạo", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"] as const,
  {
    "Chưa qua đào tạo": ["Chưa đào tạo", "Không"],
    "Sơ cấp": ["SC", "Sơ cấp LLCT"],
    "Trung cấp": ["TC", "Trung cấp LLCT"],
    "Cao cấp": ["CC", "Cao cấp LLCT"],
    "Cử nhân": ["CN", "Cử nhân LLCT", "Cử nhân chính trị"],
  },
);

export const MEETING_KINDS = defineEnum(
  ["Thường kỳ", "Chuyên đề", "Thường kỳ kết hợp chuyên đề"] as const,
  {
    "Thường kỳ": ["TK", "Định kỳ", "Hằng tháng", "Hàng tháng", "Regular"],
    "Chuyên đề": ["CĐ", "Thematic"],
    "Thường kỳ kết hợp chuyên đề": ["Kết hợp", "TK + CĐ", "TK+CĐ", "Thường kỳ + chuyên đề", "Thường kỳ và chuyên đề", "Combined"],
  },
);

export const MEETING_MODES = defineEnum(
  ["Trực tiếp", "Trực tuyến", "Kết hợp"] as const,
  {
    "Trực tiếp": ["TT", "Offline", "In person"],
    "Trực tuyến": ["Online", "Họp trực tuyến"],
    "Kết hợp": ["Trực tiếp kết hợp trực tuyến", "Hybrid"],
  },
);

export const RATINGS = defineEnum(
  ["Tốt", "Khá", "Trung bình", "Kém"] as const,
  { "Trung bình": ["TB"], "Tốt": ["Tot"], "Kém": ["Yếu"] },
);

export type CellType = (typeof CELL_TYPES.values)[number];
export type Gender = (typeof GENDERS.values)[number];
export type Role = (typeof ROLES.values)[number];
export type Education = (typeof EDUCATION.values)[number];
export type Theory = (typeof THEORY.values)[number];
export type MeetingKind = (typeof MEETING_KINDS.values)[number];
export type MeetingMode = (typeof MEETING_MODES.values)[number];
export type Rating = (typeof RATINGS.values)[number];

/** Yes/no spellings (DOMAIN.md). An empty cell reads as "no" only where the field allows it. */
export const YES_WORDS = ["có", "x", "✓", "✔", "1", "yes", "y", "đã", "rồi", "true", "đạt"] as const;
export const NO_WORDS = ["không", "0", "no", "n", "chưa", "false", "k", "ko"] as const;

/**
 * The 54 ethnic groups of Viet Nam. "Kinh" is the majority; every other group
 * counts as ethnic minority (DTTS) in the summary.
 */
export const ETHNIC_GROUPS = [
  "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "H'Mông", "Dao", "Gia Rai", "Ê Đê", "Ba Na",
  "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai", "Mnông", "Thổ", "Stiêng", "Khơ mú",
  "Bru - Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ", "Giẻ-Triêng", "Co", "Chơ Ro", "Xinh Mun", "Hà Nhì",
  "Chu Ru", "Lào", "La Chí", "Kháng", "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn", "Lự", "Ngái", "Chứt", "Lô Lô",
  "Mảng", "Cơ Lao", "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ Măm", "Brâu", "Ơ Đu",
] as const;
