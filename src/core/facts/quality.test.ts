import { attendancePct, meetsQuality, qualityIsRecorded, unexcusedAbsent } from "./quality";
import { meeting } from "../../../test/factories/records";

const q = (p: Parameters<typeof meeting>[0]) => meetsQuality(meeting(p), 85);

describe("meetsQuality: the one definition of 'đạt yêu cầu chất lượng'", () => {
  it("is true above the threshold with nobody absent without reason", () => {
    expect(q({ total: 20, exempt: 0, present: 18, excused: 2, unexcused: 0 })).toBe(true);
  });
  it("is false at exactly the threshold (17 of 20 is 85%, compared in integers)", () => {
    expect(q({ total: 20, exempt: 0, present: 17, excused: 3, unexcused: 0 })).toBe(false);
  });
  it("is false with anybody absent without reason, however high the attendance", () => {
    expect(q({ total: 40, present: 39, excused: 0, unexcused: 1 })).toBe(false);
  });
  it("counts against total − exempt", () => {
    expect(q({ total: 20, exempt: 3, present: 16, excused: 1, unexcused: 0 })).toBe(true);
  });
  it("is null when the row cannot tell whether the absent had a reason (18 of 20, no absence columns)", () => {
    expect(q({ total: 20, present: 18, excused: null, unexcused: null })).toBeNull();
  });
  it("knows nobody was absent without reason when everyone came, or excused absences cover the rest", () => {
    expect(q({ total: 20, present: 20, excused: null, unexcused: null })).toBe(true);
    expect(q({ total: 20, present: 18, excused: 2, unexcused: null })).toBe(true);
    expect(q({ total: 20, present: 18, excused: 1, unexcused: null })).toBe(false);
  });
  it("is false for low attendance even when absences are not known", () => {
    expect(q({ total: 20, present: 10, excused: null, unexcused: null })).toBe(false);
  });
  it("is null when attendance is unreadable or nobody was expected", () => {
    expect(q({ present: null, unexcused: null })).toBeNull();
    expect(q({ total: 3, exempt: 3, present: 0, unexcused: 0 })).toBeNull();
  });
});

describe("the quality parts", () => {
  it("attendancePct is present over total − exempt", () => {
    expect(attendancePct(meeting({ total: 20, exempt: 0, present: 17 }))).toBe(85);
    expect(attendancePct(meeting({ total: null, present: 17 }))).toBeNull();
  });
  it("unexcusedAbsent takes the column, else what the other figures leave no doubt about", () => {
    expect(unexcusedAbsent(meeting({ unexcused: 2 }))).toBe(2);
    expect(unexcusedAbsent(meeting({ total: 20, exempt: 0, present: 17, excused: 1, unexcused: null }))).toBe(2);
    expect(unexcusedAbsent(meeting({ total: 20, exempt: 0, present: 17, excused: null, unexcused: null }))).toBeNull();
  });
  it("quality is recorded only with attendance and one kind of absence", () => {
    expect(qualityIsRecorded(meeting())).toBe(true);
    const cols = { cell: 1, date: 2, kind: 3, total: 4, present: 5 };
    expect(qualityIsRecorded(meeting({ cols }))).toBe(false);
    expect(qualityIsRecorded(meeting({ cols: { ...cols, excused: 6 } }))).toBe(true);
  });
});
