import { detectTables } from "../../src/core/detect";
import { DetectedTable } from "../../src/core/model/tables";
import { LAYOUTS } from "../fixtures/layouts";

function mapping(t: DetectedTable): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [field, m] of Object.entries(t.columns)) if (m) out[field] = m.col;
  return out;
}

describe("detectTables on realistic layouts", () => {
  it("has at least ten layouts", () => {
    expect(LAYOUTS.length).toBeGreaterThanOrEqual(10);
  });

  for (const layout of LAYOUTS) {
    describe(`${layout.name}: ${layout.about}`, () => {
      const found = detectTables(layout.sheet);

      it("finds exactly the expected tables", () => {
        expect(found.map((t) => t.kind)).toEqual(layout.expected.map((e) => e.kind));
      });

      layout.expected.forEach((exp, i) => {
        it(`table ${i + 1} (${exp.kind}): header rows, column mapping, data rows`, () => {
          const t = found[i];
          expect(t).toBeDefined();
          expect(t.sheet).toBe(layout.sheet.name);
          expect(t.source).toBe("detected");
          expect([t.headerTop, t.headerBottom]).toEqual([exp.headerTop, exp.headerBottom]);
          expect(mapping(t)).toEqual(exp.columns);
          expect(t.dataRows).toEqual(exp.dataRows);
          if (exp.unmapped) expect(t.unmapped.map((u) => u.col)).toEqual(exp.unmapped);
          if (exp.skipped) expect(t.skippedRows).toEqual(exp.skipped);
          expect(t.titleCommune).toBe(exp.titleCommune);
          expect(t.confidence).toBeGreaterThan(0.5);
          expect(t.confidence).toBeLessThanOrEqual(1);
        });
      });
    });
  }
});
