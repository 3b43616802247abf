import { attendanceSum } from "./attendanceSum";
import { meeting, MEETING_COLS } from "../../../test/factories/records";
import { runMeetingRule } from "../../../test/factories/rules";
import { columnLetter } from "../model";

describe("meeting/attendance-sum", () => {
  it("flags present + excused + unexcused that does not add up to total − exempt, at the present cell", () => {
    const m = meeting({ total: 20, exempt: 2, present: 15, excused: 1, unexcused: 1, row: 12 });
    const [f, ...rest] = runMeetingRule(attendanceSum, m);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ rule: "meeting/attendance-sum", severity: "error", row: 12, column: columnLetter(MEETING_COLS.present), value: 15 });
    expect(f.message.vi).toContain("= 17");
    expect(f.message.vi).toContain("= 18");
    expect(f.fix).toBeNull();
  });
  it("accepts sums that match, with blanks in exempt and absences read as zero", () => {
    expect(runMeetingRule(attendanceSum, meeting({ total: 20, exempt: 2, present: 16, excused: 1, unexcused: 1 }))).toEqual([]);
    expect(runMeetingRule(attendanceSum, meeting({ total: 20, exempt: null, present: 20, excused: null, unexcused: null }))).toEqual([]);
  });
  it("stays silent when present or total is unknown", () => {
    expect(runMeetingRule(attendanceSum, meeting({ present: null, total: 20 }))).toEqual([]);
    expect(runMeetingRule(attendanceSum, meeting({ present: 10, total: null }))).toEqual([]);
  });
  it("without a column for one kind of absence, lets the sum fall short (the rest may be those absentees) but not pass the total", () => {
    const { unexcused: _u, ...noUnexcused } = MEETING_COLS;
    const cols = noUnexcused as typeof MEETING_COLS;
    expect(runMeetingRule(attendanceSum, meeting({ cols, total: 20, present: 17, excused: 2, unexcused: null }))).toEqual([]);
    const [f] = runMeetingRule(attendanceSum, meeting({ cols, total: 20, present: 19, excused: 2, unexcused: null }));
    expect(f.message.vi).toContain("có mặt 19 + vắng có lý do 2 = 21, nhiều hơn tổng số 20");
    expect(f.message.vi).not.toContain("vắng không lý do");
    expect(f.message.en).toContain("more than total 20");
  });
});
