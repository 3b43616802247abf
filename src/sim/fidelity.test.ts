/**
 * Limits of the real Excel JavaScript API that the simulator was not taught at
 * first (see src/excel/README.md for the sources).
 */
import { createSimulatedExcel } from ".";
import { expectRichApiError } from "./testUtil";
import { MAX_MERGED_AREAS } from "./range";
import { MAX_SETTINGS_BYTES } from "./workbook";
import type { WorkbookData } from "../core/model/values";

/** A sheet of `n` two-cell merged areas, one per row ("A1:B1", "A2:B2", …). */
function mergedBook(n: number): WorkbookData {
  return {
    sheets: [{ name: "Trang", originRow: 1, originCol: 1, values: Array.from({ length: n }, (_, i) => [`Hàng ${i + 1}`, ""]), merges: Array.from({ length: n }, (_, i) => `A${i + 1}:B${i + 1}`) }],
  };
}

describe("getMergedAreasOrNullObject", () => {
  it(`answers up to ${MAX_MERGED_AREAS} merged areas`, async () => {
    const sim = createSimulatedExcel(mergedBook(MAX_MERGED_AREAS), { apiVersion: "1.13" });
    const count = await sim.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("Trang").getRange("A:B").getMergedAreasOrNullObject();
      areas.load("areaCount");
      await context.sync();
      return areas.areaCount;
    });
    expect(count).toBe(MAX_MERGED_AREAS);
  });

  it("fails over 512 merged areas, as the reference says", async () => {
    const sim = createSimulatedExcel(mergedBook(MAX_MERGED_AREAS + 1), { apiVersion: "1.13" });
    await expectRichApiError(
      sim.run(async (context) => {
        const areas = context.workbook.worksheets.getItem("Trang").getRange("A:B").getMergedAreasOrNullObject();
        areas.load("address");
        await context.sync();
      }),
      "GeneralException",
    );
  });
});

describe("workbook settings", () => {
  const book: WorkbookData = { sheets: [{ name: "Trang", originRow: 1, originCol: 1, values: [["x"]] }] };

  it("refuses (InvalidArgument) a setting that would take an add-in's settings over 1,000,000 bytes of UTF-8, keeping what was there", async () => {
    const sim = createSimulatedExcel(book, { apiVersion: "1.17" });
    const half = "ư".repeat(MAX_SETTINGS_BYTES / 4);
    await sim.run(async (context) => {
      context.workbook.settings.add("one", half);
      await context.sync();
    });
    await expectRichApiError(
      sim.run(async (context) => {
        context.workbook.settings.add("two", half);
        await context.sync();
      }),
      "InvalidArgument",
    );
    const kept = await sim.run(async (context) => {
      const one = context.workbook.settings.getItemOrNullObject("one");
      const two = context.workbook.settings.getItemOrNullObject("two");
      one.load("value");
      two.load("value");
      await context.sync();
      return { one: (one.value as string).length, two: two.isNullObject };
    });
    expect(kept).toEqual({ one: half.length, two: true });
  });

  it("measures a replaced setting by its new value only", async () => {
    const sim = createSimulatedExcel(book, { apiVersion: "1.17" });
    const big = "a".repeat(MAX_SETTINGS_BYTES * 0.75);
    const length = await sim.run(async (context) => {
      context.workbook.settings.add("one", big);
      await context.sync();
      const again = context.workbook.settings.add("one", big + "b");
      again.load("value");
      await context.sync();
      return (again.value as string).length;
    });
    expect(length).toBe(big.length + 1);
  });
});
