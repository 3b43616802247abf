/**
 * Text that starts with "=" is not a formula. The adapter writes such text with
 * an apostrophe (or as typed in a text-formatted cell) and Excel's `formulas`
 * then reads it back starting with "=": fixes, their undo and form cells must
 * look at what the cell holds, and still never overwrite a real formula.
 */
import type { CellValue, WorkbookData } from "../../src/core/model";
import { API_VERSIONS, setup, type Sim } from "./helpers";

function cadres(): WorkbookData {
  return {
    sheets: [
      {
        name: "Cán bộ",
        originRow: 1,
        originCol: 1,
        values: [
          ["STT", "Họ và tên", "Dân tộc"],
          [1, "Nguyễn Văn An", "Kinh"],
          [2, "Trần Thị Bình", "Kinh"],
          [3, "Lê Văn Cường", "Tày"],
        ],
      },
      { name: "Biểu mẫu", originRow: 1, originCol: 1, values: [["Tiêu chí", "Số"], ["Xã", "Cũ"], ["Thôn", "Cũ"]] },
    ],
  };
}

/** Writes cells as a user would type them (so "'=x" is text, "=x" a formula), with an optional number format first. */
async function type(sim: Sim, sheet: string, address: string, value: CellValue, numberFormat?: string) {
  await sim.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    if (numberFormat) range.numberFormat = [[numberFormat]];
    range.values = [[value]];
    await context.sync();
  });
}

describe.each(API_VERSIONS)("ExcelApi %s", (apiVersion) => {
  it("undoes a fix whose new value starts with =: E2 'Kinh' -> '=1+1' -> 'Kinh'", async () => {
    const { sim, ops, reopen } = setup(cadres(), apiVersion);
    const before = sim.snapshot();
    const report = await ops.applyFixes([{ sheet: "Cán bộ", address: "C2", expected: "Kinh", value: "=1+1" }]);
    expect(report.applied).toHaveLength(1);
    expect(sim.getValue("Cán bộ", 2, 3)).toBe("=1+1");
    expect(sim.getFormula("Cán bộ", 2, 3)).toBeUndefined();
    const undo = await reopen().undoFixes();
    expect(undo.skipped).toEqual([]);
    expect(undo.applied.map((f) => f.address)).toEqual(["C2"]);
    expect(sim.getValue("Cán bộ", 2, 3)).toBe("Kinh");
    expect(sim.snapshot()).toEqual(before);
  });

  it("fixes a user's text cell that holds '=…' as text, typed with an apostrophe or in a text-formatted cell, and undoes both", async () => {
    const { sim, ops } = setup(cadres(), apiVersion);
    await type(sim, "Cán bộ", "C3", "'=Kinh");
    await type(sim, "Cán bộ", "C4", "=Tày", "@");
    expect(sim.getFormula("Cán bộ", 3, 3)).toBeUndefined();
    expect(sim.getFormula("Cán bộ", 4, 3)).toBeUndefined();
    const before = sim.snapshot();
    const report = await ops.applyFixes([
      { sheet: "Cán bộ", address: "C3", expected: "=Kinh", value: "Kinh" },
      { sheet: "Cán bộ", address: "C4", expected: "=Tày", value: "=Tày (đã sửa)" },
    ]);
    expect(report.skipped).toEqual([]);
    expect(sim.getValue("Cán bộ", 3, 3)).toBe("Kinh");
    expect(sim.getValue("Cán bộ", 4, 3)).toBe("=Tày (đã sửa)");
    expect(sim.getFormula("Cán bộ", 4, 3)).toBeUndefined();
    const undo = await ops.undoFixes();
    expect(undo.skipped).toEqual([]);
    expect(sim.snapshot()).toEqual(before);
  });

  it("still never overwrites a real formula, on fix or on undo", async () => {
    const { sim, ops } = setup(cadres(), apiVersion);
    await type(sim, "Cán bộ", "C4", "=1+1");
    expect(sim.getFormula("Cán bộ", 4, 3)).toBe("=1+1");
    const value = sim.getValue("Cán bộ", 4, 3);
    const fix = await ops.applyFixes([{ sheet: "Cán bộ", address: "C4", expected: value, value: "Tày" }]);
    expect(fix.applied).toEqual([]);
    expect(fix.skipped[0].reason.vi).toMatch(/công thức/);
    expect(fix.skipped[0].reason.en).toMatch(/formula/);
    expect(sim.getFormula("Cán bộ", 4, 3)).toBe("=1+1");

    // A fix to the text "=1+1", then the user types the formula =1+1 over it: undo leaves it.
    await ops.applyFixes([{ sheet: "Cán bộ", address: "C2", expected: "Kinh", value: "=1+1" }]);
    await type(sim, "Cán bộ", "C2", "=1+1");
    const undo = await ops.undoFixes();
    expect(undo.applied).toEqual([]);
    expect(undo.skipped.map((s) => s.address)).toEqual(["C2"]);
    expect(sim.getFormula("Cán bộ", 2, 3)).toBe("=1+1");
  });

  it("fills a form cell that holds '=…' as text, but not one with a formula", async () => {
    const { sim, ops } = setup(cadres(), apiVersion);
    await type(sim, "Biểu mẫu", "B2", "'=chưa điền");
    await type(sim, "Biểu mẫu", "B3", "=SUM(A1)");
    const report = await ops.applyPlan({
      ops: [{ op: "formCells", sheet: "Biểu mẫu", cells: [{ row: 2, col: 2, value: 12 }, { row: 3, col: 2, value: 7 }] }],
    });
    expect(sim.getValue("Biểu mẫu", 2, 2)).toBe(12);
    expect(report.skippedCells.map((c) => c.address)).toEqual(["B3"]);
    expect(sim.getFormula("Biểu mẫu", 3, 2)).toBe("=SUM(A1)");
  });
});
