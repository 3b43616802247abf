import { detectWorkbook } from "../../src/core/detect";
import { FIELDS } from "../../src/core/model/fields";
import { DetectedTable } from "../../src/core/model/tables";
import { SHEET_CADRES, SHEET_CELLS, SHEET_COMMUNES, SHEET_MEETINGS, generateSample } from "../../src/core/sample";

function mapped(t: DetectedTable): string[] {
  return Object.keys(t.columns).sort();
}

describe("detectWorkbook on a generated commune-size sample", () => {
  const { workbook } = generateSample({ size: "commune", seed: 7, defects: false });
  const tables = detectWorkbook(workbook);
  const bySheet = new Map(tables.map((t) => [t.sheet, t]));

  it("finds one table per sheet, of the right kind", () => {
    expect(tables.map((t) => [t.sheet, t.kind])).toEqual([
      [SHEET_COMMUNES, "communes"],
      [SHEET_CELLS, "cells"],
      [SHEET_CADRES, "cadres"],
      [SHEET_MEETINGS, "meetings"],
    ]);
  });

  it("maps every field the sheets hold, with full confidence", () => {
    const all = (kind: keyof typeof FIELDS) => FIELDS[kind].map((f) => f.key).sort();
    expect(mapped(bySheet.get(SHEET_COMMUNES)!)).toEqual(all("communes"));
    expect(mapped(bySheet.get(SHEET_CELLS)!)).toEqual(all("cells"));
    // The sample keeps "Ngày sinh" in one column, so the Nam/Nữ birth-year pair is absent.
    expect(mapped(bySheet.get(SHEET_CADRES)!)).toEqual(all("cadres").filter((k) => !["birthYearMale", "birthYearFemale", "surname", "givenName"].includes(k)));
    expect(mapped(bySheet.get(SHEET_MEETINGS)!)).toEqual(all("meetings"));
    for (const t of tables) {
      expect(t.unmapped).toEqual([]);
      expect(t.confidence).toBe(1);
    }
  });

  it("reads the header rows and every data row, leaving out the Tổng cộng row", () => {
    for (const t of tables) {
      const sheet = workbook.sheets.find((s) => s.name === t.sheet)!;
      const headerRows = t.headerTop === t.headerBottom ? [t.headerTop] : [t.headerTop, t.headerBottom];
      expect(headerRows).toEqual(t.sheet === SHEET_CADRES ? [4, 5] : t.sheet === SHEET_COMMUNES ? [3] : [4]);
      // Every row under the header with a number in the STT column is data.
      const expected: number[] = [];
      sheet.values.forEach((row, i) => {
        if (i + 1 > t.headerBottom && typeof row[0] === "number") expected.push(i + 1);
      });
      expect(t.dataRows).toEqual(expected);
    }
    expect(bySheet.get(SHEET_CELLS)!.skippedRows).toEqual([{ row: workbook.sheets[1].values.length, reason: "total" }]);
  });

  it("reads the commune from the title rows", () => {
    expect(bySheet.get(SHEET_CADRES)!.titleCommune).toMatch(/^(Xã|Phường) /);
  });

  it("still maps every field when the sample holds planted defects", () => {
    const withDefects = detectWorkbook(generateSample({ size: "commune", seed: 7, defects: true }).workbook);
    expect(withDefects.map((t) => [t.kind, Object.keys(t.columns).length])).toEqual(tables.map((t) => [t.kind, Object.keys(t.columns).length]));
  });
});
