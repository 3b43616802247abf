import { CadreRow, CountPct, MeetingMetrics, Summary } from "../summary/types";

/**
 * The columns of the three summary tables, written down once: the summary
 * sheet's headers and the form filler's header matching both read this list,
 * so a label the sheet prints is a label the filler recognises.
 */
export type TableKey = "secretaries" | "committee" | "meetings";

export interface Metric<R> {
  /** Stable id, as in the JSON ("women", "education.trungCap", "rating.tot"). */
  id: string;
  vi: string;
  en: string;
  /** A share shown as count + %, a plain count, or a percentage alone. */
  kind: "countPct" | "count" | "pct";
  get(row: R): CountPct | number | null;
  /**
   * Folded phrases identifying this column in a user's form: the header path
   * matches when every phrase of one alternative is in it.
   */
  patterns: string[][];
}

export type CadreMetric = Metric<CadreRow>;
export type MeetingMetric = Metric<MeetingMetrics>;

/** "18–30 tuổi", "Trên 60 tuổi". */
export function bandLabel(b: { min: number; max: number | null }, lang: "vi" | "en"): string {
  if (b.max === null) return lang === "vi" ? `Trên ${b.min - 1} tuổi` : `Over ${b.min - 1}`;
  return lang === "vi" ? `${b.min}–${b.max} tuổi` : `Aged ${b.min}–${b.max}`;
}

const CM = (p: string) => [["chuyen mon", p], ["cm", p], ["tdcm", p]];
const LL = (p: string) => [["llct", p], ["ly luan", p], ["chinh tri", p]];

export function cadreMetrics(summary: Pick<Summary, "ageBands">): CadreMetric[] {
  const ages: CadreMetric[] = summary.ageBands.map((b) => ({
    id: `age.${b.key}`,
    vi: bandLabel(b, "vi"),
    en: bandLabel(b, "en"),
    kind: "countPct",
    get: (r: CadreRow) => r.age[b.key] ?? null,
    patterns: b.max === null
      ? [["tren", String(b.min - 1)], [String(b.min), "tro len"], ["over", String(b.min - 1)]]
      : [[String(b.min), String(b.max)]],
  }));
  return [
    { id: "total", vi: "Tổng số", en: "Total", kind: "count", get: (r) => r.total, patterns: [["tong so"], ["tong"], ["total"]] },
    { id: "women", vi: "Nữ", en: "Women", kind: "countPct", get: (r) => r.women, patterns: [["nu"], ["women"]] },
    { id: "minority", vi: "Dân tộc thiểu số", en: "Ethnic minority", kind: "countPct", get: (r) => r.minority, patterns: [["dan toc thieu so"], ["dtts"], ["dan toc"], ["minority"]] },
    { id: "under40", vi: "Dưới 40 tuổi", en: "Under 40", kind: "countPct", get: (r) => r.under40, patterns: [["duoi 40"], ["under 40"]] },
    ...ages,
    { id: "education.trungCap", vi: "Chuyên môn Trung cấp", en: "Education: Trung cấp", kind: "countPct", get: (r) => r.education.trungCap, patterns: [...CM("trung cap"), ["education", "trung cap"]] },
    { id: "education.caoDang", vi: "Chuyên môn Cao đẳng", en: "Education: Cao đẳng", kind: "countPct", get: (r) => r.education.caoDang, patterns: [["cao dang"]] },
    { id: "education.daiHocTroLen", vi: "Đại học trở lên", en: "University or higher", kind: "countPct", get: (r) => r.education.daiHocTroLen, patterns: [["dai hoc"], ["university"]] },
    { id: "theory.soCap", vi: "LLCT Sơ cấp", en: "Theory: Sơ cấp", kind: "countPct", get: (r) => r.theory.soCap, patterns: LL("so cap") },
    { id: "theory.trungCap", vi: "LLCT Trung cấp", en: "Theory: Trung cấp", kind: "countPct", get: (r) => r.theory.trungCap, patterns: LL("trung cap") },
    { id: "theory.caoCapCuNhan", vi: "LLCT Cao cấp, Cử nhân", en: "Theory: Cao cấp, Cử nhân", kind: "countPct", get: (r) => r.theory.caoCapCuNhan, patterns: [["cao cap"], ["cu nhan"]] },
    { id: "villageHead", vi: "Kiêm trưởng thôn/TDP", en: "Also village head", kind: "countPct", get: (r) => r.villageHead, patterns: [["truong thon"], ["village head"]] },
    { id: "trained", vi: "Đã bồi dưỡng nghiệp vụ", en: "Trained", kind: "countPct", get: (r) => r.trained, patterns: [["boi duong"], ["tap huan"], ["trained"]] },
    { id: "eHandbook", vi: "Dùng Sổ tay điện tử", en: "Uses e-handbook", kind: "countPct", get: (r) => r.eHandbook, patterns: [["so tay"], ["handbook"]] },
  ];
}

export const MEETING_METRICS: MeetingMetric[] = [
  { id: "cells", vi: "Số chi bộ", en: "Cells", kind: "count", get: (r) => r.cells, patterns: [["so chi bo"], ["tong so chi bo"], ["cells"]] },
  { id: "allMonthly", vi: "Chi bộ sinh hoạt đủ hằng tháng", en: "Cells meeting every month", kind: "countPct", get: (r) => r.allMonthly, patterns: [["hang thang"], ["thuong ky"], ["every month"]] },
  { id: "thematicEveryQuarter", vi: "Chi bộ sinh hoạt chuyên đề mỗi quý", en: "Cells with thematic meetings every quarter", kind: "countPct", get: (r) => r.thematicEveryQuarter, patterns: [["chuyen de"], ["thematic"]] },
  { id: "meetings", vi: "Số buổi sinh hoạt", en: "Meetings", kind: "count", get: (r) => r.meetings, patterns: [["so buoi"], ["so cuoc"], ["meetings"]] },
  { id: "avgAttendancePct", vi: "Tỷ lệ đảng viên dự bình quân (%)", en: "Average attendance (%)", kind: "pct", get: (r) => r.avgAttendancePct, patterns: [["ty le", "du"], ["binh quan"], ["attendance"]] },
  { id: "quality", vi: "Đạt yêu cầu chất lượng", en: "Meet the quality standard", kind: "countPct", get: (r) => r.quality, patterns: [["chat luong"], ["dat yeu cau"], ["quality"]] },
  { id: "upperAttended", vi: "Có cấp ủy cấp trên dự", en: "Upper-level member attended", kind: "countPct", get: (r) => r.upperAttended, patterns: [["cap tren"], ["upper"]] },
  { id: "fiveSteps", vi: "Đủ quy trình 5 bước", en: "5-step procedure", kind: "countPct", get: (r) => r.fiveSteps, patterns: [["5 buoc"], ["quy trinh"], ["five steps"]] },
  { id: "handbookPosted", vi: "Đăng Sổ tay điện tử", en: "Posted on e-handbook", kind: "countPct", get: (r) => r.handbookPosted, patterns: [["so tay"], ["handbook"]] },
  { id: "online", vi: "Sinh hoạt trực tuyến", en: "Online", kind: "countPct", get: (r) => r.online, patterns: [["truc tuyen"], ["online"]] },
  { id: "rating.tot", vi: "Xếp loại Tốt", en: "Rated Tốt", kind: "countPct", get: (r) => r.rating.tot, patterns: [["tot"]] },
  { id: "rating.kha", vi: "Xếp loại Khá", en: "Rated Khá", kind: "countPct", get: (r) => r.rating.kha, patterns: [["kha"]] },
  { id: "rating.trungBinh", vi: "Xếp loại Trung bình", en: "Rated Trung bình", kind: "countPct", get: (r) => r.rating.trungBinh, patterns: [["trung binh"]] },
  { id: "rating.kem", vi: "Xếp loại Kém", en: "Rated Kém", kind: "countPct", get: (r) => r.rating.kem, patterns: [["kem"], ["yeu"]] },
];

export const TABLE_TITLES: Record<TableKey, { vi: string; en: string }> = {
  secretaries: { vi: "Biểu 1. Đội ngũ bí thư chi bộ", en: "Table 1. Cell secretaries" },
  committee: { vi: "Biểu 2. Cấp ủy viên cơ sở", en: "Table 2. Grassroots committee members" },
  meetings: { vi: "Biểu 3. Sinh hoạt chi bộ", en: "Table 3. Cell meetings" },
};

export const NUMBER_FORMATS = {
  count: "#,##0",
  pct: "0.00",
  countChange: "+#,##0;-#,##0;0",
  pctChange: "+0.00;-0.00;0.00",
} as const;
