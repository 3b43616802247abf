import { LeftOut, LeftOutReason } from "./types";

const MESSAGES: Record<LeftOutReason, { scope: "row" | "field"; vi: string; en: string }> = {
  "cadre/no-commune": { scope: "row", vi: "Cán bộ không rõ đảng bộ xã/phường: không tính vào bảng nào", en: "Cadre with no readable commune: not counted" },
  "cadre/no-role": { scope: "row", vi: "Cán bộ không đọc được chức vụ: không biết thuộc bảng 1 hay bảng 2", en: "Cadre with no readable role: cannot tell table 1 from table 2" },
  "cadre/no-term": { scope: "row", vi: "Cán bộ không ghi nhiệm kỳ, trong khi dữ liệu có nhiều nhiệm kỳ: không biết thuộc khóa nào, không tính", en: "Cadre with no term while the data holds several terms: cannot tell which, not counted" },
  "cadre/other-term": { scope: "row", vi: "Cán bộ của một nhiệm kỳ cũ hơn: không tính vào nhiệm kỳ hiện tại", en: "Cadre of an earlier term: not counted in the current term" },
  "meeting/no-commune": { scope: "row", vi: "Buổi sinh hoạt không rõ đảng bộ xã/phường: không tính", en: "Meeting with no readable commune: not counted" },
  "meeting/no-date": { scope: "row", vi: "Buổi sinh hoạt không đọc được ngày: không biết thuộc kỳ nào", en: "Meeting with no readable date: cannot tell its period" },
  "meeting/duplicate": { scope: "row", vi: "Buổi sinh hoạt bị ghi hai lần (trùng chi bộ, ngày và loại): chỉ tính một lần", en: "Meeting entered twice (same cell, date and kind): counted once" },
  "meeting/future": { scope: "row", vi: "Buổi sinh hoạt ghi ngày sau hôm nay (chưa diễn ra, hoặc ghi nhầm ngày): không tính", en: "Meeting dated after today (not held yet, or a mistyped date): not counted" },
  "meeting/no-cell": { scope: "field", vi: "Buổi sinh hoạt không rõ chi bộ: tính vào số buổi, không tính vào chi bộ nào", en: "Meeting with no cell: counted as a meeting, not for any cell" },
  "meeting/unknown-cell": { scope: "field", vi: "Buổi sinh hoạt của chi bộ không có trong trang Chi bộ: tính vào số buổi, không tính là một chi bộ", en: "Meeting of a cell not in the CELLS sheet: counted as a meeting, not as a cell" },
  "meeting/no-kind": { scope: "field", vi: "Buổi sinh hoạt không đọc được loại: không tính vào sinh hoạt hằng tháng/chuyên đề", en: "Meeting with no readable kind: not counted for monthly or thematic cadence" },
  "meeting/no-attendance": { scope: "field", vi: "Buổi sinh hoạt thiếu số có mặt hoặc tổng số: không tính vào tỷ lệ dự họp và chất lượng", en: "Meeting with no readable attendance: left out of attendance and quality" },
  "meeting/quality-unknown": { scope: "field", vi: "Buổi sinh hoạt có người vắng nhưng không ghi vắng có hay không lý do: không xét được chất lượng, không tính là đạt", en: "Meeting with absentees but no column saying whether they had a reason: quality cannot be judged, not counted as meeting it" },
  "cadre/no-birth": { scope: "field", vi: "Cán bộ không đọc được ngày sinh: không tính vào các cột độ tuổi", en: "Cadre with no readable birth date: left out of the age columns" },
  "cadre/age-out-of-range": { scope: "field", vi: "Cán bộ có tuổi ngoài giới hạn cho phép (ngày sinh có thể sai): tính vào tổng số, không tính vào các cột độ tuổi", en: "Cadre whose age is outside the allowed range (birth date probably wrong): counted in the total, not in the age columns" },
  "cadre/no-gender": { scope: "field", vi: "Cán bộ không rõ giới tính: không tính vào cột Nữ", en: "Cadre with no readable gender: left out of the women column" },
  "cadre/no-ethnicity": { scope: "field", vi: "Cán bộ không rõ dân tộc: không tính vào cột DTTS", en: "Cadre with no ethnicity: left out of the minority column" },
};

const MAX_EXAMPLES = 20;

/** Collects the rows the summary could not count fully, by reason, in a stable order. */
export class LeftOutLog {
  private readonly byReason = new Map<LeftOutReason, LeftOut>();

  add(reason: LeftOutReason, sheet: string, row: number): void {
    let entry = this.byReason.get(reason);
    if (!entry) {
      const m = MESSAGES[reason];
      entry = { reason, scope: m.scope, count: 0, message: { vi: m.vi, en: m.en }, examples: [] };
      this.byReason.set(reason, entry);
    }
    entry.count += 1;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push({ sheet, row });
  }

  list(): LeftOut[] {
    const order = Object.keys(MESSAGES) as LeftOutReason[];
    return order.filter((r) => this.byReason.has(r)).map((r) => this.byReason.get(r) as LeftOut);
  }
}
