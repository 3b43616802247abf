/**
 * SheetData.values may be ragged and sparse (src/core/model/values.ts): the
 * .xlsx reader keeps rows only where data is, so one stray value in
 * XFD1048576 costs one row. The whole core must read a missing row or cell as
 * blank: the same workbook, dense or sparse, gives the same tables, findings,
 * summary and plans.
 */
import fc from "fast-check";
import type { CellValue, SheetData, WorkbookData } from "../../src/core/model";
import { generateSample } from "../../src/core/sample";
import { understand } from "../../src/core/understand";
import { checkDataset } from "../../src/core/rules";
import { summarize } from "../../src/core/summary";
import { planFindingsSheet, planFormFill, planSummarySheet } from "../../src/core/plan";
import { PERIOD, settings } from "./harness";

const isBlankValue = (v: CellValue | undefined) => v === undefined || v === "";

/**
 * The same sheet with blank rows left out (holes), trailing blanks cut, and,
 * where `holes` picks them, blank cells inside a row left out too.
 */
function sparse(sheet: SheetData, holes: (r: number, c: number) => boolean): SheetData {
  const values: CellValue[][] = [];
  sheet.values.forEach((row, r) => {
    let end = row.length;
    while (end > 0 && isBlankValue(row[end - 1])) end--;
    if (end === 0) return; // the row stays a hole
    const out: CellValue[] = [];
    for (let c = 0; c < end; c++) if (!(row[c] === "" && holes(r, c))) out[c] = row[c];
    values[r] = out;
  });
  values.length = sheet.values.length;
  return { ...sheet, values };
}

/**
 * Everything the core makes of a workbook, as plain data to compare. The form
 * fill is left out where a sheet reaches XFD1048576: it scans the form's
 * whole used range cell by cell (src/core/plan/formFill.ts, to be bounded).
 */
function coreOutput(wb: WorkbookData, forms = true) {
  const { tables, dataset } = understand(wb);
  const findings = checkDataset(dataset, tables, settings(), PERIOD);
  const summary = summarize(dataset, PERIOD, settings());
  const plans = [planSummarySheet(summary, { lang: "vi" }), planFindingsSheet(findings, "vi"), ...(forms ? wb.sheets.map((s) => planFormFill(s, summary)) : [])];
  return JSON.parse(JSON.stringify({ tables, findings, summary, plans }));
}

describe("the core on sparse values", () => {
  it("gives the same result for a commune sample, dense and sparse", () => {
    for (const seed of [1, 2, 3]) {
      const { workbook } = generateSample({ size: "commune", seed, year: 2025, defects: true });
      const dense = coreOutput(workbook);
      const thin = coreOutput({ ...workbook, sheets: workbook.sheets.map((s) => sparse(s, (r, c) => (r * 7 + c) % 3 === 0)) });
      expect(thin).toEqual(dense);
      expect(dense.findings.length).toBeGreaterThan(10);
    }
  });

  it("gives the same result on random tables with blank rows and cells, dense and sparse", () => {
    const header = ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Chức vụ", "Chi bộ", "Đảng bộ xã"];
    const value = fc.oneof(
      fc.constant(""), fc.constant(""), fc.constantFrom("Nguyễn Văn An", "Nữ", "Nam", "Kinh", "Tày", "Bí thư chi bộ", "Chi bộ Thôn 1", "Xã Yên Lạc", "Tổng cộng"),
      fc.integer({ min: 1940, max: 2010 }), fc.integer({ min: 1, max: 60 }),
    );
    const table = fc.array(fc.array(value, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(table, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.nat(), (rows, originRow, originCol, salt) => {
        const sheet: SheetData = { name: "Cán bộ", originRow, originCol, values: [["DANH SÁCH CÁN BỘ", "", "", "", "", "", "", ""], header, ...rows] };
        const holes = (r: number, c: number) => ((r + salt) * 31 + c) % 2 === 0;
        expect(coreOutput({ sheets: [sparse(sheet, holes)] })).toEqual(coreOutput({ sheets: [sheet] }));
      }),
      { seed: 20261130, numRuns: 100 },
    );
  });

  it("reads a table whose sheet also holds one value in XFD1048576, without walking 17 billion cells", () => {
    const { workbook } = generateSample({ size: "commune", seed: 4, year: 2025, defects: false });
    const withStray = workbook.sheets.map((s, i) => {
      if (i > 0) return s;
      const values = s.values.slice();
      const far: CellValue[] = [];
      far[16384 - s.originCol] = "x";
      values[1048576 - s.originRow] = far;
      return { ...s, values };
    });
    const a = coreOutput(workbook, false);
    const b = coreOutput({ sheets: withStray }, false);
    expect(b.tables.map((t: { kind: string }) => t.kind)).toEqual(a.tables.map((t: { kind: string }) => t.kind));
    expect(b.summary).toEqual(a.summary);
  });
});
