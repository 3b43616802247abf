/**
 * Reading sheets whose rows grow wider as they go, the case that broke the old
 * chunking (sized once from the first 100 rows): Excel refuses any request or
 * response over 5 MB, and the simulated Excel does the same.
 */
import { createSimulatedExcel } from "../../src/sim";
import type { CellValue, WorkbookData } from "../../src/core/model";
import { createExcelOperations, HostError } from "../../src/excel";
import { measureRows } from "../../src/excel/read";
import { API_VERSIONS, hostOf } from "./helpers";

/** The adapter on a simulated Excel, counting the syncs Excel refused as too large. */
function watched(workbook: WorkbookData, apiVersion: string) {
  const sim = createSimulatedExcel(workbook, { apiVersion });
  const refused: string[] = [];
  const host = hostOf(sim);
  const ops = createExcelOperations({
    ...host,
    run: (batch) =>
      host.run((context) => {
        const sync = context.sync.bind(context);
        context.sync = (async <T>(passThroughValue?: T) => {
          try {
            return await sync(passThroughValue);
          } catch (e) {
            refused.push(String((e as { code?: unknown }).code));
            throw e;
          }
        }) as typeof context.sync;
        return batch(context);
      }),
  });
  return { sim, ops, refused };
}

function sheet(name: string, values: CellValue[][]): WorkbookData {
  return { sheets: [{ name, originRow: 1, originCol: 1, values }] };
}

describe.each(API_VERSIONS)("ExcelApi %s", (apiVersion) => {
  it("reads short rows followed by long text rows: the refused part is halved and read, nothing lost", async () => {
    // 2,000 rows of a few bytes, then 600 rows of 30,000 characters: ~18 MB of text no probe foresees.
    const long = (i: number) => `Nghị quyết số ${i}: ` + "Chi bộ sinh hoạt định kỳ hằng tháng. ".repeat(800);
    const values: CellValue[][] = [
      ...Array.from({ length: 2_000 }, (_, i): CellValue[] => [i + 1, "ngắn"]),
      ...Array.from({ length: 600 }, (_, i): CellValue[] => [2_001 + i, long(i)]),
    ];
    const { sim, ops, refused } = watched(sheet("Nghị quyết", values), apiVersion);
    const read = await ops.readWorkbook();
    expect(read.sheets[0].values).toEqual(values);
    // The first long chunk is refused and split; once measured, the rest is sized without refusals.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(10);
    expect(refused.every((c) => /PayloadSizeLimitExceeded/.test(c))).toBe(true);
    console.log(`ExcelApi ${apiVersion}, long text: ${sim.counters.syncs} syncs, ${refused.length} refused`);
  });

  it("reads a column of 1 … 1,048,576 (numbers growing from 1 to 7 digits) under 4 MB per response", async () => {
    const values = Array.from({ length: 1_048_576 }, (_, i): CellValue[] => [i + 1]);
    const { sim, ops, refused } = watched(sheet("Số", values), apiVersion);
    const read = await ops.readWorkbook();
    expect(read.sheets[0].values.length).toBe(1_048_576);
    expect(read.sheets[0].values[1_048_575]).toEqual([1_048_576]);
    expect(read.sheets[0].values[524_287]).toEqual([524_288]);
    expect(refused).toEqual([]);
    expect(sim.counters.maxResponseBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(sim.counters.syncs).toBeLessThanOrEqual(15);
    console.log(`ExcelApi ${apiVersion}, 1,048,576 rows: ${sim.counters.syncs} syncs, max response ${sim.counters.maxResponseBytes} B`);
  });
});

it("reads a sheet's formula mask through a refused chunk, telling text that starts with = from formulas", async () => {
  const long = "x".repeat(30_000);
  const values: CellValue[][] = [
    ...Array.from({ length: 300 }, (_, i): CellValue[] => [i, "=văn bản"]),
    ...Array.from({ length: 200 }, (_, i): CellValue[] => [i, long]),
  ];
  const { sim, ops, refused } = watched(sheet("Dữ liệu", values), "1.17");
  // A real formula in B1, text "=văn bản" (written with an apostrophe) below it.
  await sim.run(async (context) => {
    context.workbook.worksheets.getItem("Dữ liệu").getRange("B1").formulas = [["=1+1"]];
    await context.sync();
  });
  const read = await ops.readSheet("Dữ liệu");
  expect(refused.length).toBeGreaterThan(0);
  expect(read.values.length).toBe(500);
  expect(read.formulas![0]).toEqual([false, true]);
  expect(read.formulas!.slice(1).every((r) => r[1] === false)).toBe(true);
  expect(read.values[499][1]).toBe(long);
});

it("stops with the size error only when a single row is over Excel's limit", async () => {
  // One row of 60 cells of 30,000 three-byte letters: ~5.4 MB in one row.
  const row: CellValue[] = Array.from({ length: 60 }, () => "ệ".repeat(30_000));
  const { ops, refused } = watched(sheet("Quá lớn", [["Tiêu đề"], row]), "1.17");
  const error = await ops.readWorkbook().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).code).toBe("payloadTooLarge");
  expect((error as HostError).userText.vi).toMatch(/quá lớn/);
  // Halved down to the one row, then given up: a few refusals, not a loop.
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.length).toBeLessThanOrEqual(3);
});

describe("measureRows", () => {
  it("takes the wider of the average row and the chunk's last rows", () => {
    const rows = Array.from({ length: 1_000 }, (_, i): CellValue[] => [i < 900 ? "a" : "a".repeat(100)]);
    const tail = measureRows(rows.slice(900));
    expect(measureRows(rows)).toBeCloseTo(tail, 5);
    expect(measureRows(rows)).toBeGreaterThan(100);
    expect(measureRows([["ab"]])).toBe(JSON.stringify([["ab"]]).length);
  });
});
