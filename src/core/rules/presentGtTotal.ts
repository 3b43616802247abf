import { fieldFinding } from "./finding";
import { meetingName } from "./rowRule";
import { defineRule } from "./rule";

/** `meeting/present-gt-total`: more people present than the cell has members. */
export const presentGtTotal = defineRule({
  id: "meeting/present-gt-total",
  severities: ["error"],
  label: { vi: "Số dự lớn hơn tổng số", en: "More present than members" },
  checks: { vi: "Số đảng viên dự họp lớn hơn tổng số đảng viên của chi bộ.", en: "More members present than the cell has." },
  fix: null,
  settings: [],
  run: {
    meeting: (m, _ctx, out) => {
      if (m.present === null || m.total === null || m.present <= m.total) return;
      const name = meetingName(m);
      out.push(fieldFinding("meeting/present-gt-total", "error", m, ["present"], {
        vi: `${name.vi}: số có mặt ${m.present} lớn hơn tổng số đảng viên ${m.total}.`,
        en: `${name.en}: ${m.present} present, more than the ${m.total} members.`,
      }));
    },
  },
});
