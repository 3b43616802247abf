import { AgeBand, CadreField, CadreRecord, Education, MeetingField, MeetingRecord, Settings, Theory, Text } from "../model";
import { fold } from "../text/fold";
import { expectedAt, meetsQuality } from "../facts";

/**
 * The summary's columns, each declared once. A declaration says what the
 * column counts, over which denominator, which fields it needs, and how people
 * name it; everything else derives from this list: the counting
 * (summarize), the summary sheet and its headers, the pane's key figures, the
 * JSON keys, the form filler's header matching and the report paragraph.
 * Adding a column is adding an entry here (and its test): see
 * docs/ARCHITECTURE.md, "Adding a summary column".
 */

/** Words of a header, folded (text/fold): a form's column matches when every word group of one alternative is in it. */
type FormPatterns = ReadonlyArray<readonly string[]>;

/**
 * How the report paragraph says a column. A share reads "{say} 961 đồng chí,
 * chiếm 27,68%"; a count or a ratio is a phrase around its number, "{n}":
 * "tổng số {n} đồng chí".
 */
export interface Say {
  vi: string;
  en: string;
  /** Consecutive columns of one group are introduced once: "trình độ chuyên môn: trung cấp …, cao đẳng …". */
  group?: Text;
}

/** A field the column needs; several fields when any of them gives it (gender, or the Nam / Nữ birth-year pair). */
export type Need<F extends string> = F | readonly F[];

interface ColumnBase<F extends string> {
  /** Stable id: the JSON key, the form filler's metric id. */
  key: string;
  vi: string;
  en: string;
  /** The fields without which the figure is "not recorded" rather than 0. */
  needs: ReadonlyArray<Need<F>>;
  form: FormPatterns;
  /** In the report paragraph, said this way; absent: the paragraph leaves it out. */
  say?: Say;
  /** Among the pane's key figures. */
  keyFigure?: boolean;
}

/** What a cadre column counts: the table's cadres, or those of a group (share of the cadres). */
export type CadreMeasure =
  | { kind: "count" }
  | { kind: "share"; counts: (c: CadreRecord, age: number | null) => boolean };

export interface CadreColumn extends ColumnBase<CadreField> {
  measure: CadreMeasure;
}

/** A cell's meetings over the period, for the cell columns of table 3. */
export interface CellPeriod {
  /** A regular meeting in every month of the period that is over. */
  everyMonth: boolean;
  /** A thematic meeting in every quarter of the period that is over. */
  everyQuarter: boolean;
}

/**
 * What a meeting column counts. Cells and meetings are the two denominators;
 * a ratio is Σ numerator / Σ denominator over the meetings where both are read.
 * A cell share needs some month (or quarter) of the period to be over.
 */
export type MeetingMeasure =
  | { kind: "count"; of: "cells" | "meetings" }
  | { kind: "share"; of: "meetings"; counts: (m: MeetingRecord, settings: Settings) => boolean }
  | { kind: "share"; of: "cells"; over: "month" | "quarter"; counts: (c: CellPeriod) => boolean }
  | { kind: "ratio"; num: (m: MeetingRecord) => number | null; den: (m: MeetingRecord) => number | null };

export interface MeetingColumn extends ColumnBase<MeetingField> {
  measure: MeetingMeasure;
}

const GENDER: Need<CadreField> = ["gender", "birthYearFemale", "birthYearMale"];
const BIRTH: Need<CadreField> = ["birth", "birthYearMale", "birthYearFemale"];
const EDUCATION_GROUP = { vi: "trình độ chuyên môn", en: "education" };
const THEORY_GROUP = { vi: "lý luận chính trị", en: "political theory" };

const kinhSpellings = new Map<string, boolean>();
/** "Kinh", "kinh", "KINH ": folded once per spelling, as a province repeats a handful of them. */
function isKinh(ethnicity: string): boolean {
  let v = kinhSpellings.get(ethnicity);
  if (v === undefined) {
    v = fold(ethnicity) === "kinh";
    if (kinhSpellings.size < 10000) kinhSpellings.set(ethnicity, v);
  }
  return v;
}

const educationIn = (...levels: Education[]) => (c: CadreRecord) => c.education !== null && levels.includes(c.education);
const theoryIn = (...levels: Theory[]) => (c: CadreRecord) => c.theory !== null && levels.includes(c.theory);
const CM = (p: string): FormPatterns => [["chuyen mon", p], ["cm", p], ["tdcm", p]];
const LL = (p: string): FormPatterns => [["llct", p], ["ly luan", p], ["chinh tri", p]];

/** Tables 1 and 2. The age band columns (from the settings) follow "under40": see `cadreColumns`. */
export const CADRE_COLUMNS = [
  {
    key: "total", vi: "Tổng số", en: "Total", needs: [], measure: { kind: "count" },
    form: [["tong so"], ["tong"], ["total"]], say: { vi: "tổng số {n} đồng chí", en: "{n} in total" }, keyFigure: true,
  },
  {
    key: "women", vi: "Nữ", en: "Women", needs: [GENDER], measure: { kind: "share", counts: (c) => c.gender === "Nữ" },
    form: [["nu"], ["women"]], say: { vi: "nữ", en: "women" }, keyFigure: true,
  },
  {
    key: "minority", vi: "Dân tộc thiểu số", en: "Ethnic minority", needs: ["ethnicity"],
    measure: { kind: "share", counts: (c) => c.ethnicity !== null && c.ethnicity !== "" && !isKinh(c.ethnicity) },
    form: [["dan toc thieu so"], ["dtts"], ["dan toc"], ["minority"]], say: { vi: "dân tộc thiểu số", en: "ethnic minority" },
  },
  {
    key: "under40", vi: "Dưới 40 tuổi", en: "Under 40", needs: [BIRTH], measure: { kind: "share", counts: (_c, age) => age !== null && age < 40 },
    form: [["duoi 40"], ["under 40"]], say: { vi: "dưới 40 tuổi", en: "under 40" }, keyFigure: true,
  },
  {
    key: "education.trungCap", vi: "Chuyên môn Trung cấp", en: "Education: Trung cấp", needs: ["education"],
    measure: { kind: "share", counts: educationIn("Trung cấp") },
    form: [...CM("trung cap"), ["education", "trung cap"]], say: { vi: "trung cấp", en: "Trung cấp", group: EDUCATION_GROUP },
  },
  {
    key: "education.caoDang", vi: "Chuyên môn Cao đẳng", en: "Education: Cao đẳng", needs: ["education"],
    measure: { kind: "share", counts: educationIn("Cao đẳng") },
    form: [["cao dang"]],
  },
  {
    key: "education.caoDangTroLen", vi: "Cao đẳng trở lên", en: "College or higher", needs: ["education"],
    measure: { kind: "share", counts: educationIn("Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ") },
    form: [["cao dang tro len"], ["cao dang", "dai hoc"], ["college or higher"]],
    say: { vi: "cao đẳng, đại học và trên đại học", en: "college, university or higher", group: EDUCATION_GROUP },
  },
  {
    key: "education.daiHocTroLen", vi: "Đại học trở lên", en: "University or higher", needs: ["education"],
    measure: { kind: "share", counts: educationIn("Đại học", "Thạc sĩ", "Tiến sĩ") },
    form: [["dai hoc"], ["dai hoc tro len"], ["university"]], say: { vi: "đại học trở lên", en: "university or higher", group: EDUCATION_GROUP },
  },
  {
    key: "theory.soCap", vi: "LLCT Sơ cấp", en: "Theory: Sơ cấp", needs: ["theory"],
    measure: { kind: "share", counts: theoryIn("Sơ cấp") }, form: LL("so cap"),
  },
  {
    key: "theory.trungCap", vi: "LLCT Trung cấp", en: "Theory: Trung cấp", needs: ["theory"],
    measure: { kind: "share", counts: theoryIn("Trung cấp") }, form: LL("trung cap"),
    say: { vi: "trung cấp", en: "Trung cấp", group: THEORY_GROUP },
  },
  {
    key: "theory.caoCapCuNhan", vi: "LLCT Cao cấp, Cử nhân", en: "Theory: Cao cấp, Cử nhân", needs: ["theory"],
    measure: { kind: "share", counts: theoryIn("Cao cấp", "Cử nhân") }, form: [["cao cap"], ["cu nhan"]],
    say: { vi: "cao cấp và cử nhân", en: "Cao cấp or Cử nhân", group: THEORY_GROUP },
  },
  {
    key: "villageHead", vi: "Kiêm trưởng thôn/TDP", en: "Also village head", needs: ["villageHead"],
    measure: { kind: "share", counts: (c) => c.villageHead === true }, form: [["truong thon"], ["kiem tt"], ["village head"]],
    say: { vi: "kiêm trưởng thôn, tổ dân phố", en: "also village heads" },
  },
  {
    key: "trained", vi: "Đã bồi dưỡng nghiệp vụ", en: "Trained", needs: ["trained"],
    measure: { kind: "share", counts: (c) => c.trained === true }, form: [["boi duong"], ["bdnv"], ["tap huan"], ["trained"]],
    say: { vi: "đã bồi dưỡng nghiệp vụ", en: "trained" },
  },
  {
    key: "eHandbook", vi: "Dùng Sổ tay điện tử", en: "Uses e-handbook", needs: ["eHandbook"],
    measure: { kind: "share", counts: (c) => c.eHandbook === true }, form: [["so tay"], ["dung so tay"], ["su dung so tay"], ["handbook"]],
    say: { vi: "dùng Sổ tay đảng viên điện tử", en: "using the e-handbook" },
  },
] as const satisfies readonly CadreColumn[];

/** Table 3. */
export const MEETING_COLUMNS = [
  {
    key: "cells", vi: "Số chi bộ", en: "Cells", needs: [], measure: { kind: "count", of: "cells" },
    form: [["so chi bo"], ["tong so chi bo"], ["cells"]], say: { vi: "có {n} chi bộ", en: "party cells: {n}" }, keyFigure: true,
  },
  {
    key: "allMonthly", vi: "Chi bộ sinh hoạt đủ hằng tháng", en: "Cells meeting every month", needs: ["date", "kind"],
    measure: { kind: "share", of: "cells", over: "month", counts: (c) => c.everyMonth },
    form: [["hang thang"], ["thuong ky"], ["every month"]], say: { vi: "sinh hoạt thường kỳ đủ hằng tháng", en: "meeting every month" }, keyFigure: true,
  },
  {
    key: "thematicEveryQuarter", vi: "Chi bộ sinh hoạt chuyên đề mỗi quý", en: "Cells with thematic meetings every quarter", needs: ["date", "kind"],
    measure: { kind: "share", of: "cells", over: "quarter", counts: (c) => c.everyQuarter },
    form: [["chuyen de"], ["thematic"]], say: { vi: "sinh hoạt chuyên đề mỗi quý", en: "holding a thematic meeting every quarter" },
  },
  {
    key: "meetings", vi: "Số buổi sinh hoạt", en: "Meetings", needs: ["date"], measure: { kind: "count", of: "meetings" },
    form: [["so buoi"], ["so cuoc"], ["meetings"]], say: { vi: "tổ chức {n} buổi sinh hoạt", en: "meetings held: {n}" }, keyFigure: true,
  },
  {
    key: "avgAttendancePct", vi: "Tỷ lệ đảng viên dự bình quân (%)", en: "Average attendance (%)", needs: ["present", "total"],
    measure: { kind: "ratio", num: (m) => m.present, den: expectedAt },
    form: [["ty le", "du"], ["binh quan"], ["attendance"]], say: { vi: "tỷ lệ đảng viên dự sinh hoạt bình quân {n}", en: "average attendance {n}" }, keyFigure: true,
  },
  {
    // Quality needs attendance and one kind of absence (facts/quality `qualityIsRecorded`); a meeting it cannot judge is not counted.
    key: "quality", vi: "Đạt yêu cầu chất lượng", en: "Meet the quality standard", needs: ["present", "total", ["unexcused", "excused"]],
    measure: { kind: "share", of: "meetings", counts: (m, s) => meetsQuality(m, s.qualityAttendancePct) === true },
    form: [["chat luong"], ["dat yeu cau"], ["quality"]], say: { vi: "đạt yêu cầu chất lượng", en: "meeting the quality standard" },
  },
  {
    key: "upperAttended", vi: "Có cấp ủy cấp trên dự", en: "Upper-level member attended", needs: ["upperAttended"],
    measure: { kind: "share", of: "meetings", counts: (m) => m.upperAttended === true },
    form: [["cap tren"], ["upper"]], say: { vi: "có cấp ủy viên cấp trên dự", en: "attended by an upper-level member" },
  },
  {
    key: "fiveSteps", vi: "Đủ quy trình 5 bước", en: "5-step procedure", needs: ["fiveSteps"],
    measure: { kind: "share", of: "meetings", counts: (m) => m.fiveSteps === true },
    form: [["5 buoc"], ["quy trinh"], ["five steps"]], say: { vi: "thực hiện đủ quy trình 5 bước", en: "following the 5-step procedure" },
  },
  {
    key: "handbookPosted", vi: "Đăng Sổ tay điện tử", en: "Posted on e-handbook", needs: ["handbookPosted"],
    measure: { kind: "share", of: "meetings", counts: (m) => m.handbookPosted === true },
    form: [["so tay"], ["dang so tay"], ["dang len so tay"], ["posted"], ["handbook"]], say: { vi: "đăng tài liệu lên Sổ tay điện tử", en: "posted on the e-handbook" },
  },
  {
    key: "online", vi: "Sinh hoạt trực tuyến", en: "Online", needs: ["mode"],
    measure: { kind: "share", of: "meetings", counts: (m) => m.mode === "Trực tuyến" },
    form: [["truc tuyen"], ["online"]], say: { vi: "trực tuyến", en: "online" },
  },
  {
    key: "rating.tot", vi: "Xếp loại Tốt", en: "Rated Tốt", needs: ["rating"],
    measure: { kind: "share", of: "meetings", counts: (m) => m.rating === "Tốt" },
    form: [["tot"]], say: { vi: "tốt", en: "Tốt", group: { vi: "xếp loại", en: "rated" } },
  },
  {
    key: "rating.kha", vi: "Xếp loại Khá", en: "Rated Khá", needs: ["rating"],
    measure: { kind: "share", of: "meetings", counts: (m) => m.rating === "Khá" },
    form: [["kha"]], say: { vi: "khá", en: "Khá", group: { vi: "xếp loại", en: "rated" } },
  },
  {
    key: "rating.trungBinh", vi: "Xếp loại Trung bình", en: "Rated Trung bình", needs: ["rating"],
    measure: { kind: "share", of: "meetings", counts: (m) => m.rating === "Trung bình" },
    form: [["trung binh"]], say: { vi: "trung bình", en: "Trung bình", group: { vi: "xếp loại", en: "rated" } },
  },
  {
    key: "rating.kem", vi: "Xếp loại Kém", en: "Rated Kém", needs: ["rating"],
    measure: { kind: "share", of: "meetings", counts: (m) => m.rating === "Kém" },
    form: [["kem"], ["yeu"]], say: { vi: "kém", en: "Kém", group: { vi: "xếp loại", en: "rated" } },
  },
] as const satisfies readonly MeetingColumn[];

export type CadreColumnKey = (typeof CADRE_COLUMNS)[number]["key"];
export type MeetingColumnKey = (typeof MEETING_COLUMNS)[number]["key"];

/** "18–30 tuổi", "Trên 60 tuổi". */
export function bandLabel(b: { min: number; max: number | null }, lang: "vi" | "en"): string {
  if (b.max === null) return lang === "vi" ? `Trên ${b.min - 1} tuổi` : `Over ${b.min - 1}`;
  return lang === "vi" ? `${b.min}–${b.max} tuổi` : `Aged ${b.min}–${b.max}`;
}

/** The age band columns the settings ask for. */
export function ageColumns(bands: readonly Pick<AgeBand, "key" | "min" | "max">[]): CadreColumn[] {
  return bands.map((b) => ({
    key: `age.${b.key}`,
    vi: bandLabel(b, "vi"),
    en: bandLabel(b, "en"),
    needs: [BIRTH],
    measure: { kind: "share", counts: (_c: CadreRecord, age: number | null) => age !== null && age >= b.min && (b.max === null || age <= b.max) },
    form: b.max === null
      ? [["tren", String(b.min - 1)], [String(b.min), "tro len"], ["over", String(b.min - 1)]]
      : [[String(b.min), String(b.max)]],
  }));
}

/** Every column of tables 1 and 2, in the order the sheet prints them: the age bands after "under40". */
export function cadreColumns(bands: readonly Pick<AgeBand, "key" | "min" | "max">[]): CadreColumn[] {
  const at = CADRE_COLUMNS.findIndex((c) => c.key === "under40") + 1;
  const fixed: readonly CadreColumn[] = CADRE_COLUMNS;
  return [...fixed.slice(0, at), ...ageColumns(bands), ...fixed.slice(at)];
}

export const meetingColumns: readonly MeetingColumn[] = MEETING_COLUMNS;

/** The alternatives of a need, as a list. */
export function needFields<F extends string>(need: Need<F>): readonly F[] {
  return typeof need === "string" ? [need] : need;
}
