import { BLANK, fail, mapValue, ok, parseField, valueOf } from "./index";
import * as text from "../text";
import { fieldDef } from "../model";

describe("ParseResult helpers", () => {
  it("gives the value or null", () => {
    expect(valueOf(ok(3))).toBe(3);
    expect(valueOf(BLANK)).toBeNull();
    expect(valueOf(fail({ code: "type/integer" }))).toBeNull();
  });

  it("maps values and keeps problems", () => {
    expect(mapValue(ok(2, [{ code: "type/integer", detail: { vi: "d", en: "d" } }]), (n) => n * 2)).toEqual({
      kind: "value", value: 4, problems: [{ code: "type/integer", detail: { vi: "d", en: "d" } }],
    });
    const bad = fail<number>({ code: "type/integer" });
    expect(mapValue(bad, (n) => n * 2)).toBe(bad);
    expect(mapValue(BLANK, (n: number) => n)).toBe(BLANK);
  });

  it("exports the parsers and text helpers through the folder indexes", () => {
    expect(valueOf(parseField(fieldDef("cadres", "education"), "ĐH"))).toBe("Đại học");
    expect(text.detectLegacyEncoding("Hoµng V¨n Nam")).toBe("tcvn3");
    expect(text.fold("Đảng")).toBe("dang");
  });
});
