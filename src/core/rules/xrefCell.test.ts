import { xrefCell } from "./xrefCell";
import { cadre, cell, dataset, meeting } from "../../../test/factories/records";
import { runTableRule } from "../../../test/factories/rules";

describe("xref/cell", () => {
  const cells = [cell({ cell: "Chi bộ Thôn Đông Hòa" }), cell({ cell: "Chi bộ Thôn Tây Sơn" }), cell({ cell: "Chi bộ Thôn Bắc Hà", commune: "Xã Khác" })];
  it("flags a meeting's cell missing from CELLS, with the same commune's closest name as fix", () => {
    const m = meeting({ cell: "Chi bộ Thôn Đôg Hòa", row: 21 });
    const [f, ...rest] = runTableRule(xrefCell, dataset({ cells, meetings: [m] }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "xref/cell", severity: "error", row: 21, value: "Chi bộ Thôn Đôg Hòa", fix: { value: "Chi bộ Thôn Đông Hòa" } });
  });
  it("flags a cadre's cell too; gives no fix when the near name is in another commune", () => {
    const c = cadre({ cell: "Chi bộ Thôn Bac Ha", row: 6 });
    const [f] = runTableRule(xrefCell, dataset({ cells, cadres: [c] }));
    expect(f).toMatchObject({ row: 6, fix: null });
  });
  it("accepts names that differ only in case or spacing, and rows whose commune CELLS gives", () => {
    const rows = [meeting({ cell: "chi bộ thôn đông hòa" }), meeting({ cell: "Chi bộ Thôn Bắc Hà", commune: null })];
    expect(runTableRule(xrefCell, dataset({ cells, meetings: rows }))).toEqual([]);
  });
  it("flags a name typed without diacritics, fixing it when one cell of the commune folds to it", () => {
    const [f] = runTableRule(xrefCell, dataset({ cells, meetings: [meeting({ cell: "Chi bo Thon Tay Son" })] }));
    expect(f.fix).toMatchObject({ value: "Chi bộ Thôn Tây Sơn" });
    // Counted as that cell (text/identity), so only a warning: the report is right, the sheet should still agree.
    expect(f.severity).toBe("warning");
    const twins = [cell({ cell: "Chi bộ Thôn Đồng" }), cell({ cell: "Chi bộ Thôn Đông" })];
    expect(runTableRule(xrefCell, dataset({ cells: twins, meetings: [meeting({ cell: "Chi bộ Thôn Đồng" })] }))).toEqual([]);
    expect(runTableRule(xrefCell, dataset({ cells: twins, meetings: [meeting({ cell: "Chi bo Thon Dong" })] }))[0].fix).toBeNull();
  });
  it("is silent without a CELLS sheet", () => {
    expect(runTableRule(xrefCell, dataset({ meetings: [meeting({ cell: "Chi bộ lạ" })] }))).toEqual([]);
  });
});
