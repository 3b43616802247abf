import { CellValue, Finding, PlanOp, SheetData, WritePlan, columnNumber, day, defaultSettings, CADRE_FIELDS } from "../../src/core/model";
import { summarize, Summary, MeetingRow, CadreRow } from "../../src/core/summary";
import { planSummarySheet, planFormFill, planFindingsSheet, planTemplateSheets, CHART_NAMES } from "../../src/core/plan";
import { cadre, cell, commune, dataset, meeting } from "../factories/records";

function bounds(address: string) {
  const [a, b] = address.split(":");
  const p = (s: string) => { const m = /^([A-Z]+)(\d+)$/.exec(s)!; return { row: Number(m[2]), col: columnNumber(m[1]) }; };
  const from = p(a);
  const to = b ? p(b) : from;
  return { from, to, rows: to.row - from.row + 1, cols: to.col - from.col + 1 };
}

/** What the plan's literal writes leave in a sheet, cell by cell ("r,c" -> value). */
function written(plan: WritePlan, sheet: string): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const op of plan.ops) {
    if (op.op !== "values" || op.sheet !== sheet) continue;
    const b = bounds(op.address);
    op.values.forEach((row, i) => row.forEach((v, j) => cells.set(`${b.from.row + i},${b.from.col + j}`, v)));
  }
  return cells;
}

function sampleSummary(compare = false): Summary {
  const ds = dataset({
    communes: ["Xã Yên Lạc", "Phường Đông Sơn", "Xã Chưa Gửi"].map((c, i) => commune({ commune: c, row: i + 2 })),
    cells: [cell({ cell: "Chi bộ thôn 1", commune: "Xã Yên Lạc" }), cell({ cell: "Chi bộ thôn 2", commune: "Xã Yên Lạc" }), cell({ cell: "Chi bộ TDP 1", commune: "Phường Đông Sơn" })],
    // No term written on the roster: the tables' titles name none.
    cadres: [
      cadre({ commune: "Xã Yên Lạc", gender: "Nữ", education: "Đại học", theory: "Trung cấp", term: null }),
      cadre({ commune: "Xã Yên Lạc", birth: day(1995, 2, 2), education: "Trung cấp", theory: "Sơ cấp", term: null }),
      cadre({ commune: "Phường Đông Sơn", ethnicity: "Mường", education: "Cao đẳng", theory: "Cao cấp", term: null }),
      cadre({ commune: "Phường Đông Sơn", role: "Đảng ủy viên", gender: "Nữ", term: null }),
    ],
    meetings: [7, 8, 9].flatMap((m) => [
      meeting({ cell: "Chi bộ thôn 1", commune: "Xã Yên Lạc", date: day(2026, m, 3), rating: "Tốt" }),
      meeting({ cell: "Chi bộ TDP 1", commune: "Phường Đông Sơn", date: day(2026, m, 4), present: 15, excused: 5, rating: "Khá" }),
      meeting({ cell: "Chi bộ TDP 1", commune: "Phường Đông Sơn", date: day(2025, m, 4) }),
    ]),
  });
  return summarize(ds, { kind: "quarter", year: 2026, quarter: 3 }, defaultSettings(day(2026, 10, 1)), { compareWithPreviousYear: compare });
}

describe("planSummarySheet", () => {
  const s = sampleSummary(true);
  const plan = planSummarySheet(s);
  const cells = written(plan, "Tổng hợp");

  it("makes the product's own sheet first, and writes only literal values (no formulas)", () => {
    expect(plan.ops[0]).toEqual({ op: "sheet", sheet: "Tổng hợp", purpose: "summary", tabColor: "#C00000" });
    expect(plan.ops.some((o) => o.op === "formulas")).toBe(false);
  });

  it("gives every values op exactly the shape of its range", () => {
    for (const op of plan.ops) {
      if (op.op !== "values") continue;
      const b = bounds(op.address);
      expect([op.values.length, ...new Set(op.values.map((r) => r.length))]).toEqual([b.rows, b.cols]);
    }
  });

  it("prints title, period, two-row headers, communes, no-data rows and the total", () => {
    expect(cells.get("1,1")).toMatch(/^TỔNG HỢP/);
    expect(cells.get("2,1")).toContain("Quý III năm 2026");
    expect(cells.get("3,1")).toBe("Biểu 1. Đội ngũ bí thư chi bộ");
    expect(cells.get("4,4")).toBe("Nữ");
    expect(cells.get("5,4")).toBe("Số lượng");
    expect(cells.get("5,5")).toBe("Tỷ lệ %");
    expect([cells.get("6,1"), cells.get("6,2"), cells.get("6,3"), cells.get("6,4"), cells.get("6,5")]).toEqual([1, "Xã Yên Lạc", 2, 1, 50]);
    expect([cells.get("8,2"), cells.get("8,3")]).toEqual(["Xã Chưa Gửi", "chưa có số liệu"]);
    expect([cells.get("9,1"), cells.get("9,2"), cells.get("9,3")]).toEqual(["", "Toàn tỉnh", 3]);
    expect(plan.ops).toContainEqual({ op: "merge", sheet: "Tổng hợp", address: "D4:E4" });
    expect(plan.ops).toContainEqual({ op: "merge", sheet: "Tổng hợp", address: "C4:C5" });
    expect(plan.ops).toContainEqual({ op: "freeze", sheet: "Tổng hợp", rows: 5, cols: 2 });
  });

  it("puts table 3 beside table 1, with last year's figures when compared", () => {
    const values = [...cells.values()];
    expect(values).toContain("Biểu 3. Sinh hoạt chi bộ (so sánh cùng kỳ năm trước: 2025-Q3)");
    expect(values).toContain("Cùng kỳ năm trước");
    expect(values).toContain("Tăng/giảm");
  });

  it("names the four charts stably and binds each to a range holding the summary's figures", () => {
    const charts = plan.ops.filter((o): o is Extract<PlanOp, { op: "chart" }> => o.op === "chart");
    expect(charts.map((c) => c.name).sort()).toEqual(Object.values(CHART_NAMES).sort());
    const share = charts.find((c) => c.name === CHART_NAMES.monthlyShare)!;
    const b = bounds(share.source);
    const rows: CellValue[][] = [];
    for (let r = b.from.row; r <= b.to.row; r++) rows.push([cells.get(`${r},${b.from.col}`)!, cells.get(`${r},${b.to.col}`)!]);
    const yl = s.tables.meetings.rows[0] as MeetingRow;
    expect(rows.slice(1)).toEqual([["Xã Yên Lạc", yl.figures.allMonthly.pct], ["Phường Đông Sơn", 100], ["Toàn tỉnh", s.tables.meetings.total.figures.allMonthly.pct]]);
    const trend = charts.find((c) => c.name === CHART_NAMES.monthlyTrend)!;
    expect(bounds(trend.source).rows).toBe(4);
    expect(planSummarySheet(s).ops.filter((o) => o.op === "chart")).toEqual(charts);
  });

  it("writes the rows left out under table 2", () => {
    const bad = summarize(dataset({ cadres: [cadre({ role: null, row: 9 })] }), { kind: "year", year: 2026 }, defaultSettings(day(2026, 1, 1)));
    const text = [...written(planSummarySheet(bad), "Tổng hợp").values()].join("\n");
    expect(text).toContain("Cán bộ không đọc được chức vụ");
    expect(text).toContain("Cán bộ, dòng 9");
  });

  it("speaks English when asked", () => {
    const en = written(planSummarySheet(s, { lang: "en", sheetName: "Summary" }), "Summary");
    expect([...en.values()]).toContain("Women");
  });
});

describe("planFormFill", () => {
  const s = sampleSummary();
  // A user's form: title, a two-row header with merged groups, STT, a numbering row, a formula total, a note.
  const values: CellValue[][] = [
    ["BÁO CÁO ĐỘI NGŨ BÍ THƯ CHI BỘ", "", "", "", "", "", "", ""],
    ["", "", "", "", "", "", "", ""],
    ["STT", "Đơn vị", "Tổng số", "Nữ", "", "Dưới 40 tuổi", "Số con", "Đại học trở lên"],
    ["", "", "", "SL", "Tỷ lệ %", "", "", "Tỷ lệ (%)"],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
    [1, "Yên Lạc", "", "", "", "", "", ""],
    [2, "Phường Đông Sơn", 99, "", "", "", "", "xem ghi chú"],
    [3, "Xã Không Có", "", "", "", "", "", ""],
    [4, "Xã Chưa Gửi", "", "", "", "", "", ""],
    ["", "Tổng cộng", 0, 0, "", "", "", ""],
  ];
  const formulas = values.map((r, i) => r.map((_, j) => i === 9 && (j === 2 || j === 3)));
  const form: SheetData = { name: "Mẫu 01", originRow: 1, originCol: 1, values, formulas, merges: ["A1:H1", "D3:E3", "A3:A4", "B3:B4", "C3:C4", "F3:F4", "G3:G4"] };
  const r = planFormFill(form, s);
  const cellsAt = new Map((r.plan.ops[0] as Extract<PlanOp, { op: "formCells" }>).cells.map((c) => [`${c.row},${c.col}`, c.value]));
  const yl = s.tables.secretaries.rows[0] as CadreRow;

  it("finds the table, the rows and the columns by their labels", () => {
    expect(r.table).toBe("secretaries");
    expect(r.matched.columns.map((c) => [c.col, c.metric, c.part])).toEqual([
      [3, "total", "count"], [4, "women", "count"], [5, "women", "pct"], [6, "under40", "count"], [8, "education.daiHocTroLen", "pct"],
    ]);
    expect(r.matched.rows.map((x) => [x.row, x.commune, x.noData])).toEqual([
      [6, "Xã Yên Lạc", false], [7, "Phường Đông Sơn", false], [9, "Xã Chưa Gửi", true], [10, "Toàn tỉnh", false],
    ]);
  });

  it("reports what it could not match", () => {
    expect(r.unmatchedRows).toEqual([{ row: 8, label: "Xã Không Có" }]);
    expect(r.unmatchedColumns).toEqual([{ col: 7, header: "Số con" }]);
  });

  it("writes the crossings only, never a formula or a text cell", () => {
    expect(cellsAt.get("6,3")).toBe(yl.figures.total.count);
    expect(cellsAt.get("6,4")).toBe(yl.figures.women.count);
    expect(cellsAt.get("6,5")).toBe(yl.figures.women.pct);
    expect(cellsAt.get("6,8")).toBe(yl.figures["education.daiHocTroLen"].pct);
    expect(cellsAt.get("7,3")).toBe(1); // a number already there is replaced
    expect(cellsAt.has("7,8")).toBe(false); // "xem ghi chú" is the user's text
    expect(cellsAt.has("10,3")).toBe(false); // formula
    expect(cellsAt.has("10,4")).toBe(false);
    expect(cellsAt.get("10,5")).toBe(s.tables.secretaries.total.figures.women.pct);
    expect([...cellsAt.keys()].every((k) => Number(k.split(",")[0]) >= 6)).toBe(true);
    expect(r.skipped.map((x) => [x.address, x.reason])).toEqual([["H7", "text"], ["C10", "formula"], ["D10", "formula"]]);
    expect(r.skipped[0].note.vi).toBe("ô có chữ của người dùng, không ghi đè");
  });

  it("leaves the row of a commune with no data blank, and says so once for the row, not as a formula", () => {
    expect(r.noDataRows).toEqual([{ row: 9, label: "Xã Chưa Gửi" }]);
    expect([...cellsAt.keys()].some((k) => k.startsWith("9,"))).toBe(false);
  });

  it("reads a three-row header without merge information, deepest label first", () => {
    const v: CellValue[][] = [
      ["Đơn vị", "Tổng số bí thư", "", "", "", "", ""],
      ["", "Nữ", "", "Trình độ chuyên môn", "", "", ""],
      ["", "SL", "%", "Trung cấp", "Đại học", "LLCT Trung cấp", "Trung cấp"],
      ["Xã Yên Lạc", "", "", "", "", "", ""],
    ];
    const res = planFormFill({ name: "F", originRow: 1, originCol: 1, values: v }, s);
    expect(res.matched.columns.map((c) => [c.col, c.metric, c.part])).toEqual([
      [2, "women", "count"], [3, "women", "pct"], [4, "education.trungCap", "count"], [5, "education.daiHocTroLen", "count"], [6, "theory.trungCap", "count"], [7, "education.trungCap", "count"],
    ]);
    expect((res.plan.ops[0] as Extract<PlanOp, { op: "formCells" }>).cells.find((c) => c.col === 3)?.value).toBe(yl.figures.women.pct);
  });

  it("recognises a meetings form, and a committee form by its title", () => {
    const m = planFormFill({ name: "B3", originRow: 2, originCol: 2, values: [["Đơn vị", "Số chi bộ", "Số buổi sinh hoạt", "Tỷ lệ đảng viên dự (%)"], ["Xã Yên Lạc", "", "", ""]] }, s);
    expect(m.table).toBe("meetings");
    expect((m.plan.ops[0] as Extract<PlanOp, { op: "formCells" }>).cells).toEqual([
      { row: 3, col: 3, value: 2 }, { row: 3, col: 4, value: 3 }, { row: 3, col: 5, value: (s.tables.meetings.rows[0] as MeetingRow).figures.avgAttendancePct.pct },
    ]);
    const c = planFormFill({ name: "B2", originRow: 1, originCol: 1, values: [["CẤP ỦY VIÊN CƠ SỞ", ""], ["Đơn vị", "Tổng số"], ["Đông Sơn", ""]] }, s);
    expect(c.table).toBe("committee");
    expect((c.plan.ops[0] as Extract<PlanOp, { op: "formCells" }>).cells).toEqual([{ row: 3, col: 2, value: 1 }]);
  });
});

describe("planFindingsSheet", () => {
  const f: Finding = {
    rule: "type/date", severity: "error", sheet: "Cán bộ 'A'", address: "B12", row: 12, column: "B", value: "=31/02/1980",
    message: { vi: "Ngày sinh không đọc được: =31/02/1980", en: "Unreadable date" }, fix: null,
  };
  const plan = planFindingsSheet([f, { ...f, severity: "warning", address: "C3" }], "vi");
  it("links each finding to its cell with a HYPERLINK formula, and keeps user text as values", () => {
    const formulas = plan.ops.find((o) => o.op === "formulas") as Extract<PlanOp, { op: "formulas" }>;
    expect(formulas.address).toBe("E2:E3");
    expect(formulas.formulas[0][0]).toBe(`=HYPERLINK("#'Cán bộ ''A'''!B12","B12")`);
    const values = plan.ops.find((o) => o.op === "values") as Extract<PlanOp, { op: "values" }>;
    expect(values.values[1]).toEqual([1, "Lỗi", "type/date", "Cán bộ 'A'", "", "=31/02/1980", "Ngày sinh không đọc được: =31/02/1980", ""]);
    expect(values.values[2][1]).toBe("Cảnh báo");
  });

  it("lists errors before warnings and info, colouring the severity column in one block each", () => {
    const mixed = planFindingsSheet([{ ...f, severity: "info" }, f, { ...f, severity: "warning" }, { ...f, address: "D4" }], "en");
    const values = mixed.ops.find((o) => o.op === "values") as Extract<PlanOp, { op: "values" }>;
    expect(values.values.slice(1).map((r) => r[1])).toEqual(["Error", "Error", "Warning", "Info"]);
    const fills = mixed.ops.filter((o) => o.op === "format" && o.format.fill && o.address.startsWith("B"));
    expect(fills.map((o) => (o as { address: string }).address)).toEqual(["B2:B3", "B4", "B5"]);
  });

  it("shows a date cell as the day the rule read, and a year written alone or any other number as it is", () => {
    const age: Finding = { ...f, rule: "cadre/age", value: 27526, valueText: "12/05/1975" }; // as Excel stores it
    const year: Finding = { ...f, rule: "cadre/age", value: 1975 };
    const count: Finding = { ...f, rule: "meeting/attendance-sum", value: 27526 };
    const values = planFindingsSheet([age, year, count], "vi").ops.find((o) => o.op === "values") as Extract<PlanOp, { op: "values" }>;
    expect(values.values.slice(1).map((r) => r[5])).toEqual(["12/05/1975", 1975, 27526]);
  });

  it("writes hidden characters out and cuts a very long value, in the value, message and sheet columns", () => {
    const hostile: Finding = {
      ...f, sheet: "Cán\u200Fbộ", value: "\u200F1966" + "x".repeat(30_000),
      message: { vi: "Họ và tên \u202Eabc" + "y".repeat(5000), en: "x" },
    };
    const values = planFindingsSheet([hostile], "vi").ops.find((o) => o.op === "values") as Extract<PlanOp, { op: "values" }>;
    const row = values.values[1] as string[];
    expect(row[3]).toBe("Cán⟨RLM⟩bộ");
    expect(row[5].startsWith("⟨RLM⟩1966")).toBe(true);
    expect(row[5].length).toBeLessThan(1100);
    expect(row[5]).toContain("ký tự");
    expect(row[6]).toContain("⟨RLO⟩abc");
    expect(row[6].length).toBeLessThan(1100);
  });
});

describe("planTemplateSheets", () => {
  const plan = planTemplateSheets();
  it("makes three blank sheets with the canonical headers and dropdowns for the value lists", () => {
    expect(plan.ops.filter((o) => o.op === "sheet").map((o) => (o as { sheet: string }).sheet)).toEqual(["Chi bộ", "Cán bộ", "Sinh hoạt chi bộ"]);
    const cadreHeader = plan.ops.find((o) => o.op === "values" && o.sheet === "Cán bộ") as Extract<PlanOp, { op: "values" }>;
    expect(cadreHeader.values[0]).toEqual(CADRE_FIELDS.filter((f) => !f.key.startsWith("birthYear")).map((f) => f.label.vi));
    const roleCol = (cadreHeader.values[0] as string[]).indexOf("Chức vụ") + 1;
    const dd = plan.ops.find((o) => o.op === "dropdown" && o.sheet === "Cán bộ" && bounds(o.address).from.col === roleCol) as Extract<PlanOp, { op: "dropdown" }>;
    expect(dd.values).toContain("Bí thư chi bộ");
    expect(plan.ops.some((o) => o.op === "dropdown" && o.sheet === "Sinh hoạt chi bộ" && o.values.includes("Có"))).toBe(true);
  });
});
