/**
 * The adapter on the province sample in the simulated Excel: round trips, bytes
 * and time for read, summary write, highlight of 10,000 findings, and clear.
 * Budgets: read + summary write <= 30 syncs, highlight <= 3 syncs (4 before
 * ExcelApi 1.9), no request or response over 4,500,000 bytes, read under 8 s and highlight under 3 s of wall time (the
 * simulator's own work included) on the project's 2-core machine. And one
 * column of 1 … 1,048,576 (rows widening from 1 to 7 digits): read in at most
 * 15 syncs, each response under 4 MB, under 5 s.
 *
 * Then the province flow through Microsoft's own client (@microsoft/office-js in
 * jsdom, answered by the simulator): read, summary, highlight of 10,000 and of
 * every finding, clear, 20,000 fixes and their undo, findings export. Prints
 * the largest real request (and answer) of each operation; budget: none over
 * 4,500,000 bytes (Excel on the web refuses 5 MB), no request refused.
 * Run: npx tsx bench/adapter.bench.ts  (exits 1 when a budget is broken)
 */
import { performance } from "node:perf_hooks";
import { generateSample } from "../src/core/sample";
import { understand } from "../src/core/understand";
import { summarize } from "../src/core/summary";
import { planSummarySheet } from "../src/core/plan";
import { day, defaultSettings, type Finding } from "../src/core/model";
import { createSimulatedExcel } from "../src/sim";
import { OfficeJsClient } from "../test/excel/officeClient";
import { createExcelOperations } from "../src/excel";
import { checkDataset } from "../src/core/rules";
import { planFindingsSheet } from "../src/core/plan";
import { fixRequests } from "../src/app/flow";
import type { CellValue, WorkbookData } from "../src/core/model";

/** The simulated Excel as the adapter's host, as the demo page builds it. */
function setup(workbook: WorkbookData, apiVersion: string) {
  const sim = createSimulatedExcel(workbook, { apiVersion });
  const ops = createExcelOperations({ run: sim.run, isSetSupported: (set, version) => sim.requirements.isSetSupported(set, version) });
  return { sim, ops };
}

/** Every real request stays under this; Excel on the web refuses 5 MB. */
const FOUR_MB = 4_500_000;
const period = { kind: "year" as const, year: 2025 };

async function main(): Promise<number> {
  const province = generateSample({ size: "province", seed: 1, defects: false }).workbook;
  let failed = 0;
  const budget = (label: string, value: number, max: number, unit: string) => {
    const ok = value <= max;
    if (!ok) failed++;
    console.log(`${ok ? "ok  " : "FAIL"} ${label}: ${Math.round(value * 10) / 10} ${unit} (budget ${max})`);
  };
  for (const apiVersion of ["1.17", "1.12", "1.7"]) {
    console.log(`ExcelApi ${apiVersion}`);
    const { sim, ops } = setup(province, apiVersion);
    let t = performance.now();
    const read = await ops.readWorkbook();
    const readMs = performance.now() - t;
    const readSyncs = sim.counters.syncs;
    const { dataset } = understand(read);
    const plan = planSummarySheet(summarize(dataset, period, defaultSettings(day(2026, 1, 15))));
    t = performance.now();
    await ops.applyPlan(plan);
    const applyMs = performance.now() - t;
    budget("read syncs + summary syncs", sim.counters.syncs, 30, `syncs (read ${readSyncs})`);
    budget("read time", readMs, 8000, "ms");
    console.log(`     summary write: ${Math.round(applyMs)} ms`);
    budget("max request", sim.counters.maxRequestBytes, FOUR_MB, "B");
    budget("max response", sim.counters.maxResponseBytes, FOUR_MB, "B");
    const findings: Finding[] = Array.from({ length: 10_000 }, (_, i) => {
      const row = 2 + ((i * 13) % 150_000);
      const column = String.fromCharCode(66 + (i % 9));
      return { rule: "required", severity: "error", sheet: "Sinh hoạt", address: `${column}${row}`, row, column, value: null, message: { vi: "", en: "" }, fix: null };
    });
    sim.counters.reset();
    t = performance.now();
    await ops.highlight(findings);
    // Before ExcelApi 1.9 (no getRanges) every cell is a range of its own: about 10 MB on the wire, 4 syncs.
    const perCell = apiVersion === "1.7";
    budget("highlight 10,000 syncs", sim.counters.syncs, perCell ? 4 : 3, "syncs");
    budget("highlight 10,000 time", performance.now() - t, perCell ? 6000 : 3000, "ms");
    sim.counters.reset();
    t = performance.now();
    await ops.clearHighlights();
    console.log(`     clear: ${sim.counters.syncs} syncs, ${Math.round(performance.now() - t)} ms`);
  }
  console.log("1,048,576 rows in one column, ExcelApi 1.17");
  const column: CellValue[][] = Array.from({ length: 1_048_576 }, (_, i) => [i + 1]);
  const { sim, ops } = setup({ sheets: [{ name: "Số", originRow: 1, originCol: 1, values: column }] }, "1.17");
  const t = performance.now();
  const read = await ops.readWorkbook();
  budget("read time", performance.now() - t, 5000, "ms");
  budget("read syncs", sim.counters.syncs, 15, "syncs");
  budget("max response", sim.counters.maxResponseBytes, FOUR_MB, "B");
  budget("rows missing", 1_048_576 - read.sheets[0].values.length, 0, "rows");
  await realClient(budget);
  return failed;
}

/** The province flow through the real office.js client: the largest request of each operation. */
async function realClient(budget: (label: string, value: number, max: number, unit: string) => void): Promise<void> {
  console.log("Province through the real office.js client (@microsoft/office-js, excel-web-16.00.js), ExcelApi 1.17");
  const province = generateSample({ size: "province", seed: 1, defects: true }).workbook;
  const client = new OfficeJsClient();
  const host = client.hostFor(createSimulatedExcel(province, { apiVersion: "1.17" }));
  const ops = createExcelOperations(host);
  const settings = defaultSettings(day(2026, 1, 15));
  host.label("read");
  const read = await ops.readWorkbook();
  const { tables, dataset } = understand(read);
  const findings = checkDataset(dataset, tables, settings, period);
  host.label("summary sheet + charts");
  await ops.applyPlan(planSummarySheet(summarize(dataset, period, settings)));
  const step = findings.length / 10_000;
  host.label("highlight 10,000");
  await ops.highlight(Array.from({ length: 10_000 }, (_, i) => findings[Math.floor(i * step)]));
  host.label("clear 10,000");
  await ops.clearHighlights();
  host.label(`highlight all ${findings.length.toLocaleString("en-US")}`);
  await ops.highlight(findings);
  host.label("clear all");
  await ops.clearHighlights();
  host.label("20,000 fixes");
  const fixed = await ops.applyFixes(fixRequests(findings).slice(0, 20_000));
  host.label("undo 20,000");
  const undone = await ops.undoFixes();
  host.label("findings export");
  await ops.applyPlan(planFindingsSheet(findings, "vi"));
  await host.settle();
  const labels = [...new Set(host.requests.map((r) => r.label))];
  for (const label of labels) {
    const all = host.requests.filter((r) => r.label === label);
    const syncs = all.filter((r) => !r.cleanup).length;
    const largest = Math.max(...all.map((r) => r.bytes));
    const answer = Math.max(...all.map((r) => r.responseBytes));
    console.log(`     ${label.padEnd(26)} ${String(syncs).padStart(3)} syncs, largest request ${largest.toLocaleString("en-US").padStart(9)} B, largest answer ${answer.toLocaleString("en-US").padStart(9)} B`);
  }
  budget("largest real request", Math.max(...host.requests.map((r) => r.bytes)), FOUR_MB, "B");
  budget("real requests refused", host.requests.filter((r) => r.error).length, 0, "requests");
  budget("fixes not applied of 20,000", 20_000 - fixed.applied.length, 0, "fixes");
  budget("fixes not undone of 20,000", 20_000 - undone.applied.length, 0, "fixes");
  budget("highlight 10,000 syncs", host.syncs("highlight 10,000").length, 3, "syncs");
}

main().then(
  (failed) => process.exit(failed > 0 ? 1 : 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
