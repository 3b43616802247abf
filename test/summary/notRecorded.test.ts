import { CellValue, MeetingRecord, PlanOp, SheetData, day, defaultSettings } from "../../src/core/model";
import { checkDataset } from "../../src/core/rules";
import { summarize, reportText, NOT_RECORDED_MARK } from "../../src/core/summary";
import { planFormFill, planSummarySheet } from "../../src/core/plan";
import { cadre, CADRE_COLS, cell, colsWithout, commune, dataset, meeting, MEETING_COLS } from "../factories/records";
import { n, rowFigures, totalFigures } from "../factories/summary";

/**
 * "Not recorded is not zero" (DOMAIN.md): a figure whose field no table of the
 * workbook maps is null with the reason in JSON, "–" with a note on the sheet
 * and in a filled form, and left out of the report paragraph; never 0.
 */
const settings = defaultSettings(day(2027, 1, 15));
const year = { kind: "year", year: 2026 } as const;
const NO_TRAINED = colsWithout(CADRE_COLS, "trained");

function sheetTexts(ops: PlanOp[]): CellValue[] {
  return ops.flatMap((o) => (o.op === "values" ? o.values.flat() : []));
}

describe("a cadre sheet with no “Đã bồi dưỡng nghiệp vụ” column", () => {
  const ds = dataset({
    communes: ["Xã Yên Lạc", "Xã Đông Sơn", "Xã Chưa Gửi"].map((c, i) => commune({ commune: c, row: i + 2 })),
    cadres: [
      cadre({ commune: "Xã Yên Lạc", cols: NO_TRAINED, gender: "Nữ" }),
      cadre({ commune: "Xã Yên Lạc", cols: NO_TRAINED }),
      cadre({ commune: "Xã Đông Sơn", cols: NO_TRAINED }),
    ],
  });
  const s = summarize(ds, year, settings);

  it("gives “trained” as not recorded, with the reason, in every commune and in Toàn tỉnh", () => {
    for (const commune of ["Xã Yên Lạc", "Xã Đông Sơn"]) {
      expect(rowFigures(s, "secretaries", commune).trained).toEqual({
        count: null, pct: null,
        notRecorded: { vi: "Không ghi nhận: không có cột “Đã bồi dưỡng nghiệp vụ”", en: "Not recorded: no “Trained” column" },
      });
    }
    expect(totalFigures(s, "secretaries").trained.notRecorded?.vi).toBe("Không ghi nhận: không có cột “Đã bồi dưỡng nghiệp vụ”");
    // The other figures are counted as usual.
    expect(totalFigures(s, "secretaries").women).toEqual({ count: 1, pct: 33.33 });
  });

  it("is null with the reason in JSON, never 0", () => {
    const json = JSON.parse(JSON.stringify(s));
    expect(json.tables.secretaries.total.figures.trained.count).toBeNull();
    expect(json.tables.secretaries.total.figures.trained.pct).toBeNull();
    expect(json.tables.secretaries.total.figures.trained.notRecorded.vi).toContain("Đã bồi dưỡng nghiệp vụ");
  });

  it("lists the column among those not found, and why it matters", () => {
    expect(s.notRecorded).toEqual([expect.objectContaining({
      table: "cadres", field: "trained", label: { vi: "Đã bồi dưỡng nghiệp vụ", en: "Trained" }, communes: [],
    })]);
    expect(s.notRecorded[0].why.vi).toContain("“Đã bồi dưỡng nghiệp vụ” (biểu 1)");
  });

  it("keeps a commune listed in COMMUNES that sent nothing as chưa có số liệu", () => {
    expect(s.tables.secretaries.rows.find((r) => r.commune === "Xã Chưa Gửi")).toEqual({ commune: "Xã Chưa Gửi", noData: true });
  });

  it("shows “–” on the summary sheet, with the note under the tables, and no 0", () => {
    const plan = planSummarySheet(s);
    const texts = sheetTexts(plan.ops);
    expect(texts.filter((v) => v === NOT_RECORDED_MARK).length).toBeGreaterThanOrEqual(6); // 3 rows × count and %
    expect(texts.some((v) => typeof v === "string" && v.startsWith("- “Đã bồi dưỡng nghiệp vụ”"))).toBe(true);
  });

  it("writes “–” with a note into a form, and leaves it out of the paragraph", () => {
    const form: SheetData = {
      name: "Mẫu", originRow: 1, originCol: 1,
      values: [["Đơn vị", "Tổng số", "Đã bồi dưỡng nghiệp vụ", ""], ["", "", "SL", "%"], ["Xã Yên Lạc", "", "", ""], ["Toàn tỉnh", "", "", ""]],
      merges: ["C1:D1", "A1:A2", "B1:B2"],
    };
    const r = planFormFill(form, s);
    const cells = (r.plan.ops[0] as Extract<PlanOp, { op: "formCells" }>).cells;
    expect(cells).toEqual(expect.arrayContaining([{ row: 3, col: 2, value: 2 }, { row: 3, col: 3, value: "–" }, { row: 3, col: 4, value: "–" }]));
    expect(r.notRecorded.map((x) => x.address)).toEqual(["C3", "D3", "C4", "D4"]);
    expect(r.notRecorded[0].note.vi).toContain("Đã bồi dưỡng nghiệp vụ");
    // Filling again replaces our own "–" rather than taking it for the user's text.
    const again = planFormFill({ ...form, values: form.values.map((row, i) => (i === 2 ? ["Xã Yên Lạc", 2, "–", "–"] : row)) }, s);
    expect(again.skipped).toEqual([]);
    expect(reportText(s)).not.toContain("bồi dưỡng");
  });
});

describe("a column one commune's sheet has and another's lacks", () => {
  const ds = dataset({
    cadres: [
      cadre({ commune: "Xã Yên Lạc", ethnicity: "Tày", sheet: "Yên Lạc" }),
      cadre({ commune: "Xã Đông Sơn", cols: colsWithout(CADRE_COLS, "ethnicity"), ethnicity: null, sheet: "Đông Sơn" }),
    ],
  });
  const s = summarize(ds, year, settings);

  it("is counted where recorded, not recorded where not, and Toàn tỉnh names the commune instead of adding part of the province", () => {
    expect(rowFigures(s, "secretaries", "Xã Yên Lạc").minority).toEqual({ count: 1, pct: 100 });
    expect(rowFigures(s, "secretaries", "Xã Đông Sơn").minority.notRecorded?.vi).toBe("Không ghi nhận: không có cột “Dân tộc”");
    const total = totalFigures(s, "secretaries").minority;
    expect(total.count).toBeNull();
    expect(total.notRecorded?.vi).toBe("Không cộng toàn tỉnh: 1/2 xã/phường không ghi nhận cột “Dân tộc” (Xã Đông Sơn)");
    expect(s.notRecorded).toEqual([expect.objectContaining({ field: "ethnicity", communes: ["Xã Đông Sơn"] })]);
  });

  it("does not report one missing ethnicity per row where the column itself is missing", () => {
    expect(s.leftOut.find((l) => l.reason === "cadre/no-ethnicity")).toBeUndefined();
  });
});

describe("one commune in two sheets, one of them without the column", () => {
  const ds = dataset({
    cadres: [
      cadre({ commune: "Xã Yên Lạc", sheet: "Thôn 1-5", eHandbook: true }),
      cadre({ commune: "Xã Yên Lạc", sheet: "Thôn 6-9", cols: colsWithout(CADRE_COLS, "eHandbook") }),
    ],
  });
  it("is not a figure of the commune: the sheet without the column is named", () => {
    const s = summarize(ds, year, settings);
    expect(rowFigures(s, "secretaries", "Xã Yên Lạc").eHandbook.notRecorded?.vi)
      .toBe("Không ghi nhận đủ: trang “Thôn 6-9” không có cột “Dùng Sổ tay đảng viên điện tử”");
    expect(rowFigures(s, "secretaries", "Xã Yên Lạc").total).toEqual(n(2));
  });
});

describe("a wide meeting tracker (a date per month, nothing else)", () => {
  // The layout gives the date and the kind (one column per month); attendance, rating, mode are not recorded.
  const trackerCols = Object.freeze({ cell: 1, commune: 2 }) as MeetingRecord["cols"];
  const derived = Object.freeze({ date: "tracker", kind: "tracker" } as const);
  const meetings = [1, 2, 3].flatMap((m) => ["Thôn 1", "Thôn 2"].map((cell) => meeting({
    cell, commune: "Xã Yên Lạc", date: day(2026, m, 10), kind: m === 3 ? "Thường kỳ kết hợp chuyên đề" : "Thường kỳ",
    cols: trackerCols, derived, total: null, present: null, exempt: null, excused: null, unexcused: null, mode: null,
  })));
  const s = summarize(dataset({ cells: [cell({ cell: "Thôn 1", commune: "Xã Yên Lạc" }), cell({ cell: "Thôn 2", commune: "Xã Yên Lạc" })], meetings }), { kind: "quarter", year: 2026, quarter: 1 }, settings);
  const t = totalFigures(s, "meetings");

  it("counts what it records: cells, meetings, the monthly and quarterly cadence", () => {
    expect(t.cells).toEqual(n(2));
    expect(t.meetings).toEqual(n(6));
    expect(t.allMonthly).toEqual({ count: 2, pct: 100 });
    expect(t.thematicEveryQuarter).toEqual({ count: 2, pct: 100 });
  });

  it("gives attendance, quality, rating and the rest as not recorded, never 0 or 0,00%", () => {
    for (const key of ["avgAttendancePct", "quality", "upperAttended", "fiveSteps", "handbookPosted", "online", "rating.tot", "rating.kem"]) {
      expect(t[key].notRecorded).toBeDefined();
      expect(t[key].count).toBeNull();
    }
    expect(t.avgAttendancePct.notRecorded?.vi).toBe("Không ghi nhận: không có cột “Có mặt”");
    expect(s.leftOut.find((l) => l.reason === "meeting/no-attendance")).toBeUndefined();
    const text = reportText(s);
    expect(text).toContain("có 2 chi bộ");
    expect(text).not.toMatch(/dự sinh hoạt bình quân|chất lượng|xếp loại/);
  });
});

describe("a period not yet over: the year 2026 checked on 30/11/2026", () => {
  const today = day(2026, 11, 30);
  const cellMeetings = (cell: string, months: number[]) => months.map((m) => meeting({ cell, commune: "Xã Yên Lạc", date: day(2026, m, 5), row: m + (cell === "Thôn 1" ? 0 : 20) }));
  const ds = dataset({
    cells: [cell({ cell: "Thôn 1", commune: "Xã Yên Lạc" }), cell({ cell: "Thôn 2", commune: "Xã Yên Lạc" })],
    meetings: [
      ...cellMeetings("Thôn 1", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), // every month that is over
      ...cellMeetings("Thôn 2", [1, 2, 3, 4, 5, 6, 7, 8, 9]), // October missing
      meeting({ cell: "Thôn 1", commune: "Xã Yên Lạc", date: day(2026, 12, 5), row: 40 }), // after today: a typo, or not held yet
      meeting({ cell: "Thôn 2", commune: "Xã Yên Lạc", date: day(2026, 11, 30), row: 41 }), // today: held
    ],
  });
  const s = summarize(ds, { kind: "year", year: 2026 }, defaultSettings(today));

  it("leaves out the meetings after today, as the check reports them (meeting/future)", () => {
    const future = checkDataset(ds, [], defaultSettings(today), { kind: "year", year: 2026 }).filter((f) => f.rule === "meeting/future");
    const left = s.leftOut.find((l) => l.reason === "meeting/future");
    expect(left).toMatchObject({ count: future.length, scope: "row", examples: [{ sheet: "Sinh hoạt", row: 40 }] });
    expect(future.map((f) => f.row)).toEqual([40]);
    expect(totalFigures(s, "meetings").meetings).toEqual(n(20));
  });

  it("asks of each cell only the months already over, as the monthly cadence rule does", () => {
    expect(totalFigures(s, "meetings").allMonthly).toEqual({ count: 1, pct: 50 });
    expect(s.openPeriod).toEqual({ today: "30/11/2026", monthsOver: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], quartersOver: [1, 2, 3] });
    const texts = sheetTexts(planSummarySheet(s).ops).filter((v): v is string => typeof v === "string");
    expect(texts.some((v) => v.includes("Kỳ báo cáo chưa kết thúc: số liệu tính đến ngày 30/11/2026"))).toBe(true);
    expect(texts.some((v) => v.includes("Năm 2026 (tính đến ngày 30/11/2026)"))).toBe(true);
  });

  it("cannot say yet which cells met every month when no month of the period is over", () => {
    const early = summarize(ds, { kind: "quarter", year: 2026, quarter: 4 }, defaultSettings(day(2026, 10, 20)));
    expect(totalFigures(early, "meetings").allMonthly.notRecorded?.vi).toBe("Chưa tính được: chưa hết tháng nào của kỳ");
    expect(totalFigures(early, "meetings").thematicEveryQuarter.notRecorded?.vi).toBe("Chưa tính được: chưa hết quý nào của kỳ");
  });
});

describe("cadre terms", () => {
  it("counts only the latest term when the data holds several, and lists the others and the rows with no term", () => {
    const ds = dataset({
      cadres: [
        cadre({ term: "2025-2030", gender: "Nữ" }), cadre({ term: "NK 2025 - 2030" }), cadre({ term: "2025–2027" }),
        cadre({ term: "2020-2025" }), cadre({ term: "2015-2020" }), cadre({ term: null }),
      ],
    });
    const s = summarize(ds, year, settings);
    // "2025-2027" (cells: two congresses in five years) begins with "2025-2030": one term.
    expect(s.tables.secretaries.term.current).toBe("2025-2027, 2025-2030");
    expect(totalFigures(s, "secretaries").total).toEqual(n(3));
    expect(s.leftOut.find((l) => l.reason === "cadre/other-term")?.count).toBe(2);
    expect(s.leftOut.find((l) => l.reason === "cadre/no-term")?.count).toBe(1);
    // Compared: the term before the latest is the comparison, the older one is still left out.
    const c = summarize(ds, year, settings, { compareWithPreviousTerm: { from: "terms" } });
    expect(c.tables.secretaries.term.previous?.label).toBe("2020-2025");
    expect(totalFigures(c, "secretaries").total).toEqual({ ...n(3), previousTerm: n(1), change: 2 });
    expect(c.leftOut.find((l) => l.reason === "cadre/other-term")?.count).toBe(1);
  });

  it("takes every row when the data names one term or none", () => {
    const s = summarize(dataset({ cadres: [cadre({ term: "2025-2030" }), cadre({ term: null })] }), year, settings);
    expect(totalFigures(s, "secretaries").total).toEqual(n(2));
    expect(s.leftOut).toEqual([]);
  });

  it("keeps the province's previous term whole when its communes were merged since", () => {
    // Before the 2025 mergers the roster named two communes; now one commune holds them both.
    const ds = dataset({
      cadres: [
        cadre({ term: "2020-2025", commune: "Xã Cũ A", gender: "Nữ" }), cadre({ term: "2020-2025", commune: "Xã Cũ B" }),
        cadre({ term: "2025-2030", commune: "Xã Mới", gender: "Nữ" }), cadre({ term: "2025-2030", commune: "Xã Mới", gender: "Nữ" }),
      ],
    });
    const s = summarize(ds, year, settings, { compareWithPreviousTerm: { from: "terms" } });
    expect(s.tables.secretaries.rows.map((r) => r.commune)).toEqual(["Xã Mới"]);
    expect(rowFigures(s, "secretaries", "Xã Mới").women.previousTerm?.notRecorded?.vi).toBe("Không có số liệu khóa trước của đơn vị này");
    expect(totalFigures(s, "secretaries").women).toEqual({ count: 2, pct: 100, previousTerm: { count: 1, pct: 50 }, change: 50 });
  });
});

describe("meeting rows whose sheet lacks a column", () => {
  it("does not report a missing kind on every row of a sheet that has no kind column", () => {
    const cols = colsWithout(MEETING_COLS, "kind", "present");
    const s = summarize(dataset({ meetings: [meeting({ cols, kind: null, present: null })] }), { kind: "quarter", year: 2026, quarter: 3 }, settings);
    expect(s.leftOut.map((l) => l.reason)).toEqual([]);
    expect(s.notRecorded.map((m) => m.field).sort()).toEqual(["kind", "present"]);
  });
});
