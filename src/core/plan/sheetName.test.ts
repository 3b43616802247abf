import fc from "fast-check";
import {
  FALLBACK_SHEET_NAME, MAX_SHEET_NAME_LENGTH, isLegalSheetName, legalSheetName, sameSheetName, uniqueSheetName, uniqueSheetNames,
} from "./sheetName";

/** Excel's own checks, written out independently of the implementation. */
function excelAccepts(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:/\\[\]*?]/.test(name) && !/^'|'$/.test(name) &&
     
    !/[\u0000-\u001f]/.test(name) && name.toUpperCase() !== "HISTORY";
}

describe("legalSheetName", () => {
  it("keeps a legal name as it is", () => {
    expect(legalSheetName("Tổng hợp")).toBe("Tổng hợp");
    expect(legalSheetName("x".repeat(31))).toBe("x".repeat(31));
    expect(legalSheetName("Sinh hoạt chi bộ Quý III-2025")).toBe("Sinh hoạt chi bộ Quý III-2025");
  });

  it("replaces each forbidden character with a dash", () => {
    expect(legalSheetName("Quý 3/2025")).toBe("Quý 3-2025");
    expect(legalSheetName("a:b\\c[d]e*f?g")).toBe("a-b-c-d-e-f-g");
  });

  it("cuts to 31 characters and never splits a surrogate pair", () => {
    expect(legalSheetName("Danh sách bí thư chi bộ các xã phường năm 2025")).toBe("Danh sách bí thư chi bộ các xã");
    const emoji = "x".repeat(30) + "😀";
    expect(legalSheetName(emoji)).toBe("x".repeat(30));
  });

  it("drops apostrophes and spaces at the ends, and control characters", () => {
    expect(legalSheetName("'Cán bộ'")).toBe("Cán bộ");
    expect(legalSheetName("  Cán\tbộ\r\n ")).toBe("Cán bộ");
    expect(legalSheetName("Cán\u001b[31mbộ")).toBe("Cán -31mbộ");
  });

  it("composes decomposed Vietnamese marks, so the 31 characters are letters", () => {
    expect(legalSheetName("Tổng hợp".normalize("NFD"))).toBe("Tổng hợp");
  });

  it("never returns History or an empty name", () => {
    expect(legalSheetName("History")).toBe("History (2)");
    expect(legalSheetName("HISTORY")).toBe("HISTORY (2)");
    expect(legalSheetName("")).toBe(FALLBACK_SHEET_NAME);
    expect(legalSheetName("''")).toBe(FALLBACK_SHEET_NAME);
    expect(legalSheetName("   ", "Tổng hợp")).toBe("Tổng hợp");
    expect(legalSheetName("", "")).toBe(FALLBACK_SHEET_NAME);
  });

  it("gives a name Excel accepts for any text", () => {
    fc.assert(fc.property(fc.fullUnicodeString({ maxLength: 80 }), (s) => {
      const name = legalSheetName(s);
      return excelAccepts(name) && isLegalSheetName(name) && legalSheetName(name) === name;
    }), { numRuns: 2000 });
  });
});

describe("uniqueSheetName", () => {
  it("counts up past names taken, ignoring case", () => {
    expect(uniqueSheetName("Tổng hợp", [])).toBe("Tổng hợp");
    expect(uniqueSheetName("Tổng hợp", ["TỔNG HỢP"])).toBe("Tổng hợp (2)");
    expect(uniqueSheetName("Tổng hợp", ["tổng hợp", "Tổng hợp (2)"])).toBe("Tổng hợp (3)");
  });

  it("shortens the stem so the suffix fits in 31 characters", () => {
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe("x".repeat(27) + " (2)");
    const taken = ["x".repeat(31), ...Array.from({ length: 8 }, (_, i) => "x".repeat(27) + ` (${i + 2})`)];
    expect(uniqueSheetName("x".repeat(31), taken)).toBe("x".repeat(26) + " (10)");
  });

  it("treats composed and decomposed spellings as one name", () => {
    expect(uniqueSheetName("Cán bộ", ["Cán bộ".normalize("NFD")])).toBe("Cán bộ (2)");
    expect(sameSheetName("Cán bộ", "CÁN BỘ".normalize("NFD"))).toBe(true);
  });

  it("always gives a legal name that none of the taken ones has", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 12 }), (wanted, taken) => {
      const name = uniqueSheetName(wanted, taken);
      return excelAccepts(name) && name.length <= MAX_SHEET_NAME_LENGTH && !taken.some((t) => sameSheetName(t, name));
    }), { numRuns: 1000 });
  });
});

describe("uniqueSheetNames", () => {
  it("makes a whole list legal and unique, the first of two clashing names keeping it", () => {
    const long = "Danh sách cấp ủy viên cơ sở năm 2025 (bản cuối)";
    expect(uniqueSheetNames(["Cán bộ", "cán bộ", long, long, "a/b", "History", ""])).toEqual([
      "Cán bộ", "cán bộ (2)", "Danh sách cấp ủy viên cơ sở năm", "Danh sách cấp ủy viên cơ sở (2)", "a-b", "History (2)", "Trang",
    ]);
  });
});
