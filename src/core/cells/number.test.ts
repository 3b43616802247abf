import { parseInteger, parseNumber, readNumberText } from "./number";

describe("parseInteger", () => {
  it.each([
    [12, 12], ["12", 12], [12.0, 12], ["12.0", 12], ["12,0", 12], [" 12 ", 12], ["-3", -3], ["+4", 4],
    ["1.234", 1234], ["3.471", 3471], ["1.234.567", 1234567], ["3 471", 3471], [0, 0],
  ])("reads %j as %d", (v, n) => {
    expect(parseInteger(v)).toEqual({ kind: "value", value: n, problems: [] });
  });

  it.each([12.5, "12,5", "12.5", "abc", "12a", "1,234,567", true, "1.23.4"])("rejects %j", (v) => {
    const r = parseInteger(v);
    expect(r.kind).toBe("problem");
    expect(r.problems[0].code).toBe("type/integer");
  });

  it("rejects Excel errors, naming them", () => {
    expect(parseInteger("#REF!")).toEqual({ kind: "problem", problems: [{ code: "type/integer" }] });
  });

  it("reads blank as blank", () => {
    expect(parseInteger("").kind).toBe("blank");
    expect(parseInteger(" ").kind).toBe("blank");
  });

  it("keeps an out-of-range number but reports it, without a fix", () => {
    const r = parseInteger(2, { min: 3 });
    expect(r).toMatchObject({ kind: "value", value: 2 });
    expect(r.problems).toEqual([{ code: "type/integer", detail: { vi: "nhỏ hơn mức tối thiểu 3", en: "below the minimum of 3" } }]);
    expect(parseInteger(-1, { min: 0 }).problems[0].detail?.en).toBe("below the minimum of 0");
  });
});

describe("parseNumber", () => {
  it.each([
    [7.5, 7.5], ["7,5", 7.5], ["7.5", 7.5], ["95", 95], ["1.234,5", 1234.5], ["0,25", 0.25], ["-2,5", -2.5],
  ])("reads %j as %d", (v, n) => {
    expect(parseNumber(v)).toMatchObject({ kind: "value", value: n });
  });

  it.each(["7,5,1", "abc", "7.5%", false, "#DIV/0!"])("rejects %j", (v) => {
    const r = parseNumber(v);
    expect(r.kind).toBe("problem");
    expect(r.problems[0].code).toBe("type/number");
  });

  it("reports a score above 100", () => {
    expect(parseNumber(150, { min: 0, max: 100 }).problems).toEqual([{ code: "type/number", detail: { vi: "lớn hơn mức tối đa 100", en: "above the maximum of 100" } }]);
  });

  it("reads number text the Vietnamese way", () => {
    expect(readNumberText("", false)).toBeNull();
    expect(readNumberText("1.234", false)).toBe(1.234);
    expect(readNumberText("1.234", true)).toBe(1234);
  });
});
