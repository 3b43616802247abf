import { fieldFinding } from "./finding";
import { meetingName } from "./rowRule";
import { defineRule } from "./rule";

/**
 * `meeting/attendance-sum`: present + excused + unexcused must equal
 * total − exempt. A blank absence or exemption cell means nobody, as offices
 * write it; without `present` or `total` there is nothing to compare.
 */
export const attendanceSum = defineRule({
  id: "meeting/attendance-sum",
  severities: ["error"],
  label: { vi: "Tổng số dự, vắng không khớp", en: "Attendance does not add up" },
  checks: {
    vi: "Số dự + vắng có lý do + vắng không lý do khác tổng số đảng viên trừ số được miễn sinh hoạt. Ô vắng hoặc miễn để trống được hiểu là không ai.",
    en: "Present + excused + absent without reason differs from the total number of members less those exempt. A blank absence or exemption cell means nobody.",
  },
  fix: null,
  settings: [],
  run: {
    meeting: (m, _ctx, out) => {
      if (m.present === null || m.total === null) return;
      const accounted = m.present + (m.excused ?? 0) + (m.unexcused ?? 0);
      const expected = m.total - (m.exempt ?? 0);
      if (accounted === expected) return;
      const name = meetingName(m);
      out.push(fieldFinding("meeting/attendance-sum", "error", m, ["present", "total"],
        `${name.vi}: có mặt ${m.present} + vắng có lý do ${m.excused ?? 0} + vắng không lý do ${m.unexcused ?? 0} = ${accounted}, ` +
          `khác tổng số ${m.total} − miễn sinh hoạt ${m.exempt ?? 0} = ${expected}.`,
        `${name.en}: present ${m.present} + excused ${m.excused ?? 0} + unexcused ${m.unexcused ?? 0} = ${accounted}, ` +
          `not total ${m.total} − exempt ${m.exempt ?? 0} = ${expected}.`));
    },
  },
});
