import { ageAt, compareDays, formatDay } from "../model";
import { fieldFinding } from "./finding";
import { cadreName } from "./rowRule";
import { defineRule } from "./rule";

/**
 * `cadre/joined`: joined the party before turning 18 (Điều lệ Đảng), or after
 * the end of the period, which no report can contain.
 */
export const cadreJoined = defineRule({
  id: "cadre/joined",
  severities: ["error"],
  label: { vi: "Ngày vào Đảng", en: "Date joined" },
  checks: {
    vi: "Cán bộ vào Đảng khi chưa đủ tuổi tối thiểu (theo ngày sinh), hoặc ngày vào Đảng ở sau ngày cuối kỳ báo cáo.",
    en: "A cadre joined the Party younger than the minimum age (by the birth date), or the date joined is after the end of the period.",
  },
  fix: null,
  settings: ["minAge"],
  run: {
    cadre: (c, ctx, out) => {
      const joined = c.joined;
      if (joined === null) return;
      if (compareDays(joined, ctx.periodEnd) > 0) {
        out.push(fieldFinding("cadre/joined", "error", c, ["joined"], {
          vi: `${cadreName(c)}: ngày vào Đảng ${formatDay(joined)} ở sau ngày cuối kỳ báo cáo ${formatDay(ctx.periodEnd)}.`,
          en: `${cadreName(c)}: joined the party on ${formatDay(joined)}, after the end of the period (${formatDay(ctx.periodEnd)}).`,
        }));
        return;
      }
      if (c.birth === null) return;
      // With a year of birth alone, period-year arithmetic could be one year off, so only a certain
      // case is flagged: the year difference itself is under the limit.
      const ageOnJoining = ageAt(c.birth, joined);
      const minAge = ctx.settings.minAge;
      if (ageOnJoining < minAge) {
        out.push(fieldFinding("cadre/joined", "error", c, ["joined"], {
          vi: `${cadreName(c)}: vào Đảng ngày ${formatDay(joined)} khi mới ${Math.max(ageOnJoining, 0)} tuổi (sinh ${formatDay(c.birth)}), chưa đủ ${minAge} tuổi.`,
          en: `${cadreName(c)}: joined on ${formatDay(joined)} aged ${Math.max(ageOnJoining, 0)} (born ${formatDay(c.birth)}), under ${minAge}.`,
        }));
      }
    },
  },
});
