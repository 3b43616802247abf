import { ageAt, formatDay } from "../model";
import { fieldFinding } from "./finding";
import { cadreName } from "./rowRule";
import { defineRule } from "./rule";

/**
 * `cadre/age`: age on the last day of the period under the minimum (18) or
 * over the maximum (80), or a birth date after today. With a year alone the
 * age is the period's year minus the birth year (DOMAIN.md).
 */
export const cadreAge = defineRule({
  id: "cadre/age",
  severities: ["error"],
  label: { vi: "Tuổi cán bộ", en: "Cadre age" },
  checks: {
    vi: "Tuổi của cán bộ tại ngày cuối kỳ báo cáo dưới tuổi tối thiểu hoặc trên tuổi tối đa, hoặc ngày sinh ở sau hôm nay. Chỉ có năm sinh thì tuổi là năm của kỳ trừ năm sinh.",
    en: "A cadre's age on the last day of the period is under the minimum or over the maximum, or the birth date is after today. With a year of birth alone, the age is the period's year minus that year.",
  },
  fix: null,
  settings: ["minAge", "maxAge"],
  run: {
    cadre: (c, ctx, out) => {
      const birth = c.birth;
      if (birth === null) return;
      const future = birth.kind === "year" ? birth.y > ctx.today.y : ageAt(birth, ctx.today) < 0;
      if (future) {
        out.push(fieldFinding("cadre/age", "error", c, birthFields(c), {
          vi: `${cadreName(c)}: ngày sinh ${formatDay(birth)} ở sau ngày hôm nay.`,
          en: `${cadreName(c)}: the birth date ${formatDay(birth)} is in the future.`,
        }));
        return;
      }
      const age = ageAt(birth, ctx.periodEnd);
      if (age < 0) {
        // Born after the period (a past period checked later): there is no age to state, "-1 tuổi" would mislead.
        const at = formatDay(ctx.periodEnd);
        out.push(fieldFinding("cadre/age", "error", c, birthFields(c), {
          vi: `${cadreName(c)}: ngày sinh ${formatDay(birth)} ở sau ngày cuối kỳ báo cáo ${at}.`,
          en: `${cadreName(c)}: the birth date ${formatDay(birth)} is after the end of the period (${at}).`,
        }));
        return;
      }
      const { minAge, maxAge } = ctx.settings;
      if (age < minAge || age > maxAge) {
        const at = formatDay(ctx.periodEnd);
        out.push(fieldFinding("cadre/age", "error", c, birthFields(c), {
          vi: `${cadreName(c)}: ${age} tuổi tại ngày ${at}, ngoài khoảng ${minAge}–${maxAge} tuổi.`,
          en: `${cadreName(c)}: aged ${age} on ${at}, outside ${minAge}–${maxAge}.`,
        }));
      }
    },
  },
});

/** The birth column that holds the value: the date column, or whichever of the Nam / Nữ year columns is filled. */
export function birthFields(c: { cols: Partial<Record<string, number>>; raw: Partial<Record<string, unknown>> }): Array<"birth" | "birthYearMale" | "birthYearFemale"> {
  const filled = (f: "birthYearMale" | "birthYearFemale") => c.cols[f] !== undefined && c.raw[f] !== undefined && c.raw[f] !== "";
  if (c.cols.birth !== undefined) return ["birth"];
  if (filled("birthYearFemale")) return ["birthYearFemale", "birthYearMale"];
  return ["birthYearMale", "birthYearFemale"];
}
