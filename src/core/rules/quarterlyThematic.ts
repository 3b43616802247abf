import { MeetingRecord, dayNumber } from "../model";
import { isThematic, meetingInPeriod, meetingMonth, meetingQuarter, quartersDue } from "../facts";
import { cellIdsOf } from "./context";
import { CellEntry, cellTitle, cellsToCover, communesRecording } from "./cellUniverse";
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
      if (!ctx.tables.has("meetings")) return;
      const year = ctx.period.year;
      const quarters = quartersDue(ctx.period, ctx.today);
      if (quarters.length === 0) return;
      const meetings = dataset.meetings;
      const ids = cellIdsOf(ctx, meetings);
      // A commune whose meetings come from a tracker of months alone records no thematic meeting: nothing to miss.
      const recording = communesRecording(ctx, meetings, ids, "thematic");
      const entries = cellsToCover(dataset, ctx, meetings).filter((e) => recording.has(ctx.cellIds.communeKey[e.id]));
      const held = new Int32Array(ctx.cellIds.size);
      for (let i = 0; i < meetings.length; i++) {
        const m = meetings[i];
        if (ids[i] < 0 || !isThematic(m.kind) || !meetingInPeriod(m, ctx.period)) continue;
        held[ids[i]] |= 1 << (meetingQuarter(m) as number);
      }
      const missing: Array<{ entry: CellEntry; q: number }> = [];
      for (const entry of entries) for (const q of quarters) if (!(held[entry.id] & (1 << q))) missing.push({ entry, q });
      if (missing.length === 0) return;
      // Plain regular meetings of the cells with a gap only, to point at a likely mislabelled one.
      const wanted = new Set(missing.map((x) => x.entry.id));
      const plain = new Map<number, MeetingRecord[]>();
      for (let i = 0; i < meetings.length; i++) {
        const m = meetings[i];
        if (!wanted.has(ids[i]) || meetingMonth(m) === null || m.kind !== "Thường kỳ" || !meetingInPeriod(m, ctx.period)) continue;
        let list = plain.get(ids[i]);
        if (!list) plain.set(ids[i], (list = []));
        list.push(m);
      }
      for (const { entry, q } of missing) out.push(missingQuarter(entry, q, year, plain.get(entry.id) ?? []));
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
