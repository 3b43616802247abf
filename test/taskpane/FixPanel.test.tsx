/** @jest-environment jsdom */
import { act, configure, fireEvent, render, screen, within } from "@testing-library/react";
import { FixPanel, type FixScope } from "../../src/taskpane/FixPanel";
import type { FixSelection } from "../../src/app/engine";
import { findingsView, fixableFindings, selectFixes } from "../../src/app/findingsView";
import type { Finding, RuleId } from "../../src/core/model";
import { failOnReactWarnings } from "./reactWarnings";

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);
failOnReactWarnings();

function fix(rule: RuleId, sheet: string, row: number): Finding {
  return {
    rule, severity: "error", sheet, address: `B${row}`, row, column: "B", value: "v", message: { vi: "m", en: "m" },
    fix: { value: "w", description: { vi: "d", en: "d" } },
  };
}

const FIXES = [
  fix("enum", "Cán bộ", 2), fix("enum", "Cán bộ", 3), fix("enum", "Sinh hoạt", 4),
  fix("text/spaces", "Cán bộ", 5), fix("text/spaces", "Cán bộ", 6), fix("text/spaces", "Sinh hoạt", 7),
];

function setup() {
  const view = findingsView(FIXES, {});
  const applied: Array<{ scope: FixScope; selection: FixSelection; n: number }> = [];
  render(
    <FixPanel count={view.fixable} rules={view.fixRules} sheets={view.fixSheets} cells={view.fixCells}
      loadPage={async (scope, offset, limit) => {
        const all = fixableFindings(FIXES, scope);
        return { total: all.length, items: all.slice(offset, offset + limit) };
      }}
      onApply={(scope, selection, n) => applied.push({ scope, selection, n })} onClose={() => undefined} />,
  );
  const panel = screen.getByTestId("fix-panel");
  const narrow = async (rule: string, sheet: string) => {
    await act(async () => {
      fireEvent.change(screen.getByTestId("fix-rule"), { target: { value: rule } });
      fireEvent.change(screen.getByTestId("fix-sheet"), { target: { value: sheet } });
    });
    await within(panel).findByRole("checkbox", { name: /^Chọn tất cả/ });
  };
  const selectAll = () => fireEvent.click(within(panel).getByRole("checkbox", { name: /^Chọn tất cả/ }));
  const tick = (cell: string) => fireEvent.click(within(panel).getByRole("checkbox", { name: new RegExp(`^${cell} ?:`) }));
  const applyCount = () => Number(/Áp dụng (\d+)/.exec(within(panel).getByRole("button", { name: /^Áp dụng/ }).textContent ?? "")?.[1]);
  const ticked = () => within(panel).getAllByRole("listitem")
    .map((li) => [/^(.+?!B\d+) ?:/.exec(li.textContent ?? "")?.[1], li.querySelector("input")?.checked]);
  return { panel, applied, narrow, selectAll, tick, applyCount, ticked };
}

describe("Sửa tự động: ticks by rule and by sheet", () => {
  test("'select all' in one rule or sheet changes the ticks of that scope only; ticks set elsewhere stay", async () => {
    const p = setup();
    await p.narrow("text/spaces", "");
    p.tick("Cán bộ!B5");
    expect(p.applyCount()).toBe(2);

    // Clear every fix of the rule "enum": the ticks of "text/spaces" are another scope's.
    await p.narrow("enum", "");
    p.selectAll();
    expect(p.applyCount()).toBe(0);
    expect(p.ticked()).toEqual([["Cán bộ!B2", false], ["Cán bộ!B3", false], ["Sinh hoạt!B4", false]]);
    await p.narrow("text/spaces", "");
    expect(p.ticked()).toEqual([["Cán bộ!B5", false], ["Cán bộ!B6", true], ["Sinh hoạt!B7", true]]);
    expect(p.applyCount()).toBe(2);

    // Every fix: the cleared rule and the one left out by hand add up, and the box says "some".
    await p.narrow("", "");
    expect(p.applyCount()).toBe(2);
    expect((within(p.panel).getByRole("checkbox", { name: /^Chọn tất cả/ }) as HTMLInputElement).indeterminate).toBe(true);

    // Select all of one sheet, across both rules: the other sheet's cleared fix stays cleared.
    await p.narrow("", "Cán bộ");
    expect(p.applyCount()).toBe(1);
    p.selectAll();
    expect(p.applyCount()).toBe(4);
    await p.narrow("enum", "Sinh hoạt");
    expect(p.ticked()).toEqual([["Sinh hoạt!B4", false]]);
    expect(p.applyCount()).toBe(0);
    await p.narrow("enum", "");
    expect(p.applyCount()).toBe(2);

    // What is applied is what was shown: the engine picks the same fixes from the selection.
    await p.narrow("", "");
    expect(p.applyCount()).toBe(5);
    fireEvent.click(within(p.panel).getByRole("button", { name: /^Áp dụng/ }));
    const [{ scope, selection, n }] = p.applied;
    expect(n).toBe(5);
    expect(selectFixes(fixableFindings(FIXES, scope), selection).map((f) => `${f.sheet}!${f.address}`))
      .toEqual(["Cán bộ!B2", "Cán bộ!B3", "Cán bộ!B5", "Cán bộ!B6", "Sinh hoạt!B7"]);
  });

  test("'select all' over every fix starts over for all of them, and clears them all", async () => {
    const p = setup();
    await p.narrow("enum", "");
    p.tick("Cán bộ!B2");
    await p.narrow("", "");
    expect(p.applyCount()).toBe(5);
    p.selectAll(); // some are ticked: the box ticks them all
    expect(p.applyCount()).toBe(6);
    p.selectAll();
    expect(p.applyCount()).toBe(0);
    await p.narrow("text/spaces", "Sinh hoạt");
    expect(p.ticked()).toEqual([["Sinh hoạt!B7", false]]);
  });
});
