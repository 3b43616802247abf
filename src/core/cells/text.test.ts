import { parseText, readText } from "./text";

describe("parseText", () => {
  it("reads clean Unicode as it is", () => {
    expect(parseText("Nguyễn Văn An")).toEqual({ kind: "value", value: "Nguyễn Văn An", problems: [] });
  });

  it("reports extra spaces with the cleaned text as the fix", () => {
    expect(parseText(" Nguyễn  Văn An ")).toEqual({
      kind: "value", value: "Nguyễn Văn An", problems: [{ code: "text/spaces", fix: "Nguyễn Văn An" }],
    });
  });

  it("reports decomposed text with NFC as the fix", () => {
    const nfd = "Hoàng Văn Nam".normalize("NFD");
    expect(parseText(nfd)).toEqual({
      kind: "value", value: "Hoàng Văn Nam", problems: [{ code: "text/unicode-form", fix: "Hoàng Văn Nam" }],
    });
  });

  it("converts TCVN3 and VNI, naming the encoding, and reads the converted text", () => {
    expect(parseText("Hoµng V¨n Nam")).toEqual({
      kind: "value", value: "Hoàng Văn Nam",
      problems: [{ code: "text/legacy-encoding", detail: { vi: "TCVN3 (ABC, phông .VnTime)", en: "TCVN3 (ABC, .VnTime fonts)" }, fix: "Hoàng Văn Nam" }],
    });
    expect(parseText("Hoaøng Vaên Nam")).toMatchObject({ value: "Hoàng Văn Nam", problems: [{ code: "text/legacy-encoding", detail: { vi: "VNI (phông VNI-Times)", en: "VNI (VNI-Times fonts)" } }] });
  });

  it("gives every problem the same, fully cleaned fix", () => {
    const r = readText("  Hoµng  V¨n Nam");
    expect(r.text).toBe("Hoàng Văn Nam");
    expect(r.problems.map((p) => p.code)).toEqual(["text/legacy-encoding", "text/spaces"]);
    expect(new Set(r.problems.map((p) => p.fix))).toEqual(new Set(["Hoàng Văn Nam"]));
  });

  it("reads numbers and booleans as their text, blank as blank, errors as problems", () => {
    expect(parseText(123)).toMatchObject({ kind: "value", value: "123" });
    expect(parseText(true)).toMatchObject({ kind: "value", value: "TRUE" });
    expect(parseText("").kind).toBe("blank");
    expect(parseText("  ").kind).toBe("blank");
    expect(parseText("#N/A")).toEqual({ kind: "problem", problems: [{ code: "type/number" }] });
  });
});
