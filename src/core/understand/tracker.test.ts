import { CellValue, WorkbookData, day, defaultSettings } from "../model";
import { understand } from "./index";
import { checkDataset } from "../rules";
import { summarize } from "../summary";

const months = <T>(f: (m: number) => T): T[] => Array.from({ length: 12 }, (_, i) => f(i + 1));
const book = (values: CellValue[][], extra: Partial<WorkbookData> = {}, name = "Theo dõi"): WorkbookData =>
  ({ sheets: [{ name, originRow: 1, originCol: 1, values }], ...extra });
const header = (title = "THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"): CellValue[][] => [
  ["ĐẢNG ỦY XÃ YÊN LẠC"], [title], ["STT", "Tên chi bộ", ...months((m) => `Tháng ${m}`)],
];
const year2025 = { kind: "year", year: 2025 } as const;

describe("reading a tracker's cells", () => {
  it("reads dates, days, day/month, marks and kinds, and says nothing for blanks and 'không'", () => {
    const { dataset } = understand(book([
      ...header(),
      [1, "Thôn 1", 45663, "05/02/2025", "5/3", 7, "x", "✓", "Có", "CĐ", "", "0", "Không họp", "-"],
    ]));
    const got = dataset.meetings.map((m) => [m.date ? `${m.date.d}/${m.date.m}` : m.heldIn?.kind === "month" ? `tháng ${m.heldIn.m}` : null, m.kind]);
    expect(got).toEqual([
      ["6/1", "Thường kỳ"], ["5/2", "Thường kỳ"], ["5/3", "Thường kỳ"], ["7/4", "Thường kỳ"],
      ["tháng 5", "Thường kỳ"], ["tháng 6", "Thường kỳ"], ["tháng 7", "Thường kỳ"], ["tháng 8", "Chuyên đề"],
    ]);
    const m = dataset.meetings[4];
    expect(m).toMatchObject({ cell: "Thôn 1", commune: "Xã Yên Lạc", date: null, heldIn: { kind: "month", y: 2025, m: 5 } });
    expect(m.derived).toEqual({ date: "tracker", kind: "tracker", commune: "title" });
    // What a tracker does not record has no column: not recorded, never 0.
    expect([m.present, m.total, m.minutes, m.cols.present]).toEqual([null, null, null, undefined]);
    // A text date can be made a real date; the month written in words says nothing to fix.
    expect(dataset.meetings[1].problems).toEqual([{ code: "type/date", field: "date", col: 4, value: "05/02/2025", fix: 45693 }]);
    // A "CĐ" in a month cell: this tracker records thematic meetings too.
    expect(dataset.meetings[0].trackerKinds).toEqual({ regular: true, thematic: true });
    // The tracker's rows are the commune's cells (the workbook has no other list).
    expect(dataset.cells.map((c) => [c.cell, c.commune])).toEqual([["Thôn 1", "Xã Yên Lạc"]]);
  });

  it("reports what it cannot read, and a day outside its month, keeping the meeting", () => {
    const { dataset } = understand(book([...header(), [1, "Thôn 1", "họp ghép", "31/02/2025", 45748, ...months(() => "")]]));
    expect(dataset.meetings.map((m) => [m.date, m.problems.map((p) => p.detail?.vi)])).toEqual([
      [null, [expect.stringContaining("cần ghi ngày sinh hoạt")]],
      [null, ["không có ngày này"]],
      [day(2025, 4, 1), ["ngày này không thuộc tháng 3 của cột"]],
    ]);
  });

  it("says so when no title, header or tab gives the year of a mark", () => {
    const { dataset } = understand(book([["Tên chi bộ", ...months((m) => `T${m}`)], ["Thôn 1", ...months(() => "x")]], {}, "Sheet1"));
    expect(dataset.meetings).toHaveLength(12);
    expect([dataset.meetings[0].heldIn, dataset.meetings[0].date]).toEqual([undefined, null]);
    expect(dataset.meetings[0].problems[0].detail?.vi).toMatch(/không rõ năm/);
  });

  it("takes the year of most written dates when nothing else gives it", () => {
    const { dataset } = understand(book([["Tên chi bộ", ...months((m) => `T${m}`)], ["Thôn 1", 45663, "x", ...months(() => "").slice(2)]], {}, "Sheet1"));
    expect(dataset.meetings[1].heldIn).toEqual({ kind: "month", y: 2025, m: 2 });
  });

  it("reads a 1904 workbook's serials 1,462 days later, and writes its fixes in its own system", () => {
    const { dataset } = understand(book([...header(), [1, "Thôn 1", 45663 - 1462, "05/02/2025", ...months(() => "").slice(2)]], { date1904: true }));
    expect(dataset.meetings[0].date).toEqual(day(2025, 1, 6));
    expect(dataset.meetings[1].problems[0].fix).toBe(45693 - 1462);
  });
});

describe("a tracker in the check and the summary", () => {
  const full = (cell: string, skip?: number): CellValue[] => [1, cell, ...months((m) => (m === skip ? "" : "x"))];

  it("a month left blank is a month the cell did not meet (cell/monthly), a month to come is not", () => {
    const { tables, dataset } = understand(book([...header(), full("Thôn 1", 3), full("Thôn 2")]));
    const findings = checkDataset(dataset, tables, defaultSettings(day(2025, 11, 30)), year2025);
    expect(findings.filter((f) => f.rule === "cell/monthly").map((f) => f.message.vi)).toEqual([expect.stringContaining("Thôn 1 (Xã Yên Lạc) không sinh hoạt thường kỳ trong tháng 3/2025")]);
    // Marks for December on 30/11: after today (meeting/future); a tracker of months records no thematic meeting: nothing missed.
    expect(findings.filter((f) => f.rule === "meeting/future").map((f) => f.address)).toEqual(["N4", "N5"]);
    expect(findings.filter((f) => f.rule === "cell/quarterly-thematic")).toEqual([]);
  });

  it("a cell written twice is its meetings entered twice (meeting/duplicate)", () => {
    const { tables, dataset } = understand(book([...header(), full("Thôn 1"), full("Thôn 1")]));
    const dup = checkDataset(dataset, tables, defaultSettings(day(2026, 1, 10)), year2025).filter((f) => f.rule === "meeting/duplicate");
    expect(dup).toHaveLength(12);
    expect(dup[0].message.vi).toContain("tháng 1/2025");
  });

  it("a cell that held nothing still counts as a cell of its commune", () => {
    const { dataset } = understand(book([...header(), full("Thôn 1"), [2, "Thôn 2", ...months(() => "")]]));
    const s = summarize(dataset, year2025, defaultSettings(day(2026, 1, 10)));
    expect([s.tables.meetings.total.figures.cells.count, s.tables.meetings.total.figures.allMonthly.count]).toEqual([2, 1]);
  });
});
