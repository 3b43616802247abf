import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadSimulatedExcelFromFile, saveSimulatedWorkbook } from "./files";
import { createSimulatedExcel } from "./index";
import { smallBook } from "./testUtil";
import { excelJSFromSimulated, excelJSFromWorkbookData, loadSimulatedExcel } from "./xlsxBrowser";

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
  it("writes fills, fonts, formats, merges, widths, dropdowns and freeze through ExcelJS, and reads back what the reader keeps", async () => {
    const sim = await decorated();
    const bytes = (await excelJSFromSimulated(sim, ExcelJS).xlsx.writeBuffer()) as ArrayBuffer;
    // What the writer kept, as Excel (here ExcelJS) would find it in the file.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.getWorksheet("Cán bộ")!;
    expect(ws.getCell("B2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("A2").font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBeGreaterThan(20);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.getCell("C3").dataValidation).toMatchObject({ type: "list", formulae: ['"Bí thư,Phó bí thư"'] });
    // What the reader brings back into the simulator: values, formula marks, merges, visibility and number formats.
    const back = loadSimulatedExcel(bytes, { apiVersion: "1.12" });
    expect(back.apiVersion).toBe("1.12");
    expect(back.snapshot().sheets.map((s) => [s.name, s.originRow, s.originCol, s.values])).toEqual(sim.snapshot().sheets.map((s) => [s.name, s.originRow, s.originCol, s.values]));
    expect(back.getText("Cán bộ", 3, 2)).toBe("01/01/1963");
    expect(back.getFormula("Cán bộ", 3, 4)).toBe('="Xem"');
    expect(back.getValue("Cán bộ", 3, 4)).toBe("Xem");
    expect(back.sheetInfo("Cán bộ").merges).toEqual(["A1:C1"]);
    expect(back.sheetInfo("Sinh hoạt").visibility).toBe("Hidden");
  });

  it("converts WorkbookData to .xlsx bytes and back", async () => {
    const data = smallBook();
    const bytes = (await excelJSFromWorkbookData(data, ExcelJS).xlsx.writeBuffer()) as ArrayBuffer;
    const again = loadSimulatedExcel(bytes).snapshot();
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
