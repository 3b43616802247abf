/**
 * The province flow through Microsoft's own Office.js client (@microsoft/office-js,
 * the script Excel on the web loads), running in jsdom with its transport
 * replaced: every request body it builds is measured as Excel receives it,
 * and answered by the simulated Excel (src/sim/wire.ts).
 *
 * Read, check, highlight (10,000 findings, then all 70,969), clear, 20,000
 * fixes and their undo, the summary sheet and its charts, the findings
 * exported: no real request over 4,500,000 bytes (Excel on the web refuses
 * 5 MB), sync counts within the province budgets, and everything exact.
 * Slow by nature (the whole province crosses the client twice); it counts
 * requests and bytes, never time.
 */
import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { checkDataset } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { planFindingsSheet, planSummarySheet } from "../../src/core/plan";
import { day, defaultSettings, type Finding, type WorkbookData } from "../../src/core/model";
import { createSimulatedExcel } from "../../src/sim";
import { OfficeJsClient, type RealClientHost } from "./officeClient";
import { createExcelOperations, type WorkbookOperations } from "../../src/excel";
import { fixRequests } from "../../src/app/flow";

jest.setTimeout(600_000);

const LIMIT = 4_500_000;
const period = { kind: "year" as const, year: 2025 };

let client: OfficeJsClient;
let province: WorkbookData;
beforeAll(() => {
  client = new OfficeJsClient();
  province = generateSample({ size: "province", seed: 1, defects: true }).workbook;
});

/** Findings spread over the sheets, as highlight's budget counts them. */
function spread(findings: Finding[], n: number): Finding[] {
  const step = findings.length / n;
  return Array.from({ length: n }, (_, i) => findings[Math.floor(i * step)]);
}

function largest(host: RealClientHost, label: string): string {
  const all = host.requests.filter((r) => r.label === label);
  return `${label}: ${host.syncs(label).length} syncs, largest request ${Math.max(0, ...all.map((r) => r.bytes))} B, largest answer ${Math.max(0, ...all.map((r) => r.responseBytes))} B`;
}

describe("the province flow through the real office.js client, ExcelApi 1.17", () => {
  let host: RealClientHost;
  let ops: WorkbookOperations;
  let findings: Finding[];
  const sheet = (name: string) => province.sheets.find((s) => s.name === name)!;

  beforeAll(() => {
    host = client.hostFor(createSimulatedExcel(province, { apiVersion: "1.17" }));
    ops = createExcelOperations(host);
  });

  afterAll(async () => {
    await host.settle();
    for (const label of ["read", "summary", "highlight 10,000", "clear 10,000", "highlight all", "clear all", "fixes", "undo", "export"]) console.log(largest(host, label));
    const refused = host.requests.filter((r) => r.error);
    expect(refused).toEqual([]);
    // Cleanup requests (the client releasing references after each run) are real requests too.
    expect(Math.max(...host.requests.map((r) => r.bytes))).toBeLessThanOrEqual(LIMIT);
  });

  it("reads the whole workbook, cell for cell, and writes the summary sheet with its four charts within 30 syncs", async () => {
    host.label("read");
    const read = await ops.readWorkbook();
    expect(read.sheets.map((s) => s.values.length)).toEqual(province.sheets.map((s) => s.values.length));
    expect(read.sheets[3].values[150_000]).toEqual(sheet(read.sheets[3].name).values[150_000]);
    const { tables, dataset } = understand(read);
    const settings = defaultSettings(day(2026, 1, 15));
    findings = checkDataset(dataset, tables, settings, period);
    expect(findings.length).toBeGreaterThan(60_000);
    host.label("summary");
    const report = await ops.applyPlan(planSummarySheet(summarize(dataset, period, settings)));
    expect(report.charts).toHaveLength(4);
    expect(host.sim.charts(report.sheets[0].actual)).toHaveLength(4);
    expect(host.syncs("read").length + host.syncs("summary").length).toBeLessThanOrEqual(30);
    expect(host.maxRequestBytes("read")).toBeLessThanOrEqual(LIMIT);
    expect(host.maxRequestBytes("summary")).toBeLessThanOrEqual(LIMIT);
  });

  it("highlights 10,000 findings in 3 syncs, and clearing gives every fill back", async () => {
    const some = spread(findings, 10_000);
    const fillsOf = () => some.map((f) => host.sim.getFill(f.sheet, f.row, f.column.charCodeAt(0) - 64) ?? "none");
    const before = fillsOf();
    host.label("highlight 10,000");
    const { cells, skipped } = await ops.highlight(some);
    expect(skipped).toBe(0);
    expect(cells).toBeGreaterThan(9_000);
    expect(host.syncs("highlight 10,000").length).toBeLessThanOrEqual(3);
    expect(fillsOf()).not.toEqual(before);
    host.label("clear 10,000");
    await ops.clearHighlights();
    expect(fillsOf()).toEqual(before);
  });

  it("highlights all 70,000 findings and clears them, no request over the limit", async () => {
    host.label("highlight all");
    const { cells } = await ops.highlight(findings);
    expect(cells).toBeGreaterThan(40_000);
    host.label("clear all");
    const cleared = await ops.clearHighlights();
    expect(cleared.cells).toBe(cells);
    expect(host.maxRequestBytes("highlight all")).toBeLessThanOrEqual(LIMIT);
    expect(host.maxRequestBytes("clear all")).toBeLessThanOrEqual(LIMIT);
  });

  it("applies 20,000 fixes, dates as dates, and undoes all of them", async () => {
    const requests = fixRequests(findings).slice(0, 20_000);
    expect(requests).toHaveLength(20_000);
    const date = requests.find((r) => r.kind === "date")!;
    const [col, row] = [date.address.replace(/\d+/g, ""), Number(date.address.replace(/\D+/g, ""))];
    const colNumber = col.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const before = host.sim.sheetData(date.sheet);
    host.label("fixes");
    const report = await ops.applyFixes(requests);
    expect(report.skipped).toEqual([]);
    expect(report.applied).toHaveLength(20_000);
    // The date column is formatted dd/mm/yyyy already: the cell keeps that format and shows a date.
    expect(host.sim.getValue(date.sheet, row, colNumber)).toBe(date.value);
    expect(host.sim.getText(date.sheet, row, colNumber)).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(await ops.canUndoFixes()).toBe(true);
    host.label("undo");
    const undo = await ops.undoFixes();
    expect(undo.skipped).toEqual([]);
    expect(undo.applied).toHaveLength(20_000);
    expect(host.sim.sheetData(date.sheet).values).toEqual(before.values);
    expect(await ops.canUndoFixes()).toBe(false);
    expect(host.maxRequestBytes("fixes")).toBeLessThanOrEqual(LIMIT);
    expect(host.maxRequestBytes("undo")).toBeLessThanOrEqual(LIMIT);
  });

  it("exports the findings as a sheet", async () => {
    host.label("export");
    const report = await ops.applyPlan(planFindingsSheet(findings, "vi"));
    const name = report.sheets[0].actual;
    expect(host.sim.sheetData(name).values.length).toBeGreaterThan(findings.length);
    expect(host.maxRequestBytes("export")).toBeLessThanOrEqual(LIMIT);
  });
});

describe.each(["1.12", "1.7"])("through the real client, ExcelApi %s", (apiVersion) => {
  it("highlights 10,000 findings and applies and undoes 2,000 fixes within the limit", async () => {
    const host = client.hostFor(createSimulatedExcel(province, { apiVersion }));
    const ops = createExcelOperations(host);
    const read = await ops.readWorkbook();
    const { tables, dataset } = understand(read);
    const found = checkDataset(dataset, tables, defaultSettings(day(2026, 1, 15)), period);
    host.label("highlight");
    const { cells } = await ops.highlight(spread(found, 10_000));
    expect(cells).toBeGreaterThan(9_000);
    expect(host.syncs("highlight").length).toBeLessThanOrEqual(apiVersion === "1.7" ? 4 : 3);
    await ops.clearHighlights();
    host.label("fixes");
    const report = await ops.applyFixes(fixRequests(found).slice(0, 2_000));
    expect(report.applied).toHaveLength(2_000);
    const undo = await ops.undoFixes();
    expect(undo.applied).toHaveLength(2_000);
    await host.settle();
    console.log(`ExcelApi ${apiVersion}: ${largest(host, "highlight")}; ${largest(host, "fixes")}`);
    expect(host.requests.filter((r) => r.error)).toEqual([]);
    expect(Math.max(...host.requests.map((r) => r.bytes))).toBeLessThanOrEqual(LIMIT);
  });
});
