import { isRecorded } from "../facts/recorded";
import { fieldFinding } from "./finding";
import { meetingName } from "./rowRule";
import { defineRule } from "./rule";

/**
 * `meeting/attendance-sum`: present + excused + unexcused must equal
 * total − exempt. A blank absence or exemption cell means nobody, as offices
 * write it; without `present` or `total` there is nothing to compare.
 * A kind of absence the table has no column for is not recorded, not 0: the
 * rest of the members may be those absentees, so the sum may fall short of the
 * total but never pass it.
 */
export const attendanceSum = defineRule({
  id: "meeting/attendance-sum",
  severities: ["error"],
  label: { vi: "Tổng số dự, vắng không khớp", en: "Attendance does not add up" },
  checks: {
    vi: "Số dự + vắng có lý do + vắng không lý do khác tổng số đảng viên trừ số được miễn sinh hoạt. Ô vắng hoặc miễn để trống được hiểu là không ai. " +
      "Khi bảng không có cột cho một loại vắng, tổng chỉ được nhỏ hơn, không được lớn hơn.",
    en: "Present + excused + absent without reason differs from the total number of members less those exempt. A blank absence or exemption cell means nobody. " +
      "When the table has no column for one kind of absence, the sum may fall short of the total but not pass it.",
  },
  fix: null,
  settings: [],
  run: {
    meeting: (m, _ctx, out) => {
      if (m.present === null || m.total === null) return;
      const accounted = m.present + (m.excused ?? 0) + (m.unexcused ?? 0);
      const expected = m.total - (m.exempt ?? 0);
      const complete = isRecorded(m, "excused") && isRecorded(m, "unexcused");
      if (accounted === expected || (!complete && accounted < expected)) return;
      const name = meetingName(m);
      const part = (recorded: boolean, vi: string, en: string, v: number | null) =>
        recorded ? { vi: ` + ${vi} ${v ?? 0}`, en: ` + ${en} ${v ?? 0}` } : { vi: "", en: "" };
      const exc = part(isRecorded(m, "excused"), "vắng có lý do", "excused", m.excused);
      const unexc = part(isRecorded(m, "unexcused"), "vắng không lý do", "unexcused", m.unexcused);
      const relation = complete ? { vi: "khác", en: "not" } : { vi: "nhiều hơn", en: "more than" };
      out.push(fieldFinding("meeting/attendance-sum", "error", m, ["present", "total"],
        {
          vi: `${name.vi}: có mặt ${m.present}${exc.vi}${unexc.vi} = ${accounted}, ` +
          `${relation.vi} tổng số ${m.total} − miễn sinh hoạt ${m.exempt ?? 0} = ${expected}.`,
          en: `${name.en}: present ${m.present}${exc.en}${unexc.en} = ${accounted}, ` +
          `${relation.en} total ${m.total} − exempt ${m.exempt ?? 0} = ${expected}.`,
        }));
    },
  },
});
