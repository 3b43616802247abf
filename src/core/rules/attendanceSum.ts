import { fieldFinding } from "./finding";
import { MeetingRowRule, meetingName } from "./rowRule";

/**
 * `meeting/attendance-sum`: present + excused + unexcused must equal
 * total − exempt. A blank absence or exemption cell means nobody, as offices
 * write it; without `present` or `total` there is nothing to compare.
 */
export const attendanceSum: MeetingRowRule = (m, _ctx, out) => {
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
};
