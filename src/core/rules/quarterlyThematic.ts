import { MeetingRecord, dayNumber } from "../model";
import { isThematic, meetingInPeriod, meetingMonth, meetingQuarter, quartersDue } from "../facts";
import { CellEntry, cadenceGaps, cellTitle, meetingsOfGapCells } from "./cellUniverse";
import { colOf, makeFinding, valueOf } from "./finding";
import { defineRule } from "./rule";

const ROMAN = ["I", "II", "III", "IV"];

/**
 * `cell/quarterly-thematic`: a cell held no thematic meeting in some quarter
 * of the period (Hướng dẫn 12-HD/BTCTW, 2018: at least one per quarter).
 */
export const quarterlyThematic = defineRule({
  id: "cell/quarterly-thematic",
  severities: ["warning"],
  label: { vi: "Thiếu chuyên đề hằng quý", en: "Missing quarterly thematic meeting" },
  checks: {
    vi: "Chi bộ không có buổi sinh hoạt chuyên đề trong một quý của kỳ báo cáo (Hướng dẫn 12-HD/BTCTW: ít nhất mỗi quý một lần).",
    en: "A cell held no thematic meeting in some quarter of the period (Guidance 12-HD/BTCTW: at least one a quarter).",
  },
  fix: null,
  settings: [],
  run: {
    table: (dataset, ctx, out) => {
      // A commune whose meetings come from a tracker of months alone records no thematic meeting: nothing to miss.
      const gaps = cadenceGaps(dataset, ctx, "thematic", quartersDue(ctx.period, ctx.today),
        (m) => (isThematic(m.kind) && meetingInPeriod(m, ctx.period) ? meetingQuarter(m) : null));
      if (gaps === null || gaps.missing.length === 0) return;
      // Plain regular meetings of the cells with a gap only, to point at a likely mislabelled one.
      const plain = meetingsOfGapCells(gaps, (m) => meetingMonth(m) !== null && m.kind === "Thường kỳ" && meetingInPeriod(m, ctx.period));
      for (const { entry, slot } of gaps.missing) out.push(missingQuarter(entry, slot, ctx.period.year, plain.get(entry.id) ?? []));
    },
  },
});

/**
 * Where to point a missing quarter: a month of it with two "regular" meetings
 * most likely holds the thematic one under the wrong kind, and the regular
 * meeting is the month's first; so the later one is pointed at (its kind cell).
 * Otherwise, the cell's first row.
 */
function missingQuarter(entry: CellEntry, q: number, year: number, plain: readonly MeetingRecord[]) {
  const title = cellTitle(entry);
  const base = {
    rule: "cell/quarterly-thematic" as const, severity: "warning" as const,
    message: {
      vi: `${title} không có buổi sinh hoạt chuyên đề nào trong quý ${ROMAN[q - 1]} năm ${year} (Hướng dẫn 12-HD/BTCTW).`,
      en: `${title} held no thematic meeting in Q${q} ${year} (Guidance 12-HD/BTCTW).`,
    },
  };
  let suspect: MeetingRecord | null = null;
  let twin: MeetingRecord | null = null;
  for (let month = q * 3 - 2; month <= q * 3 && suspect === null; month++) {
    const inMonth = plain.filter((m) => meetingMonth(m) === month);
    if (inMonth.length < 2) continue;
    // By day where the row has one (a tracker's month-only mark has none), then by row.
    const sorted = [...inMonth].sort((a, b) => (a.date && b.date ? dayNumber(a.date) - dayNumber(b.date) : 0) || a.row - b.row);
    twin = sorted[0];
    suspect = sorted[sorted.length - 1];
  }
  if (suspect === null || twin === null) return makeFinding({ ...base, ...entry.anchor });
  return makeFinding({
    ...base,
    sheet: suspect.sheet, row: suspect.row, col: colOf(suspect, "kind", "date", "cell"), ...valueOf(suspect, "kind", "date", "cell"),
    message: {
      vi: base.message.vi.replace(/\.$/, "") + `; tháng ${meetingMonth(suspect)} có hai buổi thường kỳ, có thể buổi ở dòng này là sinh hoạt chuyên đề.`,
      en: base.message.en.replace(/\.$/, "") + `; month ${meetingMonth(suspect)} has two regular meetings, and this one may be the thematic meeting.`,
    },
    relatedRows: [twin.row],
  });
}
