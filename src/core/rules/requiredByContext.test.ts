import { required } from "./required";
import { cadre, cell, dataset, meeting } from "../../../test/factories/records";
import { runTableRule } from "../../../test/factories/rules";

describe("required (needs depending on other data)", () => {
  it("flags a meeting with no commune when CELLS does not give it", () => {
    const [f] = runTableRule(required, dataset({ meetings: [meeting({ commune: null, row: 3 })] }));
    expect(f).toMatchObject({ rule: "required", severity: "error", row: 3 });
  });
  it("accepts a meeting whose commune CELLS gives", () => {
    expect(runTableRule(required, dataset({ cells: [cell()], meetings: [meeting({ commune: null })] }))).toEqual([]);
  });
  it("reports a MEETINGS sheet with no commune column once, not per row", () => {
    const cols = { cell: 1, date: 2, kind: 3 };
    const rows = [meeting({ commune: null, cols }), meeting({ commune: null, cols })];
    expect(runTableRule(required, dataset({ meetings: rows }))).toHaveLength(1);
  });
  it("flags a cell-level cadre with no cell, not a committee member", () => {
    const ds = dataset({ cadres: [cadre({ cell: null, row: 5 }), cadre({ cell: null, role: "Đảng ủy viên" })] });
    expect(runTableRule(required, ds).map((f) => f.row)).toEqual([5]);
  });
});
