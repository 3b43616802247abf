/**
 * The adapter's round-trip budgets on the province-size sample (~9,600 cells,
 * ~29,000 cadre rows, ~153,000 meeting rows), in the simulated Excel:
 * - a full run (read, check, write the summary sheet and its four charts) in at
 *   most 30 syncs, no request or response over 4 MB;
 * - 10,000 findings highlighted in at most 3 syncs (4 before ExcelApi 1.9, which has
 *   no getRanges: a range per cell, about 10 MB on the wire), and cleared back exactly.
 * The same for Microsoft 365 (1.17) and Excel 2021 (1.12), and for 1.7, the
 * fallback without getCellProperties/setCellProperties.
 * This file is slow by nature (~26 MB of cells cross the simulated wire); it
 * holds round-trip counts, never time, which bench/ holds.
 */
import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { checkDataset } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { planFindingsSheet, planSummarySheet } from "../../src/core/plan";
import { day, defaultSettings, type Finding, type WorkbookData, type WritePlan } from "../../src/core/model";
import { setup } from "./helpers";

/** What any real request may weigh: Excel on the web refuses 5 MB; we keep a tenth in hand. */
const FOUR_MB = 4_500_000;
const period = { kind: "year" as const, year: 2025 };

let province: WorkbookData;
beforeAll(() => {
  province = generateSample({ size: "province", seed: 1, defects: false }).workbook;
});

/** 10,000 cells spread over the cadre and meeting sheets, as a real check's findings would be. */
function tenThousandFindings(): Finding[] {
  const out: Finding[] = [];
  const severities = ["error", "warning", "info"] as const;
  for (let i = 0; i < 10_000; i++) {
    const onCadres = i % 3 === 0;
    const sheet = onCadres ? "Cán bộ" : "Sinh hoạt";
    const row = onCadres ? 2 + ((i * 7) % 28_000) : 2 + ((i * 13) % 150_000);
    const col = 2 + (i % 9);
    const column = String.fromCharCode(64 + col);
    out.push({
      rule: "required", severity: severities[i % 3], sheet, address: `${column}${row}`, row, column,
      value: null, message: { vi: "", en: "" }, fix: null,
    });
  }
  return out;
}

/** The core's part of a full run (understand, check, sum up, plan): pure, so done once and shared by the versions. */
let plan: WritePlan | null = null;
function coreRun(read: WorkbookData): WritePlan {
  const { tables, dataset } = understand(read);
  const settings = defaultSettings(day(2026, 1, 15));
  checkDataset(dataset, tables, settings, period);
  return planSummarySheet(summarize(dataset, period, settings));
}

describe.each(["1.17", "1.12", "1.7"])("province budgets, ExcelApi %s", (apiVersion) => {
  it("full run: read, check, summary sheet and four charts, twice, within 30 syncs each", async () => {
    const { sim, ops } = setup(province, apiVersion);
    for (let run = 1; run <= 2; run++) {
      sim.counters.reset();
      const read = await ops.readWorkbook();
      if (run === 1) {
        // What was read is the workbook, cell for cell.
        expect(read.sheets.map((s) => s.values.length)).toEqual(province.sheets.map((s) => s.values.length));
        expect(read.sheets[3].values[153_000]).toEqual(province.sheets[3].values[153_000]);
        expect(read.sheets[2].values).toEqual(province.sheets[2].values);
      }
      plan ??= coreRun(read);
      const report = await ops.applyPlan(plan);
      expect(report.charts).toHaveLength(4);
      expect(sim.counters.syncs).toBeLessThanOrEqual(30);
      expect(sim.counters.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
      expect(sim.counters.maxResponseBytes).toBeLessThanOrEqual(FOUR_MB);
      console.log(`ExcelApi ${apiVersion}, run ${run}: ${sim.counters.syncs} syncs, max request ${sim.counters.maxRequestBytes} B, max response ${sim.counters.maxResponseBytes} B`);
    }
    // Twice gives one summary sheet and four charts, not two of each.
    expect(sim.sheetNames().filter((n) => n.startsWith("Tổng hợp"))).toEqual(["Tổng hợp"]);
    expect(sim.charts("Tổng hợp")).toHaveLength(4);
  });

  it("highlights 10,000 findings in at most 3 syncs, and clearing restores every fill and value", async () => {
    const { sim, ops, reopen } = setup(province, apiVersion);
    const findings = tenThousandFindings();
    // Some of the user's own fills under the findings must come back too.
    for (const f of findings.slice(0, 50)) sim.model.sheets.find((s) => s.name === f.sheet)!.updateStyle(f.row - 1, f.column.charCodeAt(0) - 65, { fill: "#FFFF00" });
    const fillsOf = () => findings.map((f) => sim.getFill(f.sheet, f.row, f.column.charCodeAt(0) - 64) ?? "none");
    const before = fillsOf();
    sim.counters.reset();
    const { cells } = await ops.highlight(findings);
    expect(cells).toBeGreaterThan(9_000);
    // From 1.9, getRanges lists read and colour cells for a few bytes each; before it each
    // cell is a range of its own, about 600 bytes on the wire, so 10,000 take more requests.
    expect(sim.counters.syncs).toBeLessThanOrEqual(apiVersion === "1.7" ? 4 : 3);
    expect(sim.counters.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(sim.counters.maxResponseBytes).toBeLessThanOrEqual(FOUR_MB);
    console.log(`ExcelApi ${apiVersion}, highlight ${cells} cells: ${sim.counters.syncs} syncs, max request ${sim.counters.maxRequestBytes} B`);
    expect(fillsOf()).not.toEqual(before);
    sim.counters.reset();
    await reopen().clearHighlights();
    console.log(`ExcelApi ${apiVersion}, clear: ${sim.counters.syncs} syncs, max request ${sim.counters.maxRequestBytes} B`);
    expect(sim.counters.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(fillsOf()).toEqual(before);
    const snap = sim.snapshot();
    expect(snap.sheets.map((s) => s.values.length)).toEqual(province.sheets.map((s) => s.values.length));
    expect(snap.sheets[2].values).toEqual(province.sheets[2].values);
  });
});

it("a findings sheet of 70,000 rows and their highlight stay under 4 MB per request, and clearing gives every fill back", async () => {
  const { sim, ops } = setup(province, "1.17");
  const quoted = ["=SUM(A1)", "0123", "12/05/2020", " Nguyễn  Văn An ", "TRUE", 42];
  const findings: Finding[] = Array.from({ length: 70_000 }, (_, i) => {
    const row = 2 + ((i * 7) % 150_000);
    const column = String.fromCharCode(66 + (i % 17));
    return {
      rule: "text/spaces", severity: i % 2 ? "warning" : "error", sheet: "Sinh hoạt", address: `${column}${row}`, row, column,
      value: quoted[i % quoted.length], message: { vi: "Có khoảng trắng thừa", en: "Extra spaces" }, fix: null,
    };
  });
  const before = sim.snapshot();
  sim.counters.reset();
  const report = await ops.applyPlan(planFindingsSheet(findings, "vi"));
  console.log(`findings sheet, 70,000 rows: ${sim.counters.syncs} syncs, max request ${sim.counters.maxRequestBytes} B`);
  expect(sim.counters.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
  const name = report.sheets[0].actual;
  expect(sim.sheetInfo(name).usedAddress).toMatch(/\d{5}$/);
  sim.counters.reset();
  await ops.highlight(findings);
  console.log(`highlight 70,000: ${sim.counters.syncs} syncs, max request ${sim.counters.maxRequestBytes} B, max response ${sim.counters.maxResponseBytes} B`);
  expect(sim.counters.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
  expect(sim.counters.maxResponseBytes).toBeLessThanOrEqual(FOUR_MB);
  sim.counters.reset();
  await ops.clearHighlights();
  expect(sim.counters.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
  const after = sim.snapshot();
  expect(after.sheets.filter((s) => s.name !== name)).toEqual(before.sheets);
  expect(findings.every((f) => sim.getFill(f.sheet, f.row, f.column.charCodeAt(0) - 64) === undefined)).toBe(true);
});
