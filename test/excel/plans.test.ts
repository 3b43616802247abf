/**
 * The core's own plans, carried out by the adapter on a commune sample: the
 * findings sheet (links as formulas, quoted values as text), the template
 * sheets (dropdowns; kept on a second "Tạo mẫu"), the summary with four charts.
 */
import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { checkDataset } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { planFindingsSheet, planSummarySheet, planTemplateSheets } from "../../src/core/plan";
import { day, defaultSettings } from "../../src/core/model";
import { setup } from "./helpers";

const sample = generateSample({ size: "commune", seed: 5, defects: true });
const settings = defaultSettings(day(2026, 1, 15));
const period = { kind: "year" as const, year: 2025 };

it("writes the findings sheet: every row, quoted values exactly as read, no accidental formula", async () => {
  const { sim, ops } = setup(sample.workbook);
  const read = await ops.readWorkbook();
  const { tables, dataset } = understand(read);
  const findings = checkDataset(dataset, tables, settings, period);
  const plan = planFindingsSheet(findings, "vi");
  const report = await ops.applyPlan(plan);
  const name = report.sheets[0].actual;
  const topLeft = (address: string) => {
    const m = /^([A-Z]+)(\d+)/.exec(address)!;
    return { row: Number(m[2]), col: m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
  };
  // Cells the plan fills with formulas (links), written after the values.
  const formulaCells = new Set<string>();
  for (const op of plan.ops) {
    if (op.op !== "formulas") continue;
    const at = topLeft(op.address);
    op.formulas.forEach((row, i) => row.forEach((f, j) => {
      formulaCells.add(`${at.row + i}:${at.col + j}`);
      expect(sim.getFormula(name, at.row + i, at.col + j)).toBe(f);
    }));
  }
  expect(formulaCells.size).toBeGreaterThan(0);
  // Every other value reads back exactly as planned, and is no formula.
  let checked = 0;
  for (const op of plan.ops) {
    if (op.op !== "values") continue;
    const at = topLeft(op.address);
    op.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (formulaCells.has(`${at.row + i}:${at.col + j}`)) return;
        expect(sim.getValue(name, at.row + i, at.col + j)).toEqual(v);
        expect(sim.getFormula(name, at.row + i, at.col + j)).toBeUndefined();
        checked++;
      }),
    );
  }
  expect(checked).toBeGreaterThan(findings.length);
  // Reading the workbook again leaves our findings sheet out.
  expect((await ops.readWorkbook()).sheets.map((s) => s.name)).toEqual(read.sheets.map((s) => s.name));
});

it("makes the template sheets once, and keeps them (with what the user typed) on a second run", async () => {
  const { sim, ops } = setup(sample.workbook, "1.12");
  const plan = planTemplateSheets();
  const first = await ops.applyPlan(plan);
  const made = first.sheets.map((s) => s.actual);
  expect(new Set(made).size).toBe(made.length);
  const anyDropdown = made.some((n) => sim.sheetInfo(n).dropdowns.length > 0);
  expect(anyDropdown).toBe(true);
  // The user types into a template sheet; "Tạo mẫu" again must not wipe it.
  const ws = sim.model.sheets.find((s) => s.name === made[0])!;
  (ws.values[1] ??= [])[0] = "Dữ liệu của người dùng";
  const second = await ops.applyPlan(plan);
  expect(second.sheets.map((s) => s.actual)).toEqual(made);
  expect(second.notes?.length).toBe(made.length);
  expect(sim.getValue(made[0], 2, 1)).toBe("Dữ liệu của người dùng");
  expect(sim.sheetNames().length).toBe(sample.workbook.sheets.length + made.length);
});

it("writes the summary and its four charts once, however often it runs", async () => {
  const { sim, ops } = setup(sample.workbook, "1.12");
  const { dataset } = understand(await ops.readWorkbook());
  const plan = planSummarySheet(summarize(dataset, period, settings));
  await ops.applyPlan(plan);
  await ops.applyPlan(plan);
  const report = await ops.applyPlan(plan);
  const name = report.sheets[0].actual;
  expect(sim.charts(name)).toHaveLength(4);
  expect(sim.sheetNames().length).toBe(sample.workbook.sheets.length + 1);
  for (const c of sim.charts(name)) expect(c.from).toBeDefined();
});
