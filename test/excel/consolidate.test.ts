/**
 * "Chép dữ liệu vào sổ" on the simulated Excel: consolidated sheets made,
 * replaced whole on the next import (the old one kept hidden), read back as
 * data (the hidden copies never), undone exactly, and a cancelled or failed
 * import leaves the workbook as it was.
 */
import { day, defaultSettings, type CellValue } from "../../src/core/model";
import {
  CONSOLIDATED_SHEETS, consolidatedHeader, mergeConsolidated, planConsolidatedSheets, reduceCommuneFile, type Incoming,
} from "../../src/core/province";
import { communeBook } from "../../src/core/province/testBooks";
import { HostError } from "../../src/excel";
import { API_VERSIONS, setup, smallWorkbook, type Sim } from "./helpers";

const settings = defaultSettings(day(2026, 1, 15));
const Q3 = { kind: "quarter", year: 2025, quarter: 3 } as const;

function incoming(file: string, commune: string, opts: { months?: number[] } = {}): Incoming {
  const r = reduceCommuneFile({ file, workbook: communeBook({ commune, ...opts }) }, settings, Q3);
  return { file, rows: r.rows, communes: r.report.communes };
}

/** Everything a person can see of the workbook: every sheet (hidden ones too) with its place, visibility, cells and formats. */
function state(sim: Sim) {
  return sim.model.sheets.map((s, position) => ({
    position,
    info: sim.sheetInfo(s.name),
    data: sim.sheetData(s.name),
    styles: [...s.styles.entries()].sort((a, b) => a[0] - b[0]),
    columnStyles: [...s.columnStyles.entries()],
  }));
}

const ORDER = ["Xã An Hòa", "Xã Yên Lạc"];

describe.each(API_VERSIONS)("consolidated sheets, ExcelApi %s", (apiVersion) => {
  test("an import makes three sheets read back as data; undo removes them and the workbook is as it was", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    const before = state(sim);
    const rows = mergeConsolidated({}, [incoming("yen-lac.xlsx", "Xã Yên Lạc")], ORDER);
    const report = await ops.applyPlan(planConsolidatedSheets(rows));
    expect(report.sheets.map((s) => s.actual)).toEqual(Object.values(CONSOLIDATED_SHEETS));
    expect(sim.getValue(CONSOLIDATED_SHEETS.meetings, 1, 1)).toBe(consolidatedHeader("meetings")[0]);
    const read = await ops.readWorkbook();
    expect(read.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(Object.values(CONSOLIDATED_SHEETS)));
    expect((await ops.ownSheets()).map((s) => [s.requested, s.purpose])).toEqual(Object.values(CONSOLIDATED_SHEETS).map((n) => [n, "consolidated"]));
    expect(await ops.canUndoImport()).toBe(true);
    expect(await ops.undoImport()).toEqual({ sheets: 3 });
    expect(state(sim)).toEqual(before);
    expect(await ops.canUndoImport()).toBe(false);
  });

  test("importing again replaces the sheets whole, keeps the old ones hidden and out of reads, and undo puts them back exactly", async () => {
    const { sim, ops, reopen } = setup(smallWorkbook(), apiVersion);
    const first = mergeConsolidated({}, [incoming("yen-lac.xlsx", "Xã Yên Lạc"), incoming("an-hoa.xlsx", "Xã An Hòa")], ORDER);
    await ops.applyPlan(planConsolidatedSheets(first));
    // The user formats a cell of the consolidated sheet: undo must give it back too.
    sim.model.findSheet(CONSOLIDATED_SHEETS.cells)!.updateStyle(1, 1, { fill: "#FFFF00" });
    const afterFirst = state(sim);

    const existing = Object.fromEntries(await Promise.all(Object.entries(CONSOLIDATED_SHEETS).map(async ([k, name]) => [k, await ops.readSheet(name, { formulas: false })])));
    const second = mergeConsolidated(existing, [incoming("yen-lac-2.xlsx", "Xã Yên Lạc", { months: [7, 8] })], ORDER);
    await ops.applyPlan(planConsolidatedSheets(second));
    const meetings = sim.sheetData(CONSOLIDATED_SHEETS.meetings).values;
    const files = meetings.slice(1).map((r) => r[consolidatedHeader("meetings").indexOf("Tệp nguồn")]);
    expect(files).toEqual([...Array(4).fill("an-hoa.xlsx"), ...Array(3).fill("yen-lac-2.xlsx")]);
    const hidden = sim.model.sheets.filter((s) => s.visibility !== "Visible").map((s) => s.name);
    expect(hidden).toHaveLength(3);
    const read = await ops.readWorkbook();
    expect(read.sheets.some((s) => hidden.includes(s.name))).toBe(false);
    // The new sheets stand where the old ones stood.
    expect(Object.values(CONSOLIDATED_SHEETS).map((n) => sim.sheetInfo(n).position)).toEqual(afterFirst.filter((s) => Object.values(CONSOLIDATED_SHEETS).includes(s.info.name)).map((s) => s.position));

    // Undo works after the pane was closed and opened again.
    expect(await reopen().undoImport()).toEqual({ sheets: 3 });
    expect(state(sim)).toEqual(afterFirst);
  });

  test("a third import drops the second one's backups: only the last import can be undone", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    for (const file of ["a.xlsx", "b.xlsx", "c.xlsx"]) {
      await ops.applyPlan(planConsolidatedSheets(mergeConsolidated({}, [incoming(file, "Xã Yên Lạc")], ORDER)));
    }
    expect(sim.model.sheets.filter((s) => s.visibility !== "Visible")).toHaveLength(3);
    expect(sim.model.sheets).toHaveLength(2 + 3 + 3);
  });

  test("a user's own sheet with a consolidated sheet's name is never touched", async () => {
    const wb = smallWorkbook();
    wb.sheets.push({ name: CONSOLIDATED_SHEETS.cells, originRow: 1, originCol: 1, values: [["của tôi"]] });
    const { sim, ops } = setup(wb, apiVersion);
    const report = await ops.applyPlan(planConsolidatedSheets(mergeConsolidated({}, [incoming("a.xlsx", "Xã Yên Lạc")], ORDER)));
    expect(report.sheets[0].actual).toBe(`${CONSOLIDATED_SHEETS.cells} (2)`);
    expect(sim.getValue(CONSOLIDATED_SHEETS.cells, 1, 1)).toBe("của tôi");
    await ops.undoImport();
    expect(sim.getValue(CONSOLIDATED_SHEETS.cells, 1, 1)).toBe("của tôi");
  });

  test("cancelled half-way, an import leaves the workbook exactly as it was, and the import before it undoable", async () => {
    const { sim, ops } = setup(smallWorkbook(), apiVersion);
    await ops.applyPlan(planConsolidatedSheets(mergeConsolidated({}, [incoming("a.xlsx", "Xã Yên Lạc")], ORDER)));
    const before = state(sim);
    // Enough rows for several round trips.
    const big = incoming("b.xlsx", "Xã An Hòa");
    const many: CellValue[][] = [];
    for (let i = 0; i < 6_000; i++) many.push(...big.rows.meetings.map((r) => [...r.slice(0, -1), i]));
    big.rows.meetings = many;
    const controller = new AbortController();
    const syncsBefore = sim.counters.syncs;
    // The user presses "Hủy" once the first part is written: the adapter reports each round trip.
    const pending = ops.applyPlan(planConsolidatedSheets(mergeConsolidated({}, [big], ORDER)), (p) => {
      if (p.label === "Đang ghi…") controller.abort();
    }, controller.signal);
    const err = await pending.catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("aborted");
    expect(sim.counters.syncs - syncsBefore).toBeGreaterThan(2); // it had written before it stopped
    expect(state(sim)).toEqual(before);
    expect(await ops.canUndoImport()).toBe(true);
  });
});
