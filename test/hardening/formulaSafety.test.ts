/**
 * Issue 7, safety: a value the product writes that starts with =, +, - or @
 * lands as text, never as a formula, unless the product meant a formula (the
 * findings sheet's HYPERLINK links). Through the real adapter on the
 * simulated Excel, which takes such text as a formula the way Excel does.
 */
import type { CellValue, Finding, WorkbookData } from "../../src/core/model";
import { createSimulatedExcel } from "../../src/sim";
import { exportFindings, fixRequests, writeSummary } from "../../src/app/flow";
import { checkAll, depsOf, PERIOD, settings } from "./harness";
import type { Sim } from "../excel/helpers";

const DANGEROUS = ["=1+1", "=HYPERLINK(\"http://example.invalid\",\"bấm\")", "+84 912 345 678", "-Xã Lạ", "@SUM(A1)", "=cmd|' /C calc'!A0"];
const API_VERSIONS = ["1.7", "1.12", "1.17"] as const;

/** Every cell of a sheet: its value and formula (undefined when it holds none). */
function cellsOf(sim: Sim, sheet: string): Array<{ row: number; col: number; value: CellValue; formula?: string }> {
  const s = sim.snapshot().sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const out: Array<{ row: number; col: number; value: CellValue; formula?: string }> = [];
  s.values.forEach((r, i) => r.forEach((value, j) => {
    const row = s.originRow + i;
    const col = s.originCol + j;
    out.push({ row, col, value, formula: sim.getFormula(sheet, row, col) });
  }));
  return out;
}

function at(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]), col: m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

/** A commune's cadre list whose names, cells and commune start like formulas. */
function hostileBook(): WorkbookData {
  const rows: CellValue[][] = [
    ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Chức vụ", "Chi bộ", "Đảng bộ xã"],
    [1, "=1+1", 1980, "Nam", "Kinh", "Bí thư chi bộ", "=Chi bộ Thôn 1", "-Xã Lạ"],
    [2, " @Nguyễn Văn An ", 1981, "Nữ", "Kinh", "Bí thư chi bộ", "+Chi bộ Thôn 2", "-Xã Lạ"],
    [3, "-Trần Văn Bình", 2019, "Nam", "Kinh", "Bí thư chi bộ", "=Chi bộ Thôn 1", "-Xã Lạ"],
    [4, "Lê Thị Hoa", "=SUM(A1)", "Nữ", "Kinh", "Chi ủy viên", "=Chi bộ Thôn 1", "-Xã Lạ"],
  ];
  return { sheets: [{ name: "Cán bộ", originRow: 1, originCol: 1, values: rows }] };
}

describe.each(API_VERSIONS)("ExcelApi %s", (apiVersion) => {
  it("a plan's values that start with =, +, - or @ are written as text; its formulas stay formulas", async () => {
    const sim = createSimulatedExcel({ sheets: [{ name: "Dữ liệu", originRow: 1, originCol: 1, values: [["x"]] }] }, { apiVersion });
    const { ops } = depsOf(sim);
    await ops.applyPlan({
      ops: [
        { op: "sheet", sheet: "Tổng hợp", purpose: "summary" },
        { op: "values", sheet: "Tổng hợp", address: `A1:${String.fromCharCode(64 + DANGEROUS.length)}1`, values: [DANGEROUS] },
        { op: "formulas", sheet: "Tổng hợp", address: "A2", formulas: [["=HYPERLINK(\"#'Dữ liệu'!A1\",\"A1\")"]] },
      ],
    });
    DANGEROUS.forEach((text, j) => {
      expect(sim.getFormula("Tổng hợp", 1, j + 1)).toBeUndefined();
      expect(sim.getValue("Tổng hợp", 1, j + 1)).toBe(text);
    });
    expect(sim.getFormula("Tổng hợp", 2, 1)).toMatch(/^=HYPERLINK\(/);
  });

  it("the summary sheet writes formula-like commune and cell names as text", async () => {
    const sim = createSimulatedExcel(hostileBook(), { apiVersion });
    const deps = depsOf(sim);
    const { report } = await writeSummary(deps, { period: PERIOD, settings: settings(), mappings: [], lang: "vi" });
    const written = report.sheets.map((s) => s.actual);
    expect(written.length).toBeGreaterThan(0);
    let seen = 0;
    for (const sheet of written) {
      for (const c of cellsOf(sim, sheet)) {
        if (typeof c.value === "string" && /^[=+\-@]/.test(c.value) && c.value.length > 1) {
          seen++;
          expect({ sheet, ...c, formula: c.formula ?? null }).toEqual({ sheet, ...c, formula: null });
        }
        // The summary sheet means no formula of its own other than literals it wrote itself.
        if (c.formula) expect(c.formula).not.toMatch(/Xã Lạ|Thôn/);
      }
    }
    expect(seen).toBeGreaterThan(0); // "-Xã Lạ" must appear as the commune's row label
  });

  it("the findings sheet: user values that look like formulas are text, the links are HYPERLINK formulas", async () => {
    const sim = createSimulatedExcel(hostileBook(), { apiVersion });
    const deps = depsOf(sim);
    const checked = await checkAll(deps, { period: PERIOD, settings: settings(), mappings: [] });
    const findings = checked.all;
    expect(findings.some((f) => typeof f.value === "string" && /^[=+\-@]/.test(f.value.trim()))).toBe(true);
    const report = await exportFindings(deps, checked.findings, {}, "vi");
    const sheet = report.sheets[0].actual;
    const cells = cellsOf(sim, sheet);
    const links = cells.filter((c) => c.formula !== undefined);
    expect(links.length).toBe(findings.length);
    for (const l of links) {
      expect(l.col).toBe(5);
      expect(l.formula).toMatch(/^=HYPERLINK\("#'[^"]+'![A-Z]+\d+(:[A-Z]+\d+)?","[A-Z]+\d+(:[A-Z]+\d+)?"\)$/);
    }
    const valueColumn = cells.filter((c) => c.col === 6 && c.row > 1);
    expect(valueColumn.some((c) => typeof c.value === "string" && c.value.startsWith("="))).toBe(true);
    for (const c of valueColumn) expect(c.formula).toBeUndefined();
  });

  it("a fix whose value starts with =, +, - or @ is written as text", async () => {
    const sim = createSimulatedExcel(hostileBook(), { apiVersion });
    const deps = depsOf(sim);
    const { all: findings } = await checkAll(deps, { period: PERIOD, settings: settings(), mappings: [] });
    // The core's own fix: " @Nguyễn Văn An " trimmed is "@Nguyễn Văn An".
    const real = fixRequests(findings.filter((f: Finding) => f.rule === "text/spaces"));
    expect(real.some((r) => typeof r.value === "string" && r.value.startsWith("@"))).toBe(true);
    // And fixes a future rule might propose.
    const made = [
      { sheet: "Cán bộ", address: "E2", expected: "Kinh", value: "=1+1" },
      { sheet: "Cán bộ", address: "E3", expected: "Kinh", value: "-Kinh" },
      { sheet: "Cán bộ", address: "E4", expected: "Kinh", value: "+Kinh" },
    ];
    const report = await deps.ops.applyFixes([...real, ...made]);
    expect(report.applied.length).toBe(real.length + made.length);
    for (const f of report.applied) {
      const { row, col } = at(f.address);
      expect(sim.getFormula(f.sheet, row, col)).toBeUndefined();
      expect(sim.getValue(f.sheet, row, col)).toBe(f.value);
    }
  });

  it("undo of fixes written as text (=, +, -, @) is exact", async () => {
    const sim = createSimulatedExcel(hostileBook(), { apiVersion });
    const deps = depsOf(sim);
    const before = sim.snapshot();
    const { all: findings } = await checkAll(deps, { period: PERIOD, settings: settings(), mappings: [] });
    const real = fixRequests(findings.filter((f: Finding) => f.rule === "text/spaces"));
    const made = [
      { sheet: "Cán bộ", address: "E2", expected: "Kinh", value: "=1+1" },
      { sheet: "Cán bộ", address: "E3", expected: "Kinh", value: "-Kinh" },
      { sheet: "Cán bộ", address: "E4", expected: "Kinh", value: "+Kinh" },
      { sheet: "Cán bộ", address: "E5", expected: "Kinh", value: "@Kinh" },
    ];
    const report = await deps.ops.applyFixes([...real, ...made]);
    expect(report.applied.length).toBe(real.length + made.length);
    expect(sim.getValue("Cán bộ", 2, 5)).toBe("=1+1");
    expect(sim.snapshot()).not.toEqual(before);
    const undo = await deps.ops.undoFixes();
    expect(undo.skipped).toEqual([]);
    expect(sim.snapshot()).toEqual(before);
  });

  it("form cells whose value starts with = are written as text", async () => {
    const sim = createSimulatedExcel({ sheets: [{ name: "Biểu mẫu", originRow: 1, originCol: 1, values: [["Tiêu chí", "Số"], ["Xã", ""]] }] }, { apiVersion });
    const { ops } = depsOf(sim);
    await ops.applyPlan({ ops: [{ op: "formCells", sheet: "Biểu mẫu", cells: [{ row: 2, col: 2, value: "=2+2" }] }] });
    expect(sim.getFormula("Biểu mẫu", 2, 2)).toBeUndefined();
    expect(sim.getValue("Biểu mẫu", 2, 2)).toBe("=2+2");
  });
});
