/**
 * The closed value lists of DOMAIN.md, each with its canonical spellings and the
 * synonyms users type. Synonyms are compared after folding (no diacritics, lower
 * case, single spaces), so "dai hoc", "ĐẠI HỌC" and "Đại học" are one value.
 * This table is the only place a value list is written down: parsing, the `enum`
 * rule's fixes, the data-validation dropdowns of "Tạo mẫu" and the summary all read it.
 */
export interface EnumDef<V extends string = string> {
  values: readonly V[];
  /** Extra spellings, canonical value -> what users write instead. Read as the value, with a fix to its standard spelling. */
  synonyms: Partial<Record<V, readonly string[]>>;
  /**
   * Other names for the same value that are not mistakes: what a region calls it
   * ("Buôn", "Plei", "Sóc" for a village). Read as the value with no finding.
   */
  regional?: Partial<Record<V, readonly string[]>>;
  /**
   * Abbreviated words, folded ("bt" -> "bi thu"), expanded in what users type and
   * in the spellings above before they are compared, so "P.BT ĐU", "PBT ĐU" and
   * "Phó Bí thư Đảng ủy" are one value, however the words are shortened.
   */
  abbreviations?: Readonly<Record<string, string>>;
  /** Folded words that add nothing to the value ("xã" in "Bí thư Đảng ủy xã"), left out when comparing. */
  fillerWords?: readonly string[];
  /**
   * The cell may hold more than the value: a second post after "kiêm" or a
   * comma ("Bí thư chi bộ kiêm Trưởng thôn"), where `secondPost`; or the
   * field's detail after the value ("Đại học Luật", "Trung cấp chính trị"),
   * where `detailAfter`. The value is read from the start, with no finding:
   * the rest is information, not a mistake.
   */
  secondPost?: boolean;
  detailAfter?: boolean;
}

function defineEnum<V extends string>(values: readonly V[], synonyms: Partial<Record<V, readonly string[]>> = {}, more: Omit<EnumDef<V>, "values" | "synonyms"> = {}): EnumDef<V> {
  return { values, synonyms, ...more };
}

export const CELL_TYPES = defineEnum(
  ["Thôn", "Bản", "Tổ dân phố", "Cơ quan", "Doanh nghiệp", "Đơn vị sự nghiệp", "Lực lượng vũ trang", "Khác"] as const,
  {
    "Thôn": ["Nông thôn", "Village"],
    "Tổ dân phố": ["TDP", "Tổ DP", "Residential group"],
    "Cơ quan": ["CQ", "Agency", "Government agency"],
    "Doanh nghiệp": ["DN", "Enterprise", "Company"],
    "Đơn vị sự nghiệp": ["ĐVSN", "Sự nghiệp", "Public service unit"],
    "Lực lượng vũ trang": ["LLVT", "Quân sự", "Công an", "Armed forces"],
    "Khác": ["Other"],
  },
  {
    // The village and the street block have a name in every region (Thông tư 04/2012/TT-BNV and local use).
    regional: {
      "Thôn": ["Xóm", "Làng", "Ấp", "Buôn", "Bon", "Plei", "Play", "Sóc", "Phum", "Khu dân cư", "Cụm dân cư", "Thôn, xóm", "Thôn, bản", "Làng, bản"],
      "Bản": ["Bản, làng"],
      "Tổ dân phố": ["Khu phố", "Khóm", "Khối phố", "Khối", "Tiểu khu", "Tổ", "Tổ dân cư", "Khu"],
      "Đơn vị sự nghiệp": ["Trường học", "Trạm y tế"],
    },
    abbreviations: { kp: "khu pho", kdc: "khu dan cu", tdc: "to dan cu" },
  },
);

export const GENDERS = defineEnum(["Nam", "Nữ"] as const, { "Nam": ["M", "Male", "Trai"], "Nữ": ["F", "Female", "Gái", "Nư"] });

/** Words of positions, as offices shorten them in narrow columns (folded). */
const ROLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  bt: "bi thu", pbt: "pho bi thu", p: "pho", ph: "pho", cb: "chi bo", du: "dang uy", db: "dang bo",
  cu: "chi uy", cuv: "chi uy vien", duv: "dang uy vien", uv: "uy vien", btv: "ban thuong vu", bch: "ban chap hanh",
  tt: "thuong truc", ttdu: "thuong truc dang uy", btcb: "bi thu chi bo", pbtcb: "pho bi thu chi bo",
  btdu: "bi thu dang uy", pbtdu: "pho bi thu dang uy", uvbtv: "uy vien ban thuong vu", uvbch: "uy vien ban chap hanh",
  pbttt: "pho bi thu thuong truc",
};

export const ROLES = defineEnum(
  [
    "Bí thư chi bộ", "Phó Bí thư chi bộ", "Chi ủy viên",
    "Bí thư đảng ủy", "Phó Bí thư đảng ủy", "Ủy viên BTV đảng ủy", "Đảng ủy viên",
  ] as const,
  {
    "Bí thư chi bộ": ["Bí thư", "BTCB", "Bí thư CB", "Cell secretary", "Secretary"],
    "Phó Bí thư chi bộ": ["Phó bí thư", "PBT", "PBTCB", "Phó BT chi bộ", "Phó Bí thư CB", "Deputy cell secretary", "Deputy secretary"],
    "Chi ủy viên": ["CUV", "Chi ủy", "Ủy viên chi ủy", "Ủy viên chi bộ", "Cell committee member"],
    "Bí thư đảng ủy": ["Bí thư ĐU", "BTĐU", "Bí thư Đảng ủy xã", "Bí thư đảng ủy phường", "Bí thư đảng bộ", "Party committee secretary"],
    "Phó Bí thư đảng ủy": [
      "Phó Bí thư ĐU", "PBTĐU", "Phó Bí thư Đảng ủy xã", "Phó bí thư thường trực đảng ủy", "Phó bí thư thường trực",
      "Phó bí thư đảng bộ", "Deputy party committee secretary",
    ],
    "Ủy viên BTV đảng ủy": [
      "UV BTV", "Ủy viên BTV", "UVBTV", "Ủy viên Ban Thường vụ", "Ủy viên Ban Thường vụ đảng ủy", "BTV",
      "Standing committee member",
    ],
    "Đảng ủy viên": [
      "ĐUV", "Ủy viên BCH", "Ủy viên Ban Chấp hành", "Ủy viên đảng ủy", "Ủy viên BCH đảng bộ", "Cấp ủy viên",
      "Party committee member",
    ],
  },
  {
    abbreviations: ROLE_ABBREVIATIONS,
    // "Bí thư Đảng ủy xã", "PBT ĐU phường": the unit adds nothing to the post.
    fillerWords: ["xa", "phuong", "thi tran", "dac khu"],
    secondPost: true,
  },
);

/**
 * "Bí thư" or "Phó Bí thư" with no level: in a list of cell secretaries it is
 * the cell's; in a list of the grassroots committee (where other rows say
 * "ĐUV", "UV BTV" or "Đảng ủy") it is the committee's. Folded, abbreviations expanded.
 */
export const ROLES_BY_LEVEL: Readonly<Record<string, { cell: Role; committee: Role }>> = {
  "bi thu": { cell: "Bí thư chi bộ", committee: "Bí thư đảng ủy" },
  "pho bi thu": { cell: "Phó Bí thư chi bộ", committee: "Phó Bí thư đảng ủy" },
};

/** Roles at the cell level: these need a `cell`, and their holders go in table 1 (secretaries only). */
export const CELL_LEVEL_ROLES: readonly Role[] = ["Bí thư chi bộ", "Phó Bí thư chi bộ", "Chi ủy viên"];
/** Roles at the grassroots committee (đảng ủy) level: table 2. */
export const COMMITTEE_ROLES: readonly Role[] = ["Bí thư đảng ủy", "Phó Bí thư đảng ủy", "Ủy viên BTV đảng ủy", "Đảng ủy viên"];

export const EDUCATION = defineEnum(
  ["Chưa qua đào tạo", "Sơ cấp", "Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ"] as const,
  {
    "Chưa qua đào tạo": ["Chưa đào tạo", "Không", "Phổ thông", "12/12", "THPT", "9/12", "10/10", "None"],
    "Sơ cấp": ["CNKT", "Sơ cấp nghề", "SC", "Elementary", "Vocational"],
    "Trung cấp": ["TC", "TCCN", "Trung cấp chuyên nghiệp", "Intermediate"],
    "Cao đẳng": ["CĐ", "College"],
    "Đại học": ["ĐH", "Cử nhân", "Kỹ sư", "Bác sĩ", "Dược sĩ", "Kiến trúc sư", "University", "Bachelor", "Engineer"],
    "Thạc sĩ": ["ThS", "Thạc sỹ", "Master", "Bác sĩ CKI", "Bác sĩ chuyên khoa I"],
    "Tiến sĩ": ["TS", "Tiến sỹ", "PhD", "Doctorate", "Bác sĩ CKII", "Bác sĩ chuyên khoa II"],
  },
  // "Đại học Luật", "ĐH Sư phạm", "Trung cấp Kế toán": the level, then the subject.
  { detailAfter: true, abbreviations: { dh: "dai hoc", cd: "cao dang", tc: "trung cap", ths: "thac si", ts: "tien si", ks: "ky su", cn: "cu nhan" } },
);

export const THEORY = defineEnum(
  ["Chưa qua đào tạo", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"] as const,
  {
    "Chưa qua đào tạo": ["Chưa đào tạo", "Không", "None"],
    "Sơ cấp": ["SC", "Sơ cấp LLCT", "Elementary"],
    "Trung cấp": ["TC", "Trung cấp LLCT", "Intermediate"],
    "Cao cấp": ["CC", "Cao cấp LLCT", "Advanced"],
    "Cử nhân": ["CN", "Cử nhân LLCT", "Cử nhân chính trị", "Bachelor"],
  },
  // "Trung cấp chính trị", "TC LLCT - HC", "Cao cấp lý luận chính trị - hành chính".
  { detailAfter: true, abbreviations: { sc: "so cap", tc: "trung cap", cc: "cao cap", cn: "cu nhan" } },
);

export const MEETING_KINDS = defineEnum(
  ["Thường kỳ", "Chuyên đề", "Thường kỳ kết hợp chuyên đề"] as const,
  {
    "Thường kỳ": ["TK", "Định kỳ", "Hằng tháng", "Hàng tháng", "Regular", "Sinh hoạt thường kỳ", "SHTK", "Monthly"],
    "Chuyên đề": ["CĐ", "Thematic", "Sinh hoạt chuyên đề", "SHCĐ"],
    "Thường kỳ kết hợp chuyên đề": [
      "Kết hợp", "TK + CĐ", "TK+CĐ", "Thường kỳ + chuyên đề", "Thường kỳ và chuyên đề", "Combined",
      "Thường kỳ lồng ghép chuyên đề", "Lồng ghép chuyên đề", "TK kết hợp CĐ", "Regular and thematic",
    ],
  },
  { abbreviations: { tk: "thuong ky", cd: "chuyen de", sh: "sinh hoat", kh: "ket hop" } },
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
  {
    "Tốt": ["Tot", "Good", "Excellent"],
    "Khá": ["Fair"],
    "Trung bình": ["TB", "Average"],
    "Kém": ["Yếu", "Poor"],
  },
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
export const YES_WORDS = ["có", "x", "✓", "✔", "√", "☑", "1", "yes", "y", "đã", "rồi", "true", "đạt"] as const;
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
