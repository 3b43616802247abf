import { day } from "../model";
import { parseBirthMark, parseDigits, parseTerm } from "./misc";

describe("parseTerm", () => {
  it.each([
    ["2025-2030", "2025-2030"], ["2025 - 2030", "2025-2030"], ["2025–2030", "2025-2030"],
    ["Nhiệm kỳ 2020-2025", "2020-2025"], ["2025-2027", "2025-2027"], ["2025/2030", "2025-2030"],
  ])("reads %j as %j", (v, t) => expect(parseTerm(v)).toMatchObject({ kind: "value", value: t }));

  it.each(["2030-2025", "2025-2040", "2025", 2025, "abc", "#N/A"])("rejects %j", (v) => {
    expect(parseTerm(v).kind).toBe("problem");
  });

  it("reads blank as blank and reports spaces", () => {
    expect(parseTerm("").kind).toBe("blank");
    expect(parseTerm(" 2025-2030").problems).toEqual([{ code: "text/spaces", fix: "2025-2030" }]);
  });
});

describe("parseDigits", () => {
  it.each([
    ["01234567", "01234567"], ["01.234 567", "01234567"], ["0123-4567", "01234567"], [1234567, "1234567"], [" 007 ", "007"],
  ])("reads %j as %j, keeping leading zeros", (v, d) => expect(parseDigits(v)).toMatchObject({ kind: "value", value: d }));

  it.each(["12a", "A123", "12.", 12.5, -3, true, "#N/A"])("rejects %j", (v) => {
    const r = parseDigits(v);
    expect(r.kind).toBe("problem");
    expect(r.problems[0].code).toBe("type/integer");
  });

  it("reads blank as blank", () => expect(parseDigits("").kind).toBe("blank"));
});

describe("parseBirthMark", () => {
  it("gives birth and gender from a year", () => {
    expect(parseBirthMark("Nữ", 1980)).toEqual({ kind: "value", value: { gender: "Nữ", birth: { kind: "year", y: 1980 } }, problems: [] });
    expect(parseBirthMark("Nam", "05/06/1975")).toMatchObject({ value: { gender: "Nam", birth: day(1975, 6, 5) } });
  });
  it("gives gender only from an x mark", () => {
    expect(parseBirthMark("Nam", "x")).toMatchObject({ value: { gender: "Nam", birth: null } });
    expect(parseBirthMark("Nữ", true)).toMatchObject({ value: { gender: "Nữ", birth: null } });
  });
  it("reads blanks and reports unreadable values", () => {
    expect(parseBirthMark("Nam", "").kind).toBe("blank");
    expect(parseBirthMark("Nam", false).kind).toBe("blank");
    expect(parseBirthMark("Nam", "abc").problems[0].code).toBe("type/date");
    expect(parseBirthMark("Nam", "#N/A").problems).toEqual([{ code: "type/date" }]);
  });
});
