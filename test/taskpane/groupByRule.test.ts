import { groupByRule } from "../../src/taskpane/FindingsList";
import type { Finding, RuleId, Severity } from "../../src/core/model";

function finding(rule: RuleId, severity: Severity, row: number): Finding {
  return { rule, severity, sheet: "Cán bộ", address: `C${row}`, row, column: "C", value: "", message: "", messageEn: "", fix: null };
}

describe("groupByRule", () => {
  it("puts the worst group first and, inside a mixed group, the worst findings on top", () => {
    const groups = groupByRule([
      finding("type/date", "info", 5),
      finding("text/spaces", "info", 6),
      finding("type/date", "info", 7),
      finding("type/date", "error", 9),
      finding("meeting/duration", "warning", 3),
    ]);
    expect(groups.map((g) => [g.rule, g.severity])).toEqual([
      ["type/date", "error"],
      ["meeting/duration", "warning"],
      ["text/spaces", "info"],
    ]);
    // The error (row 9) leads its group; the infos keep their sheet order after it.
    expect(groups[0].items.map((f) => f.row)).toEqual([9, 5, 7]);
  });
});
