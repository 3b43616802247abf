import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadSimulatedExcelFromFile, saveSimulatedWorkbook } from "./files";
import { createSimulatedExcel } from "./index";
import { smallBook } from "./testUtil";
import { excelJSFromSimulated, excelJSFromWorkbookData, loadSimulatedExcel, workbookDataFromExcelJS } from "./xlsxBrowser";

async function decorated() {
  const sim = createSimulatedExcel(smallBook());
  await sim.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Cán bộ");
    ws.getRange("A1:C1").merge();
    ws.getRange("A2:C2").format.fill.color = "#FFC7CE";
    ws.getRange("A2:C2").format.font.bold = true;
    ws.getRange("B3:B4").numberFormat = [["dd/mm/yyyy"], ["dd/mm/yyyy"]];
    ws.getRange("D3").formulas = [['=HYPERLINK("#\'Sinh hoạt\'!B3","Xem")']];
    ws.getRange("A:A").format.columnWidth = 150;
    ws.getRange("C3:C4").dataValidation.rule = { list: { inCellDropDown: true, source: "Bí thư,Phó bí thư" } };
    ws.freezePanes.freezeRows(2);
    context.workbook.worksheets.getItem("Sinh hoạt").visibility = "Hidden";
  });
  return sim;
}

describe("xlsx in and out", () => {
  it("round-trips values, formulas, fills, fonts, formats, merges, widths, dropdowns and freeze through ExcelJS bytes", async () => {
    const sim = await decorated();
    const bytes = await excelJSFromSimulated(sim, ExcelJS).xlsx.writeBuffer();
    const back = await loadSimulatedExcel(bytes as ArrayBuffer, ExcelJS, { apiVersion: "1.12" });
    expect(back.apiVersion).toBe("1.12");
    expect(back.snapshot()).toEqual(sim.snapshot());
    expect(back.getFill("Cán bộ", 2, 2)).toBe("#FFC7CE");
    expect(back.getFill("Cán bộ", 3, 2)).toBeUndefined();
    expect(back.getFormat("Cán bộ", 2, 1).bold).toBe(true);
    expect(back.getText("Cán bộ", 3, 2)).toBe("01/01/1963");
    expect(back.getFormula("Cán bộ", 3, 4)).toBe('=HYPERLINK("#\'Sinh hoạt\'!B3","Xem")');
    expect(back.getValue("Cán bộ", 3, 4)).toBe("Xem");
    const info = back.sheetInfo("Cán bộ");
    expect(info.merges).toEqual(["A1:C1"]);
    expect(info.columnWidths[1]).toBeCloseTo(150, 0);
    expect(info.dropdowns).toEqual([{ address: "C3:C4", source: "Bí thư,Phó bí thư" }]);
    expect(info.freeze).toEqual({ rows: 2, cols: 0 });
    expect(back.sheetInfo("Sinh hoạt").visibility).toBe("Hidden");
  });

  it("converts WorkbookData to ExcelJS and back", () => {
    const data = smallBook();
    const wb = excelJSFromWorkbookData(data, ExcelJS);
    const again = workbookDataFromExcelJS(wb);
    expect(again.sheets.map((s) => [s.name, s.originRow, s.originCol, s.values])).toEqual(data.sheets.map((s) => [s.name, s.originRow, s.originCol, s.values]));
  });

  it("saves to and loads from an .xlsx file through src/xlsx", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chibo-sim-"));
    try {
      const file = path.join(dir, "cadres.xlsx");
      const sim = await decorated();
      await saveSimulatedWorkbook(sim, file);
      const back = await loadSimulatedExcelFromFile(file, { protectedSheets: ["Cán bộ"] });
      expect(back.snapshot().sheets.map((s) => s.name)).toEqual(["Cán bộ", "Sinh hoạt"]);
      expect(back.getValue("Cán bộ", 3, 1)).toBe("Nguyễn Văn An");
      expect(back.getValue("Cán bộ", 3, 2)).toBe(23012);
      expect(back.getValue("Sinh hoạt", 4, 3)).toBe(12);
      expect(back.sheetInfo("Cán bộ").protected).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
