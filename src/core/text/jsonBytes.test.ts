import fc from "fast-check";
import { jsonBytes, utf8Bytes } from "./jsonBytes";

const reference = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? "", "utf8");

describe("jsonBytes", () => {
  test("equals the UTF-8 length of JSON.stringify for range values of any text", () => {
    const cell = fc.oneof(
      fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.double(), fc.integer(), fc.boolean(), fc.constant(""),
      fc.constantFrom("Nguyễn Văn An", "Hoµng V¨n Nam", 'a"b\\c\n\t\u0001\u007f', "\ud800x", "x\udc00", "😀"),
    );
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }), (rows) => jsonBytes(rows) === reference(rows)), { numRuns: 2000 });
  });
  test("and for any JSON-like value: objects, nesting, big and small numbers", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => jsonBytes(v) === reference(v)), { numRuns: 2000 });
    fc.assert(fc.property(fc.anything(), (v) => jsonBytes(v) === reference(v)), { numRuns: 1000 });
    for (const n of [0, -0, 9, 10, -10, 99999, 1e20, 1e21, -1e21, 2 ** 53, 0.1, 1e-7, 123.456]) expect(jsonBytes(n)).toBe(reference(n));
  });
  test("holes, undefined and odd values inside arrays are null, as JSON writes them", () => {
    const sparse: unknown[] = [];
    sparse[3] = "x";
    for (const v of [sparse, [undefined, () => 1, Symbol("s")], [NaN, Infinity, -0, null], [{ a: "ố" }], [new Date(0)], -1.5e-7]) {
      expect(jsonBytes(v)).toBe(reference(v));
    }
    expect(jsonBytes(undefined)).toBe(0);
  });
  test("utf8Bytes counts as an encoder does", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => utf8Bytes(s) === Buffer.byteLength(s, "utf8")));
  });
});
