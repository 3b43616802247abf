import { createSimulatedExcel } from "./index";
import { expectRichApiError, smallBook } from "./testUtil";

describe("worksheets", () => {
  it("adds, renames, moves, hides, activates and deletes sheets", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add("Tổng hợp");
      added.load("name, position, id");
      await context.sync();
      expect([added.name, added.position]).toEqual(["Tổng hợp", 2]);
      added.position = 0;
      added.tabColor = "#00B050";
      added.activate();
      sheets.getItem("Sinh hoạt").visibility = "Hidden";
      const unnamed = sheets.add().load("name");
      const active = sheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(unnamed.name).toBe("Sheet4");
      expect(active.name).toBe("Tổng hợp");
      sheets.getItem(unnamed.name).delete();
      added.name = "Tổng hợp (2)";
      await context.sync();
    });
    expect(sim.sheetNames()).toEqual(["Tổng hợp (2)", "Cán bộ", "Sinh hoạt"]);
    expect(sim.sheetInfo("Tổng hợp (2)").tabColor).toBe("#00B050");
    expect(sim.snapshot().sheets[2].visibility).toBe("hidden");
  });

  it("refuses to hide or delete the last visible sheet, and to activate a hidden one", async () => {
    const sim = createSimulatedExcel({ sheets: [{ name: "A", originRow: 1, originCol: 1, values: [[1]] }, { name: "B", originRow: 1, originCol: 1, values: [], visibility: "hidden" }] });
    await expectRichApiError(sim.run(async (c) => void (c.workbook.worksheets.getItem("A").visibility = "Hidden")), "InvalidOperation");
    await expectRichApiError(sim.run(async (c) => c.workbook.worksheets.getItem("A").delete()), "InvalidOperation");
    await expectRichApiError(sim.run(async (c) => c.workbook.worksheets.getItem("B").activate()), "InvalidOperation");
    await expectRichApiError(sim.run(async (c) => c.workbook.worksheets.getItem("B").getRange("A1").select()), "InvalidOperation");
  });

  it("keeps a sheet id stable across renames and finds sheets by id", async () => {
    const sim = createSimulatedExcel(smallBook());
    const id = await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Cán bộ").load("id");
      await context.sync();
      ws.name = "Cán bộ (cũ)";
      return ws.id;
    });
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(id).load("name, id");
      await context.sync();
      expect([ws.name, ws.id]).toEqual(["Cán bộ (cũ)", id]);
    });
  });

  it("freezes panes and protects sheets", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Cán bộ");
      ws.freezePanes.freezeRows(2);
      await context.sync();
      expect(sim.sheetInfo("Cán bộ").freeze).toEqual({ rows: 2, cols: 0 });
      ws.freezePanes.freezeAt(ws.getRange("A1:B2"));
      const loc = ws.freezePanes.getLocationOrNullObject().load("address");
      await context.sync();
      expect(sim.sheetInfo("Cán bộ").freeze).toEqual({ rows: 2, cols: 2 });
      expect(loc.isNullObject).toBe(false);
      ws.protection.protect();
      const p = ws.protection.load("protected");
      await context.sync();
      expect(p.protected).toBe(true);
      ws.protection.unprotect();
      ws.getRange("A1").values = [["sửa được"]];
    });
    expect(sim.getValue("Cán bộ", 1, 1)).toBe("sửa được");
  });

  it("keeps worksheet custom properties (1.12) and refuses them below", async () => {
    const sim = createSimulatedExcel(smallBook(), { apiVersion: "1.12" });
    await sim.run(async (context) => {
      const props = context.workbook.worksheets.getItem("Cán bộ").customProperties;
      props.add("chibo.purpose", "summary");
      const got = props.getItemOrNullObject("CHIBO.PURPOSE").load("value");
      const missing = props.getItemOrNullObject("khác");
      await context.sync();
      expect(got.value).toBe("summary");
      expect(missing.isNullObject).toBe(true);
    });
    expect(sim.sheetInfo("Cán bộ").customProperties).toEqual({ "chibo.purpose": "summary" });
    const old = createSimulatedExcel(smallBook(), { apiVersion: "1.11" });
    await expectRichApiError(old.run(async (c) => void c.workbook.worksheets.getItem("Cán bộ").customProperties.add("a", "b")), "ApiNotFound");
  });

  it("has minimal tables", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Cán bộ");
      const t = ws.tables.add("A2:C4", true);
      t.load("name");
      const body = t.getDataBodyRange().load("address");
      await context.sync();
      expect(t.name).toBe("Table1");
      expect(body.address).toBe("'Cán bộ'!A3:C4");
      const all = context.workbook.tables.load("items/name");
      await context.sync();
      expect(all.items.map((x) => x.name)).toEqual(["Table1"]);
    });
  });
});

describe("charts", () => {
  it("adds a named chart, finds it by name, updates it in place and deletes it", async () => {
    const sim = createSimulatedExcel({
      sheets: [{ name: "Tổng hợp", originRow: 1, originCol: 1, values: [["Xã", "Chi bộ", "Đảng viên"], ["Yên Lạc", 12, 340], ["Tam Dương", 9, 250]] }],
    });
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Tổng hợp");
      const existing = ws.charts.getItemOrNullObject("Biểu đồ chi bộ");
      await context.sync();
      expect(existing.isNullObject).toBe(true);
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:C3"), "Columns");
      chart.name = "Biểu đồ chi bộ";
      chart.title.text = "Số chi bộ theo xã";
      chart.setPosition("E2", "L20");
      await context.sync();
      const again = ws.charts.getItemOrNullObject("Biểu đồ chi bộ");
      again.load("name, chartType");
      const series = again.series.load("items/name");
      const count = again.series.getCount();
      const seriesCount = again.series.load("count");
      await context.sync();
      expect(again.isNullObject).toBe(false);
      expect([again.name, again.chartType]).toEqual(["Biểu đồ chi bộ", "ColumnClustered"]);
      expect(series.items.map((s) => s.name)).toEqual(["Chi bộ", "Đảng viên"]);
      expect(count.value).toBe(2);
      expect(seriesCount.count).toBe(2);
      again.setData(ws.getRange("A1:B3"), "Columns");
      again.chartType = "BarStacked";
      const first = again.series.getItemAt(0).load("name");
      await context.sync();
      expect(first.name).toBe("Chi bộ");
    });
    expect(sim.charts("Tổng hợp")).toEqual([
      { name: "Biểu đồ chi bộ", chartType: "BarStacked", title: "Số chi bộ theo xã", source: "'Tổng hợp'!A1:B3", seriesBy: "Columns", series: ["Chi bộ"], from: "E2", to: "L20" },
    ]);
    await sim.run(async (context) => context.workbook.worksheets.getItem("Tổng hợp").charts.getItem("Biểu đồ chi bộ").delete());
    expect(sim.charts("Tổng hợp")).toEqual([]);
    await expectRichApiError(sim.run(async (c) => c.workbook.worksheets.getItem("Tổng hợp").charts.getItem("Biểu đồ chi bộ").delete()), "ItemNotFound");
  });

  it("refuses unknown chart types", async () => {
    const sim = createSimulatedExcel(smallBook());
    await expectRichApiError(
      sim.run(async (c) => {
        const ws = c.workbook.worksheets.getItem("Cán bộ");
        ws.charts.add("Sparkle" as Excel.ChartType, ws.getRange("A1:B2"));
      }),
      "InvalidArgument",
    );
  });
});

describe("settings and application", () => {
  it("keeps workbook settings as JSON across runs (the pane closed and opened again)", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      context.workbook.settings.add("chibo.fills", { "Cán bộ!A1": "#FFFF00", n: [1, 2] });
      context.workbook.settings.add("chibo.fills", { replaced: true });
      context.workbook.settings.add("chibo.mapping", [{ col: 3 }]);
    });
    await sim.run(async (context) => {
      const s = context.workbook.settings.getItemOrNullObject("chibo.fills").load("value");
      const none = context.workbook.settings.getItemOrNullObject("khác");
      none.load("value");
      const all = context.workbook.settings.load("items/key");
      await context.sync();
      expect(s.value).toEqual({ replaced: true });
      expect(none.isNullObject).toBe(true);
      expect(all.items.map((i) => i.key)).toEqual(["chibo.fills", "chibo.mapping"]);
      context.workbook.settings.getItem("chibo.mapping").delete();
    });
    expect(sim.settings()).toEqual({ "chibo.fills": { replaced: true } });
    await expectRichApiError(sim.run(async (c) => void c.workbook.settings.add("x", undefined)), "InvalidArgument");
  });

  it("offers Office.context.document.settings, written only by saveAsync", async () => {
    const sim = createSimulatedExcel(smallBook());
    const settings = sim.officeContext.document.settings;
    settings.set("lang", "vi");
    expect(settings.get("lang")).toBe("vi");
    expect(sim.settings()).toEqual({});
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    expect(sim.settings()).toEqual({ lang: "vi" });
  });

  it("suspends calculation (a no-op that counts as a call) and reads the calculation mode", async () => {
    const sim = createSimulatedExcel(smallBook(), { apiVersion: "1.12" });
    await sim.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      const app = context.workbook.application.load("calculationMode");
      await context.sync();
      expect(app.calculationMode).toBe("Automatic");
    });
  });

  it("stores custom XML parts by namespace", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      context.workbook.customXmlParts.add('<marker xmlns="urn:chibo"><sheet id="1"/></marker>');
      const only = context.workbook.customXmlParts.getByNamespace("urn:chibo").getOnlyItemOrNullObject();
      await context.sync();
      expect(only.isNullObject).toBe(false);
      const xml = only.getXml();
      await context.sync();
      expect(xml.value).toContain('<sheet id="1"/>');
    });
  });

  it("installs global Excel and Office for code that uses them", async () => {
    const sim = createSimulatedExcel(smallBook());
    const uninstall = sim.installGlobals();
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.17")).toBe(true);
      expect(Excel.ChartType.columnClustered).toBe("ColumnClustered");
      const n = await Excel.run(async (context) => {
        const c = context.workbook.worksheets.getCount();
        await context.sync();
        return c.value;
      });
      expect(n).toBe(2);
    } finally {
      uninstall();
    }
    expect((globalThis as { Excel?: unknown }).Excel).toBeUndefined();
  });
});
