import type { Finding, WritePlan } from "../../src/core/model";
import { HostError, HIGHLIGHT_FILL } from "../../src/excel";
import { API_VERSIONS, setup, smallWorkbook } from "./helpers";

const finding = (sheet: string, address: string, severity: Finding["severity"] = "error"): Finding => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { rule: "required", severity, sheet, address, row: Number(m[2]), column: m[1], value: null, message: { vi: "", en: "" }, fix: null };
};

function summaryPlan(sheet = "Tổng hợp"): WritePlan {
  return {
    ops: [
      { op: "sheet", sheet, purpose: "summary", tabColor: "#1F6FB2" },
      { op: "values", sheet, address: "A1:C3", values: [["Xã", "Chi bộ", "Tỷ lệ"], ["Xã A", 12, 0.5], ["Xã B", 7, 0.25]] },
      { op: "format", sheet, address: "A1:C1", format: { bold: true, fill: "#DDEBF7", border: true } },
      { op: "format", sheet, address: "C2:C3", format: { numberFormat: "0%" } },
      { op: "merge", sheet, address: "A5:C5" },
      { op: "columnWidths", sheet, firstCol: 1, widths: [120, 60, 60] },
      { op: "freeze", sheet, rows: 1, cols: 0 },
      { op: "chart", sheet, name: "chibo-chart-1", kind: "ColumnClustered", title: "Số chi bộ", source: "A1:B3", seriesBy: "Columns", anchor: { from: "E2", to: "L18" } },
      { op: "chart", sheet, name: "chibo-chart-2", kind: "Line", title: "Tỷ lệ", source: "A1:A3", seriesBy: "Columns", anchor: { from: "E20", to: "L36" } },
    ],
  };
}

describe.each(API_VERSIONS)("Excel adapter on the simulated Excel, ExcelApi %s", (apiVersion) => {
  it("reads every sheet's used range with its origin", async () => {
    const wb = smallWorkbook();
    wb.sheets[0] = { ...wb.sheets[0], originRow: 3, originCol: 2 };
    const { ops } = setup(wb, apiVersion);
    const read = await ops.readWorkbook();
    expect(read.sheets.map((s) => s.name)).toEqual(["Cán bộ", "Biểu mẫu"]);
    expect(read.sheets[0].originRow).toBe(3);
    expect(read.sheets[0].originCol).toBe(2);
    expect(read.sheets[0].values).toEqual(wb.sheets[0].values);
  });

  it("writes the summary once: a second run reuses our sheet and charts", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    const first = await ops.applyPlan(summaryPlan());
    expect(first.sheets).toEqual([{ requested: "Tổng hợp", actual: "Tổng hợp" }]);
    const second = await ops.applyPlan(summaryPlan());
    expect(second.sheets).toEqual([{ requested: "Tổng hợp", actual: "Tổng hợp" }]);
    expect(sim.sheetNames().filter((n) => n.startsWith("Tổng hợp"))).toEqual(["Tổng hợp"]);
    expect(sim.charts("Tổng hợp").map((c) => c.name).sort()).toEqual(["chibo-chart-1", "chibo-chart-2"]);
    expect(sim.getValue("Tổng hợp", 2, 2)).toBe(12);
    expect(sim.sheetInfo("Tổng hợp").freeze).toEqual({ rows: 1, cols: 0 });
    expect(sim.getFormat("Tổng hợp", 1, 1).bold).toBe(true);
  });

  it("never overwrites a user's sheet that has the summary's name", async () => {
    const wb = smallWorkbook();
    wb.sheets.push({ name: "Tổng hợp", originRow: 1, originCol: 1, values: [["Bảng của tôi", 42]] });
    const { sim, ops, reopen } = setup(wb, apiVersion);
    const report = await ops.applyPlan(summaryPlan());
    expect(report.sheets[0].actual).toBe("Tổng hợp (2)");
    expect(sim.getValue("Tổng hợp", 1, 1)).toBe("Bảng của tôi");
    expect(sim.getValue("Tổng hợp", 1, 2)).toBe(42);
    // Again, from a reopened pane: the same "(2)" sheet is reused, not a third one made.
    const again = await reopen().applyPlan(summaryPlan());
    expect(again.sheets[0].actual).toBe("Tổng hợp (2)");
    expect(sim.sheetNames().filter((n) => n.startsWith("Tổng hợp")).sort()).toEqual(["Tổng hợp", "Tổng hợp (2)"]);
    expect(sim.charts("Tổng hợp (2)")).toHaveLength(2);
    expect(sim.charts("Tổng hợp")).toHaveLength(0);
  });

  it("writes text that looks like a formula as text, and formulas as formulas", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    await ops.applyPlan({
      ops: [
        { op: "sheet", sheet: "Lỗi", purpose: "findings" },
        { op: "values", sheet: "Lỗi", address: "A1:D1", values: [["=HYPERLINK(\"http://x\")", "+84 912", "-abc", "@me"]] },
        { op: "formulas", sheet: "Lỗi", address: "A2", formulas: [["=\"Xem ô\""]] },
      ],
    });
    expect([1, 2, 3, 4].map((c) => sim.getValue("Lỗi", 1, c))).toEqual(["=HYPERLINK(\"http://x\")", "+84 912", "-abc", "@me"]);
    expect([1, 2, 3, 4].map((c) => sim.getFormula("Lỗi", 1, c) ?? null)).toEqual([null, null, null, null]);
    expect(sim.getFormula("Lỗi", 2, 1)).toBe("=\"Xem ô\"");
  });

  it("keeps quoted values as text: numbers, dates and TRUE written as strings stay strings", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    await ops.applyPlan({
      ops: [
        { op: "sheet", sheet: "Lỗi", purpose: "findings" },
        { op: "values", sheet: "Lỗi", address: "A1:E1", values: [["0123", "12/05/2020", "TRUE", 42, "Đại học"]] },
        { op: "formCells", sheet: "Biểu mẫu", cells: [{ row: 1, col: 2, value: "=1+1" }, { row: 2, col: 2, value: "0123" }, { row: 3, col: 2, value: 7 }] },
      ],
    });
    expect([1, 2, 3, 4, 5].map((c) => sim.getValue("Lỗi", 1, c))).toEqual(["0123", "12/05/2020", "TRUE", 42, "Đại học"]);
    expect([1, 2, 3].map((r) => sim.getValue("Biểu mẫu", r, 2))).toEqual(["=1+1", "0123", 7]);
    expect(sim.getFormula("Biểu mẫu", 1, 2)).toBeUndefined();
    // The user's form keeps its formats.
    expect(sim.getFormat("Biểu mẫu", 1, 2).numberFormat ?? "General").toBe("General");
  });

  it("refuses a plan that writes into a sheet it does not create", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    await expect(ops.applyPlan({ ops: [{ op: "values", sheet: "Cán bộ", address: "A1", values: [["x"]] }] })).rejects.toBeInstanceOf(HostError);
    expect(sim.getValue("Cán bộ", 1, 1)).toBe("DANH SÁCH CÁN BỘ");
  });

  it("fills a user's form only at the planned cells, skipping formulas and protected sheets", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    // The user turned B3 into a formula after the form was read.
    await ops.applyPlan({ ops: [] });
    sim.model.sheets.find((s) => s.name === "Biểu mẫu")!.formulas.set(2 * 16384 + 1, "=SUM(B1:B2)");
    const report = await ops.applyPlan({
      ops: [{ op: "formCells", sheet: "Biểu mẫu", cells: [{ row: 2, col: 2, value: 9558 }, { row: 3, col: 2, value: 1 }] }],
    });
    expect(sim.getValue("Biểu mẫu", 2, 2)).toBe(9558);
    expect(report.skippedCells).toEqual([{ sheet: "Biểu mẫu", address: "B3", reason: { vi: expect.stringMatching(/công thức/), en: expect.stringMatching(/formula/) } }]);
    sim.protectSheet("Biểu mẫu");
    const prot = await ops.applyPlan({ ops: [{ op: "formCells", sheet: "Biểu mẫu", cells: [{ row: 1, col: 2, value: "x" }] }] });
    expect(prot.skippedCells[0].reason.vi).toMatch(/bảo vệ/);
    expect(prot.skippedCells[0].reason.en).toMatch(/protected/);
    expect(sim.getValue("Biểu mẫu", 1, 2)).toBe("");
  });

  it("highlight then clear restores every value and fill, even from a reopened pane", async () => {
    const { sim, ops, reopen } = setup(smallWorkbook(), apiVersion);
    // A fill of the user's own, under a finding, must come back.
    await ops.applyPlan({ ops: [] });
    sim.model.sheets[0].updateStyle(2, 2, { fill: "#00FF00" });
    const before = sim.snapshot();
    const fills = () => [1, 2, 3, 4, 5, 6].flatMap((r) => [1, 2, 3, 4].map((c) => sim.getFill("Cán bộ", r, c)));
    const fillsBefore = fills();
    const findings = [finding("Cán bộ", "C3"), finding("Cán bộ", "C4", "warning"), finding("Cán bộ", "D3", "info"), finding("Cán bộ", "C3", "info")];
    expect(await ops.highlight(findings)).toEqual({ cells: 3, skipped: 0 });
    expect(sim.getFill("Cán bộ", 3, 3)).toBe(HIGHLIGHT_FILL.error);
    expect(sim.getFill("Cán bộ", 4, 3)).toBe(HIGHLIGHT_FILL.warning);
    // Highlighting again must not take our own colour for the original.
    await ops.highlight(findings);
    expect(await reopen().clearHighlights()).toEqual({ cells: 3, skipped: 0 });
    expect(fills()).toEqual(fillsBefore);
    expect(sim.getFill("Cán bộ", 3, 3)).toBe("#00FF00");
    expect(sim.snapshot()).toEqual(before);
    expect(await ops.clearHighlights()).toEqual({ cells: 0, skipped: 0 });
  });

  it("applies fixes, skips a cell edited since the check, and undoes exactly", async () => {
    const { sim, ops, reopen } = setup(smallWorkbook(), apiVersion);
    const before = sim.snapshot();
    const report = await ops.applyFixes([
      { sheet: "Cán bộ", address: "B4", expected: " Trần Thị Bình ", value: "Trần Thị Bình" },
      { sheet: "Cán bộ", address: "D3", expected: "ĐH", value: "Đại học" },
      { sheet: "Cán bộ", address: "D6", expected: "0123", value: "0124" },
      { sheet: "Cán bộ", address: "B5", expected: "Lê Văn C", value: "Lê Văn Cường" },
    ]);
    expect(report.applied.map((f) => f.address)).toEqual(["B4", "D3", "D6"]);
    expect(report.skipped.map((f) => f.address)).toEqual(["B5"]);
    expect(report.skipped[0].reason.vi).toMatch(/đã được sửa/);
    expect(sim.getValue("Cán bộ", 4, 2)).toBe("Trần Thị Bình");
    expect(sim.getValue("Cán bộ", 6, 4)).toBe("0124");
    expect(await reopen().canUndoFixes()).toBe(true);
    const undo = await reopen().undoFixes();
    expect(undo.applied).toHaveLength(3);
    expect(sim.snapshot()).toEqual(before);
    expect(await ops.canUndoFixes()).toBe(false);
  });

  it("does not undo a fix over a later edit", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    await ops.applyFixes([{ sheet: "Cán bộ", address: "D3", expected: "ĐH", value: "Đại học" }]);
    sim.model.sheets[0].values[2][3] = "Thạc sĩ";
    const undo = await ops.undoFixes();
    expect(undo.skipped.map((s) => s.address)).toEqual(["D3"]);
    expect(sim.getValue("Cán bộ", 3, 4)).toBe("Thạc sĩ");
  });

  it("selects a finding's cell on its sheet", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    await ops.select("Biểu mẫu", "B2");
    expect(sim.activeSheet()).toBe("Biểu mẫu");
    expect(sim.selection()).toEqual({ sheet: "Biểu mẫu", address: "B2" });
  });

  it("says so when the finding's sheet is hidden", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    sim.model.sheets[1].visibility = "Hidden";
    await expect(ops.select("Biểu mẫu", "B2")).rejects.toMatchObject({ code: "hiddenSheet", userText: { vi: expect.stringMatching(/bị ẩn/) } });
  });

  it("keeps settings in the workbook", async () => {
    const { ops, reopen } = setup(smallWorkbook(), apiVersion);
    expect(await ops.loadSettings("mappings")).toBeNull();
    await ops.saveSettings("mappings", { cadres: { name: "B" }, note: "Họ và tên" });
    expect(await reopen().loadSettings("mappings")).toEqual({ cadres: { name: "B" }, note: "Họ và tên" });
  });

  it("turns a protected sheet into a Vietnamese HostError", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    sim.protectSheet("Cán bộ");
    const err = await ops.highlight([finding("Cán bộ", "C3")]).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe("protected");
    expect(err.userText.vi).toMatch(/bảo vệ/);
  });
});

it("explains a dropdown it cannot make before ExcelApi 1.8", async () => {
  const { sim, ops } = setup(smallWorkbook(), "1.7");
  const report = await ops.applyPlan({
    ops: [
      { op: "sheet", sheet: "Mẫu", purpose: "template" },
      { op: "dropdown", sheet: "Mẫu", address: "C2:C100", values: ["Thôn", "Bản"] },
    ],
  });
  expect(report.notes?.[0].message.vi).toMatch(/danh sách chọn/);
  expect(sim.sheetInfo("Mẫu").dropdowns).toEqual([]);
  const { sim: sim2, ops: ops2 } = setup(smallWorkbook(), "1.12");
  await ops2.applyPlan({ ops: [{ op: "sheet", sheet: "Mẫu", purpose: "template" }, { op: "dropdown", sheet: "Mẫu", address: "C2:C100", values: ["Thôn", "Bản"] }] });
  expect(sim2.sheetInfo("Mẫu").dropdowns).toEqual([{ address: "C2:C100", source: "Thôn,Bản" }]);
});

describe("reading", () => {
  it("leaves out our summary and findings sheets but reads template sheets and hidden sheets", async () => {
    const wb = smallWorkbook();
    const { sim, ops } = setup(wb);
    await ops.applyPlan(summaryPlan());
    await ops.applyPlan({ ops: [{ op: "sheet", sheet: "Mẫu cán bộ", purpose: "template" }, { op: "values", sheet: "Mẫu cán bộ", address: "A1:B1", values: [["STT", "Họ và tên"]] }] });
    sim.model.sheets.find((s) => s.name === "Biểu mẫu")!.visibility = "Hidden";
    const read = await ops.readWorkbook();
    expect(read.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Cán bộ", "visible"],
      ["Biểu mẫu", "hidden"],
      ["Mẫu cán bộ", "visible"],
    ]);
  });

  it("reads one sheet with its formula mask", async () => {
    const { sim, ops } = setup(smallWorkbook());
    sim.model.sheets[1].formulas.set(2 * 16384 + 1, "=1+1");
    const sheet = await ops.readSheet("Biểu mẫu");
    expect(sheet.formulas).toEqual([[false, false], [false, false], [false, true]]);
    await expect(ops.readSheet("Không có")).rejects.toMatchObject({ code: "notFound" });
  });

  it("reports progress and stops when cancelled", async () => {
    const { ops } = setup(smallWorkbook());
    const seen: number[] = [];
    await ops.readWorkbook((p) => seen.push(p.done));
    expect(seen[seen.length - 1]).toBe(9);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(ops.readWorkbook(undefined, ctrl.signal)).rejects.toMatchObject({ code: "aborted", userText: { vi: "Đã hủy theo yêu cầu." } });
  });
});
