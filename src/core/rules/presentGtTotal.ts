import { fieldFinding } from "./finding";
import { MeetingRowRule, meetingName } from "./rowRule";

/** `meeting/present-gt-total`: more people present than the cell has members. */
export const presentGtTotal: MeetingRowRule = (m, _ctx, out) => {
  if (m.present === null || m.total === null || m.present <= m.total) return;
  const name = meetingName(m);
  out.push(fieldFinding("meeting/present-gt-total", "error", m, ["present"],
    `${name.vi}: số có mặt ${m.present} lớn hơn tổng số đảng viên ${m.total}.`,
    `${name.en}: ${m.present} present, more than the ${m.total} members.`));
};
