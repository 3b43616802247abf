/**
 * The adapter on the province sample in the simulated Excel: round trips, bytes
 * and time for read, summary write, highlight of 10,000 findings, and clear.
 * Budgets: read + summary write <= 30 syncs, highlight <= 3 syncs, no request or
 * response over 4 MB, read under 8 s and highlight under 3 s of wall time (the
 * simulator's own work included) on the project's 2-core machine. And one
 * column of 1 … 1,048,576 (rows widening from 1 to 7 digits): read in at most
 * 15 syncs, each response under 4 MB, under 5 s.
 * Run: npx tsx bench/adapter.bench.ts  (exits 1 when a budget is broken)
 */
import { performance } from "node:perf_hooks";
import { generateSample } from "../src/core/sample";
import { understand } from "../src/core/understand";
import { summarize } from "../src/core/summary";
import { planSummarySheet } from "../src/core/plan";
import { day, defaultSettings, type Finding } from "../src/core/model";
import { createSimulatedExcel } from "../src/sim";
import { createExcelOperations } from "../src/excel";
import type { CellValue, WorkbookData } from "../src/core/model";

/** The simulated Excel as the adapter's host, as the demo page builds it. */
function setup(workbook: WorkbookData, apiVersion: string) {
  const sim = createSimulatedExcel(workbook, { apiVersion });
  const ops = createExcelOperations({ run: sim.run, isSetSupported: (set, version) => sim.requirements.isSetSupported(set, version) });
  return { sim, ops };
}

const FOUR_MB = 4 * 1024 * 1024;
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
      return { rule: "required", severity: "error", sheet: "Sinh hoạt", address: `${column}${row}`, row, column, value: null, message: "", messageEn: "", fix: null };
    });
    sim.counters.reset();
    t = performance.now();
    await ops.highlight(findings);
    budget("highlight 10,000 syncs", sim.counters.syncs, 3, "syncs");
    budget("highlight 10,000 time", performance.now() - t, 3000, "ms");
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
  return failed;
}

main().then(
  (failed) => process.exit(failed > 0 ? 1 : 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
