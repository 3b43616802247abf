import { MeetingRecord } from "../model";
import { isRegular, meetingMonth, meetingYear, monthsDue } from "../facts";
import { CellEntry, cadenceGaps, cellTitle, meetingsOfGapCells } from "./cellUniverse";
import { colOf, makeFinding, valueOf } from "./finding";
import { defineRule } from "./rule";

/**
 * `cell/monthly`: a cell held no regular meeting in some month of the period
 * (Điều lệ Đảng, art. 24: one every month). One finding per cell and missing month.
 */
export const monthlyCadence = defineRule({
  id: "cell/monthly",
  severities: ["error"],
  label: { vi: "Thiếu sinh hoạt hằng tháng", en: "Missing monthly meeting" },
  checks: {
    vi: "Chi bộ không có buổi sinh hoạt thường kỳ trong một tháng của kỳ báo cáo (Điều lệ Đảng, Điều 24: mỗi tháng một lần).",
    en: "A cell held no regular meeting in some month of the period (Party Statute, art. 24: one every month).",
  },
  fix: null,
  settings: [],
  run: {
    table: (dataset, ctx, out) => {
      const year = ctx.period.year;
      const counted = (m: MeetingRecord) => meetingYear(m) === year && isRegular(m.kind);
      const gaps = cadenceGaps(dataset, ctx, "regular", monthsDue(ctx.period, ctx.today), (m) => (counted(m) ? meetingMonth(m) : null));
      if (gaps === null || gaps.missing.length === 0) return;
      const regular = meetingsOfGapCells(gaps, (m) => meetingMonth(m) !== null && counted(m));
      for (const { entry, slot } of gaps.missing) out.push(missingMonth(entry, slot, year, regular.get(entry.id) ?? []));
    },
  },
});

/**
 * Where to point a missing month: when a neighbouring month holds two regular
 * meetings, one of them is most likely this month's, dated wrongly. In a sheet
 * kept in date order, that is the earlier row of the month after, or the later
 * row of the month before. Otherwise, the cell's first row.
 */
function missingMonth(entry: CellEntry, month: number, year: number, regular: readonly MeetingRecord[]) {
  const inMonth = (mm: number) => regular.filter((m) => meetingMonth(m) === mm);
  const after = inMonth(month + 1);
  const before = inMonth(month - 1);
  let suspect: MeetingRecord | null = null;
  if (after.length >= 2) suspect = after.reduce((a, b) => (b.row < a.row ? b : a));
  else if (before.length >= 2) suspect = before.reduce((a, b) => (b.row > a.row ? b : a));
  const title = cellTitle(entry);
  const base = {
    rule: "cell/monthly" as const, severity: "error" as const,
    message: {
      vi: `${title} không sinh hoạt thường kỳ trong tháng ${month}/${year} (Điều lệ Đảng, Điều 24).`,
      en: `${title} held no regular meeting in ${month}/${year} (Party Statute, art. 24).`,
    },
  };
  if (suspect === null) return makeFinding({ ...base, ...entry.anchor });
  const other = meetingMonth(suspect) as number;
  const twins = inMonth(other).filter((m) => m !== suspect).map((m) => m.row);
  return makeFinding({
    ...base,
    sheet: suspect.sheet, row: suspect.row, col: colOf(suspect, "date", "cell"), ...valueOf(suspect, "date", "cell"),
    message: {
      vi: base.message.vi.replace(/\.$/, "") + `; tháng ${other} có hai buổi thường kỳ, có thể buổi ở dòng này bị ghi nhầm ngày.`,
      en: base.message.en.replace(/\.$/, "") + `; month ${other} has two regular meetings, and this row's date may be wrong.`,
    },
    relatedRows: twins,
  });
}
