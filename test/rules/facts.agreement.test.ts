import { day, defaultSettings, type MeetingRecord } from "../../src/core/model";
import { checkDataset } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { meetsQuality } from "../../src/core/facts";
import { cell, dataset, meeting } from "../factories/records";

/**
 * Check and summary call the same facts (src/core/facts), so they cannot
 * disagree: a meeting the check faults for quality is never counted as meeting
 * the standard, one it cannot judge is neither faulted nor counted (and the
 * summary says so), and a cell the check finds missing a month is not one that
 * "held every monthly meeting".
 */
describe("check and summary agree on the shared facts", () => {
  const year = { kind: "year", year: 2026 } as const;

  it("meeting quality: faulted ⇔ meetsQuality false; counted ⇔ true; the rest said to be unknown", () => {
    // Every mix of attendance and absence columns that offices send, 18 of 20 present with no absence column among them.
    const figures: Array<Partial<MeetingRecord>> = [
      { total: 20, present: 18, excused: null, unexcused: null },
      { total: 20, present: 18, excused: 2, unexcused: null },
      { total: 20, present: 18, excused: 1, unexcused: null },
      { total: 20, present: 18, excused: 1, unexcused: 1 },
      { total: 20, present: 17, excused: 3, unexcused: 0 },
      { total: 20, present: 20, excused: null, unexcused: null },
      { total: 20, present: 12, excused: null, unexcused: null },
      { total: 20, present: null, excused: null, unexcused: null },
    ];
    const meetings = figures.map((f, i) => meeting({ cell: `Chi bộ Thôn ${i + 1}`, date: day(2026, 3, 5), row: 10 + i, ...f }));
    const settings = defaultSettings(day(2027, 1, 10));
    const faulted = new Set(checkDataset(dataset({ meetings }), [], settings, year).filter((f) => f.rule === "meeting/quality").map((f) => f.row));
    const verdicts = meetings.map((m) => meetsQuality(m, settings.qualityAttendancePct));
    expect(meetings.filter((_, i) => verdicts[i] === false).map((m) => m.row)).toEqual([...faulted].sort((a, b) => a - b));
    const s = summarize(dataset({ meetings }), year, settings);
    expect(s.tables.meetings.total.figures.quality.count).toBe(verdicts.filter((v) => v === true).length);
    const unknown = s.leftOut.find((l) => l.reason === "meeting/quality-unknown");
    // 18 of 20 with no absence column: not faulted, not counted, and named.
    expect(verdicts[0]).toBeNull();
    expect(faulted.has(10)).toBe(false);
    expect(unknown?.examples).toContainEqual({ sheet: "Sinh hoạt", row: 10 });
    expect(unknown?.count).toBe(verdicts.filter((v, i) => v === null && figures[i].present !== null).length);
  });

  it("monthly cadence on 30/11: the check faults no month the summary still waits for", () => {
    const settings = defaultSettings(day(2026, 11, 30));
    const cells = [cell({ cell: "Chi bộ Thôn A" }), cell({ cell: "Chi bộ Thôn B" })];
    const meetings: MeetingRecord[] = [];
    // A meets January to November; B misses October.
    for (let m = 1; m <= 11; m++) {
      meetings.push(meeting({ cell: "Chi bộ Thôn A", date: day(2026, m, 5) }));
      if (m !== 10) meetings.push(meeting({ cell: "Chi bộ Thôn B", date: day(2026, m, 5) }));
    }
    const findings = checkDataset(dataset({ cells, meetings }), [], settings, year).filter((f) => f.rule === "cell/monthly");
    expect(findings.map((f) => f.message.vi)).toEqual([expect.stringContaining("tháng 10/2026")]);
    const s = summarize(dataset({ cells, meetings }), year, settings);
    expect(s.tables.meetings.total.figures.allMonthly.count).toBe(1);
  });

  it("a meeting after today is faulted by the check and left out of the summary, with a note", () => {
    const settings = defaultSettings(day(2026, 11, 30));
    const meetings = [meeting({ date: day(2026, 11, 5) }), meeting({ date: day(2026, 12, 5), row: 9 })];
    expect(checkDataset(dataset({ meetings }), [], settings, year).filter((f) => f.rule === "meeting/future").map((f) => f.row)).toEqual([9]);
    const s = summarize(dataset({ meetings }), year, settings);
    expect(s.tables.meetings.total.figures.meetings.count).toBe(1);
    expect(s.leftOut.find((l) => l.reason === "meeting/future")?.examples).toEqual([{ sheet: "Sinh hoạt", row: 9 }]);
  });
});
