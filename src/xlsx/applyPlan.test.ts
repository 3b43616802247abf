import ExcelJS from "exceljs";
import { WritePlan } from "../core/model";
import { applyPlanToExcelJS, CHARTS_NOTE } from "./applyPlan";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

const plan: WritePlan = {
  ops: [
    { op: "sheet", sheet: "Tổng hợp", purpose: "summary" },
    { op: "values", sheet: "Tổng hợp", address: "A1:C2", values: [["Xã", "=1+1", 3], ["@x", "", 4.5]] },
    { op: "formulas", sheet: "Tổng hợp", address: "D1", formulas: [["=HYPERLINK(\"#'Cán bộ'!B2\",\"B2\")"]] },
    { op: "format", sheet: "Tổng hợp", address: "A1:C1", format: { bold: true, fill: "#DDEBF7", numberFormat: "0.00", border: true, hAlign: "Center", wrap: true } },
    { op: "merge", sheet: "Tổng hợp", address: "A3:C3" },
    { op: "columnWidths", sheet: "Tổng hợp", firstCol: 1, widths: [150, 44] },
    { op: "freeze", sheet: "Tổng hợp", rows: 2, cols: 1 },
    { op: "chart", sheet: "Tổng hợp", name: "chibo-monthly-share", kind: "ColumnClustered", title: "x", source: "A1:C2", seriesBy: "Columns", anchor: { from: "E1", to: "L15" } },
  ],
};

describe("applyPlanToExcelJS", () => {
  it("writes values as values, formulas as formulas, and formats", async () => {
    const wb = new ExcelJS.Workbook();
    const report = applyPlanToExcelJS(wb, plan);
    expect(report.sheets).toEqual([{ requested: "Tổng hợp", actual: "Tổng hợp" }]);
    expect(report.notes).toEqual([CHARTS_NOTE]);
    const ws = (await roundTrip(wb)).getWorksheet("Tổng hợp")!;
    expect(ws.getCell("B1").value).toBe("=1+1");
    expect(ws.getCell("B1").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A2").value).toBe("@x");
    expect(ws.getCell("C2").value).toBe(4.5);
    expect(ws.getCell("D1").formula).toBe("HYPERLINK(\"#'Cán bộ'!B2\",\"B2\")");
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("C1").numFmt).toBe("0.00");
    expect(ws.getCell("B3").isMerged).toBe(true);
    expect(ws.getColumn(1).width).toBeGreaterThan(25);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
  });

  it("never replaces a user's sheet, but replaces its own sheet on the next run", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tổng hợp").getCell("A1").value = "của người dùng";
    const first = applyPlanToExcelJS(wb, plan);
    expect(first.sheets[0].actual).toBe("Tổng hợp (2)");
    const again = await roundTrip(wb);
    const second = applyPlanToExcelJS(again, plan);
    expect(second.sheets[0].actual).toBe("Tổng hợp (2)");
    expect(again.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Tổng hợp (2)"]);
    expect(again.getWorksheet("Tổng hợp")!.getCell("A1").value).toBe("của người dùng");
  });

  it("skips form cells that hold a formula", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mẫu");
    ws.getCell("B2").value = { formula: "SUM(B3:B4)" } as ExcelJS.CellFormulaValue;
    const report = applyPlanToExcelJS(wb, { ops: [{ op: "formCells", sheet: "Mẫu", cells: [{ row: 2, col: 2, value: 5 }, { row: 3, col: 2, value: 7 }] }] });
    expect(report.skippedCells).toEqual([{ sheet: "Mẫu", address: "B2", reason: expect.stringContaining("công thức") }]);
    expect(ws.getCell("B3").value).toBe(7);
    expect(ws.getCell("B2").formula).toBe("SUM(B3:B4)");
  });

  it("adds list validations for dropdowns", () => {
    const wb = new ExcelJS.Workbook();
    applyPlanToExcelJS(wb, { ops: [{ op: "sheet", sheet: "Cán bộ", purpose: "template" }, { op: "dropdown", sheet: "Cán bộ", address: "A2:A3", values: ["Nam", "Nữ"] }] });
    expect(wb.getWorksheet("Cán bộ")!.getCell("A3").dataValidation).toMatchObject({ type: "list", formulae: ['"Nam,Nữ"'] });
  });

  it("makes a sheet name Excel refuses legal, through the shared rule", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("TỔNG HỢP- QUÝ 3-2025 -BẢN NHÁP-");
    const report = applyPlanToExcelJS(wb, { ops: [
      { op: "sheet", sheet: "Tổng hợp: Quý 3/2025 [bản nháp] của các xã", purpose: "summary" },
      { op: "values", sheet: "Tổng hợp: Quý 3/2025 [bản nháp] của các xã", address: "A1", values: [["x"]] },
    ] });
    expect(report.sheets).toEqual([{ requested: "Tổng hợp: Quý 3/2025 [bản nháp] của các xã", actual: "Tổng hợp- Quý 3-2025 -bản n (2)" }]);
    const back = await roundTrip(wb);
    expect(back.getWorksheet("Tổng hợp- Quý 3-2025 -bản n (2)")!.getCell("A1").value).toBe("x");
  });
});
