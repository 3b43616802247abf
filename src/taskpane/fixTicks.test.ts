import { ALL_TICKED, countTicks, isTicked, selectionOf, tickOne, tickScope } from "./fixTicks";

const CELLS = [
  { rule: "enum", sheet: "Cán bộ", count: 2 },
  { rule: "enum", sheet: "Sinh hoạt", count: 1 },
  { rule: "text/spaces", sheet: "Cán bộ", count: 3 },
] as const;
const ENUM = { rule: "enum" } as const;
const CAN_BO = { sheet: "Cán bộ" } as const;

describe("the fix panel's ticks", () => {
  test("a scope cleared then a crossing scope ticked: each fix takes the last that holds it", () => {
    const t = tickScope(tickScope(ALL_TICKED, ENUM, false), CAN_BO, true);
    expect(countTicks(t, {}, CELLS)).toEqual({ total: 6, chosen: 5 });
    expect(countTicks(t, ENUM, CELLS)).toEqual({ total: 3, chosen: 2 });
    expect(countTicks(t, { rule: "enum", sheet: "Sinh hoạt" }, CELLS)).toEqual({ total: 1, chosen: 0 });
  });
  test("a fix ticked by hand counts in every scope that holds it, and a scope ticked as a whole over it forgets it", () => {
    const place = { rule: "text/spaces", sheet: "Cán bộ" } as const;
    let t = tickOne(tickScope(ALL_TICKED, ENUM, false), "k", place);
    expect(isTicked(t, "k", place)).toBe(false);
    expect(countTicks(t, CAN_BO, CELLS)).toEqual({ total: 5, chosen: 2 });
    t = tickScope(t, ENUM, true); // another scope: the hand tick stays
    expect(t.toggled.size).toBe(1);
    t = tickScope(t, CAN_BO, true);
    expect(t.toggled.size).toBe(0);
    expect(countTicks(t, {}, CELLS)).toEqual({ total: 6, chosen: 6 });
  });
  test("a scope inside one ticked as a whole is dropped; every fix ticked or cleared at once starts over", () => {
    const t = tickScope(tickScope(ALL_TICKED, { rule: "enum", sheet: "Cán bộ" }, false), ENUM, true);
    expect(t.scopes).toEqual([{ rule: "enum", ticked: true }]);
    expect(selectionOf(tickScope(t, {}, false))).toEqual({ all: false, toggled: [] });
  });
});
