import { checkDataset, countBySeverity } from "./index";
import { cadre, cell, dataset, fullYear, meeting, settings, YEAR_2026 } from "../../../test/factories/records";
import { day } from "../model";

describe("checkDataset", () => {
  it("gives nothing for a cell that does everything right", () => {
    const ds = dataset({ cells: [cell()], cadres: [cadre()], meetings: fullYear("Chi bộ Thôn 1", "Xã Yên Lạc") });
    expect(checkDataset(ds, [], settings(), YEAR_2026)).toEqual([]);
  });

  it("runs every kind of rule and sorts by sheet, row, column, rule", () => {
    const meetings = fullYear("Chi bộ Thôn 1", "Xã Yên Lạc");
    meetings[3] = meeting({ ...meetings[3], present: 25, total: 20, excused: 0, row: meetings[3].row });
    const ds = dataset({
      cells: [cell()],
      cadres: [cadre({ birth: day(1940, 1, 1), problems: [{ code: "text/spaces", field: "name", col: 1, value: " An" }] })],
      meetings,
    });
    const findings = checkDataset(ds, [], settings(), YEAR_2026);
    const rules = findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(["text/spaces", "cadre/age", "meeting/present-gt-total", "meeting/attendance-sum"]));
    const keys = findings.map((f) => [f.sheet, f.row]);
    expect(keys).toEqual([...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : (a[1] as number) - (b[1] as number))));
    expect(countBySeverity(findings)).toEqual({ error: 3, warning: 0, info: 1 });
  });

  it("keeps one `required` when the parse step and a context rule both report it", () => {
    const m = meeting({ commune: null, row: 4, problems: [{ code: "required", field: "commune", col: 2, value: "" }] });
    const found = checkDataset(dataset({ meetings: [m] }), [], settings({ today: day(2026, 1, 2) }), YEAR_2026).filter((f) => f.rule === "required");
    expect(found).toHaveLength(1);
  });

  it("keeps several missing months of one cell, though they share an anchor", () => {
    const found = checkDataset(dataset({ meetings: [meeting({ date: day(2026, 1, 5) })] }), [], settings(), YEAR_2026);
    expect(found.filter((f) => f.rule === "cell/monthly")).toHaveLength(11);
  });
});
