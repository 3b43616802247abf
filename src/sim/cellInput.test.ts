import { formulaValue, interpretInput, looksLikeFormula, usDateSerial } from "./cellInput";

describe("what Excel stores for a written value", () => {
  it("takes =, +x, -x and @x as formulas, but not numbers", () => {
    expect(["=A1", "+A1", "-cmd", "@SUM(A1)"].map(looksLikeFormula)).toEqual([true, true, true, true]);
    expect(["=", "-5", "+1.5e3", "-12%", "abc", ""].map(looksLikeFormula)).toEqual([false, false, false, false, false, false]);
  });

  it("evaluates only literal formulas and HYPERLINK labels", () => {
    expect(formulaValue('="Tổng"')).toBe("Tổng");
    expect(formulaValue("=12")).toBe(12);
    expect(formulaValue('=HYPERLINK("#\'Cán bộ\'!A5","A5")')).toBe("A5");
    expect(formulaValue("=SUM(A1:A3)")).toBe(0);
  });

  it("converts text the way a General cell does, and keeps it under @", () => {
    expect(interpretInput("0123", "General")).toEqual({ value: 123 });
    expect(interpretInput("0123", "@")).toEqual({ value: "0123" });
    expect(interpretInput("=1+1", "@")).toEqual({ value: "=1+1" });
    expect(interpretInput("'=1+1", "General")).toEqual({ value: "=1+1" });
    expect(interpretInput("false", "General")).toEqual({ value: false });
    expect(interpretInput("1/13/2020", "General")).toEqual({ value: 43843, numberFormat: "m/d/yyyy" });
    expect(interpretInput("13/1/2020", "General")).toEqual({ value: "13/1/2020" });
    expect(interpretInput("-x", "General")).toEqual({ value: 0, formula: "=-x" });
  });

  it("refuses what a cell cannot hold", () => {
    expect(() => interpretInput(NaN, "General")).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    expect(() => interpretInput({}, "General")).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    expect(() => interpretInput("x".repeat(32_768), "General")).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    expect(() => interpretInput("=" + "A".repeat(8192), "General")).toThrow(expect.objectContaining({ code: "FormulaLengthExceedsLimit" }));
  });

  it("counts dates from 30/12/1899", () => {
    expect(usDateSerial(1, 1, 1900)).toBe(1);
    expect(usDateSerial(2, 28, 1900)).toBe(59);
    expect(usDateSerial(3, 1, 1900)).toBe(61);
    expect(usDateSerial(2, 30, 2020)).toBeNull();
  });
});
