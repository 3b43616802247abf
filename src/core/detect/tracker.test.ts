import { CellValue, SheetData } from "../model/values";
import { detectTables } from "./detectTables";
import { readTimeLabel, yearOfTitles } from "./tracker";

const sheet = (values: CellValue[][], merges?: string[]): SheetData => ({ name: "S", originRow: 1, originCol: 1, values, merges });
const months = <T>(label: (m: number) => T): T[] => Array.from({ length: 12 }, (_, i) => label(i + 1));

describe("readTimeLabel: how offices head a month or a quarter", () => {
  it.each([
    ["Tháng 3", { month: 3 }], ["THÁNG 03", { month: 3 }], ["T3", { month: 3 }], ["T.3", { month: 3 }], ["Th3", { month: 3 }],
    ["Thg 3", { month: 3 }], ["03/2025", { month: 3, year: 2025 }], ["Tháng 3/2025", { month: 3, year: 2025 }], ["Tháng 3 năm 2025", { month: 3, year: 2025 }],
    ["March", { month: 3 }], ["Mar 2025", { month: 3, year: 2025 }], ["Quý I", { quarter: 1 }], ["Q2", { quarter: 2 }], ["Quý 3", { quarter: 3 }],
    ["CĐ Quý IV", { quarter: 4, kind: "Chuyên đề" }], ["SHCĐ quý I", { quarter: 1, kind: "Chuyên đề" }], ["CĐ", { kind: "Chuyên đề" }],
    ["TK", { kind: "Thường kỳ" }], ["Sinh hoạt chuyên đề", { kind: "Chuyên đề" }],
    // "01/2025" typed in a header cell becomes the date 01/01/2025: its serial.
    ["45658", { month: 1, year: 2025 }],
  ])("%j", (text, want) => {
    expect(readTimeLabel(text)).toEqual(want);
  });
  it.each(["Tên chi bộ", "Ghi chú", "3", "Tổng số", "Thôn 3", "Tổ 1", "Ngày sinh hoạt", "Tháng"])("%j is no time", (text) => {
    expect(readTimeLabel(text)).toBeUndefined();
  });
  it("reads the year of a title, not the date it was signed nor a term", () => {
    expect(yearOfTitles(["Tiên Du, ngày 15 tháng 01 năm 2026", "THEO DÕI SINH HOẠT CHI BỘ NĂM 2025"])).toBe(2025);
    expect(yearOfTitles(["Nhiệm kỳ 2025-2030", "Quý I/2025"])).toBe(2025);
    expect(yearOfTitles(["SH 2025"])).toBe(2025);
    expect(yearOfTitles(["DANH SÁCH"])).toBeUndefined();
  });
});

describe("detectTables: the wide tracker", () => {
  it("finds one with T1 … T12 and a commune column, read before the lists (its header would pass for a list of cells)", () => {
    const [t] = detectTables(sheet([
      ["STT", "Chi bộ", "Xã", ...months((m) => `T${m}`)],
      [1, "Thôn 1", "Xã Yên Lạc", ...months(() => "x")],
    ]));
    expect(t.kind).toBe("meetings");
    expect(t.tracker?.times.map((x) => x.month)).toEqual(months((m) => m));
    expect(Object.keys(t.columns).sort()).toEqual(["cell", "commune"]);
  });

  it("places a thematic column after the months of its quarter", () => {
    const [t] = detectTables(sheet([
      ["Tên chi bộ", "T1", "T2", "T3", "CĐ", "T4", "T5", "T6", "CĐ"],
      ["Thôn 1", "x", "x", "x", "x", "x", "x", "x", "x"],
    ]));
    expect(t.tracker?.times.map((x) => [x.col, x.month ?? `Q${x.quarter}`, x.kind])).toEqual([
      [2, 1, "Thường kỳ"], [3, 2, "Thường kỳ"], [4, 3, "Thường kỳ"], [5, "Q1", "Chuyên đề"],
      [6, 4, "Thường kỳ"], [7, 5, "Thường kỳ"], [8, 6, "Thường kỳ"], [9, "Q2", "Chuyên đề"],
    ]);
  });

  it("is no tracker when the months hold counts (a report per commune), nor when the rows name no cell", () => {
    expect(detectTables(sheet([
      ["STT", "Tên chi bộ", ...months((m) => `Tháng ${m}`)],
      [1, "Tổng số buổi", ...months(() => 45)],
    ]))).toEqual([]);
    expect(detectTables(sheet([
      ["STT", "Đơn vị", ...months((m) => `Tháng ${m}`)],
      [1, "Xã Yên Lạc", ...months(() => 12)],
    ]))).toEqual([]);
  });

  it("leaves a list of meetings (a date column) to the lists", () => {
    const [t] = detectTables(sheet([
      ["Chi bộ", "Ngày sinh hoạt", "Loại", "T1", "T2", "T3"],
      ["Thôn 1", 45658, "Thường kỳ", "", "", ""],
    ]));
    expect(t.tracker).toBeUndefined();
    expect(t.columns).toHaveProperty("date");
  });
});
