import type { RuleId } from "../core/model";
import type { Lang } from "../app/errors";

/** A short name for each rule of DOMAIN.md, shown beside its id in the findings list. */
export const RULE_LABELS: Record<RuleId, { vi: string; en: string }> = {
  "required": { vi: "Thiếu giá trị bắt buộc", en: "Required value missing" },
  "type/date": { vi: "Ngày tháng", en: "Dates" },
  "type/integer": { vi: "Số nguyên", en: "Whole numbers" },
  "type/number": { vi: "Số", en: "Numbers" },
  "enum": { vi: "Giá trị không thuộc danh mục", en: "Value not in the list" },
  "text/spaces": { vi: "Khoảng trắng thừa", en: "Extra spaces" },
  "text/legacy-encoding": { vi: "Phông chữ cũ (TCVN3, VNI)", en: "Old font encoding (TCVN3, VNI)" },
  "text/unicode-form": { vi: "Unicode tổ hợp", en: "Decomposed Unicode" },
  "cadre/age": { vi: "Tuổi cán bộ", en: "Cadre age" },
  "cadre/joined": { vi: "Ngày vào Đảng", en: "Date joined" },
  "meeting/attendance-sum": { vi: "Tổng số dự, vắng không khớp", en: "Attendance does not add up" },
  "meeting/present-gt-total": { vi: "Số dự lớn hơn tổng số", en: "More present than members" },
  "meeting/future": { vi: "Ngày họp trong tương lai", en: "Meeting in the future" },
  "meeting/duration": { vi: "Thời lượng sinh hoạt", en: "Meeting duration" },
  "meeting/topic-missing": { vi: "Thiếu chủ đề chuyên đề", en: "Thematic topic missing" },
  "meeting/rating-score": { vi: "Xếp loại không khớp điểm", en: "Rating disagrees with score" },
  "cadre/duplicate": { vi: "Cán bộ trùng", en: "Duplicate cadre" },
  "cell/secretary-count": { vi: "Số bí thư chi bộ", en: "Number of secretaries" },
  "xref/cell": { vi: "Chi bộ không có trong danh sách", en: "Cell not in the cell list" },
  "meeting/duplicate": { vi: "Buổi sinh hoạt trùng", en: "Duplicate meeting" },
  "cell/monthly": { vi: "Thiếu sinh hoạt hằng tháng", en: "Missing monthly meeting" },
  "cell/quarterly-thematic": { vi: "Thiếu chuyên đề hằng quý", en: "Missing quarterly thematic meeting" },
  "meeting/quality": { vi: "Chưa đạt chất lượng", en: "Below the quality standard" },
  "sheet/not-understood": { vi: "Trang có dữ liệu chưa đọc được", en: "Sheet with data not understood" },
  "sheet/unreadable": { vi: "Trang không đọc được", en: "Sheet that could not be read" },
};

export function ruleLabel(rule: RuleId, lang: Lang): string {
  return RULE_LABELS[rule]?.[lang] ?? rule;
}
