import { detectWorkbook } from "../../src/core/detect";
import { understand } from "../../src/core/understand";
import { checkDataset } from "../../src/core/rules";
import { defaultSettings } from "../../src/core/model";
import { inspectWorkbook } from "../../src/cli/inspect";
import { columnLetter } from "../../src/core/model/values";
import { OFFICE_LAYOUTS } from "../fixtures/layouts/offices";

describe.each(OFFICE_LAYOUTS.map((l) => [l.name, l] as const))("%s", (_name, layout) => {
  const tables = detectWorkbook(layout.workbook);

  it("finds exactly the expected tables, columns and rows", () => {
    const got = tables.map((t) => ({
      sheet: t.sheet, kind: t.kind, headerTop: t.headerTop, headerBottom: t.headerBottom,
      columns: Object.fromEntries(Object.entries(t.columns).map(([k, m]) => [k, (m as { col: number }).col])),
      dataRows: t.dataRows, titleCommune: t.titleCommune,
    }));
    const want = layout.expected.map((e) => ({
      sheet: e.sheet, kind: e.kind, headerTop: e.headerTop, headerBottom: e.headerBottom, columns: e.columns, dataRows: e.dataRows, titleCommune: e.titleCommune,
    }));
    expect(got).toEqual(want);
    layout.expected.forEach((e, i) => {
      if (e.unmapped) expect([e.sheet, tables[i].unmapped.map((u) => u.col)]).toEqual([e.sheet, e.unmapped]);
      if (e.skipped) expect(tables[i].skippedRows).toEqual(expect.arrayContaining(e.skipped));
    });
  });

  it("inspect names the tables and their columns", () => {
    const r = inspectWorkbook(layout.name, layout.workbook);
    expect(r.tables.map((t) => [t.sheet, t.kind])).toEqual(layout.expected.map((e) => [e.sheet, e.kind]));
    r.tables.forEach((t, i) => {
      const want = Object.entries(layout.expected[i].columns).map(([field, col]) => [field, columnLetter(col)]).sort();
      expect(t.columns.map((c) => [c.field, c.column]).sort()).toEqual(want);
      expect(t.dataRowCount).toBe(layout.expected[i].dataRows.length);
    });
  });

  it("check gives no error and no warning on the clean example", () => {
    const { tables: t, dataset } = understand(layout.workbook);
    const findings = checkDataset(dataset, t, defaultSettings(layout.today), layout.period);
    const bad = findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.sheet}!${f.address}: ${f.message.vi}`);
    expect(bad).toEqual([]);
  });
});
