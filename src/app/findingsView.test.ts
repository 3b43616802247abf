import type { Finding, RuleId, Severity } from "../core/model";
import { findingsView, fixKey, fixableFindings, fixRequests, highlightTargets, selectFixes } from "./findingsView";
import { previewWorkbook } from "./preview";

function f(rule: RuleId, severity: Severity, sheet: string, row: number, fix: string | null = null): Finding {
  return {
    rule, severity, sheet, address: `B${row}`, row, column: "B", value: `v${row}`, message: { vi: `m${row}`, en: `e${row}` },
    fix: fix === null ? null : { value: fix, description: { vi: "d", en: "d" } },
  };
}

const ALL: Finding[] = [
  f("enum", "error", "Cán bộ", 2, "Đại học"),
  f("text/spaces", "info", "Cán bộ", 3, "An"),
  f("enum", "error", "Sinh hoạt", 4, "Tốt"),
  f("meeting/quality", "info", "Sinh hoạt", 5),
  f("enum", "error", "Cán bộ", 6, "Thạc sĩ"),
];

describe("findingsView", () => {
  test("counts every finding; the groups and their first page follow the filters", () => {
    const v = findingsView(ALL, { sheet: "Cán bộ" }, 1);
    expect(v.counts).toEqual({ error: 3, warning: 0, info: 2 });
    expect(v.sheets).toEqual(["Cán bộ", "Sinh hoạt"]);
    expect(v.matching).toBe(3);
    expect(v.fixable).toBe(3);
    expect(v.groups.map((g) => [g.key, g.count, g.items.length])).toEqual([["error:enum", 2, 1], ["info:text/spaces", 1, 1]]);
    expect(v.groups[0].items[0].address).toBe("B2");
    expect(v.fixRules).toEqual([{ rule: "enum", count: 2 }, { rule: "text/spaces", count: 1 }]);
    expect(v.fixSheets).toEqual([{ sheet: "Cán bộ", count: 3 }]);
    expect(v.fixCells).toEqual([{ rule: "enum", sheet: "Cán bộ", count: 2 }, { rule: "text/spaces", sheet: "Cán bộ", count: 1 }]);
  });
  test("errors first, then warnings, then notes; a rule's errors and notes are two groups", () => {
    const v = findingsView([f("type/date", "info", "Cán bộ", 3), f("type/date", "error", "Cán bộ", 9), f("enum", "warning", "Cán bộ", 2)], {});
    expect(v.groups.map((g) => g.key)).toEqual(["error:type/date", "warning:enum", "info:type/date"]);
  });
});

describe("fixes", () => {
  const fixable = fixableFindings(ALL, { severity: "error" });
  test("the fixable list under a filter keeps the check's order", () => {
    expect(fixable.map((x) => x.row)).toEqual([2, 4, 6]);
  });
  test("all but some, or only some, named by rule and cell", () => {
    expect(selectFixes(fixable, { all: true, toggled: [fixKey(fixable[1])] }).map((x) => x.row)).toEqual([2, 6]);
    expect(selectFixes(fixable, { all: false, toggled: [fixKey(fixable[2]), fixKey(fixable[0]), "enum\u0000Khác\u0000B9"] }).map((x) => x.row)).toEqual([2, 6]);
  });
  test("a scope ticked or cleared as a whole sets its fixes' default, the last one over the earlier; hand ticks flip it", () => {
    const all = fixableFindings(ALL, {});
    const rows = (scopes: Array<{ rule?: RuleId; sheet?: string; ticked: boolean }>, toggled: string[] = []) =>
      selectFixes(all, { all: true, scopes, toggled }).map((x) => x.row);
    expect(rows([{ rule: "enum", ticked: false }])).toEqual([3]);
    expect(rows([{ rule: "enum", ticked: false }, { sheet: "Sinh hoạt", ticked: true }])).toEqual([3, 4]);
    expect(rows([{ sheet: "Sinh hoạt", ticked: true }, { rule: "enum", ticked: false }], [fixKey(all[0])])).toEqual([2, 3]);
  });
  test("one request per cell, with the value the check saw", () => {
    expect(fixRequests([ALL[0], { ...ALL[0], fix: { value: "x", description: { vi: "", en: "" } } }])).toEqual([
      { sheet: "Cán bộ", address: "B2", expected: "v2", value: "Đại học" },
    ]);
  });
});

test("highlight targets carry only where, how bad and the value the check saw (a changed cell is left alone)", () => {
  expect(highlightTargets(ALL, { severity: "info" })).toEqual([
    { sheet: "Cán bộ", address: "B3", severity: "info", value: "v3" },
    { sheet: "Sinh hoạt", address: "B5", severity: "info", value: "v5" },
  ]);
});

test("the preview keeps header rows and the first data rows of each table, nothing else", () => {
  const values = Array.from({ length: 20 }, (_, i) => [`r${i + 3}`]);
  const wb = { sheets: [{ name: "S", originRow: 3, originCol: 1, values }, { name: "Other", originRow: 1, originCol: 1, values: [["x"]] }] };
  const table = {
    kind: "cadres" as const, sheet: "S", headerTop: 4, headerBottom: 5, dataRows: [7, 8, 9, 10, 11, 12, 13], skippedRows: [],
    columns: {}, unmapped: [], confidence: 1, source: "detected" as const,
  };
  const p = previewWorkbook(wb, [table]);
  const kept = p.sheets[0].values.flatMap((r, i) => (r ? [i + 3] : []));
  expect(kept).toEqual([4, 5, 7, 8, 9, 10, 11]);
  expect(p.sheets[0].values[1]).toEqual(["r4"]);
  expect(p.sheets[1]).toEqual({ name: "Other", originRow: 1, originCol: 1, values: [] });
});
