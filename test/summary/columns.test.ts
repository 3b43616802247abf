import { CellValue, PlanOp, SheetData, day, defaultSettings } from "../../src/core/model";
import { CADRE_COLUMNS, MEETING_COLUMNS, cadreColumns, meetingColumns, reportText, summarize } from "../../src/core/summary";
import { planFormFill, planSummarySheet } from "../../src/core/plan";
import { cadre, cell, dataset, meeting } from "../factories/records";

/**
 * Each summary column is declared once (summary/columns.ts), and everything
 * else derives from the declaration: the computation and the JSON keys, the
 * summary sheet's headers, the form filler's header matching, the report
 * paragraph. These checks hold for every declared column, so a column added
 * to the list is held to them without a line here.
 */
const settings = defaultSettings(day(2027, 1, 15));
const s = summarize(dataset({
  cells: [cell({ cell: "Thôn 1", commune: "Xã Yên Lạc" })],
  cadres: [cadre({ gender: "Nữ", education: "Cao đẳng", theory: "Cử nhân", villageHead: true, trained: true, eHandbook: true }), cadre({ role: "Đảng ủy viên" })],
  meetings: [7, 8, 9].map((m) => meeting({ cell: "Thôn 1", date: day(2026, m, 5), rating: "Tốt", upperAttended: true, fiveSteps: true, handbookPosted: true })),
}), { kind: "quarter", year: 2026, quarter: 3 }, settings);

const cadreCols = cadreColumns(s.ageBands);

describe("every declared column", () => {
  it("has a unique key, both labels and at least one header pattern", () => {
    const keys = [...cadreCols, ...meetingColumns].map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of [...cadreCols, ...meetingColumns]) {
      expect(c.vi.length * c.en.length).toBeGreaterThan(0);
      expect(c.form.length).toBeGreaterThan(0);
    }
  });

  it("is a JSON key of every row, in declaration order", () => {
    expect(Object.keys(s.tables.secretaries.total.figures)).toEqual(cadreCols.map((c) => c.key));
    expect(Object.keys(s.tables.meetings.total.figures)).toEqual(meetingColumns.map((c) => c.key));
  });

  it("is printed on the summary sheet under its own label", () => {
    const texts = new Set(planSummarySheet(s).ops.flatMap((o) => (o.op === "values" ? o.values.flat() : [])));
    for (const c of [...cadreCols, ...meetingColumns]) expect(texts).toContain(c.vi);
    const en = new Set(planSummarySheet(s, { lang: "en" }).ops.flatMap((o) => (o.op === "values" ? o.values.flat() : [])));
    for (const c of [...cadreCols, ...meetingColumns]) expect(en).toContain(c.en);
  });

  it.each([
    ["tables 1 and 2", CADRE_COLUMNS.map((c) => c.key), "Toàn tỉnh"],
    ["table 3", MEETING_COLUMNS.map((c) => c.key), "Toàn tỉnh"],
  ] as const)("of %s is found by the form filler from a header holding its label", (_name, keys, label) => {
    const columns = [...cadreCols, ...meetingColumns].filter((c) => (keys as readonly string[]).includes(c.key));
    for (const c of columns) {
      const values: CellValue[][] = [["Đơn vị", c.vi], [label, ""]];
      const form: SheetData = { name: "F", originRow: 1, originCol: 1, values };
      const r = planFormFill(form, s);
      expect([c.key, r.matched.columns.map((m) => m.metric)]).toEqual([c.key, [c.key]]);
      const cells = (r.plan.ops[0] as Extract<PlanOp, { op: "formCells" }> | undefined)?.cells ?? [];
      expect(cells.length + r.skipped.length + r.notRecorded.length).toBe(1);
    }
  });

  it("that says itself in the paragraph is in it", () => {
    const text = reportText(s);
    for (const c of [...CADRE_COLUMNS, ...MEETING_COLUMNS]) {
      if (!("say" in c)) continue;
      const phrase = c.say.vi.split("{n}")[0].trim();
      expect([c.key, text.includes(phrase)]).toEqual([c.key, true]);
    }
  });
});

describe("Cao đẳng trở lên", () => {
  it("counts Cao đẳng, Đại học, Thạc sĩ and Tiến sĩ, beside the other education columns", () => {
    // Beside them: the education columns stand together, this one among them (another may join them).
    const keys = CADRE_COLUMNS.map((c) => c.key);
    const education = keys.filter((k) => k.startsWith("education."));
    expect(education).toContain("education.caoDangTroLen");
    expect(keys.slice(keys.indexOf(education[0]), keys.indexOf(education[0]) + education.length)).toEqual(education);
    const t = summarize(dataset({
      cadres: (["Trung cấp", "Cao đẳng", "Đại học", "Thạc sĩ", "Tiến sĩ", "Sơ cấp", null] as const).map((education) => cadre({ education })),
    }), { kind: "year", year: 2026 }, settings).tables.secretaries.total.figures;
    expect(t["education.caoDangTroLen"]).toEqual({ count: 4, pct: 57.14 });
    expect(t["education.daiHocTroLen"]).toEqual({ count: 3, pct: 42.86 });
  });
});
