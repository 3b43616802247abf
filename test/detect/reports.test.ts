import { detectTables } from "../../src/core/detect";
import { CellValue, SheetData, columnNumber, day, defaultSettings } from "../../src/core/model";
import { WritePlan } from "../../src/core/model/plan";
import { planFindingsSheet, planSummarySheet } from "../../src/core/plan";
import { checkDataset } from "../../src/core/rules";
import { generateSample } from "../../src/core/sample";
import { summarize } from "../../src/core/summary";
import { understand } from "../../src/core/understand";

/** "B12" -> 1-based row and column. */
function cellRef(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad address ${a1}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/**
 * The sheet a host leaves after carrying out a plan's literal writes and
 * merges, read back from A1 as the adapter reads a used range. Formulas
 * (the findings sheet's links) are read as their shown text, the address.
 */
function sheetOfPlan(plan: WritePlan, name: string): SheetData {
  const cells = new Map<string, CellValue>();
  const merges: string[] = [];
  let rows = 0;
  let cols = 0;
  const put = (row: number, col: number, v: CellValue) => {
    cells.set(`${row},${col}`, v);
    rows = Math.max(rows, row);
    cols = Math.max(cols, col);
  };
  for (const op of plan.ops) {
    if (!("sheet" in op) || op.sheet !== name) continue;
    if (op.op === "merge") merges.push(op.address);
    if (op.op !== "values" && op.op !== "formulas") continue;
    const from = cellRef(op.address.split(":")[0]);
    const grid = op.op === "values" ? op.values : op.formulas.map((r) => r.map((f) => /,"([^"]*)"\)$/.exec(f)?.[1] ?? f));
    grid.forEach((r, i) => r.forEach((v, j) => put(from.row + i, from.col + j, v)));
  }
  const values: CellValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= cols; c++) row.push(cells.get(`${r},${c}`) ?? "");
    values.push(row);
  }
  return { name, originRow: 1, originCol: 1, values, merges };
}

const RECORD_KINDS = ["cells", "cadres", "meetings"];

describe("detectTables does not read the product's own sheets as data", () => {
  const { workbook } = generateSample({ size: "commune", seed: 11, defects: true });
  const { tables, dataset } = understand(workbook);
  const period = { kind: "year", year: 2025 } as const;
  const settings = defaultSettings(day(2026, 1, 15));

  it("the sample itself is read (so the sheets below are built from real data)", () => {
    expect(tables.map((t) => t.kind).sort()).toEqual(["cadres", "cells", "communes", "meetings"]);
    expect(dataset.cadres.length).toBeGreaterThan(10);
  });

  it("the summary sheet (tables 1–3) holds no cells, cadres or meetings table", () => {
    const plan = planSummarySheet(summarize(dataset, period, settings));
    const sheet = sheetOfPlan(plan, "Tổng hợp");
    expect(sheet.values.length).toBeGreaterThan(10);
    const found = detectTables(sheet);
    expect(found.filter((t) => RECORD_KINDS.includes(t.kind)).map((t) => `${t.kind}@${t.headerTop}`)).toEqual([]);
  });

  it("the English summary sheet, with the year-on-year columns, likewise", () => {
    const plan = planSummarySheet(summarize(dataset, period, settings, { compareWithPreviousYear: true }), { lang: "en" });
    const found = detectTables(sheetOfPlan(plan, "Summary"));
    expect(found.filter((t) => RECORD_KINDS.includes(t.kind)).map((t) => `${t.kind}@${t.headerTop}`)).toEqual([]);
  });

  it("the findings list holds no cells, cadres or meetings table", () => {
    const findings = checkDataset(dataset, tables, settings, period);
    expect(findings.length).toBeGreaterThan(5);
    const sheet = sheetOfPlan(planFindingsSheet(findings), "Danh sách lỗi");
    expect(sheet.values.length).toBe(findings.length + 1);
    const found = detectTables(sheet);
    expect(found.filter((t) => RECORD_KINDS.includes(t.kind)).map((t) => `${t.kind}@${t.headerTop}`)).toEqual([]);
  });
});
