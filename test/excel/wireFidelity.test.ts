/**
 * The simulator's byte count against Microsoft's own client, request by
 * request: each call pattern the adapter uses, and each adapter operation,
 * run once on the simulator alone and once through @microsoft/office-js
 * (answered by a second simulator). Same number of requests, and each within
 * 10 % of the real one (in practice the count is exact: src/sim/wireCost.ts
 * builds the same JSON the client does). So a test on the simulator alone is
 * as strict about Excel's 5 MB as Excel.
 */
import { createSimulatedExcel } from "../../src/sim";
import { OfficeJsClient, type RealClientHost } from "./officeClient";
import { createExcelOperations, type WorkbookOperations } from "../../src/excel";
import { planFindingsSheet, planSummarySheet, planTemplateSheets } from "../../src/core/plan";
import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { checkDataset } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { day, defaultSettings, type Finding, type WorkbookData } from "../../src/core/model";
import { fixRequests } from "../../src/app/flow";
import { hostOf, smallWorkbook, type Sim } from "./helpers";

jest.setTimeout(120_000);

let client: OfficeJsClient;
beforeAll(() => {
  client = new OfficeJsClient();
});

/** The requests of one piece of work on the simulator alone, and through the real client. */
async function both(workbook: WorkbookData, apiVersion: string, work: (ops: WorkbookOperations, run: Sim["run"]) => Promise<unknown>) {
  const alone = createSimulatedExcel(workbook, { apiVersion });
  await work(createExcelOperations(hostOf(alone)), alone.run);
  const host: RealClientHost = client.hostFor(createSimulatedExcel(workbook, { apiVersion }));
  await work(createExcelOperations(host), host.run as Sim["run"]);
  await host.settle();
  return { sim: alone.counters.requests, real: host.requests.map((r) => ({ bytes: r.bytes, cleanup: r.cleanup, error: r.error })) };
}

/** The largest gap between the two counts, as a fraction of the real request, over all requests seen. */
const worst = { gap: 0 };
afterAll(() => console.log(`simulator vs real client: largest gap ${(worst.gap * 100).toFixed(2)} % of a request`));

function expectAgreement(r: Awaited<ReturnType<typeof both>>): void {
  expect(r.real.filter((x) => x.error)).toEqual([]);
  const sim = r.sim.map((x) => x.bytes).sort((a, b) => a - b);
  const real = r.real.map((x) => x.bytes).sort((a, b) => a - b);
  // Cleanup requests go out after the run without being awaited, so order is compared sorted.
  expect(sim.length).toBe(real.length);
  sim.forEach((b, i) => {
    worst.gap = Math.max(worst.gap, Math.abs(b - real[i]) / real[i]);
    expect(Math.abs(b - real[i])).toBeLessThanOrEqual(real[i] * 0.1);
  });
}

const patterns: Record<string, (run: Sim["run"]) => Promise<unknown>> = {
  "a load per cell through worksheets.getItem(…).getRange(…)": (run) =>
    run(async (ctx) => {
      for (let i = 1; i <= 300; i++) ctx.workbook.worksheets.getItem("Cán bộ").getRange(`B${i}`).load("values,formulas,numberFormat");
      await ctx.sync();
    }),
  "a write per cell": (run) =>
    run(async (ctx) => {
      for (let i = 1; i <= 300; i++) ctx.workbook.worksheets.getItem("Cán bộ").getRange(`B${i}`).values = [[`Nguyễn Văn ${i}`]];
      await ctx.sync();
    }),
  "a block over 1,500 cells (the client slices it)": (run) =>
    run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Cán bộ").getRange("A1:C4000").values = Array.from({ length: 4000 }, (_, i) => [i, "Đảng viên", i % 2 === 0]);
      await ctx.sync();
    }),
  "getRanges lists, areas loaded and filled": (run) =>
    run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Cán bộ");
      const list = Array.from({ length: 150 }, (_, i) => `C${3 + 2 * i}`).join(",");
      ws.getRanges(list).areas.load("items/values,items/format/fill/color,items/format/fill/tintAndShade");
      await ctx.sync();
      ws.getRanges(list).format.fill.color = "#FFC7CE";
      await ctx.sync();
    }),
  "settings, sheets, a chart, borders, a dropdown": (run) =>
    run(async (ctx) => {
      ctx.workbook.settings.add("k", JSON.stringify({ a: 'x"y', b: "Tổng hợp" }));
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/id,items/visibility");
      const ws = sheets.add("Tổng hợp");
      ws.load("id");
      ws.getRange("A1:B3").values = [["a", "b"], ["x", 1], ["y", 2]];
      const chart = ws.charts.add("ColumnClustered", ws.getRange("A1:B3"), "Auto");
      chart.name = "c";
      chart.title.text = "Số chi bộ";
      chart.setPosition("D2", "J12");
      ws.freezePanes.freezeRows(1);
      ws.getRange("A1:B3").format.borders.getItem("EdgeTop").style = "Continuous";
      ws.getRange("C1:C9").dataValidation.rule = { list: { inCellDropDown: true, source: "Đạt,Không đạt" } };
      await ctx.sync();
    }),
};

describe("the simulator counts each call pattern's request as the real client builds it (within 10 %)", () => {
  it.each(Object.keys(patterns))("%s", async (name) => {
    const r = await both(smallWorkbook(), "1.17", (_ops, run) => patterns[name](run));
    expectAgreement(r);
  });
});

const finding = (sheet: string, address: string, value: Finding["value"], severity: Finding["severity"] = "error"): Finding => {
  const column = address.replace(/\d+/g, "");
  return { rule: "required", severity, sheet, address, row: Number(address.slice(column.length)), column, value, message: { vi: "", en: "" }, fix: null };
};

describe.each(["1.17", "1.12", "1.7"])("each adapter operation agrees with the real client, ExcelApi %s", (apiVersion) => {
  const commune = generateSample({ size: "commune" as never, seed: 3, defects: true }).workbook;

  it("read, check, summary sheet, template sheets, findings sheet", async () => {
    const r = await both(commune, apiVersion, async (ops) => {
      const read = await ops.readWorkbook();
      const { tables, dataset } = understand(read);
      const settings = defaultSettings(day(2026, 1, 15));
      const findings = checkDataset(dataset, tables, settings, { kind: "year", year: 2025 });
      await ops.applyPlan(planSummarySheet(summarize(dataset, { kind: "year", year: 2025 }, settings)));
      await ops.applyPlan(planTemplateSheets());
      await ops.applyPlan(planFindingsSheet(findings, "vi"));
      await ops.listSheets();
    });
    expectAgreement(r);
  });

  it("highlight, clear, fixes (dates too), undo, select, settings", async () => {
    const r = await both(commune, apiVersion, async (ops) => {
      const read = await ops.readWorkbook();
      const { tables, dataset } = understand(read);
      const findings = checkDataset(dataset, tables, defaultSettings(day(2026, 1, 15)), { kind: "year", year: 2025 });
      await ops.highlight(findings);
      await ops.clearHighlights();
      await ops.applyFixes(fixRequests(findings));
      await ops.canUndoFixes();
      await ops.undoFixes();
      await ops.select(findings[0].sheet, findings[0].address);
      await ops.saveSettings("mappings", { cadres: { name: "B" } });
      await ops.loadSettings("mappings");
    });
    expectAgreement(r);
  });

  it("highlight and fixes on the small workbook", async () => {
    const r = await both(smallWorkbook(), apiVersion, async (ops) => {
      await ops.highlight([finding("Cán bộ", "C3", 23012), finding("Cán bộ", "D4", "Đại học", "warning")]);
      await ops.clearHighlights();
      await ops.applyFixes([{ sheet: "Cán bộ", address: "C4", expected: "31/02/1970", value: 25600, kind: "date" }]);
      await ops.undoFixes();
    });
    expectAgreement(r);
  });
});
