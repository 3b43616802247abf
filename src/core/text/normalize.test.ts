import { cleanSpaces, isDecomposed, toNfc } from "./normalize";
import { fold, foldKeepPunctuation } from "./fold";

describe("cleanSpaces", () => {
  it.each([
    ["Nguyễn Văn An", "Nguyễn Văn An", false],
    ["  Nguyễn Văn An ", "Nguyễn Văn An", true],
    ["Nguyễn  Văn   An", "Nguyễn Văn An", true],
    ["Nguyễn\u00a0Văn An", "Nguyễn Văn An", true],
    ["Nguyễn\tVăn\u200bAn", "Nguyễn VănAn", true],
    ["Dòng 1 \n  Dòng 2", "Dòng 1\nDòng 2", true],
    ["Dòng 1\r\n\r\nDòng 2", "Dòng 1\nDòng 2", true],
    ["", "", false],
    ["   ", "", true],
  ])("%j -> %j (changed %s)", (input, text, changed) => {
    expect(cleanSpaces(input)).toEqual({ text, changed });
  });
});

describe("Unicode form", () => {
  it("tells decomposed text from composed", () => {
    const nfd = "Hoàng Văn Nam".normalize("NFD");
    expect(isDecomposed(nfd)).toBe(true);
    expect(isDecomposed("Hoàng Văn Nam")).toBe(false);
    expect(isDecomposed("plain ascii")).toBe(false);
    expect(toNfc(nfd)).toBe("Hoàng Văn Nam");
  });
});

describe("fold", () => {
  it("matches headers without diacritics, case or extra spaces", () => {
    expect(fold("Đảng bộ  XÃ")).toBe("dang bo xa");
    expect(fold("Đảng bộ xã".normalize("NFD"))).toBe("dang bo xa");
    expect(foldKeepPunctuation("Nhiệm kỳ  2025-2030")).toBe("nhiem ky 2025-2030");
  });
});
