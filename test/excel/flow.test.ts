/**
 * "Nothing lost" on a real check: a commune-size sample with planted defects is
 * read through the adapter, checked by the core, and its findings highlighted,
 * cleared, fixed and undone. Every user cell's value and fill must come back.
 */
import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { checkDataset } from "../../src/core/rules";
import { day, defaultSettings, type Finding, type WorkbookData } from "../../src/core/model";
import type { FixRequest } from "../../src/excel";
import { API_VERSIONS, setup, type Sim } from "./helpers";

const sample = generateSample({ size: "commune", seed: 3, defects: true });

function allFills(sim: Sim, wb: WorkbookData): Array<string | undefined> {
  const out: Array<string | undefined> = [];
  for (const s of wb.sheets) {
    s.values.forEach((row, i) => row.forEach((_, j) => out.push(sim.getFill(s.name, s.originRow + i, s.originCol + j))));
  }
  return out;
}

async function check(ops: ReturnType<typeof setup>["ops"]): Promise<Finding[]> {
  const read = await ops.readWorkbook();
  const { tables, dataset } = understand(read);
  return checkDataset(dataset, tables, defaultSettings(day(2026, 1, 15)), { kind: "year", year: 2025 });
}

describe.each(API_VERSIONS)("check, highlight, clear, fix, undo on ExcelApi %s", (apiVersion) => {
  it("gives back every value and fill", async () => {
    const { sim, ops, reopen } = setup(sample.workbook, apiVersion);
    // Some of the user's own fills, under findings and elsewhere.
    sim.model.sheets[1].updateStyle(1, 0, { fill: "#92D050" });
    sim.model.sheets[2].updateStyle(3, 2, { fill: "#FFFF00" });
    const values = sim.snapshot();
    const fills = allFills(sim, values);

    const findings = await check(ops);
    expect(findings.filter((f) => f.severity === "error").length).toBeGreaterThan(10);
    const { cells } = await ops.highlight(findings);
    expect(cells).toBeGreaterThan(10);
    expect(allFills(sim, values)).not.toEqual(fills);
    await reopen().clearHighlights();
    expect(allFills(sim, values)).toEqual(fills);
    expect(sim.snapshot()).toEqual(values);

    const fixes: FixRequest[] = findings
      .filter((f) => f.fix !== null && f.value !== null && /^[A-Z]+\d+$/.test(f.address))
      .map((f) => ({ sheet: f.sheet, address: f.address, expected: f.value!, value: f.fix!.value }));
    expect(fixes.length).toBeGreaterThan(3);
    // The user edits one fixable cell after the check: that fix must be skipped.
    const edited = fixes[0];
    const ws = sim.model.sheets.find((s) => s.name === edited.sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(edited.address)!;
    const r0 = Number(m[2]) - 1;
    const c0 = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    ws.values[r0][c0] = "sửa tay";
    const edits = sim.snapshot();
    const report = await ops.applyFixes(fixes);
    expect(report.skipped.some((s) => s.address === edited.address && s.sheet === edited.sheet)).toBe(true);
    expect(report.applied.length).toBeGreaterThan(0);
    expect(sim.snapshot()).not.toEqual(edits);
    const undo = await reopen().undoFixes();
    expect(undo.applied.length).toBe(report.applied.length);
    expect(sim.snapshot()).toEqual(edits);
    expect(allFills(sim, values)).toEqual(fills);
  });
});
