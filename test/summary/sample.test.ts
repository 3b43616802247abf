import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { summarize } from "../../src/core/summary";
import { day, defaultSettings } from "../../src/core/model";

/**
 * Invariants of a clean generated sample, end to end from the workbook: every
 * cell of the CELLS sheet has one secretary and held every meeting, so the three
 * counts agree. The generator makes hamlets whose names differ only by their
 * marks ("Thôn Đồng", "Thôn Đông"); a summary that folded names would merge them.
 */
describe.each([1, 2, 3, 5, 8])("clean commune sample, seed %i, year 2025", (seed) => {
  const { workbook } = generateSample({ size: "commune", seed, defects: false });
  const { dataset } = understand(workbook);
  const s = summarize(dataset, { kind: "year", year: 2025 }, defaultSettings(day(2026, 11, 23)));

  it("counts every listed cell once, with its one secretary, each holding every meeting", () => {
    const listed = new Set(dataset.cells.map((c) => `${c.commune}|${c.cell}`)).size;
    const meetings = s.tables.meetings.total.figures;
    expect(meetings.cells.count).toBe(listed);
    expect(s.tables.secretaries.total.figures.total.count).toBe(listed);
    expect(meetings.allMonthly.count).toBe(listed);
    expect(meetings.thematicEveryQuarter.count).toBe(listed);
  });
});
