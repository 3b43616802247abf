import { DateOrYear, DayDate, day } from "../model";
import { parseBirth, parseDate } from "../cells/date";
import { parseNumber } from "../cells/number";
import { parseBirthMark } from "../cells/misc";
import { cadreAge } from "./cadreAge";
import { cadreJoined } from "./cadreJoined";
import { attendanceSum } from "./attendanceSum";
import { presentGtTotal } from "./presentGtTotal";
import { meetingFuture } from "./meetingFuture";
import { meetingDuration } from "./meetingDuration";
import { topicMissing } from "./topicMissing";
import { ratingScore } from "./ratingScore";
import { meetingQuality } from "./meetingQuality";
import { cadreDuplicate } from "./cadreDuplicate";
import { secretaryCount } from "./secretaryCount";
import { xrefCell } from "./xrefCell";
import { meetingDuplicate } from "./meetingDuplicate";
import { monthlyCadence } from "./monthlyCadence";
import { quarterlyThematic } from "./quarterlyThematic";
import { cadre, cell, dataset, fullYear, meeting, Q3_2026, settings, YEAR_2026 } from "../../../test/factories/records";
import { runCadreRule, runMeetingRule, runTableRule } from "../../../test/factories/rules";

/**
 * Adversarial boundary tests, rule by rule against DOMAIN.md "Rules": what each
 * rule must flag at its limit and what it must leave alone just inside it.
 */

describe("cadre/age at its limits (period 2026, ends 31/12/2026)", () => {
  const age = (birth: DateOrYear, today = day(2027, 2, 1)) =>
    runCadreRule(cadreAge, cadre({ birth }), settings({ today })).map((f) => f.rule);
  it("exactly 18 on the last day of the period is allowed; one day short is not", () => {
    expect(age(day(2008, 12, 31))).toEqual([]);
    expect(age(day(2009, 1, 1))).toEqual(["cadre/age"]);
  });
  it("80 is allowed, 81 is not", () => {
    expect(age(day(1946, 1, 1))).toEqual([]);
    expect(age(day(1945, 12, 31))).toEqual(["cadre/age"]);
  });
  it("year-only birth: period year minus birth year", () => {
    expect(age({ kind: "year", y: 2008 })).toEqual([]);
    expect(age({ kind: "year", y: 2009 })).toEqual(["cadre/age"]);
    expect(age({ kind: "year", y: 1946 })).toEqual([]);
    expect(age({ kind: "year", y: 1945 })).toEqual(["cadre/age"]);
  });
  it("a birth date after today is an error, today itself is not future (but still under 18)", () => {
    const f = runCadreRule(cadreAge, cadre({ birth: day(2027, 2, 2) }), settings({ today: day(2027, 2, 1) }));
    expect(f).toHaveLength(1);
    expect(f[0].message.vi).toContain("sau ngày hôm nay");
    const t = runCadreRule(cadreAge, cadre({ birth: day(2027, 2, 1) }), settings({ today: day(2027, 2, 1) }));
    expect(t[0].message.vi).not.toContain("sau ngày hôm nay");
  });
  it("points at the birth cell", () => {
    const c = cadre({ birth: day(2015, 1, 1) });
    expect(runCadreRule(cadreAge, c)[0].column).toBe("B");
  });
});

describe("cadre/joined at its limits", () => {
  const joined = (birth: DateOrYear, j: DayDate) =>
    runCadreRule(cadreJoined, cadre({ birth, joined: j })).map((f) => f.rule);
  it("the day before the 18th birthday is flagged, the birthday itself is not", () => {
    expect(joined(day(1980, 6, 15), day(1998, 6, 14))).toEqual(["cadre/joined"]);
    expect(joined(day(1980, 6, 15), day(1998, 6, 15))).toEqual([]);
  });
  it("joined after the end of the period is flagged, on the last day is not", () => {
    expect(joined(day(1980, 6, 15), day(2027, 1, 1))).toEqual(["cadre/joined"]);
    expect(joined(day(1980, 6, 15), day(2026, 12, 31))).toEqual([]);
  });
  it("a year-only birth flags only a certain case", () => {
    expect(joined({ kind: "year", y: 1980 }, day(1997, 12, 31))).toEqual(["cadre/joined"]);
    expect(joined({ kind: "year", y: 1980 }, day(1998, 1, 1))).toEqual([]);
  });
});

describe("meeting row rules at their limits", () => {
  it("attendance-sum: blank exempt and absences are 0", () => {
    expect(runMeetingRule(attendanceSum, meeting({ total: 20, exempt: null, present: 20, excused: null, unexcused: null }))).toEqual([]);
    expect(runMeetingRule(attendanceSum, meeting({ total: 20, exempt: null, present: 19, excused: null, unexcused: null }))).toHaveLength(1);
    expect(runMeetingRule(attendanceSum, meeting({ total: 20, exempt: 2, present: 17, excused: 1, unexcused: 0 }))).toEqual([]);
  });
  it("present-gt-total: equal is fine, one more is not", () => {
    expect(runMeetingRule(presentGtTotal, meeting({ total: 20, present: 20 }))).toEqual([]);
    expect(runMeetingRule(presentGtTotal, meeting({ total: 20, present: 21 }))).toHaveLength(1);
  });
  it("future: today is not future, tomorrow is", () => {
    const s = settings({ today: day(2026, 7, 5) });
    expect(runMeetingRule(meetingFuture, meeting({ date: day(2026, 7, 5) }), s)).toEqual([]);
    expect(runMeetingRule(meetingFuture, meeting({ date: day(2026, 7, 6) }), s)).toHaveLength(1);
    expect(runMeetingRule(meetingFuture, meeting({ date: day(2027, 1, 1) }), settings({ today: day(2026, 12, 31) }))).toHaveLength(1);
  });
  it("duration: 89/90 regular, 119/120 combined, blank minutes exempt", () => {
    const d = (minutes: number | null, kind: "Thường kỳ" | "Chuyên đề" | "Thường kỳ kết hợp chuyên đề") =>
      runMeetingRule(meetingDuration, meeting({ minutes, kind, topic: "x" })).length;
    expect(d(89, "Thường kỳ")).toBe(1);
    expect(d(90, "Thường kỳ")).toBe(0);
    expect(d(89, "Chuyên đề")).toBe(1);
    expect(d(90, "Chuyên đề")).toBe(0);
    expect(d(119, "Thường kỳ kết hợp chuyên đề")).toBe(1);
    expect(d(120, "Thường kỳ kết hợp chuyên đề")).toBe(0);
    expect(d(null, "Thường kỳ kết hợp chuyên đề")).toBe(0);
  });
  it("topic-missing: thematic and combined without topic, regular never", () => {
    expect(runMeetingRule(topicMissing, meeting({ kind: "Chuyên đề", topic: null }))).toHaveLength(1);
    expect(runMeetingRule(topicMissing, meeting({ kind: "Thường kỳ kết hợp chuyên đề", topic: " " }))).toHaveLength(1);
    expect(runMeetingRule(topicMissing, meeting({ kind: "Thường kỳ", topic: null }))).toEqual([]);
    expect(runMeetingRule(topicMissing, meeting({ kind: "Chuyên đề", topic: "Nghị quyết" }))).toEqual([]);
  });
  it("rating-score: bands at exactly 90, 70, 50", () => {
    const r = (score: number, rating: "Tốt" | "Khá" | "Trung bình" | "Kém") => runMeetingRule(ratingScore, meeting({ score, rating })).length;
    expect(r(90, "Tốt")).toBe(0);
    expect(r(89.99, "Khá")).toBe(0);
    expect(r(89.99, "Tốt")).toBe(1);
    expect(r(70, "Khá")).toBe(0);
    expect(r(70, "Trung bình")).toBe(1);
    expect(r(50, "Trung bình")).toBe(0);
    expect(r(49.5, "Kém")).toBe(0);
    expect(r(50, "Kém")).toBe(1);
  });
  it("a score with a decimal comma reads as a decimal", () => {
    expect(parseNumber("89,5", { min: 0, max: 100 })).toMatchObject({ kind: "value", value: 89.5 });
    expect(parseNumber("90,0", { min: 0, max: 100 })).toMatchObject({ kind: "value", value: 90 });
  });
  it("quality: exactly 85% is not above 85%; 86% is", () => {
    const q = (present: number, total: number, exempt = 0, unexcused = 0) =>
      runMeetingRule(meetingQuality, meeting({ present, total, exempt, excused: total - exempt - present - unexcused, unexcused })).length;
    expect(q(17, 20)).toBe(1);
    expect(q(85, 100)).toBe(1);
    expect(q(86, 100)).toBe(0);
    expect(q(17, 22, 2)).toBe(1);
    expect(q(19, 20, 0, 1)).toBe(1);
  });
});

describe("table rules at their limits", () => {
  it("cadre/duplicate: folded name and same birth (or year) is a warning; same card is an error", () => {
    const a = cadre({ name: "Nguyễn Văn An", birth: day(1975, 3, 12), role: "Chi ủy viên" });
    const b = cadre({ name: "Nguyen Van  An", birth: { kind: "year", y: 1975 }, role: "Chi ủy viên" });
    expect(runTableRule(cadreDuplicate, dataset({ cadres: [a, b] })).map((f) => [f.rule, f.severity, f.row])).toEqual([["cadre/duplicate", "warning", b.row]]);
    const c = cadre({ name: "Trần Thị Bình", cardNo: "0123" });
    const d = cadre({ name: "Lê Văn Cường", cardNo: "0123", birth: day(1980, 1, 1) });
    expect(runTableRule(cadreDuplicate, dataset({ cadres: [c, d] })).map((f) => [f.severity, f.row])).toEqual([["error", d.row]]);
    const e = cadre({ name: "Nguyễn Văn An", birth: day(1975, 3, 13), role: "Chi ủy viên" });
    expect(runTableRule(cadreDuplicate, dataset({ cadres: [a, e] }))).toEqual([]);
  });
  it("secretary-count: a CELLS cell with no cadres at all, in a commune that sent cadres", () => {
    const cells = [cell({ cell: "Chi bộ Thôn 1" }), cell({ cell: "Chi bộ Thôn 2", row: 7 })];
    const cadres = [cadre({ cell: "Chi bộ Thôn 1" })];
    const found = runTableRule(secretaryCount, dataset({ cells, cadres }));
    expect(found.map((f) => [f.sheet, f.row])).toEqual([["Chi bộ", 7]]);
  });
  it("secretary-count without CELLS: a cell that only holds meetings has no secretary", () => {
    const cadres = [cadre({ cell: "Chi bộ Thôn 1" })];
    const meetings = [meeting({ cell: "Chi bộ Thôn 2" })];
    const found = runTableRule(secretaryCount, dataset({ cadres, meetings }));
    expect(found.map((f) => [f.sheet, f.row])).toEqual([["Sinh hoạt", meetings[0].row]]);
  });
  it("secretary-count: two secretaries of one cell", () => {
    const cadres = [cadre({ name: "A" }), cadre({ name: "B" })];
    expect(runTableRule(secretaryCount, dataset({ cadres })).map((f) => f.row)).toEqual([cadres[1].row]);
  });
  it("xref/cell: fixes only when one candidate of the same commune clearly wins", () => {
    const cells = [
      cell({ cell: "Chi bộ Thôn Đông", commune: "Xã Yên Lạc" }),
      cell({ cell: "Chi bộ Thôn Bắc", commune: "Xã Yên Lạc" }),
      cell({ cell: "Chi bộ Thôn Đoài", commune: "Xã Kim Sơn" }),
    ];
    const ok = runTableRule(xrefCell, dataset({ cells, meetings: [meeting({ cell: "Chi bộ Thôn Đôngg", commune: "Xã Yên Lạc" })] }));
    expect(ok[0].fix?.value).toBe("Chi bộ Thôn Đông");
    const other = runTableRule(xrefCell, dataset({ cells, meetings: [meeting({ cell: "Chi bộ Thôn Đoàii", commune: "Xã Yên Lạc" })] }));
    expect(other).toHaveLength(1);
    expect(other[0].fix).toBeNull();
  });
  it("xref/cell: a CELLS list that repeats a cell's row still lets that cell win", () => {
    const cells = [
      cell({ cell: "Chi bộ Thôn Đông", commune: "Xã Yên Lạc" }),
      cell({ cell: "Chi bộ Thôn Đông", commune: "Xã Yên Lạc" }),
      cell({ cell: "Chi bộ Thôn Bắc", commune: "Xã Yên Lạc" }),
    ];
    const found = runTableRule(xrefCell, dataset({ cells, meetings: [meeting({ cell: "Chi bộ Thôn Đôngg", commune: "Xã Yên Lạc" })] }));
    expect(found[0].fix?.value).toBe("Chi bộ Thôn Đông");
  });
  it("meeting/duplicate: same cell, date and kind; combined and regular on one day are different kinds", () => {
    const a = meeting({ date: day(2026, 7, 5), kind: "Thường kỳ" });
    const b = meeting({ date: day(2026, 7, 5), kind: "Thường kỳ" });
    const c = meeting({ date: day(2026, 7, 5), kind: "Thường kỳ kết hợp chuyên đề", topic: "x" });
    expect(runTableRule(meetingDuplicate, dataset({ meetings: [a, b, c] })).map((f) => f.row)).toEqual([b.row]);
    const other = meeting({ date: day(2026, 7, 5), kind: "Thường kỳ", commune: "Xã Kim Sơn" });
    expect(runTableRule(meetingDuplicate, dataset({ meetings: [a, other] }))).toEqual([]);
  });
  it("cell/monthly: months after today are not required; a quarter period looks at its three months", () => {
    const rows = [meeting({ date: day(2026, 7, 5) })];
    expect(runTableRule(monthlyCadence, dataset({ meetings: rows }), settings({ today: day(2026, 7, 20) }), Q3_2026)).toEqual([]);
    expect(runTableRule(monthlyCadence, dataset({ meetings: rows }), settings({ today: day(2026, 9, 1) }), Q3_2026)).toHaveLength(1);
  });
  it("cell/monthly and quarterly-thematic: on the month's last day its meeting may still be held today (today is not future)", () => {
    const rows = [meeting({ date: day(2026, 7, 5) })];
    expect(runTableRule(monthlyCadence, dataset({ meetings: rows }), settings({ today: day(2026, 8, 31) }), Q3_2026)).toEqual([]);
    expect(runTableRule(quarterlyThematic, dataset({ meetings: rows }), settings({ today: day(2026, 9, 30) }), Q3_2026)).toEqual([]);
    expect(runTableRule(quarterlyThematic, dataset({ meetings: rows }), settings({ today: day(2026, 10, 1) }), Q3_2026)).toHaveLength(1);
  });
  it("cell/monthly: a meeting of another year does not count for the period", () => {
    const rows = fullYear("Chi bộ Thôn 1", "Xã Yên Lạc", 2025);
    expect(runTableRule(monthlyCadence, dataset({ meetings: rows }), settings(), Q3_2026)).toHaveLength(3);
  });
  it("cell/quarterly-thematic: a combined meeting counts; a quarter not over yet is not required", () => {
    const rows = [meeting({ date: day(2026, 8, 5), kind: "Thường kỳ kết hợp chuyên đề", topic: "x" })];
    expect(runTableRule(quarterlyThematic, dataset({ meetings: rows }), settings(), Q3_2026)).toEqual([]);
    const plain = [meeting({ date: day(2026, 8, 5), kind: "Thường kỳ" })];
    expect(runTableRule(quarterlyThematic, dataset({ meetings: plain }), settings({ today: day(2026, 9, 15) }), Q3_2026)).toEqual([]);
    expect(runTableRule(quarterlyThematic, dataset({ meetings: plain }), settings(), Q3_2026)).toHaveLength(1);
    expect(runTableRule(quarterlyThematic, dataset({ meetings: plain }), settings(), YEAR_2026)).toHaveLength(4);
  });
});

describe("date cells", () => {
  const v = (r: ReturnType<typeof parseBirth>) => (r.kind === "value" ? r.value : r.kind);
  it("reads the day-first and ISO forms", () => {
    expect(v(parseDate("31/12/25"))).toEqual(day(2025, 12, 31));
    expect(v(parseDate("1/1/2025"))).toEqual(day(2025, 1, 1));
    expect(v(parseDate("2025-1-1"))).toEqual(day(2025, 1, 1));
    expect(v(parseDate("01.02.2025"))).toEqual(day(2025, 2, 1));
    expect(v(parseDate(" 12/05/2025 "))).toEqual(day(2025, 5, 12));
    expect(v(parseDate("\u00a012/05/2025\u00a0"))).toEqual(day(2025, 5, 12));
  });
  it("serial 0 and negative serials are not dates", () => {
    expect(parseDate(0).kind).toBe("problem");
    expect(parseDate(-1).kind).toBe("problem");
    expect(parseDate(-0.5).kind).toBe("problem");
  });
  it("a time fraction is dropped", () => {
    expect(v(parseDate(45658.75))).toEqual(day(2025, 1, 1));
    expect(v(parseDate(45658.999999))).toEqual(day(2025, 1, 1));
    expect(v(parseBirth(27000.5))).toEqual(day(1973, 12, 2));
  });
});

describe("found by the audit", () => {
  it("a date column holding a year as a number is no day (serial 2025 would be 17/07/1905), as the text \"2025\" is not", () => {
    const r = parseDate(2025);
    expect(r.kind).toBe("problem");
    expect(r.problems[0]).toMatchObject({ code: "type/date", detail: { vi: expect.stringContaining("năm"), en: expect.stringContaining("year") } });
    expect(parseDate(1998).kind).toBe("problem");
    // Birth columns keep reading it as the year.
    expect(parseBirth(1998)).toMatchObject({ kind: "value", value: { kind: "year", y: 1998 } });
  });

  it("a commune typed without marks is the one marked commune it matches, as in the summary: no false monthly gaps", () => {
    const rows = [
      ...fullYear("Chi bộ Thôn 1", "Xã Yên Lạc").filter((m) => m.date!.m <= 6),
      ...fullYear("Chi bộ Thôn 1", "Xa Yen Lac").filter((m) => m.date!.m > 6),
    ];
    expect(runTableRule(monthlyCadence, dataset({ meetings: rows }))).toEqual([]);
    expect(runTableRule(quarterlyThematic, dataset({ meetings: rows }))).toEqual([]);
  });

  it("with CELLS, meetings of a commune typed without marks are that commune's cells, not unknown ones", () => {
    const cells = [cell({ cell: "Chi bộ Thôn 1", commune: "Xã Yên Lạc" })];
    const meetings = [meeting({ cell: "Chi bộ Thôn 1", commune: "Xa Yen Lac" })];
    expect(runTableRule(xrefCell, dataset({ cells, meetings }))).toEqual([]);
    const dup = [meeting({ commune: "Xã Yên Lạc" }), meeting({ commune: "xa yen lac" })];
    expect(runTableRule(meetingDuplicate, dataset({ meetings: dup })).map((f) => f.row)).toEqual([dup[1].row]);
  });

  it("an unmarked spelling matching two marked communes stays apart (no guess)", () => {
    const rows = [
      ...fullYear("Chi bộ Thôn 1", "Xã An Hòa"),
      ...fullYear("Chi bộ Thôn 1", "Xã An Hóa"),
      meeting({ cell: "Chi bộ Thôn 1", commune: "Xa An Hoa", date: day(2026, 7, 5) }),
    ];
    // "Xa An Hoa" is a cell of its own: it misses every month but July.
    expect(runTableRule(monthlyCadence, dataset({ meetings: rows }))).toHaveLength(11);
  });

  it("cadre/age: a birth after the end of the period (but not after today) says so, not \"-1 tuổi\"", () => {
    const f = runCadreRule(cadreAge, cadre({ birth: day(2027, 1, 10) }), settings({ today: day(2027, 2, 1) }));
    expect(f).toHaveLength(1);
    expect(f[0].message.vi).not.toContain("-1");
    expect(f[0].message.vi).toContain("sau ngày cuối kỳ");
  });
});

describe("found by the audit: serials", () => {
  it("a serial a hair short of midnight (formula rounding) is the next day, as Excel shows it", () => {
    const v = (r: ReturnType<typeof parseDate>) => (r.kind === "value" ? r.value : r.kind);
    // 45658 + 1 computed through fractions: 45658.99999999999 shows as 02/01/2025 in Excel.
    expect(v(parseDate(45658.99999999999))).toEqual(day(2025, 1, 2));
    // 23:59:59.998 is still the same day.
    expect(v(parseDate(45658 + 86399.998 / 86400))).toEqual(day(2025, 1, 1));
  });
});

describe("found by the audit: Nam / Nữ columns", () => {
  it("the number 1 in a Nam / Nữ column is a mark, as the text \"1\" is, not serial 1 (01/01/1900); 0 is no mark", () => {
    expect(parseBirthMark("Nữ", 1)).toMatchObject({ kind: "value", value: { gender: "Nữ", birth: null } });
    expect(parseBirthMark("Nữ", "1")).toMatchObject({ kind: "value", value: { gender: "Nữ", birth: null } });
    expect(parseBirthMark("Nam", 0).kind).toBe("blank");
    expect(parseBirthMark("Nam", "0").kind).toBe("blank");
  });
});
