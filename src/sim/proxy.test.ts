import { createSimulatedExcel } from "./index";
import { parseLoadSpec } from "./proxy";
import { expectRichApiError, smallBook } from "./testUtil";

describe("proxy objects and sync", () => {
  it("throws PropertyNotLoaded for a property read before load and sync", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Cán bộ").getRange("A1:C2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded", name: "RichApi.Error" }));
      range.load("values");
      // Loaded but not yet synced: still unreadable.
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["DANH SÁCH CÁN BỘ", "", ""], ["Họ và tên", "Ngày sinh", "Chức vụ"]]);
      // Only what was loaded.
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("accepts every load form", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Cán bộ");
      const a = ws.getRange("A2").load("values, address");
      const b = ws.getRange("B2").load(["values", "rowCount"]);
      const c = ws.getRange("C2").load({ values: true, format: { fill: { color: true }, font: { bold: true } } });
      const d = ws.getRange("A3").load({ select: "text, columnIndex" });
      const e = ws.getRange("A4").load("format/font/bold");
      await context.sync();
      expect([a.values, a.address]).toEqual([[["Họ và tên"]], "'Cán bộ'!A2"]);
      expect([b.values, b.rowCount]).toEqual([[["Ngày sinh"]], 1]);
      expect([c.values, c.format.fill.color, c.format.font.bold]).toEqual([[["Chức vụ"]], "#FFFFFF", false]);
      expect([d.text, d.columnIndex]).toEqual([[["Nguyễn Văn An"]], 0]);
      expect(e.format.font.bold).toBe(false);
      expect(() => e.format.font.color).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("parses load specs into trees", () => {
    const t = parseLoadSpec("items/name, items/id,values");
    expect([...t.props.keys()]).toEqual(["items", "values"]);
    const items = t.props.get("items");
    expect(items !== true && [...items!.props.keys()]).toEqual(["name", "id"]);
    expect(parseLoadSpec(undefined).all).toBe(true);
  });

  it("runs queued operations in order at sync, and loads see earlier writes", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Cán bộ").getRange("E1");
      r.values = [["một"]];
      const before = r.load("values");
      expect(sim.getValue("Cán bộ", 1, 5)).toBe(""); // nothing runs before sync
      await context.sync();
      expect(before.values).toEqual([["một"]]);
      r.values = [["hai"]];
      r.load("values");
      r.values = [["ba"]];
      await context.sync();
      // The last write in queue order is what the cell keeps.
      expect(sim.getValue("Cán bộ", 1, 5)).toBe("ba");
    });
  });

  it("gives isNullObject for ...OrNullObject after sync", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
      const present = context.workbook.worksheets.getItemOrNullObject("cán bộ");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("fails getItem of a missing sheet at sync with ItemNotFound", async () => {
    const sim = createSimulatedExcel(smallBook());
    await expectRichApiError(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Không có").load("name");
        await context.sync();
      }),
      "ItemNotFound",
    );
  });

  it("syncs what is left queued when the batch returns, and counts syncs", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("Cán bộ").getRange("F1").values = [["cuối"]];
    });
    expect(sim.getValue("Cán bộ", 1, 6)).toBe("cuối");
    expect(sim.counters.syncs).toBe(1);
    await sim.run(async (context) => {
      await context.sync(); // nothing queued: no round trip
    });
    expect(sim.counters.syncs).toBe(1);
    expect(sim.counters.bytesSent).toBeGreaterThan(0);
    sim.counters.reset();
    expect(sim.counters).toMatchObject({ syncs: 0, bytesSent: 0, bytesReceived: 0, maxRequestBytes: 0, maxResponseBytes: 0 });
  });

  it("refuses a batch that returns no promise, as Office.js does", async () => {
    const sim = createSimulatedExcel(smallBook());
    const notAsync = ((context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Cán bộ").getRange("A1").values = [["x"]];
    }) as unknown as (context: Excel.RequestContext) => Promise<void>;
    await expectRichApiError(sim.run(notAsync), "RunMustReturnPromise");
    expect(sim.getValue("Cán bộ", 1, 1)).toBe("DANH SÁCH CÁN BỘ");
  });

  it("refuses a proxy's context after its run ended", async () => {
    const sim = createSimulatedExcel(smallBook());
    let saved: Excel.RequestContext | undefined;
    await sim.run(async (context) => {
      saved = context;
    });
    saved!.workbook.worksheets.load("items");
    await expectRichApiError(saved!.sync(), "InvalidObjectPath");
  });

  it("keeps writes made before a failing operation, and delivers no loads", async () => {
    const sim = createSimulatedExcel(smallBook());
    let loaded: Excel.Range | undefined;
    await expectRichApiError(
      sim.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Cán bộ");
        ws.getRange("G1").values = [["trước"]];
        loaded = ws.getRange("A1").load("values");
        ws.getRange("G2").values = [["a", "b"]]; // wrong shape
        ws.getRange("G3").values = [["sau"]];
        await context.sync();
      }),
      "InvalidArgument",
    );
    expect(sim.getValue("Cán bộ", 1, 7)).toBe("trước");
    expect(sim.getValue("Cán bộ", 3, 7)).toBe("");
    expect(() => loaded!.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  it("returns ClientResult values after sync", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(count.value).toBe(2);
    });
  });

  it("loads collections with items and their properties", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility,items/position");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility, s.position])).toEqual([["Cán bộ", "Visible", 0], ["Sinh hoạt", "Visible", 1]]);
      expect(sheets.items[0].id).toMatch(/^\{/);
      const names = context.workbook.worksheets.load("name");
      await context.sync();
      expect(names.items.map((s) => s.name)).toEqual(["Cán bộ", "Sinh hoạt"]);
    });
  });
});

describe("navigation properties", () => {
  it("loads through paths and reads back through the same navigation objects", async () => {
    const sim = createSimulatedExcel(smallBook());
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Cán bộ");
      const r = ws.getRange("A1:B2").load("worksheet/name, format/fill/color");
      const chart = ws.charts.add("Line", ws.getRange("A2:C4"), "Columns");
      chart.load("name, series/items/name, worksheet/name");
      await context.sync();
      expect(r.worksheet.name).toBe("Cán bộ");
      expect(r.format.fill.color).toBe("#FFFFFF");
      expect(chart.worksheet.name).toBe("Cán bộ");
      expect(chart.name).toBe("Chart 1");
      expect(chart.series.items.map((s) => s.name)).toEqual(["Ngày sinh", "Chức vụ"]);
    });
  });
});
