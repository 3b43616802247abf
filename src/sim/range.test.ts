import { createSimulatedExcel } from "./index";
import { expectRichApiError, smallBook } from "./testUtil";

const SHEET = "Cán bộ";

async function onSheet<T>(sim: ReturnType<typeof createSimulatedExcel>, fn: (ws: Excel.Worksheet, context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return sim.run(async (context) => fn(context.workbook.worksheets.getItem(SHEET), context));
}

describe("ranges", () => {
  it("reads addresses, sizes and indexes, with quoted sheet names", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws, context) => {
      const r = ws.getRange("'Cán bộ'!B2:C4").load("address, rowCount, columnCount, rowIndex, columnIndex, cellCount");
      const plain = context.workbook.worksheets.getItem("Sinh hoạt").getRange("$b$3").load("address");
      const whole = ws.getRange().load("address, isEntireRow, isEntireColumn");
      const rows = ws.getRange("2:3").load("address");
      await context.sync();
      expect([r.address, r.rowCount, r.columnCount, r.rowIndex, r.columnIndex, r.cellCount]).toEqual(["'Cán bộ'!B2:C4", 3, 2, 1, 1, 6]);
      expect(plain.address).toBe("'Sinh hoạt'!B3");
      expect(whole.address).toBe("'Cán bộ'!A1:XFD1048576");
      expect(rows.address).toBe("'Cán bộ'!2:3");
    });
    const plainName = createSimulatedExcel({ sheets: [{ name: "Sheet1", originRow: 1, originCol: 1, values: [[1]] }] });
    await plainName.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("address");
      await context.sync();
      expect(r.address).toBe("Sheet1!A1");
    });
  });

  it("refuses an address on another sheet, and bad addresses", async () => {
    const sim = createSimulatedExcel(smallBook());
    for (const address of ["'Sinh hoạt'!A1", "A0", "XFE1", "A1:B2:C3", "hello", "A"]) {
      await expectRichApiError(onSheet(sim, async (ws, context) => {
        ws.getRange(address).load("address");
        await context.sync();
      }), "InvalidArgument");
    }
  });

  it("navigates: getCell, getResizedRange, getOffsetRange, getBoundingRect, getIntersection, rows and columns", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws, context) => {
      const base = ws.getRange("B2:C3");
      const got = [
        base.getCell(1, 1), base.getResizedRange(2, -1), base.getOffsetRange(1, 2), base.getBoundingRect("E5"),
        base.getIntersection("C3:D9"), base.getRow(1), base.getColumn(0), base.getLastCell(), base.getEntireRow(),
        ws.getCell(3, 0), ws.getRangeByIndexes(0, 0, 2, 3), base.getRowsBelow(2), base.getColumnsAfter(),
        base.getAbsoluteResizedRange(1, 4),
      ].map((r) => r.load("address"));
      const none = base.getIntersectionOrNullObject("F9");
      await context.sync();
      expect(got.map((r) => r.address.split("!")[1])).toEqual([
        "C3", "B2:B5", "D3:E4", "B2:E5", "C3", "B3:C3", "B2:B3", "C3", "2:3", "A4", "A1:C2", "B4:C5", "D2:D3", "B2:E2",
      ]);
      expect(none.isNullObject).toBe(true);
    });
    await expectRichApiError(onSheet(sim, async (ws, context) => {
      ws.getRange("A1").getOffsetRange(-1, 0).load("address");
      await context.sync();
    }), "InvalidArgument");
  });

  it("gives the used range, valuesOnly or with formats; empty sheets give A1 or a null object", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sinh hoạt");
      ws.getRange("F10").format.fill.color = "#FFFF00";
      const formatted = ws.getUsedRange().load("address");
      const valuesOnly = ws.getUsedRange(true).load("address, values");
      const fresh = context.workbook.worksheets.add("Trống");
      const emptyUsed = fresh.getUsedRange().load("address");
      const emptyNull = fresh.getUsedRangeOrNullObject(true);
      emptyNull.load("address");
      await context.sync();
      expect(formatted.address).toBe("'Sinh hoạt'!B3:F10");
      expect(valuesOnly.address).toBe("'Sinh hoạt'!B3:C5");
      expect(valuesOnly.values).toEqual([["Tháng", "Số đảng viên"], [1, 12], [2, 11]]);
      expect(emptyUsed.address).toBe("Trống!A1");
      expect(emptyNull.isNullObject).toBe(true);
    });
  });

  it("writes values: numbers, booleans, text; null leaves a cell alone; a scalar fills the range", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws) => {
      ws.getRange("E1:G1").values = [[1.5, true, "chữ"]];
      ws.getRange("E1:G1").values = [[null, false, null]] as any[][];
      ws.getRange("E2:F3").values = "x" as unknown as any[][];
    });
    expect([1, 2, 3].map((c) => sim.getValue(SHEET, 1, 4 + c))).toEqual([1.5, false, "chữ"]);
    expect(sim.getValue(SHEET, 3, 6)).toBe("x");
  });

  it("turns text into numbers, booleans and US dates unless the format is text, as Excel does", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws) => {
      ws.getRange("E1:J1").values = [["0912345678", "TRUE", "12/05/2020", "25/12/2020", "50%", "'0912"]];
      ws.getRange("E2:F2").numberFormat = [["@", "@"]];
      ws.getRange("E2:F2").values = [["0912345678", "12/05/2020"]];
    });
    expect([5, 6, 7, 8, 9, 10].map((c) => sim.getValue(SHEET, 1, c))).toEqual([912345678, true, 44170, "25/12/2020", 0.5, "0912"]);
    expect(sim.getText(SHEET, 1, 7)).toBe("12/5/2020");
    expect([sim.getValue(SHEET, 2, 5), sim.getValue(SHEET, 2, 6)]).toEqual(["0912345678", "12/05/2020"]);
  });

  it("stores text starting with = (or +x, -x, @x) as a formula, unless the cell's format is @", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws, context) => {
      ws.getRange("E1:H1").values = [["=HYPERLINK(\"#'Cán bộ'!A1\",\"A1\")", "+cmd", "-5", "@SUM(A1)"]];
      ws.getRange("E2:F2").numberFormat = [["@", "@"]];
      ws.getRange("E2:F2").values = [["=1+1", "-x"]];
      ws.getRange("E3").formulas = [["=SUM(B3:B4)"]];
      const f = ws.getRange("E1:H3").load("formulas, values, valueTypes");
      await context.sync();
      expect(f.formulas).toEqual([
        ["=HYPERLINK(\"#'Cán bộ'!A1\",\"A1\")", "=+cmd", -5, "=@SUM(A1)"],
        ["=1+1", "-x", "", ""],
        ["=SUM(B3:B4)", "", "", ""],
      ]);
      expect(f.values[0]).toEqual(["A1", 0, -5, 0]);
      expect(f.values[1]).toEqual(["=1+1", "-x", "", ""]);
      expect(f.valueTypes[0]).toEqual(["String", "Double", "Double", "Double"]);
    });
    expect(sim.getFormula(SHEET, 1, 5)).toMatch(/^=HYPERLINK/);
    expect(sim.getFormula(SHEET, 2, 5)).toBeUndefined();
    expect(sim.snapshot().sheets[0].formulas?.[0]).toEqual([false, false, false, false, true, true, false, true]);
  });

  it("reads number formats and text", async () => {
    const sim = createSimulatedExcel({ sheets: [{ name: SHEET, originRow: 1, originCol: 1, values: [[23012, 0.256, 1234567.891, true]], columnFormats: { 1: "dd/mm/yyyy" } }] });
    await onSheet(sim, async (ws, context) => {
      ws.getRange("B1:C1").numberFormat = [["0.0%", "#,##0.00"]];
      const r = ws.getRange("A1:D1").load("numberFormat, text");
      await context.sync();
      expect(r.numberFormat).toEqual([["dd/mm/yyyy", "0.0%", "#,##0.00", "General"]]);
      expect(r.text).toEqual([["01/01/1963", "25.6%", "1,234,567.89", "TRUE"]]);
    });
  });

  it("formats: fill (no fill reads #FFFFFF), font, alignment, wrap, widths, borders", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws, context) => {
      const r = ws.getRange("A2:C2");
      r.format.fill.color = "#ffc7ce";
      r.format.font.bold = true;
      r.format.font.color = "#9C0006";
      r.format.font.size = 12;
      r.format.font.italic = true;
      r.format.wrapText = true;
      r.format.horizontalAlignment = "Center";
      r.format.verticalAlignment = "Top";
      r.format.columnWidth = 120;
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
        r.format.borders.getItem(edge).style = "Continuous";
      }
      const read = ws.getRange("A2:C2").load({
        format: { fill: { color: true }, font: { bold: true, color: true, size: true, italic: true }, wrapText: true, horizontalAlignment: true, verticalAlignment: true, columnWidth: true },
      });
      const mixed = ws.getRange("A1:A2").format.fill.load("color");
      const plain = ws.getRange("A4").format.fill.load("color");
      const top = ws.getRange("A2:C2").format.borders.getItem("EdgeTop").load("style, weight");
      await context.sync();
      expect(read.format.fill.color).toBe("#FFC7CE");
      expect([read.format.font.bold, read.format.font.color, read.format.font.size, read.format.font.italic]).toEqual([true, "#9C0006", 12, true]);
      expect([read.format.wrapText, read.format.horizontalAlignment, read.format.verticalAlignment, read.format.columnWidth]).toEqual([true, "Center", "Top", 120]);
      expect(mixed.color).toBeNull();
      expect(plain.color).toBe("#FFFFFF");
      expect([top.style, top.weight]).toEqual(["Continuous", "Thin"]);
      ws.getRange("B2").format.fill.clear();
    });
    expect(sim.getFill(SHEET, 2, 1)).toBe("#FFC7CE");
    expect(sim.getFill(SHEET, 2, 2)).toBeUndefined();
    expect(sim.getFill(SHEET, 4, 1)).toBeUndefined();
    expect(sim.getFormat(SHEET, 2, 2).borders).toMatchObject({ top: { style: "Continuous" }, left: { style: "Continuous" }, right: { style: "Continuous" } });
    expect(sim.sheetInfo(SHEET).columnWidths).toEqual({ 1: 120, 2: 120, 3: 120 });
  });

  it("rejects bad colours and alignments", async () => {
    const sim = createSimulatedExcel(smallBook());
    await expectRichApiError(onSheet(sim, async (ws) => void (ws.getRange("A1").format.fill.color = "hồng")), "InvalidArgument");
    await expectRichApiError(onSheet(sim, async (ws) => void (ws.getRange("A1").format.horizontalAlignment = "Middle" as Excel.HorizontalAlignment)), "InvalidArgument");
  });

  it("getCellProperties: no fill answers like white in color and pattern; only tintAndShade tells them apart (office-js#6218, #4900)", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws) => void (ws.getRange("B3").format.fill.color = "#FFFFFF"));
    await onSheet(sim, async (ws) => void (ws.getRange("C3").format.fill.color = "#00B050"));
    await onSheet(sim, async (ws, context) => {
      const before = ws.getRange("A3:C3").getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } }, address: true });
      await context.sync();
      expect(before.value).toEqual([[
        { address: "'Cán bộ'!A3", format: { fill: { color: "#FFFFFF", pattern: "Solid", tintAndShade: null } } },
        { address: "'Cán bộ'!B3", format: { fill: { color: "#FFFFFF", pattern: "Solid", tintAndShade: 0 } } },
        { address: "'Cán bộ'!C3", format: { fill: { color: "#00B050", pattern: "Solid", tintAndShade: 0 } } },
      ]]);
      ws.getRange("A3:B3").setCellProperties([[{ format: { fill: { color: "#FFC7CE" }, font: { bold: true } } }, { format: { fill: { color: "#FFC7CE" } } }]]);
      await context.sync();
      expect(sim.getFill(SHEET, 3, 1)).toBe("#FFC7CE");
      // Put back what was there: pattern None is no fill at all, a colour is a fill (white too).
      ws.getRange("A3:B3").setCellProperties([[{ format: { fill: { pattern: "None" } } }, { format: { fill: { color: "#FFFFFF" } } }]]);
      await context.sync();
    });
    expect(sim.getFill(SHEET, 3, 1)).toBeUndefined();
    expect(sim.getFill(SHEET, 3, 2)).toBe("#FFFFFF");
    expect(sim.getFormat(SHEET, 3, 1).bold).toBe(true);
    await expectRichApiError(onSheet(sim, async (ws) => ws.getRange("A3:B3").setCellProperties([[{}]])), "InvalidArgument");
  });

  it("getRanges (1.9): one format for every area, fills read per area with tintAndShade; long lists are refused", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws) => void (ws.getRange("B4").format.fill.color = "#FFFF00"));
    await onSheet(sim, async (ws, context) => {
      const areas = ws.getRanges("A3,B4,C5:C6");
      areas.areas.load("items/address,items/format/fill/color,items/format/fill/tintAndShade");
      await context.sync();
      expect(areas.areas.items.map((r) => [r.address, r.format.fill.color, r.format.fill.tintAndShade])).toEqual([
        ["'Cán bộ'!A3", "#FFFFFF", null],
        ["'Cán bộ'!B4", "#FFFF00", 0],
        ["'Cán bộ'!C5:C6", "#FFFFFF", null],
      ]);
      areas.format.fill.color = "#FFC7CE";
      await context.sync();
    });
    expect([sim.getFill(SHEET, 3, 1), sim.getFill(SHEET, 4, 2), sim.getFill(SHEET, 6, 3), sim.getFill(SHEET, 3, 2)]).toEqual(["#FFC7CE", "#FFC7CE", "#FFC7CE", undefined]);
    const long = Array.from({ length: 600 }, (_, i) => `A${i + 1}`).join(",");
    await expectRichApiError(onSheet(sim, async (ws) => void (ws.getRanges(long).format.fill.color = "#FFC7CE")), "InvalidArgument");
    await expectRichApiError(createSimulatedExcel(smallBook(), { apiVersion: "1.8" }).run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRanges("A1,B2").format.fill.clear();
      await context.sync();
    }), "ApiNotFound");
  });

  it("merges keeping the top-left value, and reports merged areas (1.13)", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws, context) => {
      ws.getRange("A3:B3").merge(false);
      ws.getRange("A5:C6").merge(true);
      const areas = ws.getRange("A1:C9").getMergedAreasOrNullObject();
      areas.load("address, areaCount");
      const none = ws.getRange("E1:F2").getMergedAreasOrNullObject();
      await context.sync();
      expect(areas.isNullObject).toBe(false);
      expect(areas.address).toBe("'Cán bộ'!A3:B3,'Cán bộ'!A5:C5,'Cán bộ'!A6:C6");
      expect(areas.areaCount).toBe(3);
      expect(none.isNullObject).toBe(true);
    });
    expect([sim.getValue(SHEET, 3, 1), sim.getValue(SHEET, 3, 2)]).toEqual(["Nguyễn Văn An", ""]);
    expect(sim.sheetInfo(SHEET).merges).toEqual(["A3:B3", "A5:C5", "A6:C6"]);
  });

  it("clears contents, formats or both; whole-sheet clear keeps charts", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws, context) => {
      ws.getRange("A1:C1").format.fill.color = "#FF0000";
      ws.getRange("A1:C1").merge();
      ws.charts.add("ColumnClustered", ws.getRange("A2:C4"), "Columns");
      await context.sync();
      ws.getRange("A2:A4").clear("Contents");
      await context.sync();
      expect(sim.getValue(SHEET, 2, 1)).toBe("");
      expect(sim.getFill(SHEET, 1, 1)).toBe("#FF0000");
      ws.getRange("A1").clear("Formats");
      await context.sync();
      expect(sim.getFill(SHEET, 1, 1)).toBeUndefined();
      expect(sim.sheetInfo(SHEET).merges).toEqual([]);
      ws.getRange().clear();
    });
    expect(sim.snapshot().sheets[0].values).toEqual([]);
    expect(sim.sheetInfo(SHEET).usedAddress).toBeNull();
    expect(sim.charts(SHEET)).toHaveLength(1);
  });

  it("adds list dropdowns, refusing sources over 255 characters", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws, context) => {
      ws.getRange("C3:C4").dataValidation.rule = { list: { inCellDropDown: true, source: "Bí thư,Phó bí thư,Chi ủy viên" } };
      const dv = ws.getRange("C3:C4").dataValidation.load("rule, type");
      await context.sync();
      expect(dv.type).toBe("List");
      expect(dv.rule.list).toEqual({ inCellDropDown: true, source: "Bí thư,Phó bí thư,Chi ủy viên" });
    });
    expect(sim.sheetInfo(SHEET).dropdowns).toEqual([{ address: "C3:C4", source: "Bí thư,Phó bí thư,Chi ủy viên" }]);
    const long = Array.from({ length: 40 }, (_, i) => `Xã số ${i}`).join(",");
    await expectRichApiError(onSheet(sim, async (ws) => void (ws.getRange("D1").dataValidation.rule = { list: { inCellDropDown: true, source: long } })), "InvalidArgument");
  });

  it("selects a range and reads it back through getSelectedRange", async () => {
    const sim = createSimulatedExcel(smallBook());
    const changes: number[] = [];
    sim.onChange(() => changes.push(1));
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Sinh hoạt").getRange("C4:C5").select();
      await context.sync();
      const sel = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(sel.address).toBe("'Sinh hoạt'!C4:C5");
    });
    expect(sim.selection()).toEqual({ sheet: "Sinh hoạt", address: "C4:C5" });
    expect(sim.activeSheet()).toBe("Sinh hoạt");
    expect(changes.length).toBeGreaterThan(0);
  });

  it("sets hyperlinks", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws, context) => {
      ws.getRange("E1").hyperlink = { documentReference: "'Sinh hoạt'!B3", textToDisplay: "Xem" };
      const h = ws.getRange("E1").load("hyperlink");
      await context.sync();
      expect(h.hyperlink).toEqual({ documentReference: "'Sinh hoạt'!B3", textToDisplay: "Xem" });
    });
    expect(sim.getValue(SHEET, 1, 5)).toBe("Xem");
  });
});

describe("formatting whole columns and sheets", () => {
  it("formats and reads back a whole column or sheet without visiting every cell", async () => {
    const sim = createSimulatedExcel(smallBook());
    await onSheet(sim, async (ws, context) => {
      ws.getRange("B:B").format.font.bold = true;
      ws.getRange().format.wrapText = true;
      const col = ws.getRange("B:B").format.font.load("bold");
      const sheet = ws.getRange().format.load("wrapText");
      const beyond = ws.getRange("Z:Z").format.font.load("bold");
      await context.sync();
      expect(col.bold).toBe(true);
      expect(sheet.wrapText).toBe(true);
      expect(beyond.bold).toBe(false);
    });
    expect(sim.getFormat(SHEET, 3, 2).bold).toBe(true);
    expect(sim.getFormat(SHEET, 4, 3).wrapText).toBe(true);
    expect(sim.getFormat(SHEET, 500_000, 2)).toEqual({ bold: true, wrapText: true });
    expect(sim.sheetData(SHEET).values.length).toBe(4);
  });
});
