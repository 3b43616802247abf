import { MAX_ADDRESS_LENGTH } from "./address";
import { createSimulatedExcel } from "./index";
import { PAYLOAD_LIMIT_BYTES } from "./proxy";
import { expectRichApiError, smallBook } from "./testUtil";

/** The mistakes real Excel punishes, one test each. */
describe("Excel's limits and refusals", () => {
  it("rejects a values array of the wrong shape (InvalidArgument)", async () => {
    const sim = createSimulatedExcel(smallBook());
    const write = (values: unknown[][], address = "A1:B2") =>
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Cán bộ").getRange(address).values = values as any[][];
        await context.sync();
      });
    await expectRichApiError(write([[1, 2, 3], [4, 5, 6]]), "InvalidArgument");
    await expectRichApiError(write([[1, 2]]), "InvalidArgument");
    await expectRichApiError(write([[1, 2], [3]]), "InvalidArgument");
    await expectRichApiError(write([["x"]]), "InvalidArgument"); // a 1x1 array for a 2x2 range
    const shaped = sim.run(async (context) => {
      context.workbook.worksheets.getItem("Cán bộ").getRange("A1:B2").numberFormat = [["@"]];
      await context.sync();
    });
    await expectRichApiError(shaped, "InvalidArgument");
    const formulas = sim.run(async (context) => {
      context.workbook.worksheets.getItem("Cán bộ").getRange("A1").formulas = [["=1", "=2"]];
      await context.sync();
    });
    await expectRichApiError(formulas, "InvalidArgument");
    expect(sim.getValue("Cán bộ", 1, 1)).toBe("DANH SÁCH CÁN BỘ");
  });

  it("fails a request over 5 MB with RequestPayloadSizeLimitExceeded, before changing anything", async () => {
    const sim = createSimulatedExcel({ sheets: [{ name: "S", originRow: 1, originCol: 1, values: [] }] });
    const rows = 90_000;
    const big = Array.from({ length: rows }, (_, i) => [`Nguyễn Văn ${i}`, "Đảng viên chính thức", `Chi bộ số ${i % 40}`, i]);
    const err = await expectRichApiError(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange(`A1:D${rows}`).values = big;
        await context.sync();
      }),
      "RequestPayloadSizeLimitExceeded",
    );
    expect(err.message).toMatch(/payload/);
    expect(sim.counters.maxRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(sim.getValue("S", 1, 1)).toBe("");
    // Half of it fits.
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange(`A1:D${rows / 2}`).values = big.slice(0, rows / 2);
      await context.sync();
    });
    expect(sim.getValue("S", rows / 2, 1)).toBe(`Nguyễn Văn ${rows / 2 - 1}`);
  });

  it("fails a response over 5 MB with ResponsePayloadSizeLimitExceeded", async () => {
    const rows = 90_000;
    const values = Array.from({ length: rows }, (_, i) => [`Nguyễn Văn ${i}`, "Đảng viên chính thức", `Chi bộ số ${i % 40}`, i]);
    const sim = createSimulatedExcel({ sheets: [{ name: "S", originRow: 1, originCol: 1, values }] });
    let range: Excel.Range | undefined;
    await expectRichApiError(
      sim.run(async (context) => {
        range = context.workbook.worksheets.getItem("S").getUsedRange().load("values");
        await context.sync();
      }),
      "ResponsePayloadSizeLimitExceeded",
    );
    expect(() => range!.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    expect(sim.counters.maxResponseBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    // In two chunks it works.
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const a = ws.getRangeByIndexes(0, 0, rows / 2, 4).load("values");
      await context.sync();
      const b = ws.getRangeByIndexes(rows / 2, 0, rows / 2, 4).load("values");
      await context.sync();
      expect(a.values.length + b.values.length).toBe(rows);
    });
  });

  it("fails an address over 8,192 characters", async () => {
    const sim = createSimulatedExcel(smallBook());
    const cells = Array.from({ length: 1200 }, (_, i) => `$A$${i + 1}`).join(",");
    expect(cells.length).toBeGreaterThan(MAX_ADDRESS_LENGTH);
    const long = cells;
    await expectRichApiError(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Cán bộ").getRange(long).load("values");
        await context.sync();
      }),
      "InvalidArgument",
    );
    // A multi-area address is no single range either.
    await expectRichApiError(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Cán bộ").getRange("A1,B2").load("values");
        await context.sync();
      }),
      "InvalidArgument",
    );
  });

  it("fails a read of more than 5,000,000 cells in one load", async () => {
    const sim = createSimulatedExcel(smallBook());
    await expectRichApiError(
      sim.run(async (context) => {
        context.workbook.worksheets.getItem("Cán bộ").getRange("A:E").load("values"); // 5 x 1,048,576
        await context.sync();
      }),
      "RangeExceedsLimit",
    );
    // Its address and size are fine to ask for.
    await sim.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Cán bộ").getRange("A:E").load("address, cellCount");
      await context.sync();
      expect([r.address, r.cellCount]).toEqual(["'Cán bộ'!A:E", 5 * 1_048_576]);
    });
  });

  describe("sheet names", () => {
    const add = (sim: ReturnType<typeof createSimulatedExcel>, name: string) =>
      sim.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });

    it.each([
      ["too long", "Tổng hợp chi bộ theo từng xã năm 2025"],
      ["blank", "   "],
      ["empty", ""],
      ["with /", "Tháng 1/2025"],
      ["with :", "Kết quả: xã"],
      ["with [", "[Tổng hợp]"],
      ["with *", "Tổng*"],
      ["with ?", "Tổng?"],
      ["with \\", "A\\B"],
      ["starting with an apostrophe", "'Tổng"],
    ])("refuses a name %s", async (_why, name) => {
      await expectRichApiError(add(createSimulatedExcel(smallBook()), name), "InvalidArgument");
    });

    it("refuses a duplicate name, without regard to case (Vietnamese capitals too)", async () => {
      const sim = createSimulatedExcel(smallBook());
      await expectRichApiError(add(sim, "CÁN BỘ"), "ItemAlreadyExists");
      await expectRichApiError(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("Sinh hoạt").name = "cán bộ";
          await context.sync();
        }),
        "ItemAlreadyExists",
      );
    });

    it("accepts 31 characters and Vietnamese letters", async () => {
      const sim = createSimulatedExcel(smallBook());
      const name = "Tổng hợp sinh hoạt chi bộ 2025"; // 30
      await add(sim, name);
      await add(sim, "x".repeat(31));
      expect(sim.sheetNames()).toEqual(["Cán bộ", "Sinh hoạt", name, "x".repeat(31)]);
    });
  });

  describe("protected sheets", () => {
    const writes: Array<[string, (ws: Excel.Worksheet) => void]> = [
      ["values", (ws) => (ws.getRange("A1").values = [["x"]])],
      ["formulas", (ws) => (ws.getRange("A1").formulas = [["=1"]])],
      ["numberFormat", (ws) => (ws.getRange("A1").numberFormat = [["@"]])],
      ["fill", (ws) => (ws.getRange("A1").format.fill.color = "#FFC7CE")],
      ["fill.clear", (ws) => ws.getRange("A1").format.fill.clear()],
      ["font", (ws) => (ws.getRange("A1").format.font.bold = true)],
      ["columnWidth", (ws) => (ws.getRange("A1").format.columnWidth = 100)],
      ["clear", (ws) => ws.getRange("A1").clear()],
      ["merge", (ws) => ws.getRange("A1:B1").merge(false)],
      ["border", (ws) => (ws.getRange("A1").format.borders.getItem("EdgeTop").style = "Continuous")],
      ["dataValidation", (ws) => (ws.getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } })],
      ["setCellProperties", (ws) => ws.getRange("A1").setCellProperties([[{ format: { fill: { color: "#FF0000" } } }]])],
      ["chart", (ws) => ws.charts.add("Line", ws.getRange("A1:B3"), "Columns")],
    ];

    it.each(writes)("fails %s with AccessDenied", async (_what, write) => {
      const sim = createSimulatedExcel(smallBook(), { protectedSheets: ["Cán bộ"] });
      await expectRichApiError(
        sim.run(async (context) => {
          write(context.workbook.worksheets.getItem("Cán bộ"));
          await context.sync();
        }),
        "AccessDenied",
      );
      expect(sim.getValue("Cán bộ", 1, 1)).toBe("DANH SÁCH CÁN BỘ");
      expect(sim.getFormat("Cán bộ", 1, 1)).toEqual({});
    });

    it("still reads, selects and writes other sheets; protectSheet works later too", async () => {
      const sim = createSimulatedExcel(smallBook());
      sim.protectSheet("Sinh hoạt");
      await sim.run(async (context) => {
        const p = context.workbook.worksheets.getItem("Sinh hoạt").protection.load("protected");
        const r = context.workbook.worksheets.getItem("Sinh hoạt").getUsedRange().load("values");
        context.workbook.worksheets.getItem("Sinh hoạt").getRange("B3").select();
        context.workbook.worksheets.getItem("Cán bộ").getRange("E1").values = [["ok"]];
        await context.sync();
        expect(p.protected).toBe(true);
        expect(r.values[0]).toEqual(["Tháng", "Số đảng viên"]);
      });
      expect(sim.selection()).toEqual({ sheet: "Sinh hoạt", address: "B3" });
      await expectRichApiError(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("Sinh hoạt").getRange("B3").values = [[1]];
        }),
        "AccessDenied",
      );
    });

    it("lets unlocked cells change, as Excel does", async () => {
      const sim = createSimulatedExcel(smallBook());
      await sim.run(async (context) => {
        context.workbook.worksheets.getItem("Cán bộ").getRange("D1").format.protection.locked = false;
      });
      sim.protectSheet("Cán bộ");
      await sim.run(async (context) => {
        context.workbook.worksheets.getItem("Cán bộ").getRange("D1").values = [["điền"]];
      });
      expect(sim.getValue("Cán bộ", 1, 4)).toBe("điền");
    });
  });

  describe("API versions", () => {
    it("throws ApiNotFound on 1.12 for APIs of later sets, and answers isSetSupported", async () => {
      const sim = createSimulatedExcel(smallBook(), { apiVersion: "1.12" });
      expect(sim.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
      expect(sim.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
      expect(sim.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
      expect(sim.office.isSetSupported("excelapi", 1.1)).toBe(true);
      expect(sim.requirements.isSetSupported("WordApi", "1.1")).toBe(false);
      await expectRichApiError(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("Cán bộ").getRange("A1:C3").getMergedAreasOrNullObject().load("address");
          await context.sync();
        }),
        "ApiNotFound",
      );
      await expectRichApiError(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("Cán bộ").getRange("A1").format.fill.load("pattern");
          await context.sync();
        }),
        "ApiNotFound",
      );
      await expectRichApiError(
        sim.run(async (context) => {
          context.workbook.worksheets.getItem("Cán bộ").getRange("A1").load("valuesAsJson");
          await context.sync();
        }),
        "ApiNotFound",
      );
      // 1.9 is inside 1.12.
      await sim.run(async (context) => {
        const props = context.workbook.worksheets.getItem("Cán bộ").getRange("A1").getCellProperties({ format: { fill: { color: true } } });
        await context.sync();
        expect(props.value).toEqual([[{ format: { fill: { color: "#FFFFFF" } } }]]);
      });
    });

    it("throws ApiNotFound for getCellProperties, setCellProperties and screen updating below 1.9", async () => {
      const sim = createSimulatedExcel(smallBook(), { apiVersion: "1.8" });
      const cases: Array<(c: Excel.RequestContext) => void> = [
        (c) => c.workbook.worksheets.getItem("Cán bộ").getRange("A1").getCellProperties({ format: { fill: { color: true } } }),
        (c) => c.workbook.worksheets.getItem("Cán bộ").getRange("A1").setCellProperties([[{ format: { fill: { color: "#FF0000" } } }]]),
        (c) => c.workbook.application.suspendScreenUpdatingUntilNextSync(),
      ];
      for (const make of cases) {
        await expectRichApiError(
          sim.run(async (context) => {
            make(context);
            await context.sync();
          }),
          "ApiNotFound",
        );
      }
      expect(sim.getFill("Cán bộ", 1, 1)).toBeUndefined();
    });

    it("throws ApiNotFound below 1.6 for suspendApiCalculationUntilNextSync and below 1.7 for freeze panes", async () => {
      const sim = createSimulatedExcel(smallBook(), { apiVersion: "1.5" });
      await expectRichApiError(sim.run(async (c) => c.workbook.application.suspendApiCalculationUntilNextSync()), "ApiNotFound");
      await expectRichApiError(sim.run(async (c) => c.workbook.worksheets.getItem("Cán bộ").freezePanes.freezeRows(2)), "ApiNotFound");
      await expectRichApiError(sim.run(async (c) => void (c.workbook.worksheets.getItem("Cán bộ").tabColor = "#FF0000")), "ApiNotFound");
    });
  });
});
