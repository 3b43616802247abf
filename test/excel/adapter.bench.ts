/**
 * The adapter on the province sample in the simulated Excel: round trips, bytes
 * and time for read, summary write, highlight of 10,000 findings, and clear.
 * Budgets: read + summary write <= 30 syncs, highlight <= 3 syncs, no request or
 * response over 4 MB, read under 8 s and highlight under 3 s of wall time (the
 * simulator's own work included) on the project's 2-core machine.
 * Run: npx tsx test/excel/adapter.bench.ts  (exits 1 when a budget is broken)
 */
import { performance } from "node:perf_hooks";
import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { summarize } from "../../src/core/summary";
import { planSummarySheet } from "../../src/core/plan";
import { day, defaultSettings, type Finding } from "../../src/core/model";
import { setup } from "./helpers";

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
  return failed;
}

main().then(
  (failed) => process.exit(failed > 0 ? 1 : 0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
