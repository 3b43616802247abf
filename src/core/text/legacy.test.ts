import { detectLegacyEncoding, legacyScores, legacyToUnicode, unicodeToLegacy } from "./legacy";
import { allLowerLetters, isVietnameseSyllable } from "./vietnamese";

const LETTERS = allLowerLetters();

describe("the alphabet table", () => {
  it("has the 72 toned vowels and đ, all distinct", () => {
    expect(LETTERS).toHaveLength(73);
    expect(new Set(LETTERS).size).toBe(73);
    expect(LETTERS).toEqual(expect.arrayContaining(["à", "ặ", "ậ", "ễ", "ị", "ỗ", "ợ", "ữ", "ỵ", "đ"]));
  });
});

describe("TCVN3 (ABC, .VnTime)", () => {
  it("converts the brief's example", () => {
    expect(legacyToUnicode("Hoµng V¨n Nam", "tcvn3")).toBe("Hoàng Văn Nam");
    expect(legacyToUnicode("BÝ th\u00ad chi bé", "tcvn3")).toBe("Bí thư chi bộ");
    expect(legacyToUnicode("§¶ng bé x· Yªn L¹c", "tcvn3")).toBe("Đảng bộ xã Yên Lạc");
  });

  it.each(LETTERS)("round-trips the lower-case letter %s", (letter) => {
    const word = "x" + letter + "n";
    const legacy = unicodeToLegacy(word, "tcvn3");
    expect(legacy).toMatch(/^x[\u0061-\u007a\u00a1-\u00fe]n$/);
    expect(legacyToUnicode(legacy, "tcvn3")).toBe(word);
  });

  it("round-trips every letter in upper case inside a capitals word (.VnTimeH convention)", () => {
    for (const letter of LETTERS) {
      const word = "N" + letter.toUpperCase() + "M";
      expect(legacyToUnicode(unicodeToLegacy(word, "tcvn3"), "tcvn3")).toBe(word);
    }
  });

  it("has real codes only for the capitals Ă Â Ê Ô Ơ Ư Đ", () => {
    for (const cap of ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"]) {
      const code = unicodeToLegacy(cap, "tcvn3");
      expect(code.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
      expect(code.charCodeAt(0)).toBeLessThanOrEqual(0xa7);
      expect(legacyToUnicode(code, "tcvn3")).toBe(cap);
    }
  });

  it("loses the case of a toned capital that its word cannot tell (a limit of TCVN3 itself)", () => {
    // "Ấ" is written with the code of "ấ": alone, or in a Title-case word, it comes back lower-case.
    expect(unicodeToLegacy("Ấ", "tcvn3")).toBe(unicodeToLegacy("ấ", "tcvn3"));
    expect(legacyToUnicode(unicodeToLegacy("Ấn", "tcvn3"), "tcvn3")).toBe("ấn");
    // A whole text in capitals is taken as typed with a capitals font.
    expect(legacyToUnicode("HOµNG V¡N NAM", "tcvn3")).toBe("HOÀNG VĂN NAM");
    // One capital is not enough to tell.
    expect(legacyToUnicode("BÝ", "tcvn3")).toBe("Bí");
  });

  it("leaves ASCII untouched", () => {
    expect(legacyToUnicode("Nguyen Van A 123", "tcvn3")).toBe("Nguyen Van A 123");
  });
});

describe("VNI (VNI-Times)", () => {
  it("converts the brief's example", () => {
    expect(legacyToUnicode("Hoaøng Vaên Nam", "vni")).toBe("Hoàng Văn Nam");
    expect(legacyToUnicode("Phöôøng Ñoàng Xuaân", "vni")).toBe("Phường Đồng Xuân");
  });

  it.each(LETTERS)("round-trips %s in lower and upper case", (letter) => {
    for (const l of [letter, letter.toUpperCase()]) {
      const word = "x" + l + "n";
      const legacy = unicodeToLegacy(word, "vni");
      expect(legacyToUnicode(legacy, "vni")).toBe(word);
    }
  });

  it("keeps case exactly in capitals text", () => {
    const text = "NGUYỄN THỊ HƯỜNG, ĐẢNG BỘ PHƯỜNG";
    expect(legacyToUnicode(unicodeToLegacy(text, "vni"), "vni")).toBe(text);
  });

  it("round-trips a whole sentence with every letter", () => {
    const text = LETTERS.join(" ");
    expect(legacyToUnicode(unicodeToLegacy(text, "vni"), "vni")).toBe(text);
    expect(legacyToUnicode(unicodeToLegacy(text, "tcvn3"), "tcvn3")).toBe(text);
  });
});

describe("detectLegacyEncoding", () => {
  it.each([
    ["Hoµng V¨n Nam", "tcvn3"],
    ["Th¸i", "tcvn3"],
    ["Tµy", "tcvn3"],
    ["BÝ th\u00ad chi bé", "tcvn3"],
    ["HOµNG V¡N NAM", "tcvn3"],
    ["§¶ng bé x· Yªn L¹c", "tcvn3"],
    ["Hoaøng Vaên Nam", "vni"],
    ["Phöôøng", "vni"],
    ["Bí thö chi boä", "vni"],
    ["NGUYEÃN THÒ HÖÔØNG", "vni"],
  ])("finds %s as %s", (text, enc) => {
    expect(detectLegacyEncoding(text)).toBe(enc);
  });

  it.each([
    "Hoàng Văn Nam", "Lê Hà", "Hà", "Thúy", "Trần Thị Bích Ngọc", "Đại học",
    "Nguyễn Văn An", "Bí thư chi bộ", "Lê Thị Hà", "Hòa", "Tô Lâm", "Hà Tĩnh",
  ])("does not flag Unicode Vietnamese %s", (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it("does not flag decomposed (NFD) Vietnamese", () => {
    expect(detectLegacyEncoding("Hoàng Văn Nam".normalize("NFD"))).toBeNull();
  });

  it.each([
    "", "Meeting minutes", "Nguyen Van A", "José Martí", "Müller", "Jürgen Müller", "Raphaël",
    "Citroën", "Naïve café", "François", "São Paulo", "Ångström", "Björn Borg", "Señor", "Crème brûlée",
    "25°C", "© 2024", "½ ngày",
  ])("does not flag %s (English, or a stray accented letter)", (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  const PHRASES = [
    "Nguyễn Văn Hùng", "Trần Thị Thu Hường", "Lê Đức Thọ", "Phạm Ngọc Anh", "Đảng bộ xã Yên Lạc",
    "Chi bộ thôn Đông Sơn", "Bí thư chi bộ", "Phó Bí thư chi bộ", "Chi ủy viên", "Đại học", "Trung cấp",
    "Cử nhân", "Sinh hoạt chuyên đề về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Thường kỳ", "Trực tuyến", "Tổ dân phố số 5", "Lực lượng vũ trang", "Vũ Thị Mỹ Duyên", "Hoàng Quốc Việt",
  ];
  it.each(PHRASES)("detects and converts %s written in either legacy encoding", (phrase) => {
    for (const enc of ["tcvn3", "vni"] as const) {
      const legacy = unicodeToLegacy(phrase, enc);
      expect(detectLegacyEncoding(legacy)).toBe(enc);
      expect(legacyToUnicode(legacy, enc)).toBe(phrase);
    }
  });

  it("exposes its score: share of suspicious words that become Vietnamese syllables", () => {
    const [tcvn3, vni] = legacyScores("Hoµng V¨n Nam");
    expect(tcvn3).toMatchObject({ encoding: "tcvn3", good: 2, bad: 0, score: 1 });
    expect(vni.good).toBe(0);
    const mueller = legacyScores("Müller").find((s) => s.encoding === "tcvn3");
    expect(mueller).toMatchObject({ good: 0, bad: 1, score: 0 });
  });

  it("finds every letter's TCVN3 and VNI form in a realistic word", () => {
    for (const letter of LETTERS) {
      if (/^[aeiouy]$/.test(letter)) continue;
      const word = letter === "đ" ? "đi" : "th" + letter + "n";
      if (!isVietnameseSyllable(word)) continue;
      // A word that is already a valid Unicode syllable in legacy dress is ambiguous and may be skipped,
      // but it must never be detected as the wrong encoding.
      for (const enc of ["tcvn3", "vni"] as const) {
        const found = detectLegacyEncoding(unicodeToLegacy(word + " " + word, enc));
        expect([enc, null]).toContain(found);
      }
    }
  });
});

describe("isVietnameseSyllable", () => {
  it.each(["Hoàng", "nghiêng", "giường", "quyển", "Nguyễn", "người", "khuya", "thuở", "gì", "đi", "ĐẢNG"])(
    "accepts %s", (w) => expect(isVietnameseSyllable(w)).toBe(true),
  );
  it.each(["Hoaứng", "Mỹller", "Vaờn", "José", "xyz", "ảá", "strong"])("rejects %s", (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});
